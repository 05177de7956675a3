import type { PageCtx } from "../../lib/page-context.ts";
import { Layout } from "../../views/Layout.tsx";

/** A short page for a refused request of the event form (no organisation, too large, not possible). */
export function FormMessagePage({
  ctx,
  title,
  text,
  back,
}: {
  ctx: PageCtx;
  title: string;
  text: string;
  back?: { href: string; label: string };
}) {
  return (
    <Layout ctx={ctx} meta={{ title, noindex: true }}>
      <h1>{title}</h1>
      <div class="notice notice-problem" role="alert">
        <p>{text}</p>
      </div>
      {back && (
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      )}
    </Layout>
  );
}
