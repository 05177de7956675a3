import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import PostalMime from "postal-mime";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, login } from "../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type Personas } from "../../test/personas.ts";
import { currentYear } from "../../test/template.ts";
import { queryRows } from "../db/client.ts";
import { edition, membership, organisation } from "../db/schema/index.ts";
import { mailsTo, orgFields, tokenFromText } from "./organiser-test-kit.ts";
import { browserOf, makeOwner, textOf } from "./page-test-kit.ts";

let t: TestApp;
let p: Personas;
beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
  await makeOwner(t, p);
});
afterAll(() => t.close());

/** The delivered .eml to an address, parsed with postal-mime. */
async function deliveredTo(email: string) {
  const outbox = path.join(t.app.config.dataDir, "outbox");
  for (const file of fs.readdirSync(outbox)) {
    const parsed = await PostalMime.parse(fs.readFileSync(path.join(outbox, file)));
    if (parsed.to?.some((a) => a.address === email)) return parsed;
  }
  throw new Error(`no mail to ${email} in the outbox`);
}

const as = (name: keyof Omit<Personas, "orgA" | "orgB" | "state" | "otherState">) => browserOf(t.app, p[name].session);

describe("dashboard /mein-bereich", () => {
  it("sends anonymous visitors to the login and back", async () => {
    const response = await as("anonymous").get("/mein-bereich");
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/anmelden?next=%2Fmein-bereich");
  });

  it("groups the organisation's events by status, links them to the form and says until when submissions are open", async () => {
    const response = await as("organiserA").get("/mein-bereich");
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("private, no-store");
    const doc = parseHtml(response.body);
    expect(doc.querySelector("h1")?.textContent).toBe(p.orgA.name);
    const [count] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from event e join edition d on d.id = e.edition_id
          where e.organisation_id = ${p.orgA.id} and d.year = ${currentYear} and e.status = 'published'`,
    );
    expect(Number(count?.n)).toBeGreaterThan(0);
    expect(doc.querySelector("#status-published")?.textContent).toContain(`Veröffentlicht (${count?.n})`);
    expect(doc.querySelectorAll(".status-published .dashboard-event")).toHaveLength(Number(count?.n));
    const link = doc.querySelector(".status-published .dashboard-event a")?.getAttribute("href") ?? "";
    expect(link).toMatch(new RegExp(`^/mein-bereich/veranstaltungen/\\d+\\?org=${p.orgA.slug}$`));
    // The current edition (the demo's upcoming one) takes submissions until 19 March.
    expect(doc.querySelector(".submission-window")?.textContent).toBe(`Einreichungen sind möglich bis Fr., 19. März ${currentYear}.`);
    expect(doc.querySelector('a[href^="/mein-bereich/veranstaltungen/neu"]')).not.toBeNull();
  });

  it("offers the create button while the window is open, and says when it opens before that", async () => {
    const db = t.database.db;
    const [row] = await db.select().from(edition).where(eq(edition.year, currentYear));
    if (!row) throw new Error("no current edition");
    const day = 24 * 3600 * 1000;
    try {
      await db
        .update(edition)
        .set({ status: "open", submissionOpensAt: new Date(Date.now() - day), submissionClosesAt: new Date(Date.now() + day) })
        .where(eq(edition.id, row.id));
      const open = parseHtml((await as("organiserA").get("/mein-bereich?lang=en")).body);
      expect(open.querySelector(".submission-window")?.textContent).toMatch(/^Submissions are open until /);
      expect(open.querySelector(`a[href="/mein-bereich/veranstaltungen/neu?org=${p.orgA.slug}&lang=en"]`)).not.toBeNull();
      await db
        .update(edition)
        .set({ submissionOpensAt: new Date("2030-01-15T09:00:00Z"), submissionClosesAt: null })
        .where(eq(edition.id, row.id));
      const before = parseHtml((await as("organiserA").get("/mein-bereich")).body);
      expect(before.querySelector(".submission-window")?.textContent).toBe("Die Einreichung öffnet am Di., 15. Januar 2030.");
      // Submissions follow the edition's status too (editions/edition-rules.ts): a running edition takes none.
      await db
        .update(edition)
        .set({ status: "running", submissionClosesAt: new Date(Date.now() + day) })
        .where(eq(edition.id, row.id));
      const running = parseHtml((await as("organiserA").get("/mein-bereich")).body);
      expect(running.querySelector(".submission-window")?.textContent).toBe(
        "Für diese Ausgabe werden keine neuen Veranstaltungen mehr eingereicht.",
      );
    } finally {
      await db
        .update(edition)
        .set({ status: row.status, submissionOpensAt: row.submissionOpensAt, submissionClosesAt: row.submissionClosesAt })
        .where(eq(edition.id, row.id));
    }
  });

  it("lets a member of several organisations choose one with ?org=", async () => {
    const user = await createUser(t.database.db, { organisationIds: [p.orgA.id, p.orgB.id] });
    const browser = browserOf(t.app, await login(t.app, user.email));
    const first = parseHtml((await browser.get("/mein-bereich")).body);
    const choices = [...first.querySelectorAll("#org-choice option")].map((o) => o.getAttribute("value"));
    expect(choices.sort()).toEqual([p.orgA.slug, p.orgB.slug].sort());
    const chosen = parseHtml((await browser.get(`/mein-bereich?org=${p.orgB.slug}`)).body);
    expect(chosen.querySelector("h1")?.textContent).toBe(p.orgB.name);
    expect(chosen.querySelector("#org-choice option[selected]")?.getAttribute("value")).toBe(p.orgB.slug);
    expect(chosen.querySelector('.area-nav a[href^="/mein-bereich/messe"]')?.getAttribute("href")).toBe(
      `/mein-bereich/messe?org=${p.orgB.slug}`,
    );
    expect((await browser.get("/mein-bereich?org=gibt-es-nicht")).statusCode).toBe(404);
  });

  it("shows users without an organisation the two ways in", async () => {
    const response = await as("coordinator").get("/mein-bereich");
    expect(response.statusCode).toBe(200);
    const doc = parseHtml(response.body);
    expect(doc.querySelector("#join-invited")).not.toBeNull();
    expect(doc.querySelector('a[href="/mein-bereich/organisation/neu"]')).not.toBeNull();
    expect(doc.querySelector('a[href="/mein-bereich/anfragen"]')).not.toBeNull();
  });
});

describe("organisation request → confirmation", () => {
  it("is confirmed by a coordinator of its state only, then is public and the requester is mailed", async () => {
    const requester = await createUser(t.database.db, { name: "Rita Request", language: "en" });
    const browser = browserOf(t.app, await login(t.app, requester.email));
    const form = await browser.get("/mein-bereich/organisation/neu");
    expect(form.statusCode).toBe(200);

    const refused = await browser.post("/mein-bereich/organisation/neu", { ...orgFields(""), website: "ftp://x" });
    expect(refused.statusCode).toBe(422);
    const summary = parseHtml(refused.body).querySelector(".error-summary");
    expect(summary?.querySelector('a[href="#field-name"]')?.textContent).toBe("Name: Bitte ausfüllen.");
    expect(summary?.querySelector('a[href="#field-website"]')).not.toBeNull();
    expect(parseHtml(refused.body).querySelector("#field-name")?.getAttribute("aria-invalid")).toBe("true");

    const sent = await browser.post("/mein-bereich/organisation/neu", orgFields("Wasserstoff Allianz Oberland", "BY"));
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe("/mein-bereich?org=wasserstoff-allianz-oberland&notice=requestSent");
    const dashboard = parseHtml((await browser.get(sent.headers.location as string)).body);
    expect(dashboard.querySelector(".org-pending")).not.toBeNull();
    expect((await t.app.inject({ method: "GET", url: "/organisationen/wasserstoff-allianz-oberland" })).statusCode).toBe(404);

    const [org] = await t.database.db.select().from(organisation).where(eq(organisation.slug, "wasserstoff-allianz-oberland"));
    if (!org) throw new Error("not created");
    // BW's coordinator neither sees nor decides a BY request.
    expect(textOf((await as("coordinator").get("/mein-bereich/anfragen")).body)).not.toContain("Wasserstoff Allianz Oberland");
    expect((await as("coordinator").post(`/mein-bereich/anfragen/${org.id}`, { decision: "confirm" })).statusCode).toBe(404);
    expect((await as("organiserA").post(`/mein-bereich/anfragen/${org.id}`, { decision: "confirm" })).statusCode).toBe(403);

    const list = await as("coordinatorOther").get("/mein-bereich/anfragen");
    expect(textOf(list.body)).toContain("Wasserstoff Allianz Oberland");
    expect(textOf(list.body)).toContain(requester.email);
    const confirmed = await as("coordinatorOther").post(`/mein-bereich/anfragen/${org.id}`, { decision: "confirm", note: "" });
    expect(confirmed.statusCode).toBe(303);
    expect((await t.app.inject({ method: "GET", url: "/organisationen/wasserstoff-allianz-oberland" })).statusCode).toBe(200);
    const [mail] = await mailsTo(t.database.db, requester.email);
    expect(mail?.subject).toBe("Your organisation “Wasserstoff Allianz Oberland” has been confirmed");
  });
});

describe("members and invitations", () => {
  it("invites by mail; the link sends anonymous visitors to log in and makes the logged-in invitee a member", async () => {
    const invitee = await createUser(t.database.db, { name: "Ines Invite" });
    const owner = as("organiserA");
    const invited = await owner.post(`/mein-bereich/organisation/mitglieder?org=${p.orgA.slug}`, { email: invitee.email, role: "member" });
    expect(invited.statusCode).toBe(303);
    // The worker delivers it to the outbox (no SMTP_URL in tests); an independent parser reads it.
    await t.app.mailWorker.runOnce();
    const mail = await deliveredTo(invitee.email);
    expect(mail.subject).toBe(`Einladung zur Organisation „${p.orgA.name}“ – Clusterwoche`);
    expect(mail.text).toContain(`registrieren Sie sich zuerst mit dieser Adresse: ${invitee.email}`);
    const token = tokenFromText(mail.text ?? "");
    expect(mail.html).toContain(`href="http://localhost:3000/einladung/${token}"`);

    const anonymous = await as("anonymous").get(`/einladung/${token}`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/anmelden?next=${encodeURIComponent(`/einladung/${token}`)}`);

    const browser = browserOf(t.app, await login(t.app, invitee.email));
    const page = await browser.get(`/einladung/${token}`);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain(p.orgA.name);
    const accepted = await browser.post(`/einladung/${token}`);
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe(`/mein-bereich?org=${p.orgA.slug}&notice=accepted`);
    const members = await t.database.db.select().from(membership).where(eq(membership.organisationId, p.orgA.id));
    expect(members.map((m) => m.userId)).toContain(invitee.id);
    expect((await browser.get(`/einladung/${token}`)).statusCode).toBe(404);
  });

  it("refuses to let the last owner leave, with a message", async () => {
    const userId = p.organiserA.user?.id;
    const response = await as("organiserA").post(`/mein-bereich/organisation/mitglieder/${userId}/entfernen?org=${p.orgA.slug}`);
    expect(response.statusCode).toBe(409);
    expect(parseHtml(response.body).querySelector('[role="alert"]')?.textContent).toContain("Die letzte Inhaberin");
    const demoted = await as("organiserA").post(`/mein-bereich/organisation/mitglieder/${userId}/rolle?org=${p.orgA.slug}`, {
      role: "member",
    });
    expect(demoted.statusCode).toBe(409);
    const page = parseHtml((await as("organiserA").get(`/mein-bereich/organisation/mitglieder?org=${p.orgA.slug}`)).body);
    expect(page.querySelector(`form[action="/mein-bereich/organisation/mitglieder/${userId}/rolle?org=${p.orgA.slug}"]`)).not.toBeNull();
  });
});

