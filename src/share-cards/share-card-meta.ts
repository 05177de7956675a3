import type { PublicEvent } from "../events/get-public-event.ts";
import type { PageCtx } from "../lib/page-context.ts";
import { cardLabels, SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH, shareCardData, shareCardPath } from "./share-card-data.ts";

/** The Open Graph image fields of an event page: its share card, by absolute URL. */
export function shareImageMeta(ctx: PageCtx, e: PublicEvent) {
  const data = shareCardData(e, ctx.lang, cardLabels(ctx.t));
  return {
    image: ctx.absolute(shareCardPath(e.event.id, data)),
    imageWidth: SHARE_CARD_WIDTH,
    imageHeight: SHARE_CARD_HEIGHT,
    imageAlt: [data.badge, data.title, data.dates, data.place, data.hashtag].filter(Boolean).join(" – "),
  };
}
