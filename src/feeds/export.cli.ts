import fs from "node:fs";
import { type Command, InvalidArgumentError, Option } from "commander";
import { loadConfig } from "../config.ts";
import type { Database } from "../db/client.ts";
import { StartupError } from "../db/data-dir.ts";
import { loadSiteData } from "../editions/site-data.ts";
import type { DbOrTx } from "../events/event-record.ts";
import type { Lang } from "../lib/language.ts";
import { feedToCsv, feedToXlsx } from "./export-formats.ts";
import { feedToIcs } from "./feed-formats.ts";
import { FEED_LIMIT } from "./feed-queries.ts";
import { loadFeed } from "./load-feed.ts";

export const exportFormats = ["csv", "xlsx", "ics"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** A mistake in the command line: the CLI prints the message (no stack trace) and exits with 2. */
export class ExportError extends StartupError {}

export type ExportInput = { year: number; format: ExportFormat; lang: Lang; baseUrl: string };

/**
 * An edition's public programme as a file, made by the same code as /export/events.csv,
 * /export/events.xlsx and /feeds/events.ics with `?edition=YEAR`.
 */
export async function exportEdition({ ctx, input }: { ctx: { db: DbOrTx }; input: ExportInput }) {
  const site = await loadSiteData(ctx.db);
  if (!site.editions.some((e) => e.year === input.year)) {
    const known = site.editions.map((e) => e.year).join(", ");
    throw new ExportError(`Unknown edition ${input.year}. ${known ? `Editions: ${known}.` : "The database has no editions."}`);
  }
  const data = await loadFeed(ctx.db, new URLSearchParams({ edition: String(input.year), lang: input.lang }));
  const content =
    input.format === "csv"
      ? feedToCsv(data, input.baseUrl)
      : input.format === "xlsx"
        ? await feedToXlsx(data, input.baseUrl)
        : feedToIcs(data, input.baseUrl);
  return { content, events: data.events.length, truncated: data.events.length >= FEED_LIMIT };
}

const yearArgument = (value: string) => {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError("must be a year like 2019.");
  return Number(value);
};

function writeFile(file: string, content: string | Buffer): void {
  try {
    fs.writeFileSync(file, content);
  } catch (error) {
    throw new ExportError(`Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

type Options = { edition: number; format: ExportFormat; lang: Lang; out?: string };

/** `export --edition YEAR --format csv|xlsx|ics [--lang de|en] [--out FILE]` (PRODUCT §9). */
export function registerExportCommand(program: Command, withDatabase: <T>(run: (database: Database) => Promise<T>) => Promise<T>): void {
  program
    .command("export")
    .description("write an edition's public programme (published and cancelled events) as CSV, XLSX or iCalendar")
    .requiredOption("--edition <year>", "edition year, e.g. 2019", yearArgument)
    .addOption(new Option("--format <format>", "file format").choices(exportFormats).makeOptionMandatory())
    .addOption(new Option("--lang <lang>", "language of titles, headers and texts").choices(["de", "en"]).default("de"))
    .option("--out <file>", "write to this file instead of standard output")
    // Usage mistakes exit with 2, like every other operator error of this CLI.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (options: Options) => {
      const { baseUrl } = loadConfig();
      const input = { year: options.edition, format: options.format, lang: options.lang, baseUrl };
      const result = await withDatabase((database) => exportEdition({ ctx: { db: database.db }, input }));
      if (options.out) writeFile(options.out, result.content);
      else process.stdout.write(result.content);
      const where = options.out ? ` to ${options.out}` : "";
      process.stderr.write(`Exported ${result.events} events of ${options.edition} as ${options.format}${where}.\n`);
      if (result.truncated) process.stderr.write(`Warning: exports stop at ${FEED_LIMIT} events; the edition may have more.\n`);
    });
}
