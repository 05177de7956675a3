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
 * The HTML of `render()`, rendered once per key and then reused (bounded, oldest out first), inserted as
 * it is: no wrapper element, so the page is byte for byte what rendering the element in place gives.
 * The key must name everything the element shows. For small parts repeated on every request (filter
 * options, navigation), where preact's per-element work costs more than a map lookup.
 */
export function cachedFragment(key: string, render: () => VNode): VNode {
  let html = fragments.get(key);
  if (html === undefined) {
    html = renderToString(render());
    if (fragments.size >= FRAGMENT_LIMIT) fragments.delete(fragments.keys().next().value ?? "");
    fragments.set(key, html);
  }
  // preact-render-to-string writes a template's strings (precompiled JSX) unescaped.
  return jsxTemplate([html]);
}
