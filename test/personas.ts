import { sql } from "drizzle-orm";
import { queryRows } from "../src/db/client.ts";
import { anonymousSession, createUser, login, type Session, type TestUser } from "./accounts.ts";
import type { TestApp } from "./app.ts";

/** The seven viewpoints of the authorization matrix (PRODUCT §2). */
export const personaNames = ["anonymous", "organiserA", "organiserB", "coordinatorOther", "coordinator", "editor", "admin"] as const;
export type PersonaName = (typeof personaNames)[number];

export type DemoOrganisation = { id: number; slug: string; name: string; stateCode: string };

export type Persona = { name: PersonaName; user: TestUser | null; session: Session };

export type Personas = Record<PersonaName, Persona> & {
  /** Two real demo organisations in Baden-Württemberg with events: A (organiserA's) and B (organiserB's). */
  orgA: DemoOrganisation;
  orgB: DemoOrganisation;
  /** The state of both organisations (BW) and the coordinatorOther's state (BY). */
  state: string;
  otherState: string;
};

/** The two lowest-id BW demo organisations that have events. */
export async function demoOrganisationsInBw(testApp: TestApp): Promise<[DemoOrganisation, DemoOrganisation]> {
  const rows = await queryRows<{ id: number; slug: string; name: string; state_code: string }>(
    testApp.database.db,
    sql`select o.id, o.slug, o.name, o.state_code from organisation o
        where o.state_code = 'BW' and exists (select 1 from event e where e.organisation_id = o.id)
        order by o.id limit 2`,
  );
  const [a, b] = rows.map((r) => ({ id: Number(r.id), slug: r.slug, name: r.name, stateCode: r.state_code }));
  if (!a || !b) throw new Error("the demo data has fewer than two BW organisations with events");
  return [a, b];
}

/**
 * Creates and logs in one user per role on the demo data: organisers of two BW organisations,
 * a coordinator of BW, one of BY, an editor and an admin; plus an anonymous browser with a CSRF token.
 */
export async function createPersonas(testApp: TestApp): Promise<Personas> {
  const { app, database } = testApp;
  const [orgA, orgB] = await demoOrganisationsInBw(testApp);
  const users = {
    organiserA: await createUser(database.db, { role: "organiser", organisationIds: [orgA.id], name: "Organiser A" }),
    organiserB: await createUser(database.db, { role: "organiser", organisationIds: [orgB.id], name: "Organiser B" }),
    coordinatorOther: await createUser(database.db, { role: "coordinator", stateCodes: ["BY"], name: "Coordinator BY" }),
    coordinator: await createUser(database.db, { role: "coordinator", stateCodes: ["BW"], name: "Coordinator BW" }),
    editor: await createUser(database.db, { role: "editor", name: "Editor" }),
    admin: await createUser(database.db, { role: "admin", name: "Admin" }),
  };
  const persona = async (name: Exclude<PersonaName, "anonymous">): Promise<Persona> => ({
    name,
    user: users[name],
    session: await login(app, users[name].email, users[name].password),
  });
  return {
    anonymous: { name: "anonymous", user: null, session: await anonymousSession(app) },
    organiserA: await persona("organiserA"),
    organiserB: await persona("organiserB"),
    coordinatorOther: await persona("coordinatorOther"),
    coordinator: await persona("coordinator"),
    editor: await persona("editor"),
    admin: await persona("admin"),
    orgA,
    orgB,
    state: "BW",
    otherState: "BY",
  };
}
