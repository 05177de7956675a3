import { pick, pickWithLang } from "../../lib/language.ts";
import { renderMarkdown } from "../../lib/markdown.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import type { ReportPhotoRow } from "../load-report.ts";
import type { ReportRow } from "../report-access.ts";

/** A file size for people: "850 kB", "1,2 MB". */
export function fileSize(ctx: PageCtx, bytes: number): string {
  const number = (n: number) => n.toLocaleString(ctx.lang === "en" ? "en-GB" : "de-DE", { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${number(Math.max(1, Math.round(bytes / 1024)))} kB` : `${number(bytes / 1024 / 1024)} MB`;
}

/** A photo's credit line: who, and the licence's name. */
export const creditLine = (ctx: PageCtx, p: Pick<ReportPhotoRow, "credit" | "licence">) =>
  ctx.t("reports.public.credit", { credit: p.credit, licence: ctx.t(`reports.licences.${p.licence}`) });

/**
 * A report as the public sees it (event page; the reviewers' page shows the same): text (Markdown,
 * sanitised), participants, photos with alt text and credit, the press release with its first page, links.
 */
export function PublicReport({
  ctx,
  report,
  photos,
  headingLevel = 2,
}: {
  ctx: PageCtx;
  report: ReportRow;
  photos: ReportPhotoRow[];
  headingLevel?: 2 | 3;
}) {
  const { t, lang } = ctx;
  const text = pickWithLang(lang, report.textDe, report.textEn);
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <section aria-labelledby="report-heading" class="report">
      <H id="report-heading">{t("reports.public.heading")}</H>
      {report.participantCount !== null && (
        <p class="report-participants">
          {t("reports.public.participants", { count: report.participantCount.toLocaleString(lang === "en" ? "en-GB" : "de-DE") })}
        </p>
      )}
      {text.text && (
        <div
          class="prose"
          lang={text.lang === lang ? undefined : text.lang}
          dangerouslySetInnerHTML={{ __html: renderMarkdown(text.text) }}
        />
      )}
      {photos.length > 0 && (
        <>
          <Sub>{t("reports.public.photos")}</Sub>
          <ul class="plain report-photos">
            {photos.map((p) => (
              <li key={p.id}>
                <figure>
                  <img src={p.path} alt={pick(lang, p.altDe, p.altEn)} width={p.width} height={p.height} loading="lazy" />
                  <figcaption>{creditLine(ctx, p)}</figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </>
      )}
      {report.pressReleasePath && (
        <>
          <Sub>{t("reports.public.press")}</Sub>
          <p class="report-press">
            <a href={report.pressReleasePath} type="application/pdf">
              {report.pressReleasePreviewPath && <img src={report.pressReleasePreviewPath} alt="" width="150" height="212" />}
              {t("reports.public.pressLink", { pages: report.pressReleasePages ?? 1, size: fileSize(ctx, report.pressReleaseBytes ?? 0) })}
            </a>
          </p>
        </>
      )}
      {report.links.length > 0 && (
        <>
          <Sub>{t("reports.public.links")}</Sub>
          <ul>
            {report.links.map((l) => (
              <li key={l.url}>
                <a href={l.url} rel="noopener nofollow">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
