import type { PageBase } from "../../organiser/organiser-page-kit.ts";
import { PostForm } from "../../organiser/views/FormParts.tsx";
import type { CoordinatedState } from "../coordination-access.ts";
import { MAX_INVITATIONS_PER_DAY } from "../invite-organisation.ts";
import { CoordinationShell, Field, type FieldErrors, FormErrors, landName } from "./CoordinationShell.tsx";

export type InviteView = { values: Record<string, unknown>; errors: FieldErrors; csrf: string; notice: string | null };

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** /mein-bereich/land/:code/einladen: name, address and an optional message for an organisation of the Land. */
export function InviteOrganisationPage({ base, land, view }: { base: PageBase; land: CoordinatedState; view: InviteView }) {
  const { ctx } = base;
  const { t } = ctx;
  const state = landName(ctx, land);
  const labels = {
    name: t("coordination.inviteForm.name"),
    email: t("coordination.inviteForm.email"),
    message: t("coordination.inviteForm.message"),
  };
  return (
    <CoordinationShell base={base} land={land} title={t("coordination.inviteForm.title", { state })} notice={view.notice}>
      <p>{t("coordination.inviteForm.intro", { state })}</p>
      <p class="muted">{t("coordination.inviteForm.limitHint", { max: MAX_INVITATIONS_PER_DAY })}</p>
      <FormErrors ctx={ctx} errors={view.errors} labels={labels} />
      <PostForm action={ctx.href(`/mein-bereich/land/${land.code}/einladen`)} csrf={view.csrf}>
        <Field ctx={ctx} name="name" label={labels.name} value={str(view.values.name)} error={view.errors.name} maxLength={200} required />
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={labels.email}
          value={str(view.values.email)}
          error={view.errors.email}
          maxLength={254}
          required
        />
        <Field
          ctx={ctx}
          name="message"
          label={labels.message}
          value={str(view.values.message)}
          error={view.errors.message}
          rows={4}
          maxLength={2000}
        />
        <button type="submit">{t("coordination.inviteForm.submit")}</button>
      </PostForm>
    </CoordinationShell>
  );
}
