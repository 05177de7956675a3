import type { PageCtx } from "../../lib/page-context.ts";
import { ErrorSummary, type FieldErrors, PostForm, TextArea } from "../../organiser/views/FormParts.tsx";
import { Layout } from "../../views/Layout.tsx";
import { CANCEL_REASON_MAX } from "../event-form.schemas.ts";

type Props = { ctx: PageCtx; csrf: string; id: number; title: string; reason?: string; errors?: FieldErrors };

/** The confirmation step before cancelling a published event, asking for the reason (works without JavaScript). */
export function CancelEventPage({ ctx, csrf, id, title, reason = "", errors = {} }: Props) {
  const { t } = ctx;
  const label = t("eventForm.cancelReason");
  return (
    <Layout ctx={ctx} meta={{ title: t("eventForm.cancelTitle"), noindex: true }}>
      <h1>{t("eventForm.cancelTitle")}</h1>
      <ErrorSummary ctx={ctx} errors={errors} labels={{ cancelReason: label }} />
      <p>{t("eventForm.cancelText", { title })}</p>
      <PostForm action={ctx.href(`/mein-bereich/veranstaltungen/${id}/absagen`)} csrf={csrf} class="cancel-form">
        <TextArea
          ctx={ctx}
          name="cancelReason"
          label={label}
          hint={t("eventForm.cancelReasonHint")}
          value={reason}
          error={errors.cancelReason}
          rows={3}
          maxLength={CANCEL_REASON_MAX}
          required
        />
        <button type="submit" class="button button-danger">
          {t("eventForm.actions.confirmCancel")}
        </button>{" "}
        <a href={ctx.href(`/mein-bereich/veranstaltungen/${id}`)}>{t("eventForm.actions.keep")}</a>
      </PostForm>
    </Layout>
  );
}
