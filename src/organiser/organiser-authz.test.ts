import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { createPersonas, type PersonaName, type Personas, personaNames } from "../../test/personas.ts";
import { listOwnTradeFairPresences } from "./list-trade-fair-presences.ts";
import { actorOf, ctxOf, makeActor, orgFields } from "./organiser-test-kit.ts";
import { browserOf, makeOwner } from "./page-test-kit.ts";
import { requestOrganisation } from "./request-organisation.ts";
import { saveTradeFairPresence } from "./save-trade-fair-presence.ts";

/**
 * The authorization matrix of the organiser area: every route × the seven personas of
 * test/personas.ts. organiserA owns organisation A, organiserB is a member of B (both in BW);
 * "coordinator" coordinates BW, "coordinatorOther" BY. Foreign organisations' data answers 404.
 */
let t: TestApp;
let p: Personas;
let presenceA = 0;
beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
  await makeOwner(t, p);
  const ownerA = await actorOf(t.database.db, p.organiserA.user?.id ?? 0);
  const { fairs } = await listOwnTradeFairPresences({ ctx: ctxOf(t.database.db, ownerA), input: { organisationId: p.orgA.id } });
  const fair = { fairId: fairs[0]?.id, hall: "Halle 1", booth: "M1", days: ["2027-04-06"] };
  ({ presenceId: presenceA } = await saveTradeFairPresence({
    ctx: ctxOf(t.database.db, ownerA),
    input: { ...fair, organisationId: p.orgA.id },
  }));
});
afterAll(() => t.close());

type Row = {
  route: string;
  method: "GET" | "POST";
  url: () => string;
  form?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
} & Record<PersonaName, number>;

// anonymous: login redirect (303); logged in without access to the organisation: 404.
const orgOnly = { anonymous: 303, organiserA: 200, organiserB: 404, coordinatorOther: 404, coordinator: 404, editor: 404, admin: 404 };
const anyLoggedIn = { anonymous: 303, organiserA: 200, organiserB: 200, coordinatorOther: 200, coordinator: 200, editor: 200, admin: 200 };
const postOrgOnly = { ...orgOnly, organiserA: 303 };

/** A new pending organisation in BW, requested by a fresh user (one per cell, as deciding consumes it). */
async function pendingInBw(): Promise<number> {
  const requester = await makeActor(t.database.db);
  const { organisationId } = await requestOrganisation({
    ctx: ctxOf(t.database.db, requester),
    input: orgFields(`Anfrage ${Math.random().toString(36).slice(2)}`, "BW"),
  });
  return organisationId;
}

const rows = (): Row[] => [
  { route: "dashboard", method: "GET", url: () => "/mein-bereich", ...anyLoggedIn },
  { route: "dashboard of A", method: "GET", url: () => `/mein-bereich?org=${p.orgA.slug}`, ...orgOnly },
  { route: "request form", method: "GET", url: () => "/mein-bereich/organisation/neu", ...anyLoggedIn },
  { route: "profile of A", method: "GET", url: () => `/mein-bereich/organisation?org=${p.orgA.slug}`, ...orgOnly },
  { route: "members of A", method: "GET", url: () => `/mein-bereich/organisation/mitglieder?org=${p.orgA.slug}`, ...orgOnly },
  { route: "fair of A", method: "GET", url: () => `/mein-bereich/messe?org=${p.orgA.slug}`, ...orgOnly },
  { route: "new booth of A", method: "GET", url: () => `/mein-bereich/messe/neu?org=${p.orgA.slug}`, ...orgOnly },
  { route: "booth of A", method: "GET", url: () => `/mein-bereich/messe/${presenceA}?org=${p.orgA.slug}`, ...orgOnly },
  {
    route: "booth of A through B",
    method: "GET",
    url: () => `/mein-bereich/messe/${presenceA}?org=${p.orgB.slug}`,
    ...orgOnly,
    organiserA: 404,
  },
  {
    route: "requests",
    method: "GET",
    url: () => "/mein-bereich/anfragen",
    ...anyLoggedIn,
    organiserA: 403,
    organiserB: 403,
  },
  {
    route: "save profile of A",
    method: "POST",
    url: () => `/mein-bereich/organisation?org=${p.orgA.slug}`,
    form: () => orgFields(p.orgA.name, "BW"),
    ...postOrgOnly,
  },
  {
    route: "logo of A without a file",
    method: "POST",
    url: () => `/mein-bereich/organisation/logo?org=${p.orgA.slug}`,
    ...orgOnly,
    organiserA: 422,
  },
  {
    route: "invite to A",
    method: "POST",
    url: () => `/mein-bereich/organisation/mitglieder?org=${p.orgA.slug}`,
    form: () => ({ email: `invitee-${Math.random().toString(36).slice(2)}@example.org` }),
    ...postOrgOnly,
  },
  {
    route: "delete booth of A through B",
    method: "POST",
    url: () => `/mein-bereich/messe/${presenceA}/loeschen?org=${p.orgB.slug}`,
    ...orgOnly,
    organiserA: 404,
  },
  {
    route: "decide a BW request",
    method: "POST",
    url: () => "",
    ...anyLoggedIn,
    organiserA: 403,
    organiserB: 403,
    coordinatorOther: 404,
    coordinator: 303,
    editor: 303,
    admin: 303,
  },
  {
    route: "request an organisation",
    method: "POST",
    url: () => "/mein-bereich/organisation/neu",
    form: () => orgFields(`Neu ${Math.random().toString(36).slice(2)}`, "BW"),
    ...anyLoggedIn,
    organiserA: 303,
    organiserB: 303,
    coordinatorOther: 303,
    coordinator: 303,
    editor: 303,
    admin: 303,
  },
];

