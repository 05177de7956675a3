import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seedDemoReports } from "../../../reports/demo-reports.ts";
import { type FileStore, UPLOADS } from "../../../storage/file-store.ts";
import { LocalFileStore } from "../../../storage/local-file-store.ts";
import { openPglite } from "../../client.ts";
import { ensureReferenceData } from "../reference-data.ts";
import { seedDemoUsers } from "./demo-users.ts";
import { seedDemo } from "./seed-demo.ts";

/**
 * The prepared demo (issue #15.8): an embedded database folder with the migrations, the reference data,
 * the archived demo editions 2017 and 2019, the demo accounts (their argon2 hashes done) and the demo
 * reports, beside the reports' files. The first `npm start` on a fresh DATA_DIR copies it instead of
 * running initdb and seeding row by row; only the upcoming edition, planned from the day of the start,
 * is seeded then (seedDemo part "upcoming"), so the rows are those of the row-by-row seed.
 *
 * It is built by `npm install` (postinstall: src/prepare-demo.ts) into node_modules/.cache, not kept
 * in git: ≈ 70 MB of database files that differ on every build (random salts of the password hashes,
 * random upload names). Its name is a hash of the code (src/ or dist/, migrations included) and of
 * package-lock.json, so any change to the seed, the schema or a dependency's version makes the start
 * fall back to seeding row by row until the next `npm install` (or `npx tsx src/prepare-demo.ts`).
 */

/** src/ (or dist/ when built): the code the prepared demo is made by. */
const codeRoot = fileURLToPath(new URL("../../../", import.meta.url));
const projectRoot = path.resolve(codeRoot, "..");
export const defaultCacheRoot = path.join(projectRoot, "node_modules", ".cache", "clusterwoche-demo");

/** Left in DATA_DIR while a start from the prepared demo has not seeded the upcoming edition yet. */
const PENDING = "demo-upcoming.pending";

function codeFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return codeFiles(file);
      return /\.test\.[jt]s$/.test(entry.name) ? [] : [file];
    });
}

/** The name of the prepared demo this code makes: a hash of the code and of package-lock.json. */
export function preparedDemoKey(): string {
  const hash = createHash("sha256");
  const lock = path.join(projectRoot, "package-lock.json");
  for (const file of [...codeFiles(codeRoot), ...(fs.existsSync(lock) ? [lock] : [])]) {
    hash.update(path.relative(projectRoot, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest("hex").slice(0, 20);
}

export type PreparedDemo = { dir: string; pglite: string; files: string };

const layout = (dir: string): PreparedDemo => ({ dir, pglite: path.join(dir, "pglite"), files: path.join(dir, "files") });

/** The prepared demo for this code, if it has been built. */
export function findPreparedDemo(cacheRoot = defaultCacheRoot): PreparedDemo | undefined {
  const demo = layout(path.join(cacheRoot, preparedDemoKey()));
  return fs.existsSync(path.join(demo.pglite, "PG_VERSION")) ? demo : undefined;
}

/**
 * Builds the prepared demo for this code unless it exists; removes those of other code. Built in a
 * folder of its own and renamed when complete, so a reader never finds half of one.
 */
export async function buildPreparedDemo(cacheRoot = defaultCacheRoot): Promise<{ demo: PreparedDemo; built: boolean }> {
  const key = preparedDemoKey();
  const found = findPreparedDemo(cacheRoot);
  if (found) return { demo: found, built: false };
  fs.mkdirSync(cacheRoot, { recursive: true });
  const building = layout(fs.mkdtempSync(path.join(cacheRoot, `.${key}-`)));
  try {
    const database = await openPglite({ dataDir: building.pglite });
    try {
      await database.migrate();
      await ensureReferenceData(database.db);
      await seedDemo(database.db, { part: "archive" });
      await seedDemoUsers(database.db);
      await seedDemoReports(database.db, new LocalFileStore(building.files));
    } finally {
      await database.close();
    }
    const demo = layout(path.join(cacheRoot, key));
    try {
      fs.renameSync(building.dir, demo.dir);
    } catch (error) {
      // another process finished the same one first
      if (!findPreparedDemo(cacheRoot)) throw error;
    }
    for (const entry of fs.readdirSync(cacheRoot)) {
      if (entry !== key && !entry.startsWith(".")) fs.rmSync(path.join(cacheRoot, entry), { recursive: true, force: true });
    }
    return { demo, built: true };
  } finally {
    fs.rmSync(building.dir, { recursive: true, force: true });
  }
}

/**
 * Fills a fresh embedded database folder from the prepared demo (a file copy: no initdb, no seeding)
 * and puts the reports' files into the app's store (DATA_DIR or the bucket). Marks DATA_DIR until
 * finishPreparedDemo, so a start interrupted before the upcoming edition was seeded seeds it next time.
 */
export async function copyPreparedDemo(demo: PreparedDemo, pgliteDir: string, store: FileStore): Promise<void> {
  fs.writeFileSync(path.join(path.dirname(pgliteDir), PENDING), "");
  fs.cpSync(demo.pglite, pgliteDir, { recursive: true, mode: fs.constants.COPYFILE_FICLONE });
  const files = new LocalFileStore(demo.files);
  for (const file of await files.list(UPLOADS)) {
    const body = await files.read(file.key);
    if (!body) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of body.body) chunks.push(chunk as Buffer);
    await store.put(file.key, Buffer.concat(chunks));
  }
}

/** Whether DATA_DIR's database came from the prepared demo and still lacks the upcoming edition. */
export const preparedDemoPending = (dataDir: string): boolean => fs.existsSync(path.join(dataDir, PENDING));

export const finishPreparedDemo = (dataDir: string): void => fs.rmSync(path.join(dataDir, PENDING), { force: true });
