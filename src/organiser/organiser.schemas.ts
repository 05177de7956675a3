import { z } from "zod";
import { validationFailed } from "../lib/errors.ts";

/**
 * Input shapes of the organiser area. Messages are keys under `organiser.errors` so forms can show
 * them in the reader's language; `parseInput` turns Zod issues into `{ field: key }`.
 */
const text = (max: number) => z.string({ error: "required" }).trim().max(max, { error: "tooLong" });
const required = (max: number) => text(max).min(1, { error: "required" });
const optional = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), text(max).optional()).transform((v) => v ?? null);
const list = (item: z.ZodType<string>, max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).max(max, { error: "tooMany" }),
  );
const email = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "email" }).max(254, { error: "tooLong" }));
const optionalEmail = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), email.optional());
const webUrl = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z
    .string()
    .trim()
    .max(500, { error: "tooLong" })
    .pipe(z.url({ protocol: /^https?$/, error: "url" }))
    .optional(),
);
const id = z.coerce.number({ error: "required" }).int().positive();

export const organisationKinds = ["cluster_initiative", "network", "ministry", "research_institution", "company", "other"] as const;
/** Labels an organisation may carry (PRODUCT §3). */
export const organisationLabels = [
  "go-cluster",
  "Cluster-Exzellenz Label GOLD",
  "Cluster-Exzellenz Label SILBER",
  "Cluster-Exzellenz Label BRONZE",
] as const;

/** The organisation profile fields (PRODUCT §3), used for requests and profile edits. */
export const OrganisationInput = z.object({
  name: required(200),
  shortName: optional(60),
  kind: z.enum(organisationKinds, { error: "choose" }),
  stateCode: z.string({ error: "choose" }).trim().min(1, { error: "choose" }).max(20),
  city: required(120),
  website: webUrl.transform((v) => v ?? null),
  descriptionDe: text(5000).default(""),
  descriptionEn: text(5000).default(""),
  topics: list(z.string().max(60), 30),
  labels: list(z.enum(organisationLabels, { error: "choose" }), organisationLabels.length),
  contactName: optional(200),
  contactEmail: optionalEmail.transform((v) => v ?? null),
  contactPhone: optional(60),
});
export type OrganisationInput = z.infer<typeof OrganisationInput>;

export const InviteInput = z.object({
  organisationId: id,
  email,
  role: z.enum(["member", "owner"], { error: "choose" }).default("member"),
});
export type InviteInput = z.infer<typeof InviteInput>;

export const DecisionInput = z.object({
  organisationId: id,
  decision: z.enum(["confirm", "decline"], { error: "choose" }),
  note: optional(1000),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

export const AcceptInvitationInput = z.object({
  token: z.string().min(20).max(200),
  /** Set when the logged-in address differs from the invited one and the user confirms it anyway. */
  confirmOtherEmail: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "day" });

export const PresenceInput = z.object({
  organisationId: id,
  /** Set when editing an existing presence. */
  presenceId: id.optional(),
  fairId: id,
  hall: required(60),
  booth: required(30),
  days: list(isoDay, 31).pipe(z.array(isoDay).min(1, { error: "chooseDay" })),
  /** One co-exhibitor per line. */
  coExhibitors: z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(/\r?\n/)
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    list(z.string().max(200, { error: "tooLong" }), 20),
  ),
  textDe: text(600).default(""),
  textEn: optional(600),
});
export type PresenceInput = z.infer<typeof PresenceInput>;

/** Parses input or throws a validation error whose fields map each bad field to a message key. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_");
    if (fields[field]) continue;
    fields[field] = knownMessages.has(issue.message) ? issue.message : "invalid";
  }
  throw validationFailed(fields);
}

const knownMessages = new Set([
  "required",
  "tooLong",
  "tooMany",
  "email",
  "url",
  "choose",
  "day",
  "chooseDay",
  "slug",
  "slugTaken",
  "dateTime",
]);

/** The field shapes above, for other features' forms with the same messages (coordination). */
export { email as emailField, list as listField, optional as optionalText, required as requiredText, text as textField };
