import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, login } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type Personas } from "../../test/personas.ts";
import { event } from "../db/schema/index.ts";
import { openEdition } from "./event-form.fixtures.ts";

let t: TestApp;
let p: Personas;
const base = "/mein-bereich/veranstaltungen";
const attack = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`;

beforeAll(async () => {
  t = await createTestApp();
  await openEdition(t.database.db);
  p = await createPersonas(t);
});
afterAll(() => t.close());

/** Every free-text field of the form carries markup that must come out as text. */
const hostileFields: Record<string, string> = {
  titleDe: `Titel ${attack}`,
  titleEn: `Title ${attack}`,
  summaryDe: `Kurz ${attack}`,
  summaryEn: `Short ${attack}`,
  descriptionDe: `Absatz ${attack}\n\n[Klick](javascript:alert(3)) <a href="javascript:alert(4)">roh</a> <b onmouseover="alert(5)">fett</b>\n\n**echt fett**`,
  descriptionEn: `Para ${attack}`,
  "venue.name": `Ort ${attack}`,
  "venue.street": `Straße ${attack}`,
  "venue.city": `Stadt ${attack}`,
  coOrganisers: `Partner ${attack}`,
  costText: `Preis ${attack}`,
  "accessibility.notes": `Hinweis ${attack}`,
  contactName: `Name ${attack}`,
  contactPhone: `0711 ${attack}`.slice(0, 50),
  "links.0.label": `Link ${attack}`,
};

function hostileForm(csrf: string) {
  const data = new FormData();
  const fields: Record<string, string> = {
    _csrf: csrf,
    organisationId: String(p.orgA.id),
    formatCode: "talk",
    mode: "onsite",
    "sessions.0.startDate": "2027-04-07",
    "sessions.0.startTime": "10:00",
    "sessions.0.endTime": "11:00",
    "venue.postalCode": "70173",
    "venue.stateCode": "BW",
    isFree: "no",
    "links.0.url": "https://example.org/programm",
    ...hostileFields,
  };
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

/** No markup from user text became elements or attributes. */
function expectInert(html: string, where: string) {
  const doc = parseHtml(html);
  const scripts = [...doc.querySelectorAll("script")].filter(
    (s) => s.getAttribute("type") !== "application/ld+json" && !s.getAttribute("src")?.startsWith("/static/"),
  );
  expect(scripts, where).toHaveLength(0);
  expect(doc.querySelectorAll("[onerror], [onmouseover]"), where).toHaveLength(0);
  expect(doc.querySelectorAll('img[src="x"]'), where).toHaveLength(0);
  expect(doc.querySelectorAll('a[href^="javascript"]'), where).toHaveLength(0);
  expect(html, where).not.toContain("<script>alert");
  return doc;
}

describe("user text on the form, the preview and the public page", () => {
  it("is escaped everywhere and the Markdown description is sanitised", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: `${base}/neu`,
      headers: { cookie: p.organiserA.session.cookie },
      payload: hostileForm(p.organiserA.session.csrf),
    });
    expect(created.statusCode, created.body.slice(0, 300)).toBe(303);
    const id = Number(/veranstaltungen\/(\d+)/.exec(String(created.headers.location))?.[1]);

    const form = expectInert(
      (await t.app.inject({ method: "GET", url: `${base}/${id}`, headers: { cookie: p.organiserA.session.cookie } })).body,
      "form",
    );
    expect(form.querySelector("#f-titleDe")?.getAttribute("value")).toBe(`Titel ${attack}`);
    expect(form.querySelector("#f-descriptionDe")?.textContent).toContain(attack);

    const preview = expectInert(
      (await t.app.inject({ method: "GET", url: `${base}/${id}/vorschau`, headers: { cookie: p.organiserA.session.cookie } })).body,
      "preview",
    );
    expect(preview.querySelector(".banner-preview")).not.toBeNull();
    expect(preview.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    expect(preview.querySelector("h1")?.textContent).toContain(attack);
    const prose = preview.querySelector(".prose");
    expect(prose?.querySelector("strong")?.textContent).toBe("echt fett");
    expect(prose?.textContent).toContain("<script>alert(1)</script>");

    await t.database.db.update(event).set({ status: "published", publishedAt: new Date() }).where(eq(event.id, id));
    const [row] = await t.database.db.select().from(event).where(eq(event.id, id));
    const publicPage = await t.app.inject({ method: "GET", url: `/veranstaltungen/${id}-${row?.slug}` });
    expect(publicPage.statusCode).toBe(200);
    const doc = expectInert(publicPage.body, "public page");
    expect(doc.querySelector("h1")?.textContent).toContain(attack);
    expect(doc.querySelector("address")?.textContent).toContain(`Ort ${attack}`);
    const english = expectInert(
      (await t.app.inject({ method: "GET", url: `/veranstaltungen/${id}-${row?.slug}?lang=en` })).body,
      "public page, English",
    );
    expect(english.querySelector("h1")?.textContent).toContain(`Title ${attack}`);
  });

  it("offers the form in English", async () => {
    const response = await t.app.inject({ method: "GET", url: `${base}/neu?lang=en`, headers: { cookie: p.organiserA.session.cookie } });
    const doc = parseHtml(response.body);
    expect(doc.querySelector("html")?.getAttribute("lang")).toBe("en");
    expect(doc.querySelector('label[for="f-titleDe"]')?.textContent).toContain("Title (German)");
    expect(doc.querySelector("form.event-form")?.getAttribute("action")).toBe(`${base}/neu?lang=en`);
    expect([...doc.querySelectorAll("fieldset.form-section > legend")].map((l) => l.textContent)).toContain("Dates");
  });

  it("preselects the organisation the dashboard links with (?org=slug)", async () => {
    const member = await createUser(t.database.db, { organisationIds: [p.orgA.id, p.orgB.id] });
    const session = await login(t.app, member.email);
    for (const org of [p.orgA, p.orgB]) {
      const doc = parseHtml(
        (await t.app.inject({ method: "GET", url: `${base}/neu?org=${org.slug}`, headers: { cookie: session.cookie } })).body,
      );
      expect(doc.querySelector("#f-organisationId option[selected]")?.getAttribute("value")).toBe(String(org.id));
    }
  });
});
