import type { ComponentChildren } from "preact";
import { type PageCtx, switchLanguageHref } from "../lib/page-context.ts";
import { assetUrl } from "./assets.ts";
import { CsrfField } from "./CsrfField.tsx";
import { cachedFragment } from "./render.ts";

export type PageMeta = {
  title: string;
  description?: string;
  /** Site path (with query) of the canonical URL; defaults to the request path. */
  canonical?: string;
  image?: string;
  /** Size and text alternative of `image`, for og:image:width/height/alt. */
  imageWidth?: number;
  imageHeight?: number;
  imageAlt?: string;
  ogType?: "website" | "article";
  /** schema.org JSON-LD, rendered as a data block (not executed, so the CSP allows it). */
  jsonLd?: unknown;
  noindex?: boolean;
  /** Feeds of the page (RSS, Atom), announced by <link rel="alternate">. */
  feeds?: { type: string; title: string; href: string }[];
};

const nav = [
  ["/programm", "nav.programme"],
  ["/programm/agenda", "nav.agenda"],
  ["/messe", "nav.fair"],
  ["/organisationen", "nav.organisations"],
  ["/laender", "nav.states"],
  ["/archiv", "nav.archive"],
  ["/aktuelles", "nav.news"],
] as const;

/** The frame of every public page: skip link, header with navigation, main, footer. */
export function Layout({ ctx, meta, children }: { ctx: PageCtx; meta: PageMeta; children: ComponentChildren }) {
  const { t } = ctx;
  const siteName = t("site.name");
  const fullTitle = meta.title === siteName ? siteName : `${meta.title} – ${siteName}`;
  const canonical = ctx.absolute(meta.canonical ?? ctx.href(ctx.path));
  const current = nav.find(([path]) => path === ctx.path)?.[0] ?? "";
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {meta.description && <meta name="description" content={meta.description} />}
        {meta.noindex && <meta name="robots" content="noindex" />}
        <link rel="canonical" href={canonical} />
        <link rel="alternate" hreflang={ctx.lang === "de" ? "en" : "de"} href={ctx.absolute(switchLanguageHref(ctx))} />
        <meta property="og:site_name" content={siteName} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:type" content={meta.ogType ?? "website"} />
        <meta property="og:url" content={canonical} />
        <meta property="og:locale" content={ctx.lang === "de" ? "de_DE" : "en_GB"} />
        {meta.description && <meta property="og:description" content={meta.description} />}
        {meta.image && <meta property="og:image" content={meta.image} />}
        {meta.image && meta.imageWidth && <meta property="og:image:width" content={String(meta.imageWidth)} />}
        {meta.image && meta.imageHeight && <meta property="og:image:height" content={String(meta.imageHeight)} />}
        {meta.image && meta.imageAlt && <meta property="og:image:alt" content={meta.imageAlt} />}
        <meta name="twitter:card" content={meta.image ? "summary_large_image" : "summary"} />
        <meta name="twitter:title" content={meta.title} />
        {meta.description && <meta name="twitter:description" content={meta.description} />}
        {meta.image && <meta name="twitter:image" content={meta.image} />}
        {meta.image && meta.imageAlt && <meta name="twitter:image:alt" content={meta.imageAlt} />}
        {meta.feeds?.map((f) => (
          <link key={f.href} rel="alternate" type={f.type} title={f.title} href={ctx.absolute(f.href)} />
        ))}
        <link rel="stylesheet" href={assetUrl("site.css")} />
        <link rel="icon" href={assetUrl("favicon.svg")} type="image/svg+xml" />
        {meta.jsonLd !== undefined && (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(meta.jsonLd).replace(/</g, "\\u003c") }} />
        )}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("site.skip")}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href={ctx.href("/")}>
              <img src={assetUrl("logo.svg")} alt="" width="40" height="40" />
              <span>{siteName}</span>
            </a>
            <AccountNav ctx={ctx} />
            <a
              class="lang-switch"
              href={switchLanguageHref(ctx)}
              hreflang={ctx.lang === "de" ? "en" : "de"}
              lang={ctx.lang === "de" ? "en" : "de"}
            >
              <span aria-hidden="true">{t("site.langSwitch")}</span>
              <span class="visually-hidden">{t("site.langSwitchLabel")}</span>
            </a>
          </div>
          {/* The same for every page of a language and navigation item. */}
          {cachedFragment(`main-nav:${ctx.lang}:${current}`, () => (
            <nav class="wrap main-nav" aria-label={t("site.mainNav")}>
              <ul>
                {nav.map(([path, label]) => (
                  <li key={path}>
                    <a href={ctx.href(path)} aria-current={path === current ? "page" : undefined}>
                      {t(label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ))}
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {children}
        </main>
        {cachedFragment(`footer:${ctx.lang}:${ctx.demo}`, () => (
          <Footer ctx={ctx} />
        ))}
      </body>
    </html>
  );
}

/**
 * Sign-in where people look for it. Cached public pages never know the session, so they show
 * "Anmelden" to everybody (it leads a signed-in visitor straight on to "Mein Bereich"); pages that
 * load the session show the account's name, "Mein Bereich" and the logout form.
 */
function AccountNav({ ctx }: { ctx: PageCtx }) {
  const { t, account } = ctx;
  return (
    <nav class="account-nav" aria-label={t("site.accountNav")}>
      <ul>
        {account ? (
          <>
            <li class="account-name">{account.name}</li>
            <li>
              <a href={ctx.href("/mein-bereich")}>{t("accounts.settings.myArea")}</a>
            </li>
            {account.csrf && (
              <li>
                <form method="post" action={ctx.href("/abmelden")}>
                  <CsrfField token={account.csrf} />
                  <button type="submit" class="link-button">
                    {t("accounts.settings.logout")}
                  </button>
                </form>
              </li>
            )}
          </>
        ) : (
          <li>
            <a href={ctx.href("/anmelden")}>{t("accounts.login.title")}</a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** The footer: links for organisers and the legal pages; the same for every page of a language. */
function Footer({ ctx }: { ctx: PageCtx }) {
  const { t } = ctx;
  return (
    <footer class="site-footer">
      <div class="wrap">
        <nav aria-label={t("site.footerNav")}>
          <ul>
            <li>
              <a href={ctx.href("/mein-bereich")}>{t("accounts.forOrganisers")}</a>
            </li>
            <li>
              <a href={ctx.href("/presse")}>{t("nav.press")}</a>
            </li>
            <li>
              <a href={ctx.href("/ueber-uns")}>{t("nav.about")}</a>
            </li>
            <li>
              <a href={ctx.href("/impressum")}>{t("nav.imprint")}</a>
            </li>
            <li>
              <a href={ctx.href("/datenschutz")}>{t("nav.privacy")}</a>
            </li>
            <li>
              <a href={ctx.href("/barrierefreiheit")}>{t("nav.accessibility")}</a>
            </li>
            <li>
              <a href={ctx.href("/embed")}>{t("widget.title")}</a>
            </li>
          </ul>
        </nav>
        {ctx.demo && <p class="demo-note">{t("site.demoNote")}</p>}
      </div>
    </footer>
  );
}
