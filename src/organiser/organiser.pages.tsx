import type { FastifyInstance } from "fastify";
import { registerFairPages } from "./fair.pages.tsx";
import { registerMemberPages } from "./members.pages.tsx";
import { registerOrganisationPages } from "./organisation.pages.tsx";

const personal = /^\/(mein-bereich|einladung)(\/|\?|$)/;

/** The organiser area under /mein-bereich and the invitation link /einladung/:token. */
export function registerOrganiserPages(app: FastifyInstance): void {
  // Every page here is about the logged-in user: never let a shared or browser cache keep it.
  app.addHook("onSend", async (request, reply) => {
    if (personal.test(request.url)) reply.header("cache-control", "private, no-store");
  });
  registerOrganisationPages(app);
  registerMemberPages(app);
  registerFairPages(app);
}
