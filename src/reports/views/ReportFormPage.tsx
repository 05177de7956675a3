import { photoLicences } from "../../db/schema/index.ts";
import { tr } from "../../event-form/views/form-kit.tsx";
import { formatDay } from "../../lib/format-date.ts";
import { pick } from "../../lib/language.ts";
import type { PageCtx } from "../../lib/page-context.ts";
import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { CsrfField } from "../../views/CsrfField.tsx";
import { ErrorSummary } from "../../views/form/ErrorSummary.tsx";
import { FieldFrame, fieldAria, formFieldClasses } from "../../views/form/FieldFrame.tsx";
import { Input, Select, TextArea } from "../../views/form/inputs.tsx";
import type { ReportView } from "../load-report.ts";
import { LINK_ROWS, MAX_REPORT_TEXT, PHOTO_SLOTS, type RawValues } from "../report-values.ts";
import { creditLine, fileSize } from "./PublicReport.tsx";

export type ReportFormProps = {
  base: PageBase;
  csrf: string;
  event: { id: number; titleDe: string; titleEn: string | null };
  view: ReportView | undefined;
  values: RawValues;
  errors: Record<string, string>;
  notice?: string | null | undefined;
  problem?: string | undefined;
};

/** The id of a field's control: `field-` + its name with dots as dashes. */
export const reportFieldId = (name: string) => `field-${name.replace(/\./g, "-")}`;

const val = (v: RawValues, key: string) => {
  const value = v[key];
  return (Array.isArray(value) ? value[0] : value) ?? "";
};

/** The values of a saved report as the form shows them. */
export function valuesOfReport(view: ReportView | undefined): RawValues {
  if (!view) return {};
  const r = view.report;
  const values: RawValues = { textDe: r.textDe, textEn: r.textEn ?? "", participantCount: r.participantCount?.toString() ?? "" };
  r.links.forEach((l, i) => {
    values[`links.${i}.label`] = l.label;
    values[`links.${i}.url`] = l.url;
  });
  return values;
}

