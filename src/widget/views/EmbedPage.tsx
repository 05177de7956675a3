import { h } from "preact";
import type { PageCtx } from "../../lib/page-context.ts";
import type { Taxonomies, Term } from "../../taxonomies/taxonomy-queries.ts";
import { assetUrl } from "../../views/assets.ts";
import { Layout } from "../../views/Layout.tsx";
import { type EmbedChoice, embedAttributes, embedSnippets, type FormFilter } from "../embed-snippets.ts";

export type ScriptSize = { bytes: number; gzipBytes: number };

const attributeDocs = [
  ["state", "attrState"],
  ["format", "attrFormat"],
  ["topic", "attrTopic"],
  ["mode", "attrMode"],
  ["day", "attrDay"],
  ["org", "attrOrg"],
  ["free", "attrFree"],
  ["q", "attrQ"],
  ["edition", "attrEdition"],
  ["limit", "attrLimit"],
  ["lang", "attrLang"],
  ["heading-level", "attrHeadingLevel"],
  ["heading-text", "attrHeadingText"],
] as const;

const propertyDocs = [
  ["--cw-font", "propFont"],
  ["--cw-font-size", "propFontSize"],
  ["--cw-color", "propColor"],
  ["--cw-muted", "propMuted"],
  ["--cw-accent", "propAccent"],
  ["--cw-background", "propBackground"],
  ["--cw-border", "propBorder"],
  ["--cw-radius", "propRadius"],
] as const;

const themeExample = `clusterwoche-events {
  --cw-font: Georgia, serif;
  --cw-accent: #7a1f5c;
  --cw-border: #d8d2c8;
}`;

function Choice({ ctx, name, label, terms, chosen }: { ctx: PageCtx; name: FormFilter; label: string; terms: Term[]; chosen?: string }) {
  return (
    <div class="embed-field">
      <label for={`e-${name}`}>{label}</label>
      <select id={`e-${name}`} name={name}>
        <option value="" selected={!chosen}>
          {ctx.t("widget.all")}
        </option>
        {terms.map((term) => (
          <option key={term.code} value={term.code} selected={term.code === chosen}>
            {ctx.lang === "en" ? term.nameEn : term.nameDe}
          </option>
        ))}
      </select>
    </div>
  );
}

function ChoiceForm({ ctx, taxonomies, choice }: { ctx: PageCtx; taxonomies: Taxonomies; choice: EmbedChoice }) {
  const { t } = ctx;
  const f = choice.filters;
  return (
    <form class="embed-form" method="get" action="/embed" aria-labelledby="embed-choose">
      <h2 id="embed-choose">{t("widget.choose")}</h2>
      {ctx.lang === "en" && <input type="hidden" name="lang" value="en" />}
      <div class="embed-fields">
        <Choice ctx={ctx} name="state" label={t("programme.state")} terms={taxonomies.states} chosen={f.state} />
        <Choice ctx={ctx} name="format" label={t("programme.format")} terms={taxonomies.formats} chosen={f.format} />
        <Choice ctx={ctx} name="topic" label={t("programme.topic")} terms={taxonomies.topics} chosen={f.topic} />
        <Choice ctx={ctx} name="mode" label={t("programme.mode")} terms={taxonomies.modes} chosen={f.mode} />
        <div class="embed-field">
          <label for="e-limit">{t("widget.limit")}</label>
          <input type="number" id="e-limit" name="limit" min={1} max={100} step={1} value={String(choice.limit)} />
        </div>
        <div class="embed-field">
          <label for="e-widget-lang">{t("widget.widgetLang")}</label>
          <select id="e-widget-lang" name="widgetLang">
            <option value="de" selected={choice.widgetLang === "de"}>
              {t("widget.german")}
            </option>
            <option value="en" selected={choice.widgetLang === "en"}>
              {t("widget.english")}
            </option>
          </select>
        </div>
      </div>
      <button type="submit">{t("widget.update")}</button>
    </form>
  );
}