describe("trade-fair presences /mein-bereich/messe", () => {
  it("refuses days outside the fair, registers a booth within it and lists it publicly", async () => {
    const owner = as("organiserA");
    const form = parseHtml((await owner.get(`/mein-bereich/messe/neu?org=${p.orgA.slug}`)).body);
    const fairId = form.querySelector<HTMLSelectElement>("#field-fairId option")?.getAttribute("value");
    const offered = [...form.querySelectorAll('input[name="days"]')].map((i) => i.getAttribute("value"));
    // The current edition's fair (the demo's, 2019's shifted to 2027): Monday to Friday.
    expect(offered).toEqual(["2027-04-05", "2027-04-06", "2027-04-07", "2027-04-08", "2027-04-09"]);
    const booth = { fairId, hall: "Halle 17", booth: "Q7", coExhibitors: "Beispiel GmbH", textDe: "Wir zeigen Sensorik.", textEn: "" };

    const refused = await owner.post(`/mein-bereich/messe/neu?org=${p.orgA.slug}`, { ...booth, days: ["2027-04-09", "2027-04-12"] });
    expect(refused.statusCode).toBe(422);
    expect(parseHtml(refused.body).querySelector(".error-summary")?.textContent).toContain("nicht alle in der Laufzeit der Messe");

    const saved = await owner.post(`/mein-bereich/messe/neu?org=${p.orgA.slug}`, { ...booth, days: ["2027-04-06", "2027-04-07"] });
    expect(saved.statusCode).toBe(303);
    const directory = textOf((await t.app.inject({ method: "GET", url: "/messe" })).body);
    expect(directory).toContain("Wir zeigen Sensorik.");
    const list = parseHtml((await owner.get(`/mein-bereich/messe?org=${p.orgA.slug}`)).body);
    const edit = list.querySelector('a[href^="/mein-bereich/messe/"]')?.getAttribute("href") ?? "";
    expect((await owner.get(edit)).statusCode).toBe(200);
    // Organiser B cannot open or delete A's booth, not even through B's own organisation.
    const id = /\/mein-bereich\/messe\/(\d+)/.exec(edit)?.[1];
    expect((await as("organiserB").get(`/mein-bereich/messe/${id}?org=${p.orgB.slug}`)).statusCode).toBe(404);
    expect((await as("organiserB").post(`/mein-bereich/messe/${id}/loeschen?org=${p.orgB.slug}`)).statusCode).toBe(404);
    expect((await owner.post(`/mein-bereich/messe/${id}/loeschen?org=${p.orgA.slug}`)).statusCode).toBe(303);
  });
});

