import { once } from "node:events";
import type { Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { type FileStore, UPLOADS } from "../storage/file-store.ts";
import { type MediaKit, zipNames } from "./media-kit-queries.ts";

/** Only our own upload names are read: nothing a row could hold can point outside the uploads folder. */
const KIT_PATH = /^\/uploads\/([a-f0-9]{32}\.(?:png|jpg|pdf))$/;

/** The readme at the top of the ZIP: edition, hashtag, usage notes in both languages, the files. */
function readme(kit: MediaKit, names: string[]): string {
  const e = kit.edition;
  const lines = [`${e.titleDe} / ${e.titleEn}`];
  if (e.hashtag) lines.push(`#${e.hashtag.replace(/^#/, "")}`);
  if (kit.usageDe) lines.push("", "Nutzungshinweise:", kit.usageDe);
  if (kit.usageEn) lines.push("", "Usage notes:", kit.usageEn);
  lines.push("", "Dateien / Files:", ...kit.files.map((f, i) => `- ${names[i]}: ${f.titleDe}${f.titleEn ? ` / ${f.titleEn}` : ""}`));
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * The whole media kit as one ZIP, streamed while it is read (archiver): LIESMICH.txt, then every file
 * under a readable name, read from the file store one after the other (so a bucket is not asked for
 * all of them at once). The files are already compressed (PNG, JPEG, PDF), so they are stored as they
 * are. A file missing from the store is left out rather than breaking the download.
 */
export function mediaKitZip(store: FileStore, kit: MediaKit): Readable {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const names = zipNames(kit.files);
  const fill = async () => {
    zip.append(readme(kit, names), { name: "LIESMICH.txt", date: kit.edition.updatedAt });
    for (const [i, file] of kit.files.entries()) {
      const name = KIT_PATH.exec(file.path)?.[1];
      const stored = name ? await store.read(UPLOADS + name) : undefined;
      if (!stored) continue;
      const added = once(zip, "entry");
      zip.append(stored.body, { name: names[i] ?? `datei-${i}`, store: true, date: file.createdAt });
      await added;
    }
    await zip.finalize();
  };
  fill().catch((error: Error) => zip.destroy(error));
  return zip;
}
