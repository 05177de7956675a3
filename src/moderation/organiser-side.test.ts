import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { parseHtml } from "../../test/html.ts";
import { createPersonas, type PersonaName, type Personas } from "../../test/personas.ts";
import { edition, event, rejectReason } from "../db/schema/index.ts";
import { createEventDraft } from "../event-form/create-event-draft.ts";
import { openEdition, sampleEvent } from "../event-form/event-form.fixtures.ts";
import { markableEventFields } from "../event-form/event-form-fields.ts";
import { submitEvent } from "../event-form/submit-event.ts";
import { updateEvent } from "../event-form/update-event.ts";
import { markTargetId } from "../event-form/views/form-kit.tsx";
import type { Actor } from "../lib/actor.ts";
import { actorOf } from "../organiser/organiser-test-kit.ts";
import { browserOf, textOf } from "../organiser/page-test-kit.ts";
import { decideEvent } from "./decide-event.ts";

/** The organiser's side of review (#14 points 5 and 6): message above the form, marked fields, who has it, dashboard messages. */
let t: TestApp;
let p: Personas;
let editionId: number;
let ownerA: Actor;
let coordinatorBW: Actor;
let editor: Actor;

beforeAll(async () => {
  t = await createTestApp();
  editionId = (await openEdition(t.database.db)).id;
  p = await createPersonas(t);
  ownerA = await actorOf(t.database.db, p.organiserA.user?.id ?? 0);
  coordinatorBW = await actorOf(t.database.db, p.coordinator.user?.id ?? 0);
  editor = await actorOf(t.database.db, p.editor.user?.id ?? 0);
});
afterAll(() => t.close());

const ctx = (actor: Actor) => ({ db: t.database.db, actor, baseUrl: "http://localhost:3000" });
const as = (name: PersonaName) => browserOf(t.app, p[name].session);
const versionOf = async (id: number) => (await t.database.db.select().from(event).where(eq(event.id, id)))[0]?.version ?? 0;
const formPage = async (id: number, who: PersonaName = "organiserA", lang = "") => {
  const response = await as(who).get(`/mein-bereich/veranstaltungen/${id}${lang}`);
  expect(response.statusCode).toBe(200);
  return parseHtml(response.body);
};

/** A submitted event of organisation A (BW) with a title of its own. */
async function submitted(titleDe: string) {
  const { id } = await createEventDraft({ ctx: ctx(ownerA), input: { organisationId: p.orgA.id, event: sampleEvent({ titleDe }) } });
  const result = await submitEvent({ ctx: ctx(ownerA), input: { id, version: await versionOf(id) } });
  expect(result.status).toBe("submitted");
  return id;
}

const requestChanges = async (id: number, message: string, fields: string[], who = coordinatorBW) =>
  decideEvent({ ctx: ctx(who), input: { id, version: await versionOf(id), action: "request_changes", message, fields } });

