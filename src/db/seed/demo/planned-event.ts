import type { NewEventRecord, NewSession } from "../../../events/event-record.ts";
import type { tradeFairPresence } from "../../schema/index.ts";
import type { OrgDraft } from "./organisations.ts";
import type { VenueDraft } from "./places.ts";
import type { ReviewTrail } from "./review-trail.ts";

/** A co-organiser by demo organisation (resolved to its id when seeding) or by free-text name. */
export type PlannedCoOrganiser = { orgSlug?: string; name: string };

export type BoothDraft = Omit<typeof tradeFairPresence.$inferInsert, "id" | "editionId" | "organisationId" | "eventId">;

/** An event as planned, before the database has given ids to its edition, organisation and venue. */
export type PlannedEvent = {
  org: OrgDraft;
  venue: VenueDraft | null;
  values: Omit<NewEventRecord, "editionId" | "organisationId" | "venueId" | "coOrganisers">;
  coOrganisers: PlannedCoOrganiser[];
  sessions: NewSession[];
  booth?: BoothDraft;
  role?: "opening" | "closing";
  /** History and last decision of a draft or submission of an edition still ahead. */
  trail?: ReviewTrail;
  /** Hand-written events keep the status they were given. */
  pinned?: boolean;
};
