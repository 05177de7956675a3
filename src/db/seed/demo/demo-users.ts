import { createVerifiedUser } from "../../../accounts/create-user.ts";
import { findUserByEmail } from "../../../accounts/find-user.ts";
import type { Role } from "../../../lib/actor.ts";
import type { Db } from "../../client.ts";
import { demoOrganisations } from "./organisations.ts";
import { walkthroughOrganisation } from "./walkthrough.ts";

/** A demo account as printed at the first start and listed in README.md. */
export type DemoAccount = { role: Role; email: string; password: string; name: string; scope: string };

/**
 * One account per role, so anyone can walk organiser → coordinator → public (issue 13.1). The
 * passwords are fixed and public (README): SEED=demo is for the embedded demo only, never production.
 */
const accounts: (Omit<DemoAccount, "scope"> & { stateCodes?: string[] })[] = [
  { role: "organiser", email: "veranstalter@demo.clusterwoche.example", password: "demo-veranstalter", name: "Vera Veranstalterin (Demo)" },
  {
    role: "coordinator",
    email: "koordination-bw@demo.clusterwoche.example",
    password: "demo-koordination",
    name: "Konrad Koordinator (Demo, BW)",
    stateCodes: ["BW"],
  },
  { role: "editor", email: "redaktion@demo.clusterwoche.example", password: "demo-redaktion", name: "Rita Redakteurin (Demo)" },
  { role: "admin", email: "admin@demo.clusterwoche.example", password: "demo-admin-1", name: "Adam Admin (Demo)" },
];

/** The demo accounts as printed (the prepared demo, prepared-demo.ts, holds them created already). */
export function demoAccounts(): DemoAccount[] {
  const org = walkthroughOrganisation(demoOrganisations());
  return accounts.map(({ stateCodes, ...account }) => ({
    ...account,
    scope: account.role === "organiser" ? org.name : stateCodes ? stateCodes.join(", ") : "",
  }));
}

/** Creates the demo accounts that do not exist yet; returns those it created (with their passwords, to print once). */
export async function seedDemoUsers(db: Db): Promise<DemoAccount[]> {
  const org = walkthroughOrganisation(demoOrganisations());
  const printed = demoAccounts();
  const created: DemoAccount[] = [];
  for (const [i, { stateCodes, ...account }] of accounts.entries()) {
    if (await findUserByEmail(db, account.email)) continue;
    const organiser = account.role === "organiser";
    await createVerifiedUser({
      db,
      input: { ...account, stateCodes: stateCodes ?? [], orgSlugs: organiser ? [org.slug] : [] },
    });
    const shown = printed[i];
    if (shown) created.push(shown);
  }
  return created;
}

/** The accounts as a small plain-text table for the console. */
export function formatDemoAccounts(list: DemoAccount[]): string {
  const rows = list.map((a) => `  ${a.role.padEnd(12)} ${a.email.padEnd(42)} ${a.password.padEnd(18)} ${a.scope}`);
  return `Demo accounts (sign in at /anmelden; passwords are public, demo only):\n${rows.join("\n")}\n`;
}
