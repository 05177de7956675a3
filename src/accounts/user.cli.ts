import type { Command } from "commander";
import type { Database } from "../db/client.ts";
import { StartupError } from "../db/data-dir.ts";
import type { Role } from "../lib/actor.ts";
import { AppError } from "../lib/errors.ts";
import { NewPassword } from "./accounts.schemas.ts";
import { createVerifiedUser } from "./create-user.ts";

/** A mistake in the command line: the CLI prints the message (no stack trace) and exits with 2. */
export class UserCommandError extends StartupError {}

const roles = ["organiser", "coordinator", "editor", "admin"] as const;

export type UserAddOptions = { email: string; password: string; role: string; name?: string; state?: string[]; org?: string[] };

/** `user add`: a verified account, ready to log in; memberships by organisation slug, states for coordinators. */
export async function addUserFromCli(database: Database, options: UserAddOptions): Promise<string> {
  const role = roles.find((r) => r === options.role);
  if (!role) throw new UserCommandError(`Unknown role "${options.role}". Roles: ${roles.join(", ")}.`);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(options.email.trim())) throw new UserCommandError(`"${options.email}" is not an e-mail address.`);
  if (!NewPassword.safeParse(options.password).success) throw new UserCommandError("The password must be 10 to 200 characters long.");
  const input = {
    email: options.email.trim(),
    password: options.password,
    name: options.name?.trim() || options.email.trim().split("@")[0] || options.email,
    role: role satisfies Role,
    stateCodes: options.state ?? [],
    orgSlugs: options.org ?? [],
  };
  try {
    const { id } = await createVerifiedUser({ db: database.db, input, audited: true });
    const where = [...(input.stateCodes.length ? [`states ${input.stateCodes.join(", ").toUpperCase()}`] : []), ...input.orgSlugs];
    return `User ${id} added: ${input.email} (${role}${where.length ? `; ${where.join("; ")}` : ""}), e-mail verified.`;
  } catch (error) {
    if (error instanceof AppError) {
      const detail = Object.values(error.fields).join("; ") || error.message;
      throw new UserCommandError(detail.charAt(0).toUpperCase() + detail.slice(1));
    }
    throw error;
  }
}

/** Adds `user add` to the CLI (PRODUCT §9). */
export function registerUserCommand(program: Command, withDatabase: <T>(run: (database: Database) => Promise<T>) => Promise<T>): void {
  const user = program.command("user").description("manage user accounts");
  user
    .command("add")
    .description("add a verified user")
    .requiredOption("--email <email>", "e-mail address (login)")
    .requiredOption("--password <password>", "password, 10 to 200 characters")
    .requiredOption("--role <role>", `one of ${roles.join(", ")}`)
    .option("--name <name>", "display name (default: the part of the e-mail before @)")
    .option("--state <codes...>", "state codes a coordinator is bound to, e.g. BW BY")
    .option("--org <slugs...>", "organisation slugs the user becomes a member of")
    .action((options: UserAddOptions) =>
      withDatabase(async (database) => {
        console.log(await addUserFromCli(database, options));
      }),
    );
}
