import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import {
  ButtonForm,
  CheckboxGroup,
  ErrorSummary,
  errorText,
  type FieldErrors,
  type FormValues,
  PostForm,
  SelectField,
  TextArea,
  TextField,
} from "../../organiser/views/FormParts.tsx";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { FieldFrame } from "../../views/form/FieldFrame.tsx";
import { Input } from "../../views/form/inputs.tsx";
import { formatWhen, newsPath } from "../news-format.ts";
import type { PressContactRow, PublicNews } from "../news-queries.ts";

export const newsAdminPath = "/mein-bereich/aktuelles";
export const pressContactsPath = "/mein-bereich/aktuelles/pressekontakte";

/** /mein-bereich/aktuelles: every item with its embargo state. */
export function NewsAdminListPage({ base, items, now, notice }: { base: PageBase; items: PublicNews[]; now: Date; notice: string | null }) {
  const { ctx, actor, orgs, org } = base;
  const { t, lang } = ctx;
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("news.adminTitle")} orgs={orgs} org={org} notice={notice}>
      <p>{t("news.adminIntro")}</p>
      <p>
        <a href={ctx.href(`${newsAdminPath}/neu`)}>{t("news.adminNew")}</a> ·{" "}
        <a href={ctx.href(pressContactsPath)}>{t("news.contactsTitle")}</a>
      </p>
      {items.length === 0 ? (
        <p>{t("news.none")}</p>
      ) : (
        <div class="table-scroll">
          <table class="news-table">
            <caption class="visually-hidden">{t("news.adminTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("news.colTitle")}</th>
                <th scope="col">{t("news.colEdition")}</th>
                <th scope="col">{t("news.colPublish")}</th>
                <th scope="col">{t("news.colState")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} class="news-row">
                  <td>
                    <a href={ctx.href(`${newsAdminPath}/${item.id}`)}>{item.titleDe}</a>
                  </td>
                  <td>{item.year}</td>
                  <td>
                    <time dateTime={item.publishAt.toISOString()}>{formatWhen(lang, item.publishAt)}</time>
                  </td>
                  <td>
                    {item.publishAt > now ? t("news.embargo", { when: formatWhen(lang, item.publishAt) }) : t("news.public")}
                    {item.press && <> · {t("news.press")}</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </OrganiserShell>
  );
}

export type NewsEditView = {
  item: { id: number; slug: string; version: number; titleDe: string; pdfPath: string | null } | null;
  values: FormValues;
  errors: FieldErrors;
  csrf: string;
  notice: string | null;
  conflict: boolean;
  editionYears: number[];
};

const fieldKeys = [
  "slug",
  "edition",
  "titleDe",
  "titleEn",
  "summaryDe",
  "summaryEn",
  "bodyDe",
  "bodyEn",
  "publishDay",
  "publishTime",
  "pdf",
] as const;

/** The form of a news item: texts in both languages, publication time (embargo), press flag, PDF. */
export function NewsEditPage({ base, view }: { base: PageBase; view: NewsEditView }) {
  const { ctx, actor, orgs, org } = base;
  const { t } = ctx;
  const item = view.item;
  const title = item ? t("news.adminEditTitle", { title: item.titleDe }) : t("news.adminNewTitle");
  const labels = Object.fromEntries(fieldKeys.map((k) => [k, t(`news.fields.${k}`)]));
  const action = item ? `${newsAdminPath}/${item.id}` : `${newsAdminPath}/neu`;
  const dateError = view.errors.publishDay;
  const timeError = view.errors.publishTime;
  const checked = (name: string) => (view.values[name] === true || view.values[name] === "on" ? ["on"] : []);
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={title} orgs={orgs} org={org} notice={view.notice}>
      {item && (
        <p>
          <a href={ctx.href(newsPath(item.slug))}>{t("pages.publicLink")}</a>
        </p>
      )}
      {view.conflict && (
        <p class="notice notice-error" role="alert">
          {t("news.conflict")}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={view.errors} labels={labels} />
      <PostForm action={`${ctx.href(action)}`} csrf={view.csrf} label={title} enctype="multipart/form-data">
        {item ? (
          <input type="hidden" name="version" value={String(item.version)} />
        ) : (
          <TextField
            ctx={ctx}
            name="slug"
            label={labels.slug ?? ""}
            hint={t("news.fields.slugHint")}
            value={view.values.slug}
            error={view.errors.slug}
            maxLength={80}
            required
          />
        )}
        <SelectField
          ctx={ctx}
          name="edition"
          label={labels.edition ?? ""}
          value={view.values.edition}
          error={view.errors.edition}
          options={view.editionYears.map((y) => ({ value: String(y), label: String(y) }))}
          required
        />
        <TextField
          ctx={ctx}
          name="titleDe"
          label={labels.titleDe ?? ""}
          value={view.values.titleDe}
          error={view.errors.titleDe}
          maxLength={200}
          required
        />
        <TextField
          ctx={ctx}
          name="titleEn"
          label={labels.titleEn ?? ""}
          value={view.values.titleEn}
          error={view.errors.titleEn}
          maxLength={200}
        />
        <TextArea
          ctx={ctx}
          name="summaryDe"
          label={labels.summaryDe ?? ""}
          value={view.values.summaryDe}
          error={view.errors.summaryDe}
          rows={3}
          maxLength={600}
          lang="de"
        />
        <TextArea
          ctx={ctx}
          name="summaryEn"
          label={labels.summaryEn ?? ""}
          value={view.values.summaryEn}
          error={view.errors.summaryEn}
          rows={3}
          maxLength={600}
          lang="en"
        />
        <TextArea
          ctx={ctx}
          name="bodyDe"
          label={labels.bodyDe ?? ""}
          hint={t("pages.bodyHint")}
          value={view.values.bodyDe}
          error={view.errors.bodyDe}
          rows={10}
          maxLength={30_000}
          lang="de"
        />
        <TextArea
          ctx={ctx}
          name="bodyEn"
          label={labels.bodyEn ?? ""}
          value={view.values.bodyEn}
          error={view.errors.bodyEn}
          rows={10}
          maxLength={30_000}
          lang="en"
        />
        <FieldFrame
          id="field-publishDay"
          label={labels.publishDay}
          hint={t("news.fields.publishHint")}
          error={dateError ? errorText(ctx, dateError) : undefined}
        >
          <Input
            id="field-publishDay"
            name="publishDay"
            type="date"
            value={typeof view.values.publishDay === "string" ? view.values.publishDay : ""}
            required
            hint={t("news.fields.publishHint")}
            error={dateError}
          />
        </FieldFrame>
        <FieldFrame id="field-publishTime" label={labels.publishTime} error={timeError ? errorText(ctx, timeError) : undefined}>
          <Input
            id="field-publishTime"
            name="publishTime"
            type="time"
            value={typeof view.values.publishTime === "string" ? view.values.publishTime : ""}
            required
            error={timeError}
          />
        </FieldFrame>
        <CheckboxGroup
          ctx={ctx}
          name="press"
          label={t("news.fields.options")}
          values={checked("press")}
          options={[{ value: "on", label: t("news.fields.press") }]}
        />
        <FieldFrame
          id="field-pdf"
          label={labels.pdf}
          hint={t("news.fields.pdfHint")}
          error={view.errors.pdf ? errorText(ctx, view.errors.pdf) : undefined}
        >
          {item?.pdfPath && (
            <p>
              <a href={item.pdfPath}>{t("news.fields.pdfCurrent", { path: item.pdfPath })}</a>
            </p>
          )}
          <input
            id="field-pdf"
            type="file"
            name="pdf"
            accept="application/pdf"
            aria-invalid={view.errors.pdf ? "true" : undefined}
            aria-describedby={view.errors.pdf ? "field-pdf-hint field-pdf-error" : "field-pdf-hint"}
          />
        </FieldFrame>
        {item?.pdfPath && (
          <CheckboxGroup
            ctx={ctx}
            name="removePdf"
            label={labels.pdf ?? ""}
            values={checked("removePdf")}
            options={[{ value: "on", label: t("news.fields.removePdf") }]}
          />
        )}
        <button type="submit">{item ? t("news.save") : t("news.create")}</button>
      </PostForm>
    </OrganiserShell>
  );
}

export type ContactsView = {
  contacts: (PressContactRow & { year: number })[];
  values: FormValues;
  errors: FieldErrors;
  csrf: string;
  notice: string | null;
  editionYears: number[];
};

const contactKeys = ["edition", "name", "organisation", "roleDe", "roleEn", "email", "phone"] as const;

/** /mein-bereich/aktuelles/pressekontakte: the press contacts per edition, added and removed. */
export function PressContactsPage({ base, view }: { base: PageBase; view: ContactsView }) {
  const { ctx, actor, orgs, org } = base;
  const { t } = ctx;
  const labels = Object.fromEntries(contactKeys.map((k) => [k, k === "edition" ? t("news.fields.edition") : t(`news.contactFields.${k}`)]));
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("news.contactsTitle")} orgs={orgs} org={org} notice={view.notice}>
      {view.contacts.length === 0 && <p>{t("news.contactsNone")}</p>}
      <ul class="plain press-contacts">
        {view.contacts.map((c) => (
          <li key={c.id} class="press-contact">
            <p>
              <strong>{c.name}</strong> ({c.year}){c.organisation && <> · {c.organisation}</>}
              {c.email && <> · {c.email}</>}
            </p>
            <ButtonForm
              action={ctx.href(`${pressContactsPath}/${c.id}/entfernen`)}
              csrf={view.csrf}
              label={t("news.contactRemove")}
              accessibleLabel={`${t("news.contactRemove")}: ${c.name}`}
            />
          </li>
        ))}
      </ul>
      <h2>{t("news.contactAdd")}</h2>
      <ErrorSummary ctx={ctx} errors={view.errors} labels={labels} />
      <PostForm action={ctx.href(pressContactsPath)} csrf={view.csrf} label={t("news.contactAdd")}>
        <SelectField
          ctx={ctx}
          name="edition"
          label={labels.edition ?? ""}
          value={view.values.edition}
          error={view.errors.edition}
          options={view.editionYears.map((y) => ({ value: String(y), label: String(y) }))}
          required
        />
        <TextField
          ctx={ctx}
          name="name"
          label={labels.name ?? ""}
          value={view.values.name}
          error={view.errors.name}
          maxLength={200}
          required
        />
        <TextField
          ctx={ctx}
          name="organisation"
          label={labels.organisation ?? ""}
          value={view.values.organisation}
          error={view.errors.organisation}
          maxLength={200}
        />
        <TextField
          ctx={ctx}
          name="roleDe"
          label={labels.roleDe ?? ""}
          value={view.values.roleDe}
          error={view.errors.roleDe}
          maxLength={200}
        />
        <TextField
          ctx={ctx}
          name="roleEn"
          label={labels.roleEn ?? ""}
          value={view.values.roleEn}
          error={view.errors.roleEn}
          maxLength={200}
        />
        <TextField
          ctx={ctx}
          name="email"
          type="email"
          label={labels.email ?? ""}
          value={view.values.email}
          error={view.errors.email}
          maxLength={254}
        />
        <TextField
          ctx={ctx}
          name="phone"
          type="tel"
          label={labels.phone ?? ""}
          value={view.values.phone}
          error={view.errors.phone}
          maxLength={60}
        />
        <button type="submit">{t("news.contactAdd")}</button>
      </PostForm>
    </OrganiserShell>
  );
}
