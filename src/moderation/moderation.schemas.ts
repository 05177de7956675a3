import { z } from "zod";
import { reviewActions } from "../db/schema/index.ts";

/** The statuses the queue can show; "open" = waiting for a decision (submitted and approved). */
export const queueStatuses = ["open", "submitted", "approved", "changes_requested", "published", "rejected"] as const;
export type QueueStatus = (typeof queueStatuses)[number];

/** A row id or version: a positive PostgreSQL integer. */
export const RowNumber = z
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
const page = z.coerce.number().int().min(1).max(10_000).default(1);
const stateCode = z
  .string()
  .trim()
  .toUpperCase()
  .max(20)
  .regex(/^[A-Z]*$/)
  .default("");

const code = z
  .string()
  .trim()
  .max(40)
  .regex(/^[a-z0-9_-]*$/i);
const flag = z.enum(["", "1"]).transform((v) => v === "1");

/** The queue's filters as they come from the URL; unknown values are refused with a 400-style validation error. */
export const QueueFilter = z.object({
  status: z.enum(queueStatuses).default("open"),
  state: stateCode,
  format: code.default(""),
  org: z
    .string()
    .trim()
    .max(120)
    .regex(/^[a-z0-9-]*$/)
    .default(""),
  warnings: flag.default(false),
  unattended: flag.default(false),
  /** Only submissions waiting at least this many days. */
  age: z.coerce.number().int().min(0).max(365).default(0),
  page,
});
export type QueueFilter = z.infer<typeof QueueFilter>;

const message = z.string().trim().max(4000);

/** One decision as posted by a reviewer: which event, at which version of its working copy. */
export const DecisionInput = z
  .object({
    id: RowNumber,
    version: RowNumber,
    action: z.enum(reviewActions),
    message: message.default(""),
    /** Request changes: the form fields the message is about. */
    fields: z
      .array(
        z
          .string()
          .max(60)
          .regex(/^[a-zA-Z.]+$/),
      )
      .max(40)
      .default([]),
    /** Reject: a standard reason (its text goes to the organiser), with or without free text. */
    reasonId: RowNumber.nullable().default(null),
  })
  .superRefine((d, ctx) => {
    const needsMessage = d.action === "request_changes" || d.action === "unpublish" || (d.action === "reject" && d.reasonId === null);
    if (needsMessage && d.message === "") ctx.addIssue({ code: "custom", path: ["message"], message: "required" });
  });
export type DecisionInput = z.input<typeof DecisionInput>;

/** A standard rejection reason, in both languages. */
export const RejectReasonInput = z.object({
  textDe: z.string().trim().min(1, "required").max(500, "tooLong"),
  textEn: z.string().trim().min(1, "required").max(500, "tooLong"),
});

/** The audit log's filters. */
export const AuditFilter = z.object({
  action: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z_.]*$/)
    .default(""),
  objectType: z
    .string()
    .trim()
    .max(30)
    .regex(/^[a-z_]*$/)
    .default(""),
  state: stateCode,
  actor: z.string().trim().max(120).default(""),
  from: z.union([z.literal(""), z.iso.date()]).default(""),
  to: z.union([z.literal(""), z.iso.date()]).default(""),
  page,
});
export type AuditFilter = z.infer<typeof AuditFilter>;
