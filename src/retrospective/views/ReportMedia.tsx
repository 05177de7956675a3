import { eventPath } from "../../events/event-path.ts";
import { pick } from "../../lib/language.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { creditLine } from "../../reports/views/PublicReport.tsx";
import { GALLERY_LIMIT, type GalleryPhoto, type PressRelease } from "../list-report-media.ts";

const sizeOf = (lang: string, bytes: number | null) =>
  bytes === null ? "" : `${(bytes / 1_000_000).toLocaleString(lang === "en" ? "en-GB" : "de-DE", { maximumFractionDigits: 1 })} MB`;

/** The published reports' photos with alt text, credit and licence, each linking its event. */
export function Gallery({ ctx, photos }: { ctx: PageCtx; photos: GalleryPhoto[] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="retro-gallery">
      <h2 id="retro-gallery">{t("stats.retro.galleryTitle")}</h2>
      {photos.length === 0 && <p>{t("stats.retro.galleryNone")}</p>}
      {photos.length >= GALLERY_LIMIT && <p>{t("stats.retro.galleryNote", { count: GALLERY_LIMIT })}</p>}
      <ul class="gallery">
        {photos.map((p) => (
          <li key={p.id}>
            <figure>
              <img src={p.path} alt={pick(lang, p.altDe, p.altEn)} width={p.width} height={p.height} loading="lazy" />
              <figcaption>
                <a href={ctx.href(eventPath({ id: p.eventId, slug: p.slug }))}>{pick(lang, p.titleDe, p.titleEn)}</a>
                <br />
                {creditLine(ctx, p)}
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The published reports' press releases: event, organisation, the PDF with its first page as preview. */
export function PressReleases({ ctx, releases }: { ctx: PageCtx; releases: PressRelease[] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="retro-press">
      <h2 id="retro-press">{t("stats.retro.pressTitle")}</h2>
      {releases.length === 0 && <p>{t("stats.retro.pressNone")}</p>}
      <ul class="press-releases">
        {releases.map((r) => {
          const title = pick(lang, r.titleDe, r.titleEn);
          return (
            <li key={r.reportId}>
              {r.previewPath && <img src={r.previewPath} alt={t("stats.retro.pdfPreview", { title })} width={120} loading="lazy" />}
              <div>
                <a href={r.path} type="application/pdf">
                  {title}
                </a>{" "}
                ({t("stats.retro.pdf", { pages: r.pages ?? "?", size: sizeOf(lang, r.bytes) })})
                <br />
                {r.organisation} · <a href={ctx.href(eventPath({ id: r.eventId, slug: r.slug }))}>{t("stats.retro.toEvent")}</a>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
