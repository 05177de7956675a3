import type { FastifyInstance } from "fastify";
import { isNational } from "../lib/actor.ts";
import { AppError } from "../lib/errors.ts";
import { pageBase } from "../organiser/organiser-page-kit.ts";
import { loadTaxonomies, termName } from "../taxonomies/taxonomy-queries.ts";
import { sendPage } from "../views/render.ts";
import { type AuditList, listAudit } from "./list-audit.ts";
import { AuditFilter } from "./moderation.schemas.ts";
import { requireReviewer } from "./review-access.ts";
import { AuditPage, auditPath } from "./views/AuditPage.tsx";

const strings = (query: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries((query ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"),
  );

/** The audit log browse page (editors and admins all, coordinators their Länder, organisers 404). */
export function registerAuditPages(app: FastifyInstance): void {
  app.get(auditPath, async (request, reply) => {
    const base = await pageBase(app, request);
    const actor = requireReviewer(base.actor);
    const raw = strings(request.query);
    const taxonomies = await loadTaxonomies(app.database.db);
    const states = taxonomies.states
      .filter((s) => s.kind === "land" && (isNational(actor) || actor.stateCodes.includes(s.code)))
      .map((s) => ({ value: s.code, label: termName(taxonomies.states, s.code, base.ctx.lang) }));
    let list: AuditList;
    let invalid: string[] = [];
    try {
      list = await listAudit({ ctx: base.verb, input: request.query });
    } catch (error) {
      if (!(error instanceof AppError && error.code === "bad_request")) throw error;
      // Malformed filters: say which, show the form again, list nothing.
      invalid = Object.keys(error.fields);
      list = { filter: AuditFilter.parse({}), entries: [], total: 0, pages: 1, actions: [] };
    }
    return sendPage(reply, <AuditPage base={base} view={{ list, states, invalid, raw }} />, invalid.length ? 400 : 200);
  });
}
