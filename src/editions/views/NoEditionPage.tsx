import type { PageCtx } from "../../lib/page-context.ts";
import { Layout } from "../../views/Layout.tsx";

/** Shown while no edition exists (a fresh PostgreSQL installation with SEED=none). */
export function NoEditionPage({ ctx }: { ctx: PageCtx }) {
  return (
    <Layout ctx={ctx} meta={{ title: ctx.t("site.name") }}>
      <h1>{ctx.t("site.name")}</h1>
      <p>{ctx.t("home.noEdition")}</p>
    </Layout>
  );
}
