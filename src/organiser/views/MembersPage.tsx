import { formatDay } from "../../lib/format-date.ts";
import { CsrfField } from "../../views/CsrfField.tsx";
import type { OpenInvitation } from "../invitation-token.ts";
import type { listMembers } from "../list-members.ts";
import type { PageBase } from "../organiser-page-kit.ts";
import { ButtonForm, ErrorSummary, type FieldErrors, type FormValues, PostForm, SelectField, TextField } from "./FormParts.tsx";
import { OrganiserShell } from "./OrganiserShell.tsx";

export type Team = Awaited<ReturnType<typeof listMembers>>;
export type MembersView = { team: Team; csrf: string; values: FormValues; errors: FieldErrors; notice: string | null; problem?: string };

/** /mein-bereich/organisation/mitglieder: members, open invitations, the invitation form (owners). */
export function MembersPage({ base, view }: { base: PageBase & { org: NonNullable<PageBase["org"]> }; view: MembersView }) {
  const { ctx, actor, orgs, org } = base;
  const { t, lang } = ctx;
  const q = { org: org.slug };
  const owner = view.team.role === "owner";
  const now = Date.now();
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("organiser.members.title")} orgs={orgs} org={org} notice={view.notice}>
      {view.problem && (
        <p class="notice notice-error" role="alert">
          {view.problem}
        </p>
      )}
      <div class="table-scroll">
        <table class="members-table">
          <caption class="visually-hidden">{t("organiser.members.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("organiser.members.name")}</th>
              <th scope="col">{t("organiser.members.email")}</th>
              <th scope="col">{t("organiser.members.role")}</th>
              <th scope="col">{t("organiser.members.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {view.team.members.map((m) => {
              const self = m.userId === actor.userId;
              return (
                <tr key={m.userId}>
                  <th scope="row">
                    {m.name} {self && <span class="muted">{t("organiser.members.you")}</span>}
                  </th>
                  <td>{m.email}</td>
                  <td>{t(`organiser.roles.${m.role}`)}</td>
                  <td>
                    {owner && (
                      <form
                        method="post"
                        action={ctx.href(`/mein-bereich/organisation/mitglieder/${m.userId}/rolle`, q)}
                        class="inline-form"
                      >
                        <CsrfField token={view.csrf} />
                        <input type="hidden" name="role" value={m.role === "owner" ? "member" : "owner"} />
                        <button
                          type="submit"
                          class="button-secondary"
                          aria-label={`${m.role === "owner" ? t("organiser.members.makeMember") : t("organiser.members.makeOwner")}: ${m.name}`}
                        >
                          {m.role === "owner" ? t("organiser.members.makeMember") : t("organiser.members.makeOwner")}
                        </button>
                      </form>
                    )}{" "}
                    {(owner || self) && (
                      <ButtonForm
                        action={ctx.href(`/mein-bereich/organisation/mitglieder/${m.userId}/entfernen`, q)}
                        csrf={view.csrf}
                        label={self ? t("organiser.members.leave") : t("organiser.members.remove")}
                        accessibleLabel={self ? undefined : `${t("organiser.members.remove")}: ${m.name}`}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="open-invitations">
        <h2 id="open-invitations">{t("organiser.members.openTitle")}</h2>
        {view.team.invitations.length === 0 ? (
          <p>{t("organiser.members.openNone")}</p>
        ) : (
          <ul class="plain invitation-list">
            {view.team.invitations.map((i) => (
              <li key={i.id}>
                {i.email} ({t(`organiser.roles.${i.role}`)}),{" "}
                {i.expiresAt.getTime() < now
                  ? t("organiser.members.expired")
                  : t("organiser.members.expires", { date: formatDay(lang, i.expiresAt) })}
                {owner && (
                  <ButtonForm
                    action={ctx.href(`/mein-bereich/organisation/einladungen/${i.id}/zuruecknehmen`, q)}
                    csrf={view.csrf}
                    label={t("organiser.members.revoke")}
                    accessibleLabel={`${t("organiser.members.revoke")}: ${i.email}`}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="invite-title">
        <h2 id="invite-title">{t("organiser.members.inviteTitle")}</h2>
        {owner ? (
          <>
            <p>{t("organiser.members.inviteHint")}</p>
            <ErrorSummary
              ctx={ctx}
              errors={view.errors}
              labels={{ email: t("organiser.members.inviteEmail"), role: t("organiser.members.inviteRole") }}
            />
            <PostForm
              action={ctx.href("/mein-bereich/organisation/mitglieder", q)}
              csrf={view.csrf}
              label={t("organiser.members.inviteTitle")}
            >
              <TextField
                ctx={ctx}
                name="email"
                type="email"
                label={t("organiser.members.inviteEmail")}
                value={view.values.email}
                error={view.errors.email}
                required
                autocomplete="off"
              />
              <SelectField
                ctx={ctx}
                name="role"
                label={t("organiser.members.inviteRole")}
                value={view.values.role ?? "member"}
                error={view.errors.role}
                required
                options={(["member", "owner"] as const).map((r) => ({ value: r, label: t(`organiser.roles.${r}`) }))}
              />
              <button type="submit">{t("organiser.members.inviteSubmit")}</button>
            </PostForm>
          </>
        ) : (
          <p>{t("organiser.members.ownersOnly")}</p>
        )}
      </section>
    </OrganiserShell>
  );
}

/** /einladung/:token for a logged-in user: what the invitation is for and the accept button. */
export function InvitationPage({
  base,
  invitation,
  token,
  csrf,
  errors,
}: {
  base: PageBase;
  invitation: OpenInvitation | undefined;
  token: string;
  csrf: string;
  errors: FieldErrors;
}) {
  const { ctx, actor, orgs } = base;
  const { t } = ctx;
  const otherEmail = invitation && invitation.email.toLowerCase() !== actor.email.toLowerCase();
  return (
    <OrganiserShell ctx={ctx} actor={actor} title={t("organiser.invitation.title")} orgs={orgs}>
      {!invitation ? (
        <p>{t("organiser.invitation.invalid")}</p>
      ) : (
        <>
          <p>
            {t("organiser.invitation.text", { organisation: invitation.organisationName, role: t(`organiser.roles.${invitation.role}`) })}
          </p>
          <ErrorSummary ctx={ctx} errors={errors} labels={{}} />
          <PostForm action={ctx.href(`/einladung/${token}`)} csrf={csrf} label={t("organiser.invitation.title")}>
            {otherEmail && (
              <div class={errors.confirmOtherEmail ? "form-field form-field-error" : "form-field"}>
                <p>{t("organiser.invitation.otherEmail", { invited: invitation.email, actual: actor.email })}</p>
                <label class="choice" for="field-confirmOtherEmail">
                  <input type="checkbox" id="field-confirmOtherEmail" name="confirmOtherEmail" value="on" />{" "}
                  {t("organiser.invitation.confirmOther")}
                </label>
              </div>
            )}
            <button type="submit">{t("organiser.invitation.accept")}</button>
          </PostForm>
        </>
      )}
    </OrganiserShell>
  );
}
