/** One thing the benchmark measures: a fixed path, or many distinct paths to defeat the response cache. */
export type Scenario = {
  name: string;
  label: string;
  paths: string[];
  cached: boolean;
  /** Sent as Accept-Encoding (as browsers do); unset: none, so the app answers uncompressed. */
  acceptEncoding?: string;
};

/** What browsers send: the app answers Brotli. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br";

/** Every cached scenario twice: without Accept-Encoding (identity) and with it (Brotli, the stored variant). */
function withCompressed(scenarios: Scenario[]): Scenario[] {
  return scenarios.flatMap((s) =>
    s.cached ? [s, { ...s, name: `${s.name}-br`, label: `${s.label} (br)`, acceptEncoding: BROWSER_ACCEPT_ENCODING }] : [s],
  );
}

type ApiEvent = {
  title: string;
  summary: string;
  state: string;
  format: string;
  mode: string;
  days: string[];
  links: { page: string };
};

const minWordLength = 5;

/** Words of an event's texts worth searching for (letters only, 5+ characters). */
export function searchWords(text: string): string[] {
  return [...new Set(text.split(/[^\p{L}]+/u).filter((w) => w.length >= minWordLength))];
}

/** A plausible typo: one letter dropped from the middle ("Workshop" → "Wokshop"). */
export function typo(word: string): string {
  const at = Math.floor(word.length / 2);
  return word.slice(0, at) + word.slice(at + 1);
}

/**
 * Distinct programme URLs with three filters plus text, built from the real events' values so
 * most find something: each event's state, format and mode (or one of its days), and each word of
 * its title and summary, correctly spelled or with a typo. Shuffled deterministically.
 */
export function filteredProgrammePaths(events: ApiEvent[], limit: number): string[] {
  const paths = new Set<string>();
  for (const event of events) {
    for (const word of searchWords(`${event.title} ${event.summary}`)) {
      for (const q of [word, typo(word)]) {
        const third = [`mode=${event.mode}`, ...event.days.map((d) => `day=${d}`)];
        for (const extra of third) {
          paths.add(`/programm?state=${event.state}&format=${event.format}&${extra}&q=${encodeURIComponent(q)}`);
        }
      }
    }
  }
  return shuffle([...paths]).slice(0, limit);
}

function shuffle<T>(items: T[]): T[] {
  let seed = 20190401;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Asks the running app for its events and builds every scenario of the run. */
export async function buildScenarios(baseUrl: string, uncachedLimit = 20_000): Promise<Scenario[]> {
  // Events from pages spread over the whole programme, so generated copies do not crowd out the vocabulary.
  const events: ApiEvent[] = [];
  const page = async (n: number) => {
    const response = await fetch(`${baseUrl}/api/v1/events?pageSize=100&page=${n}`);
    if (!response.ok) throw new Error(`GET /api/v1/events: ${response.status}`);
    return (await response.json()) as { data: ApiEvent[]; meta: { pages: number } };
  };
  const first = await page(1);
  events.push(...first.data);
  const pages = first.meta.pages;
  const samples = Math.min(pages - 1, 29);
  for (let i = 1; i <= samples; i++) events.push(...(await page(1 + Math.round((i * (pages - 1)) / samples))).data);
  const sample = events[0];
  if (!sample) throw new Error("the app lists no events");
  const eventPath = new URL(sample.links.page).pathname;
  return withCompressed([
    { name: "home", label: "home /", paths: ["/"], cached: true },
    { name: "programme", label: "programme /programm", paths: ["/programm"], cached: true },
    {
      name: "programme-filtered",
      label: "programme, 3 filters + text (uncached)",
      paths: filteredProgrammePaths(events, uncachedLimit),
      cached: false,
    },
    { name: "event", label: "event page", paths: [eventPath], cached: true },
    { name: "api-list", label: "API /api/v1/events", paths: ["/api/v1/events"], cached: true },
    { name: "ics", label: "ICS feed, whole edition", paths: ["/feeds/events.ics"], cached: true },
  ]);
}
