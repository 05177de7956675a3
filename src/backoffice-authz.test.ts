import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../test/accounts.ts";
import { createTestApp, type TestApp } from "../test/app.ts";
import { allowedAs, expectMatrix, type MatrixRow } from "../test/authz-matrix.ts";
import { createPersonas, type PersonaName, type Personas } from "../test/personas.ts";
import { edition, newsItem, page, user } from "./db/schema/index.ts";
import { browserOf } from "./organiser/page-test-kit.ts";

/**
 * The authorization matrix of the national office's back office (issue #10): editions, rollover, pages,
 * news and press contacts, users and organisations, GET and POST, × the seven personas of test/personas.ts.
 * PRODUCT §2: the back office is the office's (editors, admins); organisers and coordinators find nothing
 * there (404, as existence would leak), anonymous visitors are sent to the login (303). Only admins make
 * or act on editors and admins (403 for editors). Refused cells write nothing (checked after the matrix).
 */
let t: TestApp;
let p: Personas;
let imprint: { id: number; version: number };
let demoVersion = 0;
beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
  const [row] = await t.database.db.select({ id: page.id, version: page.version }).from(page).where(eq(page.slug, "impressum"));
  if (!row) throw new Error("no imprint page");
  imprint = row;
  demoVersion = (await t.database.db.select().from(edition).where(eq(edition.year, 2019)))[0]?.version ?? 0;
}, 60_000);
afterAll(() => t.close());

const office = { anonymous: 303, organiserA: 404, organiserB: 404, coordinatorOther: 404, coordinator: 404, editor: 200, admin: 200 };
const nobody = { ...office, editor: 404, admin: 404 };
const adminOnly = (status: number) => ({ ...allowedAs(status, office), editor: 403 });
let n = 0;
const unique = () => `${process.pid}-${++n}`;
/** A fresh account of a role (a role change or deactivation uses it up). */
const account = async (role: "organiser" | "editor") => (await createUser(t.database.db, { role })).id;

const editionForm = (year: number) => ({
  year: String(year),
  titleDe: `Clusterwoche ${year}`,
  titleEn: `Cluster Week ${year}`,
  hashtag: `CW${year}`,
  startsOn: `${year}-04-03`,
  endsOn: `${year}-04-12`,
  moderation: "one_tier",
  reviewTargetDays: "5",
});
let nextYear = 2050;
const ed = "/mein-bereich/ausgaben";
const pages = "/mein-bereich/seiten";
const news = "/mein-bereich/aktuelles";
const users = "/mein-bereich/nutzer";
const orgs = "/mein-bereich/organisationen";

