import type { PageCtx } from "../../lib/page-context.ts";
import { errorText, type FieldErrors, TextField } from "../../organiser/views/FormParts.tsx";
import { type FormValues, rowIndexes } from "../edition-form-values.ts";
import type { editionsDe } from "../editions.i18n.ts";

type FieldKey = keyof typeof editionsDe.fields;

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** Patrons as repeatable rows (filled ones, then blank ones; no JavaScript): name, roles, portrait upload and credit. */
export function PatronRows({ ctx, values, errors }: { ctx: PageCtx; values: FormValues; errors: FieldErrors }) {
  const { t } = ctx;
  return (
    <>
      <p class="form-hint">{t("editions.fields.rowsHint")}</p>
      {rowIndexes(values, "patrons").map((i, n) => {
        const name = (f: string) => `patrons.${i}.${f}`;
        const kept = str(values[name("portraitUrl")]);
        const fileId = `field-${name("portrait")}`;
        const fileError = errors[name("portrait")];
        return (
          <fieldset class="form-group" key={i}>
            <legend>{t("editions.fields.patron", { n: n + 1 })}</legend>
            <TextField
              ctx={ctx}
              name={name("name")}
              label={t("editions.fields.patronName")}
              value={values[name("name")]}
              error={errors[name("name")]}
              maxLength={200}
            />
            <TextField
              ctx={ctx}
              name={name("roleDe")}
              label={t("editions.fields.roleDe")}
              value={values[name("roleDe")]}
              error={errors[name("roleDe")]}
              maxLength={300}
            />
            <TextField
              ctx={ctx}
              name={name("roleEn")}
              label={t("editions.fields.roleEn")}
              value={values[name("roleEn")]}
              error={errors[name("roleEn")]}
              maxLength={300}
            />
            {kept && (
              <>
                <figure>
                  <img src={kept} alt={`${t("editions.fields.portraitNow")}: ${str(values[name("name")])}`} class="org-logo" />
                </figure>
                <input type="hidden" name={name("portraitUrl")} value={kept} />
                <label class="choice">
                  <input type="checkbox" name={name("removePortrait")} value="on" /> {t("editions.fields.removePortrait")}
                </label>
              </>
            )}
            <div class={fileError ? "form-field form-field-error" : "form-field"}>
              <label for={fileId}>{t("editions.fields.portrait")}</label>
              {fileError && (
                <p class="form-error" id={`${fileId}-error`}>
                  {errorText(ctx, fileError)}
                </p>
              )}
              <input
                id={fileId}
                type="file"
                name={name("portrait")}
                accept="image/png,image/jpeg,image/webp"
                aria-invalid={fileError ? "true" : undefined}
                aria-describedby={fileError ? `${fileId}-error` : undefined}
              />
            </div>
            <TextField
              ctx={ctx}
              name={name("portraitCredit")}
              label={t("editions.fields.portraitCredit")}
              value={values[name("portraitCredit")]}
              error={errors[name("portraitCredit")]}
              maxLength={200}
            />
          </fieldset>
        );
      })}
    </>
  );
}

/** Contact persons as repeatable rows: name, organisation, phone, fax, e-mail. */
export function ContactRows({ ctx, values, errors }: { ctx: PageCtx; values: FormValues; errors: FieldErrors }) {
  const { t } = ctx;
  const fields = [
    ["name", "contactName", "text", 200],
    ["organisation", "organisation", "text", 200],
    ["phone", "phone", "tel", 50],
    ["fax", "fax", "tel", 50],
    ["email", "email", "email", 254],
  ] as const;
  return (
    <>
      <p class="form-hint">{t("editions.fields.rowsHint")}</p>
      {rowIndexes(values, "contacts").map((i, n) => (
        <fieldset class="form-group" key={i}>
          <legend>{t("editions.fields.contact", { n: n + 1 })}</legend>
          {fields.map(([f, label, type, max]) => (
            <TextField
              key={f}
              ctx={ctx}
              name={`contacts.${i}.${f}`}
              label={t(`editions.fields.${label}`)}
              type={type}
              value={values[`contacts.${i}.${f}`]}
              error={errors[`contacts.${i}.${f}`]}
              maxLength={max}
            />
          ))}
        </fieldset>
      ))}
    </>
  );
}

/** The labels of every field of the rows the summary may name ("Schirmherrschaft 1: Name"). */
export function rowLabels(ctx: PageCtx, values: FormValues, errors: FieldErrors): Record<string, string> {
  const { t } = ctx;
  const labels: Record<string, string> = {};
  const patron: Record<string, FieldKey> = {
    name: "patronName",
    roleDe: "roleDe",
    roleEn: "roleEn",
    portrait: "portrait",
    portraitCredit: "portraitCredit",
    portraitUrl: "portrait",
  } as const;
  const contact: Record<string, FieldKey> = {
    name: "contactName",
    organisation: "organisation",
    phone: "phone",
    fax: "fax",
    email: "email",
  };
  for (const key of Object.keys(errors)) {
    const m = /^(patrons|contacts)\.(\d+)\.(\w+)$/.exec(key);
    if (!m) continue;
    const [, prefix, index, field] = m;
    const position = rowIndexes(values, prefix ?? "").indexOf(Number(index)) + 1;
    const map = prefix === "patrons" ? patron : contact;
    const row = prefix === "patrons" ? t("editions.fields.patron", { n: position }) : t("editions.fields.contact", { n: position });
    const label = map[field ?? ""];
    labels[key] = `${row}: ${label ? t(`editions.fields.${label}`) : field}`;
  }
  return labels;
}
