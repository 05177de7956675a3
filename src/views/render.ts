import type { FastifyReply } from "fastify";
import type { VNode } from "preact";
import { jsxTemplate } from "preact/jsx-runtime";
import { renderToString } from "preact-render-to-string";

/** Renders a full page to an HTML string. */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

/** Sends a rendered page as HTML. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.status(status).type("text/html; charset=utf-8").send(renderDocument(page));
}

const FRAGMENT_LIMIT = 20_000;
const fragments = new Map<string, string>();

/**
 * The HTML of `render()`, rendered once per key and then reused (bounded, oldest out first). The key
 * must name everything the element shows. For small parts repeated on every request (filter options,
 * navigation), where preact's per-element work costs more than a map lookup.
 */
export function cachedHtml(key: string, render: () => VNode): string {
  let html = fragments.get(key);
  if (html === undefined) {
    html = renderToString(render());
    if (fragments.size >= FRAGMENT_LIMIT) fragments.delete(fragments.keys().next().value ?? "");
    fragments.set(key, html);
  }
  return html;
}

/**
 * Rendered HTML inserted as it is, without a wrapper element, so the page is byte for byte what
 * rendering the elements in place gives: preact-render-to-string writes a template's strings
 * (precompiled JSX) unescaped. Only for HTML that preact rendered.
 */
export function rawHtml(html: string): VNode {
  return jsxTemplate([html]);
}

/** `cachedHtml` as an element. */
export function cachedFragment(key: string, render: () => VNode): VNode {
  return rawHtml(cachedHtml(key, render));
}

const COUNT_MARK = "\u0001";
type Counted = { label: string; before: string; after: string };
const counted = new Map<string, Counted>();

/**
 * The HTML of an element that differs between requests only in one count, e.g. a filter option
 * "Bayern (12)": rendered once per key and label with a marker where the count goes, then only the
 * count is put in (a number renders as its digits either way). `key` must name everything else the
 * element shows; the label is compared, not hashed, so keys stay short.
 */
export function countedHtml(key: string, label: string, count: number, render: (count: number | string) => VNode): string {
  let known = counted.get(key);
  if (known?.label !== label) {
    const [before, after, ...more] = renderToString(render(COUNT_MARK)).split(COUNT_MARK);
    // A label holding the marker itself: render it whole, uncached.
    if (before === undefined || after === undefined || more.length > 0) return renderToString(render(count));
    if (!known && counted.size >= FRAGMENT_LIMIT) counted.delete(counted.keys().next().value ?? "");
    known = { label, before, after };
    counted.set(key, known);
  }
  return `${known.before}${count}${known.after}`;
}
