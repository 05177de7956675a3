import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfToken } from "../accounts/csrf.ts";
import { AppError } from "../lib/errors.ts";
import { fieldErrorsOf, formOf, noticeOf, type PageBase, pageBase } from "../organiser/organiser-page-kit.ts";
import { loadTaxonomies, termName } from "../taxonomies/taxonomy-queries.ts";
import type { Option } from "../views/form/inputs.tsx";
import { sendPage } from "../views/render.ts";
import { changeUserRole } from "./change-user-role.ts";
import { createUserAccount } from "./create-user-account.ts";
import { listUsers, type UserList } from "./list-users.ts";
import { loadManagedUser } from "./load-user.ts";
import { resendUserVerification } from "./resend-user-verification.ts";
import { deactivateUser, reactivateUser } from "./set-user-active.ts";
import { parseFilter, UserFilter } from "./users.schemas.ts";
import { requireUserAdmin } from "./users-access.ts";
import { NewUserPage } from "./views/NewUserPage.tsx";
import { UserPage, type UserView } from "./views/UserPage.tsx";
import { UsersPage, usersPath } from "./views/UsersPage.tsx";

type IdParams = { Params: { id: string } };

/** The query's string values (anything else is dropped), to show a filter form back. */
export const stringsOf = (query: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries((query ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"),
  );

/** The Länder (not online/international) as options, in the reader's language. */
export async function landOptions(app: FastifyInstance, base: PageBase): Promise<Option[]> {
  const taxonomies = await loadTaxonomies(app.database.db);
  return taxonomies.states
    .filter((s) => s.kind === "land")
    .map((s) => ({ value: s.code, label: termName(taxonomies.states, s.code, base.ctx.lang) }));
}

/** The page base of an editor or admin; anyone else gets 404 (anonymous: the login) before anything is read. */
export async function officeBase(app: FastifyInstance, request: FastifyRequest): Promise<PageBase> {
  const base = await pageBase(app, request);
  requireUserAdmin(base.actor);
  return base;
}

/** /mein-bereich/nutzer: the office's user administration (editors and admins; others 404). */
export function registerUserPages(app: FastifyInstance): void {
  app.get(usersPath, async (request, reply) => {
    const base = await officeBase(app, request);
    const raw = stringsOf(request.query);
    let list: UserList;
    let invalid: string[] = [];
    try {
      list = await listUsers({ ctx: base.verb, input: request.query });
    } catch (error) {
      if (!(error instanceof AppError && error.code === "bad_request")) throw error;
      invalid = Object.keys(error.fields);
      list = { filter: parseFilter(UserFilter, {}), users: [], total: 0, pages: 1 };
    }
    const view = { list, states: await landOptions(app, base), invalid, raw };
    return sendPage(reply, <UsersPage base={base} view={view} />, invalid.length ? 400 : 200);
  });

  const renderNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    base: PageBase,
    values: Record<string, unknown>,
    errors: Record<string, string>,
  ) => {
    const view = { states: await landOptions(app, base), csrf: csrfToken(request, reply), values, errors };
    return sendPage(reply, <NewUserPage base={base} view={view} />, Object.keys(errors).length ? 422 : 200);
  };
  app.get(`${usersPath}/neu`, async (request, reply) => renderNew(request, reply, await officeBase(app, request), {}, {}));
  app.post(`${usersPath}/neu`, async (request, reply) => {
    const base = await officeBase(app, request);
    const values = formOf(request);
    try {
      const { id } = await createUserAccount({ ctx: base.verb, input: values });
      return reply.redirect(base.ctx.href(`${usersPath}/${id}`, { notice: "userCreated" }), 303);
    } catch (error) {
      return renderNew(request, reply, base, values, fieldErrorsOf(error));
    }
  });

  const renderUser = async (request: FastifyRequest, reply: FastifyReply, base: PageBase, id: string, extra: Partial<UserView> = {}) => {
    const user = await loadManagedUser({ ctx: base.verb, input: { id } });
    const view: UserView = {
      user,
      states: await landOptions(app, base),
      csrf: csrfToken(request, reply),
      values: {},
      errors: {},
      notice: noticeOf(base.ctx, request),
      ...extra,
    };
    return sendPage(reply, <UserPage base={base} view={view} />, Object.keys(view.errors).length ? 422 : 200);
  };
  app.get<IdParams>(`${usersPath}/:id`, async (request, reply) =>
    renderUser(request, reply, await officeBase(app, request), request.params.id),
  );

  app.post<IdParams>(`${usersPath}/:id/rolle`, async (request, reply) => {
    const base = await officeBase(app, request);
    const values = formOf(request);
    try {
      await changeUserRole({ ctx: base.verb, input: { ...values, id: request.params.id } });
      return reply.redirect(base.ctx.href(`${usersPath}/${request.params.id}`, { notice: "userRoleChanged" }), 303);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      const shown = { role: typeof values.role === "string" ? values.role : "", stateCodes: [values.stateCodes ?? []].flat().map(String) };
      return renderUser(request, reply, base, request.params.id, { values: shown, errors, notice: null });
    }
  });

  const action = (suffix: string, notice: string, run: (base: PageBase, id: string) => Promise<unknown>) =>
    app.post<IdParams>(`${usersPath}/:id/${suffix}`, async (request, reply) => {
      const base = await officeBase(app, request);
      await run(base, request.params.id);
      return reply.redirect(base.ctx.href(`${usersPath}/${request.params.id}`, { notice }), 303);
    });
  action("deaktivieren", "userDeactivated", (base, id) => deactivateUser({ ctx: base.verb, input: { id } }));
  action("aktivieren", "userReactivated", (base, id) => reactivateUser({ ctx: base.verb, input: { id } }));
  action("bestaetigung", "userResent", (base, id) => resendUserVerification({ ctx: base.verb, input: { id } }));
}
