import type { FastifyInstance } from "fastify";
import { registerFairPages } from "./fair.pages.tsx";
import { registerMemberPages } from "./members.pages.tsx";
import { registerOrganisationPages } from "./organisation.pages.tsx";

/** The organiser area under /mein-bereich and the invitation link /einladung/:token. */
export function registerOrganiserPages(app: FastifyInstance): void {
  registerOrganisationPages(app);
  registerMemberPages(app);
  registerFairPages(app);
}
