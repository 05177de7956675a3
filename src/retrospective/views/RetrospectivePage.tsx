import { pick } from "../../lib/language.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import { dimensionTable } from "../../stats/chart-tables.ts";
import type { KeyFigures } from "../../stats/count-events.ts";
import { ChartSection } from "../../stats/views/ChartSection.tsx";
import { Layout } from "../../views/Layout.tsx";
import { type Retrospective, retrospectiveDimensions } from "../load-retrospective.ts";
import { Gallery, PressReleases } from "./ReportMedia.tsx";

const figureOrder: (keyof KeyFigures)[] = ["days", "states", "events", "booths", "partnerCountries", "participants"];

/** /archiv/:year/rueckblick: the week in figures, its programme in charts with tables, photos and press releases. */
export function RetrospectivePage({ ctx, retro }: { ctx: PageCtx; retro: Retrospective }) {
  const { t, lang } = ctx;
  const { edition, figures } = retro;
  const year = edition.year;
  const title = t("stats.retro.title", { year });
  return (
    <Layout ctx={ctx} meta={{ title, description: t("stats.retro.intro", { year }) }}>
      <h1>{title}</h1>
      <p>
        {pick(lang, edition.titleDe, edition.titleEn)} – {t("stats.retro.intro", { year })}
      </p>
      <section aria-labelledby="retro-figures">
        <h2 id="retro-figures">{t("stats.retro.figuresTitle")}</h2>
        <ul class="key-figures">
          {figureOrder.map((f) => (
            <li key={f} data-figure={f}>
              <strong>{figures[f].toLocaleString(lang === "en" ? "en-GB" : "de-DE")}</strong> {t(`stats.figures.${f}`)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="retro-charts">
        <h2 id="retro-charts">{t("stats.retro.chartsTitle")}</h2>
        {retrospectiveDimensions.map((dimension) => (
          <ChartSection
            key={dimension}
            ctx={ctx}
            level={3}
            table={dimensionTable(ctx, {
              id: `retro-${dimension}`,
              dimension,
              counts: retro.byDimension.get(dimension) ?? new Map(),
              taxonomies: retro.taxonomies,
              days: retro.days,
            })}
          />
        ))}
      </section>
      <Gallery ctx={ctx} photos={retro.photos} />
      <PressReleases ctx={ctx} releases={retro.pressReleases} />
      <p>
        <a href={ctx.href("/programm", { edition: String(year) })}>{t("stats.retro.programme", { year })}</a>
      </p>
    </Layout>
  );
}