describe("the organiser's event form while changes are requested", () => {
  it("shows the reviewer's message with name and date above the form, escaped, and marks the fields it names", async () => {
    const id = await submitted("Leichtbau-Sprechstunde");
    await requestChanges(id, "Bitte <b>Ort</b> prüfen.\nUnd den englischen Titel ergänzen.", ["venue.city", "sessions", "titleEn", "evil"]);

    const doc = await formPage(id);
    const message = doc.querySelector(".review-message");
    const heading = message?.querySelector("h2")?.textContent ?? "";
    expect(heading).toMatch(/^Nachricht der Prüfung \(Coordinator BW, .+ \d{4}, \d{2}:\d{2}\)$/);
    expect(message?.querySelector(".review-message-text")?.textContent).toBe(
      "Bitte <b>Ort</b> prüfen.\nUnd den englischen Titel ergänzen.",
    );
    expect(message?.querySelector("b")).toBeNull();
    // The message comes before the form.
    const form = doc.querySelector("form.event-form");
    expect(message && form && message.compareDocumentPosition(form) & 4).toBeTruthy();
    const links = [...(message?.querySelectorAll(".marked-fields a") ?? [])].map((a) => [a.getAttribute("href"), a.textContent]);
    expect(links).toEqual([
      ["#f-venue-city", "Ort"],
      ["#section-dates", "Termine"],
      ["#f-titleEn", "Titel (Englisch)"],
    ]);

    const city = doc.getElementById("f-venue-city");
    expect(city?.closest(".field")?.classList.contains("field-marked")).toBe(true);
    expect(city?.getAttribute("aria-describedby")).toBe("f-venue-city-marked");
    expect(doc.getElementById("f-venue-city-marked")?.textContent).toBe("Die Prüfung bittet, diese Angabe zu überarbeiten.");
    expect(doc.getElementById("section-dates")?.classList.contains("field-marked")).toBe(true);
    expect(doc.getElementById("f-titleDe")?.closest(".field")?.classList.contains("field-marked")).toBe(false);
    expect(doc.querySelectorAll(".field-marked")).toHaveLength(3);

    const status = doc.querySelector(".status-box")?.textContent ?? "";
    expect(status).toContain("Änderungen erbeten");
    expect(doc.querySelector(".status-box .holder")?.textContent).toBe("Liegt bei: Ihrer Organisation");

    const english = await formPage(id, "organiserA", "?lang=en");
    expect(english.querySelector(".review-message h2")?.textContent).toMatch(/^Message from the review \(Coordinator BW, /);
    expect(english.getElementById("f-venue-city-marked")?.textContent).toBe("The reviewers ask you to revise this field.");
    // The coordinator sees the same form with the same marks; another organisation's member still gets 404.
    expect((await formPage(id, "coordinator")).querySelectorAll(".field-marked")).toHaveLength(3);
    expect((await as("organiserB").get(`/mein-bereich/veranstaltungen/${id}`)).statusCode).toBe(404);
  });

  it("can mark every field of markableEventFields, each at the place the message links to", async () => {
    const id = await submitted("Alle Felder markiert");
    await requestChanges(
      id,
      "Alles prüfen",
      markableEventFields.map((f) => f.name),
    );
    const doc = await formPage(id);
    for (const { name } of markableEventFields) {
      const target = doc.getElementById(markTargetId(name));
      expect(target, name).not.toBeNull();
      expect(target?.closest(".field-marked"), name).not.toBeNull();
      expect(doc.querySelector(`.marked-fields a[href="#${markTargetId(name)}"]`), name).not.toBeNull();
    }
  });

  it("puts a resubmitted event back to submitted: message and marks gone, the Land's coordinators have it", async () => {
    const id = await submitted("Wieder eingereicht");
    await requestChanges(id, "Bitte Ort ergänzen", ["venue.city"]);
    expect((await t.database.db.select().from(event).where(eq(event.id, id)))[0]?.status).toBe("changes_requested");
    await updateEvent({
      ctx: ctx(ownerA),
      input: { id, version: await versionOf(id), event: sampleEvent({ titleDe: "Wieder eingereicht" }) },
    });
    const result = await submitEvent({ ctx: ctx(ownerA), input: { id, version: await versionOf(id) } });
    expect(result.status).toBe("submitted");
    const [row] = await t.database.db.select().from(event).where(eq(event.id, id));
    expect(row?.status).toBe("submitted");
    expect(row?.submittedAt).toBeInstanceOf(Date);
    const doc = await formPage(id);
    expect(doc.querySelector(".review-message")).toBeNull();
    expect(doc.querySelectorAll(".field-marked")).toHaveLength(0);
    expect(doc.querySelector(".status-box .holder")?.textContent).toBe("Liegt bei: Koordination des Landes Baden-Württemberg");
    // The reviewer can decide on it again.
    await decideEvent({ ctx: ctx(coordinatorBW), input: { id, version: await versionOf(id), action: "publish" } });
    expect((await formPage(id)).querySelector(".status-box .holder")).toBeNull();
  });

  it("shows the message of changes requested on a published event's revision", async () => {
    const id = await submitted("Veröffentlicht mit Änderung");
    await decideEvent({ ctx: ctx(coordinatorBW), input: { id, version: await versionOf(id), action: "publish" } });
    const edit = await updateEvent({
      ctx: ctx(ownerA),
      input: { id, version: await versionOf(id), event: sampleEvent({ titleDe: "Veröffentlicht mit Änderung (neu)" }) },
    });
    await submitEvent({ ctx: ctx(ownerA), input: { id, version: edit.version } });
    const revision = (await t.database.db.select().from(event).where(eq(event.revisionOf, id)))[0];
    await decideEvent({
      ctx: ctx(coordinatorBW),
      input: { id, version: revision?.version ?? 0, action: "request_changes", message: "Titel bitte kürzen", fields: ["titleDe"] },
    });
    const doc = await formPage(id);
    expect(doc.querySelector(".review-message-text")?.textContent).toBe("Titel bitte kürzen");
    expect(doc.getElementById("f-titleDe")?.closest(".field")?.classList.contains("field-marked")).toBe(true);
  });
});

describe("who has it: the form page and Meine Veranstaltungen", () => {
  it("names the Land's coordinators, the national office in two tiers, or the organisation", async () => {
    const id = await submitted("Wer hat es");
    const list = async () => {
      const doc = parseHtml((await as("organiserA").get("/mein-bereich/veranstaltungen")).body);
      const item = [...doc.querySelectorAll(".my-events li")].find((li) => li.textContent?.includes("Wer hat es"));
      return item?.querySelector(".event-status")?.textContent?.replace(/\s+/g, " ").trim();
    };
    expect(await list()).toBe("Eingereicht – wartet auf Prüfung · Liegt bei: Koordination des Landes Baden-Württemberg");
    // The Land by its name, in the page's language, never its code.
    const englishList = parseHtml((await as("organiserA").get("/mein-bereich/veranstaltungen?lang=en")).body).body.textContent;
    expect(englishList).toContain("With: the coordinators of Baden-Württemberg");
    expect(englishList).not.toMatch(/coordinators of BW\b/);
    expect((await formPage(id, "organiserA", "?lang=en")).querySelector(".status-box .holder")?.textContent).toBe(
      "With: the coordinators of Baden-Württemberg",
    );
    await t.database.db.update(edition).set({ moderation: "two_tier" }).where(eq(edition.id, editionId));
    try {
      await decideEvent({ ctx: ctx(coordinatorBW), input: { id, version: await versionOf(id), action: "approve" } });
      expect(await list()).toContain("Liegt bei: Bundesgeschäftsstelle");
      expect((await formPage(id)).querySelector(".status-box .holder")?.textContent).toBe("Liegt bei: Bundesgeschäftsstelle");
      const english = parseHtml((await as("organiserA").get("/mein-bereich/veranstaltungen?lang=en")).body);
      expect(english.body.textContent).toContain("With: the national office");
      await requestChanges(id, "Bitte Bild ergänzen", ["image"], editor);
      expect(await list()).toBe("Änderungen erbeten · Liegt bei: Ihrer Organisation");
    } finally {
      await t.database.db.update(edition).set({ moderation: "one_tier" }).where(eq(edition.id, editionId));
    }
  });
});

describe("the dashboard's messages from the review", () => {
  it("lists request-changes, reject and unpublish messages of the organisation's events, newest first, to its members only", async () => {
    const changed = await submitted("Dashboard Änderung");
    await requestChanges(changed, "Bitte Zielgruppen angeben", ["targetGroups"]);
    const [reason] = await t.database.db
      .insert(rejectReason)
      .values({ textDe: "Kein Clusterbezug", textEn: "Not about clusters" })
      .returning();
    const rejected = await submitted("Dashboard Ablehnung");
    await decideEvent({
      ctx: ctx(editor),
      input: { id: rejected, version: await versionOf(rejected), action: "reject", reasonId: reason?.id, message: "<i>leider</i>" },
    });
    const unpublished = await submitted("Dashboard Zurückgenommen");
    await decideEvent({ ctx: ctx(coordinatorBW), input: { id: unpublished, version: await versionOf(unpublished), action: "publish" } });
    await decideEvent({
      ctx: ctx(coordinatorBW),
      input: { id: unpublished, version: await versionOf(unpublished), action: "unpublish", message: "Termin verschoben" },
    });

    const response = await as("organiserA").get("/mein-bereich");
    const doc = parseHtml(response.body);
    const items = [...doc.querySelectorAll(".review-messages .review-message-item")];
    const texts = items.map((li) => li.textContent?.replace(/\s+/g, " ").trim() ?? "");
    expect(texts[0]).toMatch(/^Dashboard Zurückgenommen: Veröffentlichung zurückgenommen \(.+ · Coordinator BW\) ?Termin verschoben$/);
    expect(texts[1]).toMatch(/^Dashboard Ablehnung: abgelehnt \(.+ · Editor\) ?Grund: Kein Clusterbezug ?<i>leider<\/i>$/);
    expect(texts[2]).toMatch(/^Dashboard Änderung: Änderungen erbeten \(.+ · Coordinator BW\) ?Bitte Zielgruppen angeben$/);
    expect(items[0]?.querySelector("a")?.getAttribute("href")).toBe(`/mein-bereich/veranstaltungen/${unpublished}?org=${p.orgA.slug}`);
    expect(doc.querySelector(".review-messages i")).toBeNull();
    // Publishing is no message; English shows the reason in English.
    expect(texts.some((text) => text.includes("veröffentlicht ("))).toBe(false);
    const english = textOf((await as("organiserA").get("/mein-bereich?lang=en")).body);
    expect(english).toContain("Messages from the review");
    expect(english).toContain("Reason: Not about clusters");
    // Organisation B's member sees none of A's messages.
    const other = textOf((await as("organiserB").get("/mein-bereich")).body);
    expect(other).toContain("Nachrichten der Prüfung");
    expect(other).not.toContain("Dashboard Ablehnung");
  });
});