const rows = (): MatrixRow[] => [
  // Editions and rollover
  { route: "edition list", method: "GET", cell: () => ({ url: ed }), ...office },
  { route: "new edition form", method: "GET", cell: () => ({ url: `${ed}/neu` }), ...office },
  { route: "rollover preview", method: "GET", cell: () => ({ url: `${ed}/neu-aus-vorjahr` }), ...office },
  { route: "edition 2019", method: "GET", cell: () => ({ url: `${ed}/2019` }), ...office },
  { route: "edition of no year", method: "GET", cell: () => ({ url: `${ed}/1999` }), ...nobody },
  {
    route: "create an edition",
    method: "POST",
    cell: () => ({ url: `${ed}/neu`, form: editionForm(nextYear++) }),
    ...allowedAs(303, office),
  },
  {
    route: "create an edition without title",
    method: "POST",
    cell: () => ({ url: `${ed}/neu`, form: { ...editionForm(2099), titleDe: "" } }),
    ...allowedAs(422, office),
  },
  {
    route: "change edition 2019 with a stale version",
    method: "POST",
    cell: () => ({ url: `${ed}/2019`, form: { ...editionForm(2019), version: String(demoVersion - 1) } }),
    ...allowedAs(409, office),
  },
  {
    route: "change edition 2019 with an oversized motto",
    method: "POST",
    cell: () => ({ url: `${ed}/2019`, form: { ...editionForm(2019), mottoDe: "x".repeat(301), version: String(demoVersion) } }),
    ...allowedAs(422, office),
  },
  {
    route: "status of 2019 to planning, stale",
    method: "POST",
    cell: () => ({ url: `${ed}/2019/status`, form: { status: "planning", version: String(demoVersion - 1) } }),
    ...allowedAs(409, office),
  },
  {
    // 2017 is not the newest edition: its rollover was done (2019 exists), nothing is created again.
    route: "roll over from 2017",
    method: "POST",
    cell: () => ({ url: `${ed}/neu-aus-vorjahr`, form: { fromYear: "2017" } }),
    ...allowedAs(303, office),
  },
  // Pages
  { route: "page list", method: "GET", cell: () => ({ url: pages }), ...office },
  { route: "new page form", method: "GET", cell: () => ({ url: `${pages}/neu` }), ...office },
  { route: "imprint editor", method: "GET", cell: () => ({ url: `${pages}/${imprint.id}` }), ...office },
  { route: "imprint revisions", method: "GET", cell: () => ({ url: `${pages}/${imprint.id}/versionen` }), ...office },
  { route: "no page", method: "GET", cell: () => ({ url: `${pages}/999999999` }), ...nobody },
  {
    route: "create a page",
    method: "POST",
    cell: () => ({
      url: `${pages}/neu`,
      form: { slug: `matrix-${unique()}`, titleDe: "Matrix", titleEn: "Matrix", bodyDe: "Text", action: "save" },
    }),
    ...allowedAs(303, office),
  },
  {
    route: "save the imprint, stale",
    method: "POST",
    cell: () => ({
      url: `${pages}/${imprint.id}`,
      form: { titleDe: "Impressum", titleEn: "Imprint", bodyDe: "x", version: 0, action: "save" },
    }),
    ...allowedAs(409, office),
  },
  {
    route: "save the imprint with an oversized body",
    method: "POST",
    cell: () => ({
      url: `${pages}/${imprint.id}`,
      form: { titleDe: "Impressum", titleEn: "Imprint", bodyDe: "x".repeat(200_001), version: imprint.version, action: "save" },
    }),
    ...allowedAs(422, office),
  },
  // News and press contacts
  { route: "news list", method: "GET", cell: () => ({ url: news }), ...office },
  { route: "new news form", method: "GET", cell: () => ({ url: `${news}/neu` }), ...office },
  { route: "press contacts", method: "GET", cell: () => ({ url: `${news}/pressekontakte` }), ...office },
  { route: "no news item", method: "GET", cell: () => ({ url: `${news}/999999999` }), ...nobody },
  {
    route: "create a news item",
    method: "POST",
    cell: () => ({
      url: `${news}/neu`,
      form: {
        slug: `matrix-${unique()}`,
        edition: "2019",
        titleDe: "Matrix",
        titleEn: "Matrix",
        publishDay: "2026-12-24",
        publishTime: "09:00",
      },
    }),
    ...allowedAs(303, office),
  },
  {
    route: "create a news item without title",
    method: "POST",
    cell: () => ({
      url: `${news}/neu`,
      form: { slug: `matrix-${unique()}`, edition: "2019", titleDe: "", publishDay: "2026-12-24", publishTime: "09:00" },
    }),
    ...allowedAs(422, office),
  },
  {
    route: "add a press contact with a bad address",
    method: "POST",
    cell: () => ({ url: `${news}/pressekontakte`, form: { edition: "2019", name: "Presse", email: "kein-mail" } }),
    ...allowedAs(422, office),
  },
  { route: "remove no press contact", method: "POST", cell: () => ({ url: `${news}/pressekontakte/999999999/entfernen` }), ...nobody },
  // Users
  { route: "user list", method: "GET", cell: () => ({ url: users }), ...office },
  { route: "new user form", method: "GET", cell: () => ({ url: `${users}/neu` }), ...office },
  { route: "an organiser's account", method: "GET", cell: async () => ({ url: `${users}/${await account("organiser")}` }), ...office },
  { route: "no account", method: "GET", cell: () => ({ url: `${users}/999999999` }), ...nobody },
  {
    route: "create an organiser",
    method: "POST",
    cell: () => ({ url: `${users}/neu`, form: { name: "Neu", email: `new-${unique()}@example.test`, role: "organiser" } }),
    ...allowedAs(303, office),
  },
  {
    route: "create an editor",
    method: "POST",
    cell: () => ({ url: `${users}/neu`, form: { name: "Neu", email: `editor-${unique()}@example.test`, role: "editor" } }),
    ...adminOnly(303),
  },
  {
    route: "create an admin",
    method: "POST",
    cell: () => ({ url: `${users}/neu`, form: { name: "Neu", email: `admin-${unique()}@example.test`, role: "admin" } }),
    ...adminOnly(303),
  },
  {
    route: "make an organiser a coordinator of SN",
    method: "POST",
    cell: async () => ({ url: `${users}/${await account("organiser")}/rolle`, form: { role: "coordinator", stateCodes: "SN" } }),
    ...allowedAs(303, office),
  },
  {
    route: "make an organiser an editor",
    method: "POST",
    cell: async () => ({ url: `${users}/${await account("organiser")}/rolle`, form: { role: "editor" } }),
    ...adminOnly(303),
  },
  {
    route: "deactivate an organiser",
    method: "POST",
    cell: async () => ({ url: `${users}/${await account("organiser")}/deaktivieren` }),
    ...allowedAs(303, office),
  },
  {
    route: "deactivate an editor",
    method: "POST",
    cell: async () => ({ url: `${users}/${await account("editor")}/deaktivieren` }),
    ...adminOnly(303),
  },
  // Organisations
  { route: "organisation list", method: "GET", cell: () => ({ url: orgs }), ...office },
  { route: "organisation A", method: "GET", cell: () => ({ url: `${orgs}/${p.orgA.id}` }), ...office },
  { route: "no organisation", method: "GET", cell: () => ({ url: `${orgs}/999999999` }), ...nobody },
  {
    route: "merge preview A into B",
    method: "GET",
    cell: () => ({ url: `${orgs}/${p.orgA.id}/zusammenfuehren?target=${p.orgB.id}` }),
    ...office,
  },
  {
    // Without the confirmation of what moves (expected), the merge is shown again, not done.
    route: "merge A into B unconfirmed",
    method: "POST",
    cell: () => ({ url: `${orgs}/${p.orgA.id}/zusammenfuehren`, form: { target: p.orgB.id, expected: "" } }),
    ...allowedAs(409, office),
  },
];

