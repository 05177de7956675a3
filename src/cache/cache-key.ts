/**
 * The cache key of a request URL: the path as received plus the query parameters sorted by name
 * (then value), empty ones dropped. `/programm?state=BW&q=` and `/programm?state=BW` share a key;
 * `lang=en` is a parameter like any other, so each language has its own entry.
 */
export function cacheKeyOf(url: string): string {
  const mark = url.indexOf("?");
  if (mark === -1) return url;
  const path = url.slice(0, mark);
  const params: [string, string][] = [];
  for (const [name, value] of new URLSearchParams(url.slice(mark + 1))) {
    if (value !== "") params.push([name, value]);
  }
  if (params.length === 0) return path;
  params.sort(compareParams);
  return `${path}?${new URLSearchParams(params).toString()}`;
}

function compareParams(a: [string, string], b: [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}
