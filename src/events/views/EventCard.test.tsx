import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { createPageCtx } from "../../lib/page-context.ts";
import type { Taxonomies } from "../../taxonomies/taxonomy-queries.ts";
import type { ProgrammeItem } from "../list-programme.ts";
import { EventCard } from "./EventCard.tsx";

const taxonomies: Taxonomies = {
  states: [{ code: "BE", nameDe: "Berlin", nameEn: "Berlin (en)", kind: "land" }],
  formats: [{ code: "workshop", nameDe: "Workshop", nameEn: "Workshop (en)" }],
  modes: [],
  topics: [],
  targetGroups: [],
  allTopics: [],
  allTargetGroups: [],
};

const item: ProgrammeItem = {
  id: 7,
  slug: "wasserstoff",
  status: "published",
  titleDe: "Wasserstoff <heute>",
  titleEn: null,
  summaryDe: "Zusammenfassung & mehr",
  summaryEn: "Summary",
  formatCode: "workshop",
  mode: "onsite",
  stateCode: "BE",
  startsAt: new Date("2019-04-02T08:00:00Z"),
  endsAt: new Date("2019-04-02T14:00:00Z"),
  days: ["2019-04-02"],
  sessionCount: 1,
  allDay: false,
  isFree: true,
  languages: ["de"],
  organisationName: "Cluster Berlin",
  organisationSlug: "cluster-berlin",
  venueName: "Halle 1",
  city: "Berlin",
};

const render = (lang: "de" | "en", e: ProgrammeItem, headingLevel?: 3 | 4) =>
  renderToString(
    <li>
      <EventCard ctx={createPageCtx(lang, "/programm", "http://localhost")} item={e} taxonomies={taxonomies} headingLevel={headingLevel} />
    </li>,
  );

describe("EventCard", () => {
  it("renders the card without a wrapper element, escaped, the same when rendered again", () => {
    const html = render("de", item);
    expect(html).toMatch(/^<li><article class="event-card"><h3 class="event-card-title"><a href="\/veranstaltungen\/7-wasserstoff">/);
    expect(html).toContain("Wasserstoff &lt;heute>");
    expect(html).toContain("Zusammenfassung &amp; mehr");
    expect(html).toContain("Di., 2. April 2019, 10:00–16:00 Uhr");
    expect(render("de", item)).toBe(html);
  });

  it("never shows an older version of a changed event", () => {
    render("de", item);
    const changed = render("de", { ...item, titleDe: "Neuer Titel", status: "cancelled", sessionCount: 3 });
    expect(changed).toContain("Neuer Titel");
    expect(changed).not.toContain("Wasserstoff");
    expect(changed).toContain("is-cancelled");
    expect(changed).toContain("+ 2 weitere Termine");
    const later = { ...item, endsAt: new Date("2019-04-02T15:00:00Z") };
    expect(render("de", later)).toContain("10:00–17:00 Uhr");
    later.days = ["2019-04-02", "2019-04-03"];
    later.endsAt.setTime(Date.parse("2019-04-02T16:00:00Z"));
    expect(render("de", later)).toContain("10:00–18:00 Uhr");
  });

  it("keeps languages, heading levels and taxonomy names apart", () => {
    const de = render("de", item);
    const en = render("en", item);
    expect(en).toContain('href="/veranstaltungen/7-wasserstoff?lang=en"');
    expect(en).toContain('<span lang="de">Wasserstoff &lt;heute></span>');
    expect(en).toContain("Berlin (en)");
    expect(de).not.toContain("Berlin (en)");
    expect(render("de", item, 4)).toContain('<h4 class="event-card-title">');
    taxonomies.formats[0] = { code: "workshop", nameDe: "Werkstatt", nameEn: "Workshop (en)" };
    expect(render("de", item)).toContain('<span class="tag">Werkstatt</span>');
  });
});
