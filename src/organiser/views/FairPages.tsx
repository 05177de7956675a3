import { editionDays } from "../../editions/edition-queries.ts";
import { formatIsoDay } from "../../lib/format-date.ts";
import type { Fair, OwnPresence } from "../list-trade-fair-presences.ts";
import type { PageBase } from "../organiser-page-kit.ts";
import {
  ButtonForm,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  listOf,
  PostForm,
  SelectField,
  TextArea,
  TextField,
} from "./FormParts.tsx";
import { OrganiserShell } from "./OrganiserShell.tsx";

type OrgBase = PageBase & { org: NonNullable<PageBase["org"]> };

/** /mein-bereich/messe: the organisation's booths at the current edition's fairs. */
export function FairListPage({
  base,
  fairs,
  presences,
  csrf,
  notice,
}: {
  base: OrgBase;
  fairs: Fair[];
  presences: OwnPresence[];
  csrf: string;
  notice: string | null;
}) {
  const { ctx, actor, orgs, org } = base;
  const { t, lang } = ctx;
  const q = { org: org.slug };
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("organiser.fair.title")} orgs={orgs} org={org} notice={notice}>
      <p>{t("organiser.fair.intro")}</p>
      {fairs.length === 0 && <p>{t("organiser.fair.noFairs")}</p>}
      {presences.length === 0 ? (
        <p>{t("organiser.fair.none")}</p>
      ) : (
        <div class="table-scroll">
          <table class="booth-table">
            <caption class="visually-hidden">{t("organiser.fair.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("organiser.fair.fair")}</th>
                <th scope="col">{t("organiser.fair.hall")}</th>
                <th scope="col">{t("organiser.fair.booth")}</th>
                <th scope="col">{t("organiser.fair.days")}</th>
                <th scope="col">{t("organiser.members.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {presences.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.fair}</th>
                  <td>{p.hall}</td>
                  <td>{p.booth}</td>
                  <td>{p.days.map((d) => formatIsoDay(lang, d, "short")).join(", ")}</td>
                  <td>
                    <a href={ctx.href(`/mein-bereich/messe/${p.id}`, q)} aria-label={`${t("organiser.edit")}: ${p.fair} ${p.booth}`}>
                      {t("organiser.edit")}
                    </a>{" "}
                    <ButtonForm
                      action={ctx.href(`/mein-bereich/messe/${p.id}/loeschen`, q)}
                      csrf={csrf}
                      label={t("organiser.delete")}
                      accessibleLabel={`${t("organiser.delete")}: ${p.fair} ${p.booth}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {org.status !== "active" ? (
        <p class="notice">{t("organiser.fair.pendingOrg")}</p>
      ) : (
        fairs.length > 0 && (
          <p>
            <a class="button" href={ctx.href("/mein-bereich/messe/neu", q)}>
              {t("organiser.fair.add")}
            </a>
          </p>
        )
      )}
    </OrganiserShell>
  );
}

export type FairFormView = { values: FormValues; errors: FieldErrors; csrf: string; fairs: Fair[]; presenceId?: number };

/** The form to register or change a booth; the days offered are the fair's days. */
export function FairFormPage({ base, view }: { base: OrgBase; view: FairFormView }) {
  const { ctx, actor, orgs, org } = base;
  const { t, lang } = ctx;
  const q = { org: org.slug };
  const v = view.values;
  const e = view.errors;
  const chosen = view.fairs.find((f) => String(f.id) === String(v.fairId)) ?? view.fairs[0];
  const days = chosen ? editionDays({ startsOn: chosen.startsOn, endsOn: chosen.endsOn }) : [];
  const chosenDays = listOf(v.days);
  const title = view.presenceId ? t("organiser.fair.editTitle") : t("organiser.fair.newTitle");
  const labels = {
    fairId: t("organiser.fair.fair"),
    hall: t("organiser.fair.hall"),
    booth: t("organiser.fair.booth"),
    days: t("organiser.fair.days"),
    coExhibitors: t("organiser.fair.coExhibitors"),
    textDe: t("organiser.fair.textDe"),
    textEn: t("organiser.fair.textEn"),
  };
  const action = view.presenceId ? `/mein-bereich/messe/${view.presenceId}` : "/mein-bereich/messe/neu";
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={title} orgs={orgs} org={org}>
      <ErrorSummary ctx={ctx} errors={e} labels={labels} />
      <PostForm action={ctx.href(action, q)} csrf={view.csrf}>
        <SelectField
          ctx={ctx}
          name="fairId"
          label={labels.fairId}
          value={v.fairId ?? chosen?.id}
          error={e.fairId}
          required
          options={view.fairs.map((f) => ({
            value: String(f.id),
            label: t("organiser.fair.fairDays", { fair: f.name, from: formatIsoDay(lang, f.startsOn), to: formatIsoDay(lang, f.endsOn) }),
          }))}
        />
        <TextField ctx={ctx} name="hall" label={labels.hall} value={v.hall} error={e.hall} required maxLength={60} />
        <TextField ctx={ctx} name="booth" label={labels.booth} value={v.booth} error={e.booth} required maxLength={30} />
        <fieldset class={e.days ? "form-field form-field-error checkbox-group" : "form-field checkbox-group"}>
          <legend>{labels.days}</legend>
          {e.days && (
            <p class="form-error" id="field-days-error">
              {t(`organiser.errors.${e.days === "outsideFair" ? "outsideFair" : e.days === "chooseDay" ? "chooseDay" : "day"}`)}
            </p>
          )}
          {days.map((d, i) => (
            <label key={d} class="choice">
              <input type="checkbox" id={i === 0 ? "field-days" : undefined} name="days" value={d} checked={chosenDays.includes(d)} />{" "}
              {formatIsoDay(lang, d)}
            </label>
          ))}
        </fieldset>
        <TextArea
          ctx={ctx}
          name="coExhibitors"
          label={labels.coExhibitors}
          hint={t("organiser.fair.coExhibitorsHint")}
          value={v.coExhibitors}
          error={e.coExhibitors}
          rows={3}
        />
        <TextArea ctx={ctx} name="textDe" label={labels.textDe} value={v.textDe} error={e.textDe} rows={3} maxLength={600} lang="de" />
        <TextArea ctx={ctx} name="textEn" label={labels.textEn} value={v.textEn} error={e.textEn} rows={3} maxLength={600} lang="en" />
        <button type="submit">{t("organiser.save")}</button> <a href={ctx.href("/mein-bereich/messe", q)}>{t("organiser.cancel")}</a>
      </PostForm>
    </OrganiserShell>
  );
}
