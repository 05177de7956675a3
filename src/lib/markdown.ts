import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

// Raw HTML in Markdown is off; sanitize-html is the second fence for whatever markdown-it emits.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: true });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h2", "h3", "h4", "hr"],
  allowedAttributes: { a: ["href", "title"] },
  allowedSchemes: ["http", "https", "mailto"],
  transformTags: {
    // Headings inside user text start below the page's own h1/h2.
    h1: "h3",
    h2: "h3",
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener nofollow" }),
  },
};

/** Markdown to safe HTML for display. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), { ...allowed, allowedAttributes: { a: ["href", "title", "rel"] } });
}
