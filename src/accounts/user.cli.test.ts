import { Command } from "commander";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/database.ts";
import type { Database } from "../db/client.ts";
import { auditLog, coordinatorState, membership, organisation } from "../db/schema/index.ts";
import { findUserByEmail } from "./find-user.ts";
import { logIn } from "./log-in.ts";
import { registerUserCommand, UserCommandError } from "./user.cli.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** Runs `user add …` through the real commander wiring against the test database. */
async function cli(...args: string[]): Promise<{ out: string[] }> {
  const out: string[] = [];
  const program = new Command().exitOverride();
  registerUserCommand(program, (run) => run(database));
  const log = console.log;
  console.log = (line: string) => out.push(line);
  try {
    await program.parseAsync(["node", "cli", "user", "add", ...args]);
  } finally {
    console.log = log;
  }
  return { out };
}

describe("npm run cli -- user add", () => {
  it("adds a verified organiser with a membership who can log in", async () => {
    const [org] = await database.db.select({ id: organisation.id, slug: organisation.slug }).from(organisation).limit(1);
    const { out } = await cli(
      "--email",
      "cli@example.test",
      "--password",
      "Passwort für die CLI",
      "--role",
      "organiser",
      "--org",
      org?.slug ?? "",
      "--name",
      "Cli Nutzer",
    );
    expect(out.join("\n")).toMatch(/^User \d+ added: cli@example.test \(organiser; .+\), e-mail verified\.$/);
    const row = await findUserByEmail(database.db, "cli@example.test");
    expect(row).toMatchObject({ name: "Cli Nutzer", role: "organiser" });
    expect(row?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(
      await database.db
        .select()
        .from(membership)
        .where(eq(membership.userId, row?.id ?? 0)),
    ).toEqual([expect.objectContaining({ organisationId: org?.id })]);
    expect(await logIn({ db: database.db, input: { email: "cli@example.test", password: "Passwort für die CLI" } })).toEqual({
      ok: true,
      userId: row?.id,
    });
  });

  it("adds a coordinator of several states", async () => {
    await cli("--email", "koord@example.test", "--password", "Passwort für die CLI", "--role", "coordinator", "--state", "BW", "by");
    const row = await findUserByEmail(database.db, "koord@example.test");
    const states = await database.db
      .select()
      .from(coordinatorState)
      .where(eq(coordinatorState.userId, row?.id ?? 0));
    expect(states.map((s) => s.stateCode).sort()).toEqual(["BW", "BY"]);
  });

  it("writes an audit row by 'System' for the new account, and none for a refused one", async () => {
    await cli("--email", "audit@example.test", "--password", "Passwort für die CLI", "--role", "coordinator", "--state", "SN");
    const row = await findUserByEmail(database.db, "audit@example.test");
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, String(row?.id)));
    expect(audit).toMatchObject({ action: "user.add", objectType: "user", actorId: null, actorName: "System", stateCode: null });
    expect(audit?.summary).toBe("Konto audit@example.test angelegt (Kommandozeile): coordinator; SN");
    expect(audit?.after).toMatchObject({ email: "audit@example.test", role: "coordinator", stateCodes: ["SN"] });
    const before = (await database.db.select().from(auditLog)).length;
    const refused = await cli(
      "--email",
      "nie@example.test",
      "--password",
      "Passwort für die CLI",
      "--role",
      "organiser",
      "--org",
      "gibt-es-nicht",
    )
      .then(() => "added")
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserCommandError);
    expect(await findUserByEmail(database.db, "nie@example.test")).toBeUndefined();
    expect((await database.db.select().from(auditLog)).length).toBe(before);
  });

  it.each([
    [["--role", "king"], /Unknown role "king"/],
    [["--role", "coordinator"], /coordinator needs at least one --state/],
    [["--role", "coordinator", "--state", "XX"], /Unknown state XX/],
    [["--role", "organiser", "--org", "gibt-es-nicht"], /Unknown organisation gibt-es-nicht/],
    [["--role", "editor", "--state", "BW"], /Only coordinators are bound to states/],
    [["--role", "admin", "--email", "cli@example.test"], /exists already/],
    [["--role", "admin", "--password", "kurz"], /10 to 200 characters/],
  ])("refuses %j with a clear message (exit 2)", async (args, message) => {
    const email = args.includes("--email") ? [] : ["--email", `fehler${Math.random()}@example.test`];
    const password = args.includes("--password") ? [] : ["--password", "Passwort für die CLI"];
    const error = await cli(...email, ...password, ...args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserCommandError);
    expect((error as Error).message).toMatch(message);
  });
});