describe("logo upload", () => {
  const upload = (session: Personas["organiserA"]["session"], url: string, file: Buffer, type: string) => {
    const boundary = "----organiser-test";
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${session.csrf}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="logo"\r\nContent-Type: ${type}\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: "POST",
      url,
      headers: { cookie: session.cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
      payload,
    });
  };

  it("stores an uploaded logo as WebP and shows it; refuses other files with a message; foreign organisations 404", async () => {
    const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: "#00508c" } })
      .png()
      .toBuffer();
    const url = `/mein-bereich/organisation/logo?org=${p.orgA.slug}`;
    const refused = await upload(p.organiserA.session, url, Buffer.from("<svg onload=alert(1)>"), "image/png");
    expect(refused.statusCode).toBe(422);
    expect(parseHtml(refused.body).querySelector("#field-logo-error")?.textContent).toBe(
      "Bitte ein Bild im Format JPEG, PNG oder WebP hochladen.",
    );
    expect((await upload(p.organiserB.session, url, png, "image/png")).statusCode).toBe(404);

    const saved = await upload(p.organiserA.session, url, png, "image/png");
    expect(saved.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(organisation).where(eq(organisation.id, p.orgA.id));
    expect(row?.logoUrl).toMatch(/^\/uploads\/[a-f0-9]{32}\.webp$/);
    const image = await t.app.inject({ method: "GET", url: row?.logoUrl ?? "" });
    expect(image.statusCode).toBe(200);
    expect((await sharp(image.rawPayload).metadata()).format).toBe("webp");
    const profile = parseHtml((await as("organiserA").get(`/mein-bereich/organisation?org=${p.orgA.slug}`)).body);
    expect(profile.querySelector(".logo-section img")?.getAttribute("src")).toBe(row?.logoUrl);
  });
});

