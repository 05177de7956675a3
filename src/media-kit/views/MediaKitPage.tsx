import { editionDates } from "../../editions/views/HomePage.tsx";
import { pick } from "../../lib/language.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { formatFileSize } from "../../news/news-format.ts";
import { Layout } from "../../views/Layout.tsx";
import type { KitFile, MediaKit } from "../media-kit-queries.ts";

export const mediaKitPath = "/presse/medienpaket";
export const mediaKitZipPath = "/presse/medienpaket.zip";

/** "PNG", "JPEG", "PDF" */
export const formatLabel = (f: Pick<KitFile, "format">) => f.format.toUpperCase();

/** "2000 × 800 px", or the page count of a PDF (a vector file has no pixel size). */
export function pixelText(ctx: PageCtx, f: Pick<KitFile, "width" | "height" | "pages">): string {
  if (f.width && f.height) return ctx.t("mediaKit.pixels", { width: f.width, height: f.height });
  return ctx.t("mediaKit.pages", { count: f.pages ?? 1 });
}

/** Paragraphs of a plain-text note (blank lines separate them; Preact escapes the text). */
export function Paragraphs({ text, lang }: { text: string; lang?: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== "")
        .map((p) => (
          <p key={p} lang={lang}>
            {p}
          </p>
        ))}
    </>
  );
}

function FileTable({ ctx, files, caption }: { ctx: PageCtx; files: KitFile[]; caption: string }) {
  const { t, lang } = ctx;
  return (
    <div class="table-scroll">
      <table class="media-kit-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("mediaKit.colFile")}</th>
            <th scope="col">{t("mediaKit.colFormat")}</th>
            <th scope="col">{t("mediaKit.colPixels")}</th>
            <th scope="col">{t("mediaKit.colBytes")}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => {
            const title = pick(lang, f.titleDe, f.titleEn);
            const size = formatFileSize(lang, f.bytes);
            return (
              <tr key={f.id} class="media-kit-file" data-id={f.id}>
                <td>
                  <img src={f.previewPath} alt="" width={120} loading="lazy" class="media-kit-preview" />{" "}
                  <a href={f.path} download aria-label={t("mediaKit.downloadNamed", { title, format: formatLabel(f), size })}>
                    {title}
                  </a>
                </td>
                <td class="kit-format">{formatLabel(f)}</td>
                <td class="kit-pixels">{pixelText(ctx, f)}</td>
                <td class="kit-bytes">{size}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** /presse/medienpaket: the current edition's logos and social images with format, pixel and file size, hashtag, usage notes, ZIP. */
export function MediaKitPage({ ctx, kit }: { ctx: PageCtx; kit: MediaKit | undefined }) {
  const { t, lang } = ctx;
  const title = t("mediaKit.title");
  if (!kit)
    return (
      <Layout ctx={ctx} meta={{ title }}>
        <h1>{title}</h1>
        <p>{t("mediaKit.none")}</p>
      </Layout>
    );
  const edition = pick(lang, kit.edition.titleDe, kit.edition.titleEn);
  const logos = kit.files.filter((f) => f.kind === "logo");
  const socials = kit.files.filter((f) => f.kind === "social");
  const usage = lang === "en" && kit.usageEn ? { text: kit.usageEn, lang: "en" } : { text: kit.usageDe, lang: "de" };
  const total = kit.files.reduce((sum, f) => sum + f.bytes, 0);
  return (
    <Layout ctx={ctx} meta={{ title, description: t("mediaKit.intro", { edition }) }}>
      <h1>{title}</h1>
      <p>
        {t("mediaKit.intro", { edition })} {editionDates(ctx, kit.edition)}
      </p>
      {kit.edition.hashtag && (
        <p class="media-kit-hashtag">
          {t("mediaKit.hashtag")}: <strong>#{kit.edition.hashtag.replace(/^#/, "")}</strong>
        </p>
      )}
      {usage.text.trim() !== "" && (
        <section aria-labelledby="kit-usage">
          <h2 id="kit-usage">{t("mediaKit.usage")}</h2>
          <Paragraphs text={usage.text} lang={usage.lang === lang ? undefined : usage.lang} />
        </section>
      )}
      {kit.files.length === 0 ? (
        <p>{t("mediaKit.none")}</p>
      ) : (
        <>
          <p>
            <a class="button" href={ctx.href(mediaKitZipPath)} download>
              {t("mediaKit.zip")}
            </a>{" "}
            ({t("mediaKit.zipSize", { count: kit.files.length })}, {formatFileSize(lang, total)})
          </p>
          {logos.length > 0 && <FileTable ctx={ctx} files={logos} caption={t("mediaKit.logos")} />}
          {socials.length > 0 && <FileTable ctx={ctx} files={socials} caption={t("mediaKit.socials")} />}
        </>
      )}
    </Layout>
  );
}