/** A two-column reference table, named by the heading above it. */
function DocTable({ labelledBy, head, rows }: { labelledBy: string; head: [string, string]; rows: [string, string][] }) {
  return (
    <div class="table-scroll">
      <table class="embed-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{head[0]}</th>
            <th scope="col">{head[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, text]) => (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>{text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /embed: choose filters, copy the snippet of either variant, see both live. */
export function EmbedPage({
  ctx,
  taxonomies,
  choice,
  size,
}: {
  ctx: PageCtx;
  taxonomies: Taxonomies;
  choice: EmbedChoice;
  size: ScriptSize;
}) {
  const { t } = ctx;
  const origin = ctx.baseUrl;
  const snippets = embedSnippets(origin, choice, { eventsTitle: t("widget.eventsTitle") });
  const number = new Intl.NumberFormat(ctx.lang === "en" ? "en-GB" : "de-DE");
  const previewAttributes = Object.fromEntries([...embedAttributes(choice), ["heading-level", "4"]]);
  return (
    <Layout ctx={ctx} meta={{ title: t("widget.title"), description: t("widget.intro") }}>
      <link rel="stylesheet" href={assetUrl("embed.css")} />
      <h1>{t("widget.title")}</h1>
      <p class="lead">{t("widget.intro")}</p>
      <p>{t("widget.privacy")}</p>
      {choice.ignored.length > 0 && (
        <div class="notice" role="status">
          {choice.ignored.map((p) => (
            <p key={p.name}>{t("widget.ignored", { name: p.name, value: p.value })}</p>
          ))}
        </div>
      )}
      <ChoiceForm ctx={ctx} taxonomies={taxonomies} choice={choice} />

      <section aria-labelledby="embed-script">
        <h2 id="embed-script">{t("widget.scriptHeading")}</h2>
        <p>{t("widget.scriptText")}</p>
        <label class="snippet-label" for="snippet-script">
          {t("widget.scriptSnippet")}
        </label>
        <textarea id="snippet-script" class="snippet" readOnly rows={5} spellcheck={false}>
          {snippets.script}
        </textarea>
        <p class="embed-size">{t("widget.size", { bytes: number.format(size.bytes), gzipBytes: number.format(size.gzipBytes) })}</p>
        <p>{t("widget.csp", { origin })}</p>
        <h3 id="embed-attributes">{t("widget.attributesHeading")}</h3>
        <DocTable
          labelledBy="embed-attributes"
          head={[t("widget.attribute"), t("widget.meaning")]}
          rows={attributeDocs.map(([name, key]) => [name, t(`widget.${key}`)])}
        />
        <h3 id="embed-theme">{t("widget.themeHeading")}</h3>
        <p>{t("widget.themeText")}</p>
        <pre class="snippet-example">
          <code>{themeExample}</code>
        </pre>
        <DocTable
          labelledBy="embed-theme"
          head={[t("widget.property"), t("widget.meaning")]}
          rows={propertyDocs.map(([name, key]) => [name, t(`widget.${key}`)])}
        />
        <p>{t("widget.parts")}</p>
      </section>

      <section aria-labelledby="embed-iframe">
        <h2 id="embed-iframe">{t("widget.iframeHeading")}</h2>
        <p>{t("widget.iframeText")}</p>
        <label class="snippet-label" for="snippet-iframe">
          {t("widget.iframeSnippet")}
        </label>
        <textarea id="snippet-iframe" class="snippet" readOnly rows={3} spellcheck={false}>
          {snippets.iframe}
        </textarea>
      </section>

      <section aria-labelledby="embed-preview">
        <h2 id="embed-preview">{t("widget.previewHeading")}</h2>
        <div class="embed-previews">
          <div class="embed-preview">
            <h3>{t("widget.previewScript")}</h3>
            <noscript>
              <p>{t("widget.previewNoScript")}</p>
            </noscript>
            {h(
              "clusterwoche-events",
              { ...previewAttributes, class: "embed-preview-widget" },
              h("a", { href: snippets.programmePath }, t("widget.eventsTitle")),
            )}
            <script src="/widget.js" async />
          </div>
          <div class="embed-preview">
            <h3>{t("widget.previewIframe")}</h3>
            <iframe class="embed-preview-frame" src={snippets.iframePath} title={t("widget.eventsTitle")} loading="lazy" />
          </div>
        </div>
      </section>
    </Layout>
  );
}
