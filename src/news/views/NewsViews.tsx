import { renderMarkdown } from "../../lib/markdown.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { Layout } from "../../views/Layout.tsx";
import { formatFileSize, formatWhen, newsPath, newsTexts } from "../news-format.ts";
import type { PressContactRow, PublicNews } from "../news-queries.ts";

const feedLinks = (ctx: PageCtx, kind: "aktuelles" | "presse") => {
  const title = ctx.t(kind === "presse" ? "news.pressFeedTitle" : "news.newsFeedTitle");
  const q = ctx.lang === "en" ? "?lang=en" : "";
  return [
    { type: "application/rss+xml", title: `${title} (RSS)`, href: `/feeds/${kind}.rss${q}` },
    { type: "application/atom+xml", title: `${title} (Atom)`, href: `/feeds/${kind}.atom${q}` },
  ];
};

/** One item in a list: title (link), date, edition, summary. */
function NewsTeaser({ ctx, item }: { ctx: PageCtx; item: PublicNews }) {
  const texts = newsTexts(ctx.lang, item);
  return (
    <li class="news-item">
      <h3 lang={texts.lang === ctx.lang ? undefined : texts.lang}>
        <a href={ctx.href(newsPath(item.slug))}>{texts.title}</a>
      </h3>
      <p class="muted">
        <time dateTime={item.publishAt.toISOString()}>{formatWhen(ctx.lang, item.publishAt)}</time> ·{" "}
        {ctx.t("news.edition", { year: item.year })}
        {item.press && <> · {ctx.t("news.press")}</>}
      </p>
      {texts.summary && <p lang={texts.lang === ctx.lang ? undefined : texts.lang}>{texts.summary}</p>}
    </li>
  );
}

function FeedList({ ctx, kind }: { ctx: PageCtx; kind: "aktuelles" | "presse" }) {
  const q = ctx.lang === "en" ? "?lang=en" : "";
  return (
    <p class="feed-links">
      {ctx.t("news.feeds")}: <a href={`/feeds/${kind}.rss${q}`}>{ctx.t("news.rss")}</a> ·{" "}
      <a href={`/feeds/${kind}.atom${q}`}>{ctx.t("news.atom")}</a>
    </p>
  );
}

/** /aktuelles: every public item, newest first. */
export function NewsListPage({ ctx, items }: { ctx: PageCtx; items: PublicNews[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t("news.title"), description: t("news.intro"), feeds: feedLinks(ctx, "aktuelles") }}>
      <h1>{t("news.title")}</h1>
      <p>{t("news.intro")}</p>
      <FeedList ctx={ctx} kind="aktuelles" />
      <h2 class="visually-hidden">{t("news.title")}</h2>
      {items.length === 0 ? (
        <p>{t("news.none")}</p>
      ) : (
        <ul class="plain news-list">
          {items.map((item) => (
            <NewsTeaser key={item.id} ctx={ctx} item={item} />
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** /aktuelles/:slug */
export function NewsItemPage({ ctx, item }: { ctx: PageCtx; item: PublicNews }) {
  const { t } = ctx;
  const texts = newsTexts(ctx.lang, item);
  const other = texts.lang === ctx.lang ? undefined : texts.lang;
  return (
    <Layout ctx={ctx} meta={{ title: texts.title, description: texts.summary || undefined, ogType: "article" }}>
      <article class="news-article">
        <h1 lang={other}>{texts.title}</h1>
        <p class="muted">
          <time dateTime={item.publishAt.toISOString()}>{t("news.published", { when: formatWhen(ctx.lang, item.publishAt) })}</time> ·{" "}
          {t("news.edition", { year: item.year })}
          {item.press && <> · {t("news.press")}</>}
        </p>
        {texts.summary && (
          <p class="lead" lang={other}>
            {texts.summary}
          </p>
        )}
        <div class="prose" lang={other} dangerouslySetInnerHTML={{ __html: renderMarkdown(texts.body) }} />
        {item.pdfPath && (
          <p>
            <a href={item.pdfPath} type="application/pdf">
              {t("news.pdf", { size: formatFileSize(ctx.lang, item.pdfBytes ?? 0), pages: item.pdfPages ?? 0 })}
            </a>
          </p>
        )}
      </article>
      <p>
        <a href={ctx.href("/aktuelles")}>{t("news.back")}</a>
      </p>
    </Layout>
  );
}

/** /presse: press releases, the current edition's press contacts, the press feeds. */
export function PressPage({ ctx, items, contacts }: { ctx: PageCtx; items: PublicNews[]; contacts: PressContactRow[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t("news.pressTitle"), description: t("news.pressIntro"), feeds: feedLinks(ctx, "presse") }}>
      <h1>{t("news.pressTitle")}</h1>
      <p>{t("news.pressIntro")}</p>
      <FeedList ctx={ctx} kind="presse" />
      <p>
        <a href={ctx.href("/presse/medienpaket")}>{t("mediaKit.pressLink")}</a>
      </p>
      <h2>{t("news.pressReleases")}</h2>
      {items.length === 0 ? (
        <p>{t("news.pressNone")}</p>
      ) : (
        <ul class="plain news-list">
          {items.map((item) => (
            <NewsTeaser key={item.id} ctx={ctx} item={item} />
          ))}
        </ul>
      )}
      <h2>{t("news.contacts")}</h2>
      {contacts.length === 0 ? (
        <p>{t("news.contactsNone")}</p>
      ) : (
        <ul class="plain press-contacts">
          {contacts.map((c) => (
            <li key={c.id} class="press-contact">
              <p>
                <strong>{c.name}</strong>
                {(ctx.lang === "en" ? c.roleEn || c.roleDe : c.roleDe) && <>, {ctx.lang === "en" ? c.roleEn || c.roleDe : c.roleDe}</>}
                {c.organisation && <> · {c.organisation}</>}
              </p>
              {c.email && (
                <p>
                  <a href={`mailto:${c.email}`}>{c.email}</a>
                </p>
              )}
              {c.phone && <p>{c.phone}</p>}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
