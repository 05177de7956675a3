import { desc, eq, sql } from "drizzle-orm";
import { coordinatorState, mailJob, membership, organisation, user } from "../db/schema/index.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { Actor, Role } from "../lib/actor.ts";
import type { MailCtx } from "./organiser-mail.ts";

/** Test factories for the organiser verbs: users as Actors, organisations, mails sent. */
let counter = 0;

export async function makeActor(
  db: DbOrTx,
  options: { role?: Role; states?: string[]; email?: string; language?: "de" | "en"; name?: string } = {},
): Promise<Actor> {
  counter++;
  const email = options.email ?? `person${counter}-${Date.now()}@example.org`;
  const [row] = await db
    .insert(user)
    .values({
      email,
      name: options.name ?? `Person ${counter}`,
      role: options.role ?? "organiser",
      language: options.language ?? "de",
      emailVerifiedAt: new Date(),
    })
    .returning({ id: user.id });
  if (!row) throw new Error("no user");
  for (const stateCode of options.states ?? []) await db.insert(coordinatorState).values({ userId: row.id, stateCode });
  return actorOf(db, row.id);
}

/** The actor of a user as the session loader builds it (memberships and states read fresh). */
export async function actorOf(db: DbOrTx, userId: number): Promise<Actor> {
  const [u] = await db.select().from(user).where(eq(user.id, userId));
  if (!u) throw new Error("no user");
  const orgs = await db.select({ id: membership.organisationId }).from(membership).where(eq(membership.userId, userId));
  const states = await db.select({ code: coordinatorState.stateCode }).from(coordinatorState).where(eq(coordinatorState.userId, userId));
  return {
    userId: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    language: u.language === "en" ? "en" : "de",
    organisationIds: orgs.map((o) => o.id),
    stateCodes: states.map((s) => s.code),
  };
}

/** An active demo organisation of a state with the actor as owner. */
export async function giveOrganisation(db: DbOrTx, actor: Actor, stateCode = "BY", role: "owner" | "member" = "owner") {
  const [org] = await db
    .select()
    .from(organisation)
    .where(sql`${organisation.stateCode} = ${stateCode} and ${organisation.status} = 'active'
      and exists (select 1 from event e where e.organisation_id = ${organisation.id})
      and not exists (select 1 from membership m where m.organisation_id = ${organisation.id})`)
    .orderBy(organisation.id)
    .limit(1);
  if (!org) throw new Error(`no free organisation in ${stateCode}`);
  await db.insert(membership).values({ userId: actor.userId, organisationId: org.id, role });
  return org;
}

export const ctxOf = (db: DbOrTx, actor: Actor | null): MailCtx => ({ db: db as MailCtx["db"], actor, baseUrl: "http://localhost:3000" });

/** Mails queued to an address, newest first. */
export function mailsTo(db: DbOrTx, email: string) {
  return db.select().from(mailJob).where(eq(mailJob.recipient, email)).orderBy(desc(mailJob.id));
}

/** The invitation token from a mail's link. */
export function tokenFromText(text: string): string {
  const match = /\/einladung\/([\w-]+)/.exec(text);
  if (!match?.[1]) throw new Error("no invitation link in mail");
  return match[1];
}

/** A valid organisation form. */
export const orgFields = (name: string, stateCode = "BY") => ({
  name,
  shortName: "",
  kind: "network",
  stateCode,
  city: "Nürnberg",
  website: "https://example.org",
  descriptionDe: "Ein Netzwerk.",
  descriptionEn: "",
  topics: ["ict"],
  labels: "go-cluster",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
});
