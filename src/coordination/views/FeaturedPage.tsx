import type { ComponentChildren } from "preact";
import { formatDay } from "../../lib/format-date.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { PostForm } from "../../organiser/views/FormParts.tsx";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { MAX_FEATURED } from "../coordination.schemas.ts";
import type { FeaturedChoice } from "../set-featured-events.ts";
import { CoordinationShell, errorText, type FieldErrors, FormErrors, landName } from "./CoordinationShell.tsx";

export type FeaturedView = { errors: FieldErrors; csrf: string; notice: string | null; chosen: number[] | null };

/** /mein-bereich/land/:code/hervorgehoben and /mein-bereich/startseite/hervorgehoben: tick up to six published events. */
export function FeaturedPage({ base, choice, view }: { base: PageBase; choice: FeaturedChoice; view: FeaturedView }) {
  const { ctx } = base;
  const { t, lang } = ctx;
  const { land } = choice;
  const title = land ? t("coordination.featuredForm.title", { state: landName(ctx, land) }) : t("coordination.featuredForm.homeTitle");
  const action = land ? `/mein-bereich/land/${land.code}/hervorgehoben` : "/mein-bereich/startseite/hervorgehoben";
  const chosen = new Set(view.chosen ?? choice.events.filter((e) => e.featured).map((e) => e.id));
  const body = (
    <>
      <p>
        {t("coordination.edition", { year: choice.edition.year })} · {t("coordination.featuredForm.intro", { max: MAX_FEATURED })}
      </p>
      <FormErrors ctx={ctx} errors={view.errors} labels={{ eventIds: t("coordination.featuredForm.legend") }} />
      {choice.events.length === 0 ? (
        <p>{t("coordination.featuredForm.none")}</p>
      ) : (
        <PostForm action={ctx.href(action)} csrf={view.csrf}>
          <fieldset class="form-field checkbox-group" aria-describedby={view.errors.eventIds ? "eventIds-error" : undefined}>
            <legend>{t("coordination.featuredForm.legend")}</legend>
            {view.errors.eventIds && (
              <p class="field-error" id="eventIds-error">
                {errorText(ctx, view.errors.eventIds)}
              </p>
            )}
            {choice.events.map((e, i) => (
              <div class="checkbox" key={e.id}>
                <input
                  type="checkbox"
                  name="eventIds"
                  value={String(e.id)}
                  id={i === 0 ? "field-eventIds" : `event-${e.id}`}
                  checked={chosen.has(e.id)}
                />{" "}
                <label for={i === 0 ? "field-eventIds" : `event-${e.id}`} lang="de">
                  {e.titleDe}
                </label>{" "}
                <span class="muted">
                  – {e.organisationName}, {formatDay(lang, e.startsAt)}
                </span>
              </div>
            ))}
          </fieldset>
          <button type="submit">{t("coordination.featuredForm.save")}</button>
        </PostForm>
      )}
    </>
  );
  return land ? (
    <CoordinationShell base={base} land={land} title={title} notice={view.notice}>
      {body}
    </CoordinationShell>
  ) : (
    <Shell base={base} title={title} notice={view.notice}>
      {body}
    </Shell>
  );
}

function Shell({ base, title, notice, children }: { base: PageBase; title: string; notice: string | null; children: ComponentChildren }) {
  return (
    <OrganiserShell ctx={base.ctx} actor={base.actor} title={title} orgs={base.orgs} org={base.org} notice={notice}>
      {children}
    </OrganiserShell>
  );
}
