const hasControlCharacter = (text: string) => [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * The `next` target after login, if it is a path on this site; anything else (other hosts,
 * protocol-relative `//host`, backslashes, control characters) gives undefined.
 */
export function safeNext(next: unknown): string | undefined {
  if (typeof next !== "string" || next.length > 500) return undefined;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\") || hasControlCharacter(next)) return undefined;
  const base = "http://site.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base) return undefined;
  return `${url.pathname}${url.search}`;
}
