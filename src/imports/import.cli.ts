import fs from "node:fs";
import path from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { createProgress } from "../backup/backup-progress.ts";
import type { Database } from "../db/client.ts";
import { systemActor, type VerbCtx } from "../lib/actor.ts";
import { AppError } from "../lib/errors.ts";
import { translator } from "../lib/i18n/i18n.ts";
import type { Lang } from "../lib/language.ts";
import { confirmImport } from "./confirm-import.ts";
import { ImportFileError, MAX_FILE_BYTES } from "./file-guard.ts";
import { findCliTarget, ImportCommandError } from "./find-cli-target.ts";
import { storePlan } from "./import-plan.ts";
import { problemTable } from "./import-problem-table.ts";
import { previewImport } from "./plan-import.ts";
import { problemText } from "./views/import-texts.ts";

/** The name history and audit rows carry for imports from the command line (no user account acts). */
export const CLI_ACTOR_NAME = "System (command line import)";

export type ImportCliOptions = { edition: number; org?: string; dryRun?: boolean; draft?: boolean; lang: Lang };
type Streams = { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream };

function readFile(file: string): Buffer {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new ImportCommandError(`${file} is not a file.`);
    // Refused like an upload over the limit, without reading it into memory first.
    if (stat.size > MAX_FILE_BYTES) throw new ImportFileError("tooLarge");
    return fs.readFileSync(file);
  } catch (error) {
    if (error instanceof ImportCommandError || error instanceof ImportFileError) throw error;
    throw new ImportCommandError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/**
 * `import FILE --edition YEAR [--org SLUG] [--dry-run]`: the web import's preview and confirm verbs, acting
 * as the system with an admin's rights. Returns the exit code: 0 imported (or a clean dry run), 1 problems
 * found and nothing written; usage mistakes throw ImportCommandError (exit 2).
 */
export async function importFromCli(database: Database, file: string, options: ImportCliOptions, io: Streams): Promise<0 | 1> {
  const target = await findCliTarget(database.db, options.edition, options.org);
  const ctx: VerbCtx = { db: database.db, actor: systemActor(CLI_ACTOR_NAME) };
  const t = translator(options.lang);
  const texts = { t, lang: options.lang };
  const importAs = options.draft ? "draft" : "submitted";
  const now = new Date();
  let preview: Awaited<ReturnType<typeof previewImport>>;
  try {
    const bytes = readFile(file);
    preview = await previewImport({
      ctx,
      input: {
        organisationId: target.organisationId,
        year: options.edition,
        file: bytes,
        importAs,
        now,
        progress: (total) => createProgress("check", total, io.stderr),
      },
    });
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    io.stderr.write(`${file}: ${problemText(texts, { code: error.code, params: error.params })}\nNothing was imported.\n`);
    return 1;
  }
  const { body } = preview;
  const table = problemTable(texts, body);
  if (table) io.stderr.write(table);
  const { counts } = body;
  io.stderr.write(
    `${target.organisationName}, ${options.edition}: ${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.faulty} faulty.\n`,
  );
  const errors = body.sheetProblems.some((p) => p.severity === "error") || counts.faulty > 0;
  if (errors) {
    io.stderr.write("Nothing was imported: fix the problems above and run the command again.\n");
    return 1;
  }
  if (options.dryRun) {
    io.stderr.write("Dry run: nothing was written.\n");
    return 0;
  }
  if (counts.new + counts.changed === 0) {
    io.stdout.write("Nothing to import: every event is unchanged.\n");
    return 0;
  }
  const planId = await storePlan(database.db, {
    organisationId: target.organisationId,
    editionId: preview.editionId,
    userId: null,
    fileName: path.basename(file).slice(0, 200),
    importAs,
    body,
    now,
  });
  try {
    const result = await confirmImport({ ctx, input: { planId, progress: (total) => createProgress("import", total, io.stderr) } });
    const as = importAs === "draft" ? "as drafts" : "and submitted for review";
    io.stdout.write(`Imported ${result.created} new and ${result.updated} changed events ${as}; ${result.unchanged} unchanged.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError && error.code === "conflict")) throw error;
    io.stderr.write(`${error.message} Nothing was imported.\n`);
    return 1;
  }
}

const yearArgument = (value: string) => {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError("must be a year like 2019.");
  return Number(value);
};

/** Adds `import` to the CLI (PRODUCT §9; README "Importing from the command line"). */
export function registerImportCommand(program: Command, withDatabase: <T>(run: (database: Database) => Promise<T>) => Promise<T>): void {
  program
    .command("import")
    .description("import events from an XLSX or CSV sheet (the template of /mein-bereich/import) into an edition")
    .argument("<file>", "the sheet, XLSX or CSV")
    .requiredOption("--edition <year>", "edition year, e.g. 2019", yearArgument)
    .option("--org <slug>", "the organisation the events belong to (may be left out when there is only one)")
    .option("--dry-run", "check the sheet and show what would change; write nothing")
    .option("--draft", "import new events as drafts instead of submitting them for review")
    .addOption(new Option("--lang <lang>", "language of the problem messages").choices(["de", "en"]).default("en"))
    // Usage mistakes exit with 2, like every other operator error of this CLI.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (file: string, options: ImportCliOptions) => {
      const code = await withDatabase((database) =>
        importFromCli(database, file, options, { stdout: process.stdout, stderr: process.stderr }),
      );
      process.exitCode = code;
    });
}
