import type { FastifyInstance } from "fastify";
import { listSitemapEntries, type SitemapEntry } from "./sitemap-queries.ts";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const withLang = (path: string, lang: "de" | "en") => (lang === "de" ? path : `${path}${path.includes("?") ? "&" : "?"}lang=en`);

/**
 * The sitemap protocol with one <url> per page and language, each listing both languages and
 * x-default (German) as hreflang alternates (Google's "xhtml:link" form).
 */
export function sitemapXml(entries: SitemapEntry[], baseUrl: string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const entry of entries) {
    const de = escapeXml(`${baseUrl}${withLang(entry.path, "de")}`);
    const en = escapeXml(`${baseUrl}${withLang(entry.path, "en")}`);
    const alternates = `<xhtml:link rel="alternate" hreflang="de" href="${de}"/><xhtml:link rel="alternate" hreflang="en" href="${en}"/><xhtml:link rel="alternate" hreflang="x-default" href="${de}"/>`;
    const lastmod = entry.lastmod ? `<lastmod>${entry.lastmod.toISOString()}</lastmod>` : "";
    for (const loc of [de, en]) lines.push(`<url><loc>${loc}</loc>${lastmod}${alternates}</url>`);
  }
  lines.push("</urlset>");
  return `${lines.join("\n")}\n`;
}

/** robots.txt: everything public may be crawled except the signed-in area, forms and exports. */
export function robotsTxt(baseUrl: string): string {
  return [
    "User-agent: *",
    "Disallow: /mein-bereich",
    "Disallow: /konto",
    "Disallow: /anmelden",
    "Disallow: /registrieren",
    "Disallow: /passwort-",
    "Disallow: /einladung/",
    "Disallow: /export/",
    "Disallow: /api/",
    "Allow: /api/docs",
    "",
    `Sitemap: ${baseUrl}/sitemap.xml`,
    "",
  ].join("\n");
}

/** /sitemap.xml (public pages at the app's clock: embargoed news and unpublished pages are not in it) and /robots.txt. */
export function registerSitemapRoutes(app: FastifyInstance): void {
  app.get("/sitemap.xml", { config: { publicCache: true } }, async (_request, reply) => {
    const entries = await listSitemapEntries(app.database.db, app.clock());
    return reply.type("application/xml; charset=utf-8").send(sitemapXml(entries, app.config.baseUrl));
  });
  app.get("/robots.txt", { config: { publicCache: true } }, async (_request, reply) =>
    reply.type("text/plain; charset=utf-8").send(robotsTxt(app.config.baseUrl)),
  );
}
