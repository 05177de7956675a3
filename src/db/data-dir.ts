import fs from "node:fs";
import path from "node:path";

/** A problem that stops start-up with a message for the operator, not a stack trace. */
export class StartupError extends Error {}

/** Makes sure DATA_DIR is a writable folder and its pglite/ sub-folder is ours or empty. */
export function prepareDataDir(dataDir: string): string {
  if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) {
    throw new StartupError(`DATA_DIR ${dataDir} is a file, not a folder. Point DATA_DIR at a folder.`);
  }
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
  } catch (error) {
    throw new StartupError(
      `DATA_DIR ${dataDir} is not writable (${(error as NodeJS.ErrnoException).code ?? "error"}). ` +
        "Give the app's user write access or choose another folder.",
    );
  }
  const pgliteDir = path.join(dataDir, "pglite");
  if (fs.existsSync(pgliteDir)) {
    if (!fs.statSync(pgliteDir).isDirectory()) {
      throw new StartupError(`${pgliteDir} is a file; DATA_DIR must hold the embedded database in this folder.`);
    }
    const entries = fs.readdirSync(pgliteDir);
    if (entries.length > 0 && !entries.includes("PG_VERSION")) {
      throw new StartupError(
        `${pgliteDir} holds something that is not an embedded PostgreSQL database. Move it away or point DATA_DIR at another folder.`,
      );
    }
  }
  return pgliteDir;
}

/**
 * The embedded database allows one process at a time; a lock file with the owner's pid makes a
 * second server or CLI stop with a clear message instead of corrupting the data.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, "pglite.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(fs.readFileSync(lockFile, "utf8"), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new StartupError(
          `The embedded database in ${dataDir} is in use by process ${owner} (a running server or CLI). ` +
            "Stop that process first, then run this command again — or use PostgreSQL via DATABASE_URL, " +
            "which any number of processes can share.",
        );
      }
      fs.rmSync(lockFile, { force: true }); // stale lock of a process that is gone
    }
  }
  throw new StartupError(`Could not lock ${lockFile}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
