// Fetch directives that fall back straight to default-src when the policy does not name them (CSP 3
// §6.8.3; frame-src and worker-src go through child-src first and are left out).
const fallsBackToDefault = new Set([
  "script-src",
  "style-src",
  "img-src",
  "font-src",
  "connect-src",
  "media-src",
  "object-src",
  "manifest-src",
]);

/** A Content-Security-Policy header as directive name → source list. */
export function cspDirectives(header: string): Map<string, string> {
  const directives = new Map<string, string>();
  for (const part of header.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources.join(" "));
  }
  return directives;
}

/** The sources a browser enforces for a directive, after the fallback to default-src. */
export function effectiveSources(header: string, directive: string): string | undefined {
  const directives = cspDirectives(header);
  return directives.get(directive) ?? (fallsBackToDefault.has(directive) ? directives.get("default-src") : undefined);
}
