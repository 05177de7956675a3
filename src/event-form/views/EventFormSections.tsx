import { type EditableTerm, offeredTerms, type Taxonomies } from "../../taxonomies/taxonomy-queries.ts";
import { EVENT_LANGUAGES } from "../event-form.schemas.ts";
import { many, one, rowIndexes } from "../event-form-data.ts";
import { Check, Choices, type FormState, fieldId, markedNote, markedSections, Select, TextArea, TextField, tr } from "./form-kit.tsx";

const f = (s: FormState, key: string, options?: Record<string, unknown>) => tr(s.ctx, `eventForm.fields.${key}`, options);
const name = (s: FormState, term: { nameDe: string; nameEn: string }) => (s.ctx.lang === "en" ? term.nameEn : term.nameDe);

/** A fieldset of the form; sections whose rows reviewers marked as a whole carry the note under the legend. */
function Section({ s, id, children }: { s: FormState; id: string; children: preact.ComponentChildren }) {
  const field = Object.keys(markedSections).find((name) => markedSections[name] === id);
  const marked = field ? markedNote(s, field) : undefined;
  return (
    <fieldset
      class={marked ? "form-section field-marked" : "form-section"}
      id={`section-${id}`}
      tabIndex={marked ? -1 : undefined}
      aria-describedby={marked ? `section-${id}-marked` : undefined}
    >
      <legend>{tr(s.ctx, `eventForm.sections.${id}`)}</legend>
      {marked && (
        <p class="field-marked-note" id={`section-${id}-marked`}>
          {marked}
        </p>
      )}
      {children}
    </fieldset>
  );
}

export function BasicsSection({ s }: { s: FormState }) {
  return (
    <Section s={s} id="basics">
      <TextField s={s} name="titleDe" label={f(s, "titleDe")} required lang="de" />
      <TextField s={s} name="titleEn" label={f(s, "titleEn")} lang="en" />
      <TextArea s={s} name="summaryDe" label={f(s, "summaryDe")} required rows={3} lang="de" />
      <TextArea s={s} name="summaryEn" label={f(s, "summaryEn")} rows={3} lang="en" />
      <TextArea s={s} name="descriptionDe" label={f(s, "descriptionDe")} hint={f(s, "markdownHint")} rows={10} lang="de" />
      <TextArea s={s} name="descriptionEn" label={f(s, "descriptionEn")} hint={f(s, "markdownHint")} rows={10} lang="en" />
    </Section>
  );
}

export function FormatSection({ s, taxonomies }: { s: FormState; taxonomies: Taxonomies }) {
  const modes = (["onsite", "online", "hybrid"] as const).map((m) => ({ value: m, label: f(s, `modes.${m}`) }));
  return (
    <Section s={s} id="format">
      <Select
        s={s}
        name="formatCode"
        label={f(s, "formatCode")}
        required
        options={taxonomies.formats.map((t) => ({ value: t.code, label: name(s, t) }))}
      />
      <Choices s={s} name="mode" type="radio" label={f(s, "mode")} required options={modes} />
    </Section>
  );
}

/** Date rows; "add date" is a submit button that re-renders the form with one more empty row. */
export function DatesSection({ s }: { s: FormState }) {
  const rows = rowIndexes(s.values, "sessions");
  const shown = rows.length ? rows : [0];
  return (
    <Section s={s} id="dates">
      <p class="field-hint">{f(s, "datesHint")}</p>
      {s.errors.sessions && (
        <p class="field-error" id={fieldId("sessions")} tabIndex={-1}>
          {tr(s.ctx, `eventForm.errors.${s.errors.sessions}`)}
        </p>
      )}
      {shown.map((i, n) => (
        <fieldset class="session-row" key={i}>
          <legend>{f(s, "session", { n: n + 1 })}</legend>
          <TextField s={s} name={`sessions.${i}.startDate`} label={f(s, "startDate")} type="date" />
          <TextField s={s} name={`sessions.${i}.startTime`} label={f(s, "startTime")} type="time" />
          <TextField s={s} name={`sessions.${i}.endDate`} label={f(s, "endDate")} type="date" />
          <TextField s={s} name={`sessions.${i}.endTime`} label={f(s, "endTime")} type="time" />
          <Check s={s} name={`sessions.${i}.allDay`} label={f(s, "allDay")} />
        </fieldset>
      ))}
      <button type="submit" name="_action" value="addDate" class="button button-secondary">
        {f(s, "addDate")}
      </button>
    </Section>
  );
}

export function VenueSection({ s, taxonomies }: { s: FormState; taxonomies: Taxonomies }) {
  const lands = taxonomies.states.filter((x) => x.kind === "land").map((x) => ({ value: x.code, label: name(s, x) }));
  return (
    <Section s={s} id="venue">
      <TextField s={s} name="venue.name" label={f(s, "venueName")} />
      <TextField s={s} name="venue.street" label={f(s, "street")} autocomplete="address-line1" />
      <TextField s={s} name="venue.postalCode" label={f(s, "postalCode")} autocomplete="postal-code" inputmode="numeric" />
      <TextField s={s} name="venue.city" label={f(s, "city")} autocomplete="address-level2" />
      <Select s={s} name="venue.stateCode" label={f(s, "stateCode")} options={lands} />
      <TextField s={s} name="venue.country" label={f(s, "country")} />
      <p class="field-hint">{f(s, "coordinatesHint")}</p>
      <TextField s={s} name="venue.latitude" label={f(s, "latitude")} inputmode="decimal" />
      <TextField s={s} name="venue.longitude" label={f(s, "longitude")} inputmode="decimal" />
    </Section>
  );
}