/** The organisers' report form: text, participants, links, saved and new photos, the press release; withdraw. */
export function ReportFormPage({ base, csrf, event, view, values, errors, notice, problem }: ReportFormProps) {
  const { ctx, actor } = base;
  const { t, lang } = ctx;
  const title = pick(lang, event.titleDe, event.titleEn);
  const status = view?.report.status;
  const path = `/mein-bereich/veranstaltungen/${event.id}/bericht`;
  const err = (name: string) => (errors[name] ? tr(ctx, `reports.errors.${errors[name]}`) : undefined);
  const labelOf = (field: string): string | undefined => {
    const [group, n, part] = field.split(".");
    if (group === "links") return t(part === "url" ? "reports.linkUrl" : "reports.linkLabel", { n: Number(n) + 1 });
    if (group === "photos") return `${t("reports.photoLegend", { n: Number(n) + 1 })}`;
    return tr(ctx, `reports.${field === "pressRelease" ? "pressFile" : field}`);
  };
  const entries = Object.entries(errors).map(([field, code]) => ({
    field,
    label: labelOf(field),
    message: tr(ctx, `reports.errors.${code}`),
  }));
  const lastMessage = view?.decisions.find((d) => d.action === "request_changes" || d.action === "reject");
  const editable = status !== "rejected";
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("reports.formTitle", { title })} orgs={base.orgs} notice={notice}>
      <p class="breadcrumb">
        <a href={ctx.href(`/mein-bereich/veranstaltungen/${event.id}`)}>{title}</a>
      </p>
      <p>{t("reports.intro")}</p>
      <p>
        {t("reports.statusLabel")}: <strong>{t(`reports.status.${status ?? "none"}`)}</strong>
      </p>
      {problem && (
        <div class="notice notice-error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {lastMessage?.message && (status === "changes_requested" || status === "rejected") && (
        <div class="notice" role="note">
          <p>{t("reports.reviewerMessage", { who: lastMessage.who ?? "–", date: formatDay(lang, lastMessage.at) })}</p>
          <p>{lastMessage.message}</p>
        </div>
      )}
      {status === "published" && <p class="notice">{t("reports.publishedEditHint")}</p>}
      {!editable ? (
        <p>{t("reports.rejectedHint")}</p>
      ) : (
        <form method="post" action={ctx.href(path)} enctype="multipart/form-data" noValidate>
          <ErrorSummary title={t("reports.errorTitle")} entries={entries} targetId={reportFieldId} autofocus />
          <CsrfField token={csrf} />
          <input type="hidden" name="version" value={view ? String(view.report.version) : ""} />
          <FieldFrame id={reportFieldId("textDe")} label={t("reports.textDe")} hint={t("reports.textHint")} error={err("textDe")}>
            <TextArea
              id={reportFieldId("textDe")}
              name="textDe"
              value={val(values, "textDe")}
              rows={10}
              maxLength={MAX_REPORT_TEXT}
              required
              hint="1"
              error={err("textDe")}
              lang="de"
            />
          </FieldFrame>
          <FieldFrame id={reportFieldId("textEn")} label={t("reports.textEn")} error={err("textEn")}>
            <TextArea
              id={reportFieldId("textEn")}
              name="textEn"
              value={val(values, "textEn")}
              rows={6}
              maxLength={MAX_REPORT_TEXT}
              error={err("textEn")}
              lang="en"
            />
          </FieldFrame>
          <FieldFrame
            id={reportFieldId("participantCount")}
            label={t("reports.participantCount")}
            hint={t("reports.participantHint")}
            error={err("participantCount")}
          >
            <Input
              id={reportFieldId("participantCount")}
              name="participantCount"
              value={val(values, "participantCount")}
              inputMode="numeric"
              maxLength={9}
              required
              hint="1"
              error={err("participantCount")}
            />
          </FieldFrame>
          <fieldset>
            <legend>{t("reports.linksLegend")}</legend>
            {Array.from({ length: LINK_ROWS }, (_, i) => (
              <div class="form-row" key={i}>
                <FieldFrame
                  id={reportFieldId(`links.${i}.label`)}
                  label={t("reports.linkLabel", { n: i + 1 })}
                  error={err(`links.${i}.label`)}
                >
                  <Input
                    id={reportFieldId(`links.${i}.label`)}
                    name={`links.${i}.label`}
                    value={val(values, `links.${i}.label`)}
                    maxLength={200}
                    error={err(`links.${i}.label`)}
                  />
                </FieldFrame>
                <FieldFrame id={reportFieldId(`links.${i}.url`)} label={t("reports.linkUrl", { n: i + 1 })} error={err(`links.${i}.url`)}>
                  <Input
                    id={reportFieldId(`links.${i}.url`)}
                    type="url"
                    name={`links.${i}.url`}
                    value={val(values, `links.${i}.url`)}
                    maxLength={2000}
                    error={err(`links.${i}.url`)}
                  />
                </FieldFrame>
              </div>
            ))}
          </fieldset>
          <PhotoFields ctx={ctx} view={view} values={values} err={err} />
          <h2>{t("reports.pressTitle")}</h2>
          {view?.report.pressReleasePath && (
            <div class="report-press">
              {view.report.pressReleasePreviewPath && (
                <img src={view.report.pressReleasePreviewPath} alt={t("reports.pressPreviewAlt")} width="150" height="212" />
              )}
              <p>
                <a href={view.report.pressReleasePath}>
                  {t("reports.pressCurrent", {
                    pages: view.report.pressReleasePages ?? 1,
                    size: fileSize(ctx, view.report.pressReleaseBytes ?? 0),
                  })}
                </a>
              </p>
              <label class="choice">
                <input type="checkbox" name="removePressRelease" value="1" /> {t("reports.pressRemove")}
              </label>
            </div>
          )}
          <FieldFrame
            id={reportFieldId("pressRelease")}
            label={t("reports.pressFile")}
            hint={t("reports.pressHint")}
            error={err("pressRelease")}
          >
            <input
              type="file"
              id={reportFieldId("pressRelease")}
              name="pressRelease"
              accept="application/pdf,.pdf"
              {...fieldAria(reportFieldId("pressRelease"), true, err("pressRelease"))}
            />
          </FieldFrame>
          <p class="form-actions">
            {status !== "published" && status !== "submitted" && (
              <button type="submit" name="_action" value="save" class="button-secondary">
                {t("reports.save")}
              </button>
            )}{" "}
            <button type="submit" name="_action" value="submit">
              {status === "published" || status === "submitted" ? t("reports.submitChanges") : t("reports.submit")}
            </button>
          </p>
        </form>
      )}
      {view && editable && status !== "withdrawn" && (
        <form method="post" action={ctx.href(`${path}/zurueckziehen`)} class="inline-form">
          <CsrfField token={csrf} />
          <input type="hidden" name="version" value={String(view.report.version)} />
          <p>{t("reports.withdrawHint")}</p>
          <button type="submit" class="button-secondary">
            {t("reports.withdraw")}
          </button>
        </form>
      )}
    </OrganiserShell>
  );
}

