import type { Db } from "../db/client.ts";
import type { Lang } from "./language.ts";

export type Role = "organiser" | "coordinator" | "editor" | "admin";

/** Who acts: the logged-in user with the organisations they belong to and the states they coordinate. */
export type Actor = {
  userId: number;
  name: string;
  email: string;
  role: Role;
  language: Lang;
  /** Organisations the user is a member (or owner) of. */
  organisationIds: readonly number[];
  /** States a coordinator is bound to (empty for other roles). */
  stateCodes: readonly string[];
};

/** What every domain verb receives: the database handle and who acts (null when anonymous). */
export type VerbCtx = { db: Db; actor: Actor | null };

declare module "fastify" {
  interface FastifyRequest {
    /** Set from the session cookie before the handler runs; null when nobody is logged in. */
    actor: Actor | null;
  }
}

/** Editors and admins act for all states. */
export const isNational = (actor: Actor): boolean => actor.role === "editor" || actor.role === "admin";

/** Whether the actor may review/coordinate things located in a state. */
export const coordinatesState = (actor: Actor, stateCode: string): boolean =>
  isNational(actor) || (actor.role === "coordinator" && actor.stateCodes.includes(stateCode));

/** Whether the actor may manage an organisation's profile and events as a member. */
export const isMemberOf = (actor: Actor, organisationId: number): boolean => actor.organisationIds.includes(organisationId);

/**
 * The operator's command line (e.g. `import`): acts with an admin's rights as no user account; history,
 * audit and import rows record it as no user (null) under this name.
 */
export const systemActor = (name: string): Actor => ({
  userId: 0,
  name,
  email: "",
  role: "admin",
  language: "en",
  organisationIds: [],
  stateCodes: [],
});

/** The user id to store for an actor: null for the system actor (no user row). */
export const storedUserId = (actor: Pick<Actor, "userId">): number | null => (actor.userId > 0 ? actor.userId : null);