export function OnlineSection({ s }: { s: FormState }) {
  return (
    <Section s={s} id="online">
      <TextField s={s} name="onlineUrl" label={f(s, "onlineUrl")} type="url" />
      <Check s={s} name="onlineUrlPublic" label={f(s, "onlineUrlPublic")} />
      <p class="field-hint">{f(s, "onlineUrlPublicHint")}</p>
      <TextField s={s} name="liveUrl" label={f(s, "liveUrl")} type="url" />
      <TextField s={s} name="replayUrl" label={f(s, "replayUrl")} type="url" />
    </Section>
  );
}

/** Active terms, plus retired ones the event already has (kept when saved, marked as retired). */
function termOptions(s: FormState, all: readonly EditableTerm[], field: string) {
  return offeredTerms(all, many(s.values, field)).map((t) => ({
    value: t.code,
    label: t.active ? name(s, t) : `${name(s, t)} (${tr(s.ctx, "taxonomies.retiredMark")})`,
  }));
}

export function TopicsSection({ s, taxonomies }: { s: FormState; taxonomies: Taxonomies }) {
  const language = (code: string) => new Intl.DisplayNames([s.ctx.lang], { type: "language" }).of(code) ?? code;
  return (
    <Section s={s} id="topics">
      <Choices s={s} name="topics" type="checkbox" label={f(s, "topics")} options={termOptions(s, taxonomies.allTopics, "topics")} />
      <Choices
        s={s}
        name="targetGroups"
        type="checkbox"
        label={f(s, "targetGroups")}
        options={termOptions(s, taxonomies.allTargetGroups, "targetGroups")}
      />
      <Choices
        s={s}
        name="languages"
        type="checkbox"
        label={f(s, "languages")}
        options={EVENT_LANGUAGES.map((c) => ({ value: c, label: language(c) }))}
      />
    </Section>
  );
}

export function PartnersSection({ s }: { s: FormState }) {
  return (
    <Section s={s} id="partners">
      <TextField s={s} name="partnerCountries" label={f(s, "partnerCountries")} hint={f(s, "partnerCountriesHint")} />
      <TextArea s={s} name="coOrganisers" label={f(s, "coOrganisers")} hint={f(s, "coOrganisersHint")} rows={3} />
    </Section>
  );
}

export function CostSection({ s }: { s: FormState }) {
  return (
    <Section s={s} id="cost">
      <Choices
        s={s}
        name="isFree"
        type="radio"
        label={f(s, "isFree")}
        options={[
          { value: "yes", label: f(s, "free") },
          { value: "no", label: f(s, "notFree") },
        ]}
      />
      <TextField s={s} name="costText" label={f(s, "costText")} />
      <TextField s={s} name="registrationUrl" label={f(s, "registrationUrl")} type="url" />
      <TextField s={s} name="registrationEmail" label={f(s, "registrationEmail")} type="email" />
      <TextField s={s} name="registrationDeadline" label={f(s, "registrationDeadline")} type="date" />
      <TextField s={s} name="capacity" label={f(s, "capacity")} inputmode="numeric" />
    </Section>
  );
}

export function AccessibilitySection({ s }: { s: FormState }) {
  return (
    <Section s={s} id="accessibility">
      {(["stepFree", "hearingLoop", "signLanguage", "subtitles"] as const).map((k) => (
        <Check key={k} s={s} name={`accessibility.${k}`} label={f(s, k)} />
      ))}
      <TextArea s={s} name="accessibility.notes" label={f(s, "accessibilityNotes")} rows={3} />
    </Section>
  );
}

export function ContactSection({ s }: { s: FormState }) {
  return (
    <Section s={s} id="contact">
      <TextField s={s} name="contactName" label={f(s, "contactName")} autocomplete="name" />
      <TextField s={s} name="contactEmail" label={f(s, "contactEmail")} type="email" autocomplete="email" />
      <TextField s={s} name="contactPhone" label={f(s, "contactPhone")} type="tel" autocomplete="tel" />
      <Check s={s} name="contactPublic" label={f(s, "contactPublic")} />
      <p class="field-hint">{f(s, "contactPublicHint")}</p>
    </Section>
  );
}

export function ImageSection({ s }: { s: FormState }) {
  const current = one(s.values, "imageUrl");
  const error = s.errors.image;
  const id = fieldId("image");
  return (
    <Section s={s} id="image">
      <input type="hidden" name="imageUrl" value={current} />
      {current && (
        <figure class="form-image">
          <img src={current} alt={one(s.values, "imageAlt")} width="320" />
          <figcaption>{f(s, "currentImage")}</figcaption>
        </figure>
      )}
      {current && <Check s={s} name="imageRemove" label={f(s, "removeImage")} />}
      <div class={error ? "field field-invalid" : "field"}>
        <label for={id}>{f(s, "image")}</label>
        {error && (
          <p class="field-error" id={`${id}-error`}>
            {tr(s.ctx, `eventForm.errors.${error}`)}
          </p>
        )}
        <input
          id={id}
          type="file"
          name="image"
          accept="image/jpeg,image/png,image/webp"
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      <TextField s={s} name="imageAlt" label={f(s, "imageAlt")} />
      <TextField s={s} name="imageCredit" label={f(s, "imageCredit")} />
    </Section>
  );
}

export function LinksSection({ s }: { s: FormState }) {
  const rows = rowIndexes(s.values, "links");
  const next = rows.length ? Math.max(...rows) + 1 : 0;
  return (
    <Section s={s} id="links">
      {[...rows, next, next + 1].map((i, n) => (
        <div class="link-row" key={i}>
          <TextField s={s} name={`links.${i}.label`} label={f(s, "linkLabel", { n: n + 1 })} />
          <TextField s={s} name={`links.${i}.url`} label={f(s, "linkUrl", { n: n + 1 })} type="url" />
        </div>
      ))}
    </Section>
  );
}