describe("authorization matrix of the back office", () => {
  it("answers every route with the expected status for each of the seven personas", async () => {
    await expectMatrix(t, p, rows());
  }, 300_000);

  it("lets no refused persona write: editions, pages, news and accounts stay as they were", async () => {
    const refused: PersonaName[] = ["organiserA", "coordinator", "coordinatorOther"];
    const [before] = await t.database.db.select().from(edition).where(eq(edition.year, 2019));
    const target = await account("organiser");
    for (const who of refused) {
      const b = browserOf(t.app, p[who].session);
      expect((await b.post(`${ed}/2019`, { ...editionForm(2019), titleDe: "Gekapert", version: String(before?.version) })).statusCode).toBe(
        404,
      );
      expect((await b.post(`${ed}/2019/status`, { status: "archived", version: String(before?.version) })).statusCode).toBe(404);
      expect(
        (
          await b.post(`${pages}/${imprint.id}`, {
            titleDe: "Gekapert",
            titleEn: "x",
            bodyDe: "x",
            version: imprint.version,
            action: "save",
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await b.post(`${news}/neu`, {
            slug: `gekapert-${who.toLowerCase()}`,
            edition: "2019",
            titleDe: "Gekapert",
            publishDay: "2026-12-24",
            publishTime: "09:00",
          })
        ).statusCode,
      ).toBe(404);
      expect((await b.post(`${users}/${target}/rolle`, { role: "admin" })).statusCode).toBe(404);
      expect((await b.post(`${users}/${target}/deaktivieren`)).statusCode).toBe(404);
    }
    const [after] = await t.database.db.select().from(edition).where(eq(edition.year, 2019));
    expect(after).toMatchObject({ titleDe: before?.titleDe, status: before?.status, version: before?.version });
    expect((await t.database.db.select().from(page).where(eq(page.id, imprint.id)))[0]?.titleDe).not.toBe("Gekapert");
    expect(await t.database.db.select().from(newsItem).where(eq(newsItem.titleDe, "Gekapert"))).toEqual([]);
    expect((await t.database.db.select().from(user).where(eq(user.id, target)))[0]).toMatchObject({
      role: "organiser",
      deactivatedAt: null,
    });
    // Without the CSRF token even the admin's POSTs are refused (403).
    const noCsrf = browserOf(t.app, p.admin.session, { csrf: false });
    for (const url of [`${ed}/2019/status`, `${pages}/neu`, `${news}/neu`, `${users}/${target}/deaktivieren`, `${ed}/neu-aus-vorjahr`])
      expect((await noCsrf.post(url, {})).statusCode, url).toBe(403);
  });
});