describe("escaping", () => {
  it("shows script and HTML typed into any text field as text", async () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const browser = as("organiserB");
    const fields = {
      ...orgFields(`B ${evil}`, "BW"),
      shortName: evil.slice(0, 50),
      city: evil,
      descriptionDe: evil,
      descriptionEn: evil,
      contactName: evil,
      contactPhone: evil.slice(0, 50),
      website: "",
    };
    const saved = await browser.post(`/mein-bereich/organisation?org=${p.orgB.slug}`, fields);
    expect(saved.statusCode).toBe(303);
    const refusedFair = await browser.post(`/mein-bereich/messe/neu?org=${p.orgB.slug}`, { hall: evil, booth: "", textDe: evil });
    const fairId = parseHtml(refusedFair.body).querySelector("#field-fairId option")?.getAttribute("value");
    const booth = {
      fairId,
      hall: evil.slice(0, 60),
      booth: evil.slice(0, 30),
      days: ["2027-04-07"],
      coExhibitors: evil,
      textDe: evil,
      textEn: evil,
    };
    expect((await browser.post(`/mein-bereich/messe/neu?org=${p.orgB.slug}`, booth)).statusCode).toBe(303);
    const requested = await browser.post("/mein-bereich/organisation/neu", { ...fields, name: `Anfrage ${evil}` });
    expect(requested.statusCode).toBe(303);
    const pages = [
      (await browser.get(`/mein-bereich/messe?org=${p.orgB.slug}`)).body,
      (await as("coordinator").get("/mein-bereich/anfragen")).body,
      (await t.app.inject({ method: "GET", url: "/messe" })).body,
      (await browser.get(`/mein-bereich/organisation?org=${p.orgB.slug}`)).body,
      (await browser.get(`/mein-bereich?org=${p.orgB.slug}`)).body,
      refusedFair.body,
      (await t.app.inject({ method: "GET", url: `/organisationen/${p.orgB.slug}` })).body,
    ];
    for (const html of pages) {
      expect(html).not.toContain("<script>alert");
      expect(html).not.toContain("<img src=x");
      expect(html).toContain("&lt;script>alert");
      const doc = parseHtml(html);
      expect(doc.querySelector('img[src="x"]')).toBeNull();
      expect([...doc.querySelectorAll("script")].some((el) => el.textContent?.includes("alert"))).toBe(false);
    }
  });
});
