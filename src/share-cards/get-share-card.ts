import fs from "node:fs/promises";
import path from "node:path";
import type { DbOrTx } from "../events/event-record.ts";
import { getPublicEvent } from "../events/get-public-event.ts";
import { translator } from "../lib/i18n/i18n.ts";
import type { Lang } from "../lib/language.ts";
import { renderShareCard } from "./render-share-card.ts";
import { cardLabels, type ShareCardData, shareCardData, shareCardHash } from "./share-card-data.ts";

export type ShareCardCtx = { db: DbOrTx; dataDir: string };
export type ShareCard = { png: Buffer; hash: string; data: ShareCardData; fromCache: boolean };

/** Where rendered cards are kept: DATA_DIR/cache/share-cards/<event id>-<lang>-<hash>.png */
export const shareCardDir = (dataDir: string) => path.join(dataDir, "cache", "share-cards");

/** Renders of the same card that are under way, so simultaneous first requests render it once. */
const pending = new Map<string, Promise<Buffer>>();

/** The card's texts for a public event (published or cancelled); undefined for any other event. */
export async function getShareCardData(db: DbOrTx, id: number, lang: Lang): Promise<ShareCardData | undefined> {
  const e = await getPublicEvent(db, id);
  if (!e) return undefined;
  return shareCardData(e, lang, cardLabels(translator(lang)));
}

async function store(dir: string, file: string, png: Buffer, prefix: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  // Write beside, then rename: a reader never sees half a file.
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await fs.writeFile(temporary, png);
  await fs.rename(temporary, file);
  // Earlier versions of this card (an older title, say) are no longer linked anywhere.
  for (const name of await fs.readdir(dir)) {
    if (name.startsWith(prefix) && name.endsWith(".png") && path.join(dir, name) !== file) {
      await fs.rm(path.join(dir, name), { force: true });
    }
  }
}

async function renderAndStore(dir: string, file: string, data: ShareCardData, prefix: string): Promise<Buffer> {
  const png = await renderShareCard(data);
  // The disk cache only saves work: a full or read-only disk must not cost the card.
  await store(dir, file, png, prefix).catch(() => undefined);
  return png;
}

/** The share card of a public event, from the disk cache when its content has not changed. */
export async function getShareCard({
  ctx,
  input,
}: {
  ctx: ShareCardCtx;
  input: { id: number; lang: Lang };
}): Promise<ShareCard | undefined> {
  const data = await getShareCardData(ctx.db, input.id, input.lang);
  if (!data) return undefined;
  const hash = shareCardHash(data);
  const dir = shareCardDir(ctx.dataDir);
  const prefix = `${input.id}-${input.lang}-`;
  const file = path.join(dir, `${prefix}${hash}.png`);
  const cached = await fs.readFile(file).catch(() => undefined);
  if (cached) return { png: cached, hash, data, fromCache: true };
  let render = pending.get(file);
  if (!render) {
    render = renderAndStore(dir, file, data, prefix).finally(() => pending.delete(file));
    pending.set(file, render);
  }
  return { png: await render, hash, data, fromCache: false };
}
