import type { FieldChange } from "../../schema/index.ts";
import type { PlannedEvent } from "./planned-event.ts";
import type { Rng } from "./random.ts";

const hour = 3_600_000;
const day = 24 * hour;

/** What the review queue and the organiser see of an event still in the works: its history and the last decision. */
export type ReviewTrail = {
  history: { action: string; at: Date; changes: FieldChange[] }[];
  decision?: { message: string; fields: string[]; at: Date };
};

/** Why a demo reviewer asked for changes, with the form fields the message is about. */
const requests: { message: string; fields: string[] }[] = [
  {
    message: "Bitte ergänzen Sie in der Kurzbeschreibung, für wen die Veranstaltung gedacht ist und was die Teilnehmenden mitnehmen.",
    fields: ["summaryDe"],
  },
  {
    message: "Bitte geben Sie den Link zur Anmeldung an – die Veranstaltung ist laut Beschreibung anmeldepflichtig.",
    fields: ["registrationUrl"],
  },
  { message: "Der Veranstaltungsort fehlt noch genau: Bitte Name des Gebäudes und Ort prüfen.", fields: ["venue.name", "venue.city"] },
  { message: "Bitte beschreiben Sie das Programm etwas ausführlicher (Ablauf, Referierende).", fields: ["descriptionDe"] },
];

/**
 * Gives the drafts, submissions and change requests of an edition still ahead a believable past before
 * `now`: created, submitted (some fresh, some past the review target), changes requested with a message.
 * The queue's age and overdue marks and the organiser's "what the reviewer said" then have data.
 */
export function planReviewTrails(rng: Rng, events: PlannedEvent[], now: Date): void {
  let requestIndex = 0;
  for (const event of events) {
    const status = event.values.status;
    if (status !== "draft" && status !== "submitted" && status !== "changes_requested") continue;
    const t = now.getTime();
    const submitted = status === "submitted" ? t - rng.int(2, 14 * 24) * hour : t - rng.int(6, 20) * day;
    const created = status === "draft" ? t - rng.int(1, 30) * day - rng.int(0, 8) * hour : submitted - rng.int(1, 10) * day;
    const history: ReviewTrail["history"] = [{ action: "create", at: new Date(created), changes: [] }];
    let updated = status === "draft" ? created + rng.int(0, 20) * hour : submitted;
    if (status !== "draft")
      history.push({ action: "submit", at: new Date(submitted), changes: [{ field: "status", old: "draft", new: "submitted" }] });
    const trail: ReviewTrail = { history };
    if (status === "changes_requested") {
      const request = requests[requestIndex++ % requests.length] ?? { message: "Bitte überarbeiten.", fields: [] };
      updated = submitted + rng.int(1, 3) * day + rng.int(0, 6) * hour;
      history.push({
        action: "review.request_changes",
        at: new Date(updated),
        changes: [
          { field: "status", old: "submitted", new: "changes_requested" },
          { field: "message", old: null, new: request.message },
        ],
      });
      trail.decision = { ...request, at: new Date(updated) };
    }
    event.values = {
      ...event.values,
      createdAt: new Date(created),
      updatedAt: new Date(Math.min(updated, t - hour)),
      submittedAt: status === "draft" ? null : new Date(submitted),
      version: history.length,
    };
    event.trail = trail;
  }
}