describe("authorization matrix of the organiser area", () => {
  it("answers every route with the expected status for each of the seven personas", async () => {
    const seen: string[] = [];
    const wanted: string[] = [];
    for (const row of rows()) {
      for (const persona of personaNames) {
        const browser = browserOf(t.app, p[persona].session);
        let url = row.url();
        if (row.route === "decide a BW request") url = `/mein-bereich/anfragen/${await pendingInBw()}`;
        const response =
          row.method === "GET" ? await browser.get(url) : await browser.post(url, { decision: "confirm", ...(await row.form?.()) });
        seen.push(`${row.route} × ${persona}: ${response.statusCode}`);
        wanted.push(`${row.route} × ${persona}: ${row[persona]}`);
      }
    }
    expect(seen).toEqual(wanted);
  });

  it("refuses every state-changing form without a CSRF token (403) and changes nothing", async () => {
    const session = p.organiserA.session;
    const noCsrf = browserOf(t.app, session, { csrf: false });
    const posts = [
      [`/mein-bereich/organisation?org=${p.orgA.slug}`, { ...orgFields("Gekapert"), stateCode: "BW" }],
      ["/mein-bereich/organisation/neu", orgFields("Ohne Token")],
      [`/mein-bereich/organisation/logo?org=${p.orgA.slug}`, {}],
      [`/mein-bereich/organisation/mitglieder?org=${p.orgA.slug}`, { email: "x@example.org" }],
      [`/mein-bereich/organisation/mitglieder/${p.organiserA.user?.id}/entfernen?org=${p.orgA.slug}`, {}],
      [`/mein-bereich/organisation/einladungen/1/zuruecknehmen?org=${p.orgA.slug}`, {}],
      [`/mein-bereich/organisation/mitglieder/${p.organiserA.user?.id}/rolle?org=${p.orgA.slug}`, { role: "member" }],
      [`/mein-bereich/messe/neu?org=${p.orgA.slug}`, { hall: "1", booth: "1" }],
      [`/mein-bereich/messe/${presenceA}?org=${p.orgA.slug}`, { hall: "1", booth: "1" }],
      [`/mein-bereich/messe/${presenceA}/loeschen?org=${p.orgA.slug}`, {}],
      ["/mein-bereich/anfragen/1", { decision: "confirm" }],
      ["/einladung/abcdefghijklmnopqrstuvwxyz0123456789", {}],
    ] as const;
    for (const [url, form] of posts) {
      expect((await noCsrf.post(url, form)).statusCode, url).toBe(403);
    }
    const profile = await browserOf(t.app, session).get(`/mein-bereich/organisation?org=${p.orgA.slug}`);
    expect(profile.body).not.toContain("Gekapert");
    expect((await browserOf(t.app, session).get(`/mein-bereich/messe/${presenceA}?org=${p.orgA.slug}`)).statusCode).toBe(200);
  });
});
