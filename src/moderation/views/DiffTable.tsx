import type { FieldChange } from "../../db/schema/index.ts";
import { formatDay, formatSpan } from "../../lib/format-date.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { type Taxonomies, termName } from "../../taxonomies/taxonomy-queries.ts";

type Session = { startsAt: string; endsAt: string; allDay: boolean };
type Venue = { name: string; street: string | null; postalCode: string; city: string; stateCode: string | null; country: string };

/** Labels of snapshot fields: the event form's, with the few the form names differently. */
const labelKeys: Record<string, string> = {
  sessions: "eventForm.sections.dates",
  venue: "eventForm.sections.venue",
  imageUrl: "eventForm.sections.image",
  accessibility: "eventForm.sections.accessibility",
  links: "eventForm.sections.links",
};

export const fieldLabel = (ctx: PageCtx, field: string): string => {
  const key = labelKeys[field] ?? `eventForm.fields.${field}`;
  return ctx.t(key, { defaultValue: field, n: "" });
};

/** One side of a changed field, readable: dates as spans, codes as names, the image as itself. */
function Value({ ctx, field, value, taxonomies }: { ctx: PageCtx; field: string; value: unknown; taxonomies: Taxonomies }) {
  const { t, lang } = ctx;
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0))
    return <span class="muted">{t("moderation.empty_value")}</span>;
  if (typeof value === "boolean") return <>{value ? t("moderation.yes") : t("moderation.no")}</>;
  switch (field) {
    case "sessions":
      return (
        <ul class="plain">
          {(value as Session[]).map((s) => (
            <li key={s.startsAt}>{formatSpan(lang, new Date(s.startsAt), new Date(s.endsAt), s.allDay)}</li>
          ))}
        </ul>
      );
    case "venue": {
      const v = value as Venue;
      return (
        <address>
          {v.name}
          <br />
          {v.street && [v.street, <br key="br" />]}
          {v.postalCode} {v.city} {v.country !== "DE" && `(${v.country})`}
        </address>
      );
    }
    case "imageUrl":
      return <img src={String(value)} alt={t("moderation.imageOf")} class="diff-image" loading="lazy" />;
    case "registrationDeadline":
      return <>{formatDay(lang, new Date(String(value)))}</>;
    case "formatCode":
      return <>{termName(taxonomies.formats, String(value), lang)}</>;
    case "mode":
      return <>{termName(taxonomies.modes, String(value), lang)}</>;
    case "stateCode":
      return <>{termName(taxonomies.states, String(value), lang)}</>;
    case "topics":
      return <>{(value as string[]).map((c) => termName(taxonomies.allTopics, c, lang)).join(", ")}</>;
    case "targetGroups":
      return <>{(value as string[]).map((c) => termName(taxonomies.allTargetGroups, c, lang)).join(", ")}</>;
    case "coOrganisers":
      return <>{(value as { name: string }[]).map((c) => c.name).join(", ")}</>;
    case "links":
      return (
        <ul class="plain">
          {(value as { label: string; url: string }[]).map((l) => (
            <li key={l.url}>
              {l.label}: {l.url}
            </li>
          ))}
        </ul>
      );
    case "accessibility":
      return (
        <>
          {Object.entries(value as Record<string, unknown>)
            .filter(([, v]) => Boolean(v))
            .map(([k, v]) => (k === "notes" ? String(v) : t(`eventForm.fields.${k}`, { defaultValue: k })))
            .join(", ")}
        </>
      );
    default:
      if (Array.isArray(value)) return <>{value.join(", ")}</>;
      if (typeof value === "object") return <>{JSON.stringify(value)}</>;
      return <span class="diff-text">{String(value)}</span>;
  }
}

/** The changed fields side by side: last published version on the left, the one under review on the right. */
export function DiffTable({
  ctx,
  changes,
  taxonomies,
  since = "published",
}: {
  ctx: PageCtx;
  changes: FieldChange[];
  taxonomies: Taxonomies;
  /** The left column: the last published version, or the version the reviewer asked to revise. */
  since?: "published" | "request";
}) {
  const { t } = ctx;
  return (
    <table class="diff">
      <caption class="visually-hidden">{since === "request" ? t("moderation.sinceRequestCaption") : t("moderation.diff")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("moderation.diffField")}</th>
          <th scope="col">{since === "request" ? t("moderation.diffBeforeRequest") : t("moderation.diffBefore")}</th>
          <th scope="col">{t("moderation.diffAfter")}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field} data-field={c.field}>
            <th scope="row">{fieldLabel(ctx, c.field)}</th>
            <td class="diff-old">
              <Value ctx={ctx} field={c.field} value={c.old} taxonomies={taxonomies} />
            </td>
            <td class="diff-new">
              <Value ctx={ctx} field={c.field} value={c.new} taxonomies={taxonomies} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
