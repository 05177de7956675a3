import { z } from "zod";
import { userRole } from "../db/schema/index.ts";
import { AppError } from "../lib/errors.ts";
import { emailField, listField, requiredText } from "../organiser/organiser.schemas.ts";

export const roles = userRole.enumValues;
export const userStatuses = ["active", "unverified", "deactivated"] as const;
export type UserStatus = (typeof userStatuses)[number];
export const organisationStatuses = ["pending", "active", "declined"] as const;

const page = z.coerce.number().int().min(1).max(10_000).default(1);
const search = z.string().trim().max(120).default("");
const stateCode = z
  .string()
  .trim()
  .toUpperCase()
  .max(20)
  .regex(/^[A-Z]*$/)
  .default("");

/** The user list's filters from the URL (a malformed value is a 400 naming it). */
export const UserFilter = z.object({
  q: search,
  role: z.union([z.literal(""), z.enum(roles)]).default(""),
  state: stateCode,
  status: z.union([z.literal(""), z.enum(userStatuses)]).default(""),
  page,
});
export type UserFilter = z.infer<typeof UserFilter>;

/** The organisation list's filters from the URL. */
export const OrganisationFilter = z.object({
  q: search,
  state: stateCode,
  status: z.union([z.literal(""), z.enum(organisationStatuses)]).default(""),
  page,
});
export type OrganisationFilter = z.infer<typeof OrganisationFilter>;

/** Parses list filters; a malformed value is 400 with the fields it concerns. */
export function parseFilter<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "_"), "invalid"]));
  throw new AppError("bad_request", `Invalid filter: ${Object.keys(fields).join(", ")}`, fields);
}

const stateCodes = listField(
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2,20}$/),
  20,
);

/** A role change: the role and, for coordinators, their Länder. */
export const RoleInput = z.object({
  role: z.enum(roles, { error: "choose" }),
  stateCodes,
});
export type RoleInput = z.infer<typeof RoleInput>;

/** A new account created by the office; the person sets a password through the mailed link. */
export const NewUserInput = z.object({
  name: requiredText(200),
  email: emailField,
  role: z.enum(roles, { error: "choose" }),
  language: z.enum(["de", "en"], { error: "choose" }).default("de"),
  stateCodes,
});
export type NewUserInput = z.infer<typeof NewUserInput>;
