import { isFixedPage } from "./pages.schemas.ts";

/** Where a page is public: fixed pages at /<slug>, free pages at /seiten/<slug>. */
export const publicPathOf = (slug: string): string => (isFixedPage(slug) ? `/${slug}` : `/seiten/${slug}`);