/** Saved photos (each can be removed) and the slots for new ones with alt text, credit, licence and consent. */
function PhotoFields({
  ctx,
  view,
  values,
  err,
}: {
  ctx: PageCtx;
  view: ReportView | undefined;
  values: RawValues;
  err: (name: string) => string | undefined;
}) {
  const { t, lang } = ctx;
  const licences = photoLicences.map((l) => ({ value: l, label: t(`reports.licences.${l}`) }));
  return (
    <>
      <h2>{t("reports.photosTitle")}</h2>
      <p>{t("reports.photosHint")}</p>
      {view && view.photos.length > 0 && (
        <fieldset>
          <legend>{t("reports.existingPhotos")}</legend>
          <ul class="plain report-photos">
            {view.photos.map((p) => (
              <li key={p.id}>
                <img src={p.path} alt={pick(lang, p.altDe, p.altEn)} width={Math.round((p.width * 120) / p.height)} height="120" />
                <p class="muted">{creditLine(ctx, p)}</p>
                <label class="choice">
                  <input type="checkbox" name="removePhotos" value={String(p.id)} />{" "}
                  {t("reports.removePhoto", { alt: pick(lang, p.altDe, p.altEn) })}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {Array.from({ length: PHOTO_SLOTS }, (_, i) => {
        const name = (field: string) => `photos.${i}.${field}`;
        const id = (field: string) => reportFieldId(name(field));
        return (
          <fieldset key={i}>
            <legend>{t("reports.photoLegend", { n: i + 1 })}</legend>
            <FieldFrame id={id("file")} label={t("reports.photoFile")} error={err(name("file"))}>
              <input
                type="file"
                id={id("file")}
                name={name("file")}
                accept="image/jpeg,image/png,image/webp"
                {...fieldAria(id("file"), false, err(name("file")))}
              />
            </FieldFrame>
            <FieldFrame id={id("altDe")} label={t("reports.photoAltDe")} hint={t("reports.photoAltHint")} error={err(name("altDe"))}>
              <Input
                id={id("altDe")}
                name={name("altDe")}
                value={val(values, name("altDe"))}
                maxLength={300}
                hint="1"
                error={err(name("altDe"))}
                lang="de"
              />
            </FieldFrame>
            <FieldFrame id={id("altEn")} label={t("reports.photoAltEn")} error={err(name("altEn"))}>
              <Input
                id={id("altEn")}
                name={name("altEn")}
                value={val(values, name("altEn"))}
                maxLength={300}
                error={err(name("altEn"))}
                lang="en"
              />
            </FieldFrame>
            <FieldFrame id={id("credit")} label={t("reports.photoCredit")} hint={t("reports.photoCreditHint")} error={err(name("credit"))}>
              <Input
                id={id("credit")}
                name={name("credit")}
                value={val(values, name("credit"))}
                maxLength={200}
                hint="1"
                error={err(name("credit"))}
              />
            </FieldFrame>
            <FieldFrame id={id("licence")} label={t("reports.photoLicence")} error={err(name("licence"))}>
              <Select
                id={id("licence")}
                name={name("licence")}
                value={val(values, name("licence"))}
                options={licences}
                placeholder="–"
                error={err(name("licence"))}
              />
            </FieldFrame>
            <div class={err(name("consent")) ? formFieldClasses.invalid : formFieldClasses.field}>
              {err(name("consent")) && (
                <p class={formFieldClasses.error} id={`${id("consent")}-error`}>
                  {err(name("consent"))}
                </p>
              )}
              <label class="choice">
                <input
                  type="checkbox"
                  id={id("consent")}
                  name={name("consent")}
                  value="1"
                  checked={val(values, name("consent")) === "1"}
                  {...fieldAria(id("consent"), false, err(name("consent")))}
                />{" "}
                {t("reports.photoConsent")}
              </label>
            </div>
          </fieldset>
        );
      })}
    </>
  );
}
