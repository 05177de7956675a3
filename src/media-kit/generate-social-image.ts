import { requireNational } from "../coordination/coordination-access.ts";
import { editionDates } from "../editions/views/HomePage.tsx";
import type { VerbCtx } from "../lib/actor.ts";
import { translator } from "../lib/i18n/i18n.ts";
import { type Lang, pick } from "../lib/language.ts";
import { createPageCtx } from "../lib/page-context.ts";
import { renderShareCard } from "../share-cards/render-share-card.ts";
import type { FileStore } from "../storage/file-store.ts";
import { insertKitFile } from "./add-kit-file.ts";
import { writableKitEdition } from "./media-kit-queries.ts";
import { storeKitFile } from "./store-kit-file.ts";

/**
 * Renders a 1200×630 social-media image of an edition in the share cards' design (renderShareCard:
 * motto or title, the week's dates, "all over Germany", logo, edition name, hashtag) in one language
 * and adds it to the media kit like an upload (editors, admins). It keeps the dates it was made with;
 * the rollover does not copy generated images, so a new edition makes its own.
 */
export async function generateSocialImage({
  ctx,
  input,
}: {
  ctx: VerbCtx;
  input: { year: number; lang: unknown; store: FileStore };
}): Promise<{ id: number }> {
  requireNational(ctx.actor);
  const edition = await writableKitEdition(ctx.db, input.year);
  const lang: Lang = input.lang === "en" ? "en" : "de";
  const page = createPageCtx(lang, "/", "http://localhost");
  const dates = editionDates(page, edition);
  const png = await renderShareCard({
    title: pick(lang, edition.mottoDe, edition.mottoEn) || pick(lang, edition.titleDe, edition.titleEn),
    dates,
    place: page.t("mediaKit.everywhere"),
    editionName: pick(lang, edition.titleDe, edition.titleEn),
    hashtag: edition.hashtag ? `#${edition.hashtag.replace(/^#/, "")}` : "",
    badge: "",
    lang,
  });
  const upload = await storeKitFile(input.store, png);
  const title = (l: Lang) =>
    translator(l)("mediaKit.generatedTitle", { year: edition.year, language: translator(l)(`mediaKit.language.${lang}`) });
  return insertKitFile(ctx, edition.id, {
    kind: "social",
    titleDe: title("de"),
    titleEn: title("en"),
    upload,
    generated: true,
  });
}
