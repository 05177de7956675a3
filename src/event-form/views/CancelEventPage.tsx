import type { PageCtx } from "../../lib/page-context.ts";
import { CsrfField } from "../../views/CsrfField.tsx";
import { Layout } from "../../views/Layout.tsx";

/** The confirmation step before cancelling a published event (works without JavaScript). */
export function CancelEventPage({ ctx, csrf, id, title }: { ctx: PageCtx; csrf: string; id: number; title: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t("eventForm.cancelTitle"), noindex: true }}>
      <h1>{t("eventForm.cancelTitle")}</h1>
      <p>{t("eventForm.cancelText", { title })}</p>
      <form method="post" action={ctx.href(`/mein-bereich/veranstaltungen/${id}/absagen`)}>
        <CsrfField token={csrf} />
        <button type="submit" class="button button-danger">
          {t("eventForm.actions.confirmCancel")}
        </button>{" "}
        <a href={ctx.href(`/mein-bereich/veranstaltungen/${id}`)}>{t("eventForm.actions.keep")}</a>
      </form>
    </Layout>
  );
}
