import fs from "node:fs/promises";
import path from "node:path";

/** Every file under `root` (recursively) with its path relative to it, sorted; none when `root` is missing. */
export async function listFiles(root: string): Promise<{ relative: string; size: number }[]> {
  const found: { relative: string; size: number }[] = [];
  const walk = async (folder: string) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile())
        found.push({ relative: path.relative(root, full).split(path.sep).join("/"), size: (await fs.stat(full)).size });
    }
  };
  await walk(root);
  return found.sort((a, b) => a.relative.localeCompare(b.relative));
}

/** A relative upload path from an archive that stays inside the uploads folder (no `..`, no absolute path). */
export function isSafeUploadPath(relative: string): boolean {
  if (relative.length === 0 || relative.length > 500 || relative.startsWith("/") || relative.includes("\\")) return false;
  return relative.split("/").every((part) => part !== "" && part !== "." && part !== ".." && /^[\w.-]+$/.test(part));
}
