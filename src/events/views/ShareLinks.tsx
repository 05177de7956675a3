import type { PageCtx } from "../../lib/page-context.ts";

/** Plain share links (no third-party script or request until the reader clicks), carrying the hashtag. */
export function ShareLinks({ ctx, url, title, hashtag }: { ctx: PageCtx; url: string; title: string; hashtag: string }) {
  const tag = hashtag.replace(/^#/, "");
  const text = `${title} ${hashtag}`.trim();
  const e = encodeURIComponent;
  const links: [string, string][] = [
    ["Mastodon", `https://toot.kytta.dev/?text=${e(`${text} ${url}`)}`],
    ["LinkedIn", `https://www.linkedin.com/sharing/share-offsite/?url=${e(url)}`],
    ["X", `https://x.com/intent/post?text=${e(title)}&url=${e(url)}${tag ? `&hashtags=${e(tag)}` : ""}`],
    ["Facebook", `https://www.facebook.com/sharer/sharer.php?u=${e(url)}`],
  ];
  return (
    <section class="share" aria-labelledby="share-heading">
      <h2 id="share-heading">{ctx.t("event.share")}</h2>
      <ul class="share-links">
        {links.map(([network, href]) => (
          <li key={network}>
            <a href={href} rel="noopener noreferrer nofollow" aria-label={ctx.t("event.shareOn", { network })}>
              {network}
            </a>
          </li>
        ))}
        <li>
          <a href={`mailto:?subject=${e(title)}&body=${e(`${text}\n${url}`)}`}>{ctx.t("event.shareByMail")}</a>
        </li>
      </ul>
    </section>
  );
}
