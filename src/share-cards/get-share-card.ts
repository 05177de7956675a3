import { buffer } from "node:stream/consumers";
import type { DbOrTx } from "../events/event-record.ts";
import { getPublicEvent } from "../events/get-public-event.ts";
import { translator } from "../lib/i18n/i18n.ts";
import type { Lang } from "../lib/language.ts";
import type { FileStore } from "../storage/file-store.ts";
import { renderShareCard } from "./render-share-card.ts";
import { cardLabels, type ShareCardData, shareCardData, shareCardHash } from "./share-card-data.ts";

export type ShareCardCtx = { db: DbOrTx; store: FileStore };
export type ShareCard = { png: Buffer; hash: string; data: ShareCardData; fromCache: boolean };

/**
 * Where rendered cards are kept in the file store (so every instance renders a card once):
 * cache/share-cards/<event id>-<lang>-<hash>.png, on disk DATA_DIR/cache/share-cards/.
 */
export const SHARE_CARDS = "cache/share-cards/";

/** Renders of the same card that are under way, so simultaneous first requests render it once. */
const pending = new Map<string, Promise<Buffer>>();

/** The card's texts for a public event (published or cancelled); undefined for any other event. */
export async function getShareCardData(db: DbOrTx, id: number, lang: Lang): Promise<ShareCardData | undefined> {
  const e = await getPublicEvent(db, id);
  if (!e) return undefined;
  return shareCardData(e, lang, cardLabels(translator(lang)));
}

async function keep(store: FileStore, key: string, png: Buffer, prefix: string): Promise<void> {
  await store.put(key, png);
  // Earlier versions of this card (an older title, say) are no longer linked anywhere.
  for (const old of await store.list(prefix)) if (old.key !== key) await store.delete(old.key);
}

async function renderAndStore(store: FileStore, key: string, data: ShareCardData, prefix: string): Promise<Buffer> {
  const png = await renderShareCard(data);
  // The stored copy only saves work: a full disk or an unreachable bucket must not cost the card.
  await keep(store, key, png, prefix).catch(() => undefined);
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
  const prefix = `${SHARE_CARDS}${input.id}-${input.lang}-`;
  const key = `${prefix}${hash}.png`;
  const cached = await ctx.store
    .read(key)
    .then((file) => file && buffer(file.body))
    .catch(() => undefined);
  if (cached) return { png: cached, hash, data, fromCache: true };
  let render = pending.get(key);
  if (!render) {
    render = renderAndStore(ctx.store, key, data, prefix).finally(() => pending.delete(key));
    pending.set(key, render);
  }
  return { png: await render, hash, data, fromCache: false };
}
