import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { assertSafeKey, type ByteRange, type FileBody, type FileStore, type StoredFile } from "./file-store.ts";

const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/** Files under a folder (DATA_DIR): key "uploads/a.webp" is DATA_DIR/uploads/a.webp. */
export class LocalFileStore implements FileStore {
  readonly kind = "local";
  constructor(readonly root: string) {}

  private file(key: string): string {
    assertSafeKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Written beside under a hidden name, then renamed: a reader never sees half a file, and list() skips it.
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      await fs.writeFile(temporary, data, { flag: "wx" });
      await fs.rename(temporary, file);
    } finally {
      await fs.rm(temporary, { force: true });
    }
  }

  async read(key: string, range?: ByteRange): Promise<FileBody | undefined> {
    const file = this.file(key);
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, "r");
    } catch (error) {
      if (missing(error)) return undefined;
      throw error;
    }
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      return undefined;
    }
    // The open handle keeps the bytes readable even if housekeeping removes the file meanwhile.
    return { key, size: stat.size, modified: stat.mtime, body: handle.createReadStream(range) };
  }

  async stat(key: string): Promise<StoredFile | undefined> {
    try {
      const stat = await fs.stat(this.file(key));
      return stat.isFile() ? { key, size: stat.size, modified: stat.mtime } : undefined;
    } catch (error) {
      if (missing(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.file(key), { force: true });
  }

  async list(prefix: string): Promise<StoredFile[]> {
    // Walk only the folder the prefix names ("uploads/" → uploads, "cache/x/12-" → cache/x).
    const folder = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : "";
    const found: StoredFile[] = [];
    const walk = async (relative: string) => {
      let entries: import("node:fs").Dirent[];
      try {
        entries = await fs.readdir(path.join(this.root, relative), { withFileTypes: true });
      } catch (error) {
        if (missing(error) || (error as NodeJS.ErrnoException).code === "ENOTDIR") return;
        throw error;
      }
      for (const entry of entries) {
        if (entry.name.startsWith(".")) continue;
        const key = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) await walk(key);
        else if (entry.isFile() && key.startsWith(prefix)) {
          const stat = await fs.stat(path.join(this.root, key)).catch(() => undefined);
          if (stat) found.push({ key, size: stat.size, modified: stat.mtime });
        }
      }
    };
    await walk(folder);
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
