import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { PostForm } from "../../organiser/views/FormParts.tsx";
import { OrganiserShell } from "../../organiser/views/OrganiserShell.tsx";
import { fingerprint, type MergePreview } from "../merge-organisations.ts";
import { FootprintList } from "./OrganisationAdminPage.tsx";
import { organisationsPath } from "./OrganisationsPage.tsx";

export type MergePreviewView = { preview: MergePreview; csrf: string; changed: boolean };

/** /mein-bereich/organisationen/:id/zusammenfuehren?target=…: what the merge moves, and the button that does it. */
export function MergePreviewPage({ base, view }: { base: PageBase; view: MergePreviewView }) {
  const { ctx, actor, orgs, org } = base;
  const { t } = ctx;
  const { source, target, moves } = view.preview;
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("users.orgs.previewTitle")} orgs={orgs} org={org}>
      {view.changed && (
        <p class="notice notice-error" role="alert">
          {t("users.orgs.changed")}
        </p>
      )}
      <p>{t("users.orgs.previewIntro", { source: `${source.name} (${source.slug})`, target: `${target.name} (${target.slug})` })}</p>
      <FootprintList ctx={ctx} footprint={moves} />
      <p>{t("users.orgs.previewFill")}</p>
      <PostForm
        action={ctx.href(`${organisationsPath}/${source.id}/zusammenfuehren`)}
        csrf={view.csrf}
        label={t("users.orgs.previewTitle")}
      >
        <input type="hidden" name="target" value={String(target.id)} />
        <input type="hidden" name="expected" value={fingerprint(moves)} />
        <button type="submit">{t("users.orgs.confirm", { source: source.name })}</button>{" "}
        <a href={ctx.href(`${organisationsPath}/${source.id}`)}>{t("users.orgs.cancel")}</a>
      </PostForm>
    </OrganiserShell>
  );
}
