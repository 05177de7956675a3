import type { FastifyRequest } from "fastify";
import type { Actor } from "../lib/actor.ts";
import { AppError } from "../lib/errors.ts";

/** The logged-in actor, or an `unauthenticated` error (HTML routes redirect to /anmelden, JSON answers 401). */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthenticated", "Login required");
  return request.actor;
}
