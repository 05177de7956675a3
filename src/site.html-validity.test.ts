import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/app.ts";
import { createPersonas, type PersonaName, type Personas } from "../test/personas.ts";
import { checkHtml } from "../test/vnu.ts";
import { queryRows } from "./db/client.ts";
import { newsItem, page } from "./db/schema/index.ts";
import { eventPath } from "./events/event-path.ts";
import { currentEdition } from "./organiser/current-edition.ts";
import { browserOf, makeOwner } from "./organiser/page-test-kit.ts";

let t: TestApp;
let p: Personas;
beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
  await makeOwner(t, p);
});
afterAll(() => t?.close());

/** One page of every type the public site has (both languages), plus the sign-in, account and organiser forms. */
async function pagesToCheck(): Promise<Record<string, string>> {
  const [event] = await queryRows<{ id: number; slug: string }>(
    t.database.db,
    sql`select e.id, e.slug from event e where e.status = 'published' and e.venue_id is not null order by e.id limit 1`,
  );
  const [org] = await queryRows<{ slug: string }>(t.database.db, sql`select slug from organisation where id = ${p.orgA.id}`);
  const [own] = await queryRows<{ id: number }>(
    t.database.db,
    sql`select id from event where organisation_id = ${p.orgA.id} order by id limit 1`,
  );
  if (!event || !org || !own) throw new Error("demo data lacks an event or organisation");
  const publicPaths = [
    "/",
    "/programm",
    "/programm?state=BW&format=workshop&q=Wasserstoff",
    "/programm/agenda",
    "/programm/karte",
    eventPath(event),
    "/laender",
    "/laender/bw",
    "/organisationen",
    `/organisationen/${org.slug}`,
    "/messe",
    "/archiv",
    "/impressum",
    "/mitmachen",
    "/anmelden",
    "/registrieren",
    "/passwort-vergessen",
    "/embed",
    "/embed/events",
    "/embed/events?state=BY&limit=3",
  ];
  const organiserPaths = [
    "/mein-bereich",
    "/mein-bereich/veranstaltungen",
    "/mein-bereich/veranstaltungen/neu",
    `/mein-bereich/veranstaltungen/${own.id}`,
    `/mein-bereich/veranstaltungen/${own.id}/vorschau`,
    "/mein-bereich/organisation",
    "/mein-bereich/organisation/mitglieder",
    "/mein-bereich/organisation/neu",
    "/mein-bereich/messe",
    "/mein-bereich/messe/neu",
    "/konto",
  ];
  // A news item, a press release and a free page, so their pages exist.
  const yesterday = new Date(Date.now() - 86_400_000);
  const current = (await currentEdition(t.database.db))?.id ?? 0;
  await t.database.db.insert(newsItem).values([
    {
      editionId: current,
      slug: "html-pruefung",
      titleDe: "HTML-Prüfung",
      summaryDe: "Kurz",
      bodyDe: "**Text** und eine Liste:\n\n- a\n- b",
      publishAt: yesterday,
    },
    { editionId: current, slug: "html-presse", titleDe: "Pressemitteilung", bodyDe: "Text", press: true, publishAt: yesterday },
  ]);
  await t.database.db.insert(page).values({
    slug: "html-seite",
    titleDe: "Freie Seite",
    titleEn: "Free page",
    bodyDe: "Text mit **Betonung** und [Link](https://example.org)",
    bodyEn: "Text",
  });
  publicPaths.push(
    "/aktuelles",
    "/aktuelles/html-pruefung",
    "/presse",
    "/presse/medienpaket",
    "/seiten/html-seite",
    "/ueber-uns",
    "/datenschutz",
    "/barrierefreiheit",
    "/archiv/2017/rueckblick",
  );
  // Back-office pages, each as a persona who may see it.
  const backOffice: [Exclude<PersonaName, "anonymous">, string][] = [
    ["editor", "/mein-bereich/statistik"],
    ["editor", "/mein-bereich/statistik/betrieb"],
    ["editor", "/mein-bereich/ausgaben"],
    ["editor", "/mein-bereich/ausgaben/neu"],
    ["editor", "/mein-bereich/aktuelles"],
    ["editor", "/mein-bereich/aktuelles/neu"],
    ["editor", "/mein-bereich/aktuelles/pressekontakte"],
    ["editor", "/mein-bereich/seiten"],
    ["editor", "/mein-bereich/seiten/neu"],
    ["editor", "/mein-bereich/taxonomien/technologiefelder"],
    ["editor", "/mein-bereich/pruefung"],
    ["editor", "/mein-bereich/pruefung/gruende"],
    ["editor", "/mein-bereich/pruefung/berichte"],
    ["editor", "/mein-bereich/protokoll"],
    ["editor", "/mein-bereich/import"],
    ["admin", "/mein-bereich/nutzer"],
    ["admin", "/mein-bereich/organisationen"],
    ["coordinator", "/mein-bereich/land/BW"],
    ["coordinator", "/mein-bereich/pruefung"],
  ];
  const pages: Record<string, string> = {};
  const organiser = browserOf(t.app, p.organiserA.session);
  for (const lang of ["de", "en"]) {
    const withLang = (path: string) => (lang === "en" ? `${path}${path.includes("?") ? "&" : "?"}lang=en` : path);
    for (const path of publicPaths) pages[withLang(path)] = await body(t.app.inject(withLang(path)), withLang(path));
    for (const path of organiserPaths) pages[withLang(path)] = await body(organiser.get(withLang(path)), withLang(path));
    for (const [who, path] of backOffice) {
      const name = `${who} ${withLang(path)}`;
      pages[name] = await body(browserOf(t.app, p[who].session).get(withLang(path)), name);
    }
  }
  // A form sent back with errors (422): error summary and messages at each field.
  const invalid = await organiser.post("/mein-bereich/veranstaltungen/neu", { titleDe: "<script>x</script>" });
  expect(invalid.statusCode, invalid.body.slice(0, 300)).toBe(422);
  pages["POST /mein-bereich/veranstaltungen/neu (invalid)"] = invalid.body;
  const badLogin = await t.app.inject({
    method: "POST",
    url: "/anmelden",
    headers: { cookie: p.anonymous.session.cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: `email=nobody%40example.test&password=wrong&_csrf=${encodeURIComponent(p.anonymous.session.csrf)}`,
  });
  pages["POST /anmelden (invalid)"] = badLogin.body;
  return pages;
}

async function body(response: Promise<{ statusCode: number; body: string }>, path: string): Promise<string> {
  const res = await response;
  expect(res.statusCode, `${path}: ${res.body.slice(0, 200)}`).toBe(200);
  return res.body;
}

describe("Nu Html Checker (vnu)", () => {
  it("finds no error on any page type of the public site, the sign-in and the organiser forms", async () => {
    const pages = await pagesToCheck();
    const errors = await checkHtml(pages);
    expect(errors.map((e) => `${e.page}:${e.line}: ${e.message} [${e.extract?.trim()}]`)).toEqual([]);
    expect(Object.keys(pages).length).toBeGreaterThan(60);
  }, 180_000);
});
