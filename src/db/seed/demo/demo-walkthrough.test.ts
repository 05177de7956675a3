import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, type Session } from "../../../../test/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/app.ts";
import { parseHtml } from "../../../../test/html.ts";
import { currentYear, templateToday } from "../../../../test/template.ts";
import { browserOf } from "../../../organiser/page-test-kit.ts";
import { queryRows } from "../../client.ts";
import { type DemoAccount, seedDemoUsers } from "./demo-users.ts";

let t: TestApp;
let accounts: DemoAccount[];
beforeAll(async () => {
  t = await createTestApp({}, undefined, { clock: () => templateToday });
  // The template leaves the demo accounts out (test/template.ts); here they are made as at the first start.
  accounts = await seedDemoUsers(t.database.db);
  // The submit verb reads the real clock: keep the window open past today whenever this runs.
  await t.database.db.execute(
    sql`update edition set submission_closes_at = greatest(submission_closes_at, now() + interval '1 day') where year = ${currentYear}`,
  );
});
afterAll(() => t.close());

const account = (role: DemoAccount["role"]) => {
  const found = accounts.find((a) => a.role === role);
  if (!found) throw new Error(`no demo ${role}`);
  return found;
};
const signIn = (role: DemoAccount["role"]) => login(t.app, account(role).email, account(role).password);

/** The edit form as a browser posts it unchanged (multipart), with `_action`. */
function formOf(html: string, session: Session, action: string): FormData {
  const data = new FormData();
  for (const el of parseHtml(html).querySelectorAll("form.event-form input, form.event-form textarea, form.event-form select")) {
    const name = el.getAttribute("name");
    const type = el.getAttribute("type");
    if (!name || type === "file") continue;
    if ((type === "checkbox" || type === "radio") && !el.hasAttribute("checked")) continue;
    if (el.tagName === "SELECT") data.append(name, el.querySelector("option[selected]")?.getAttribute("value") ?? "");
    else if (el.tagName === "TEXTAREA") data.append(name, el.textContent ?? "");
    else data.append(name, el.getAttribute("value") ?? "");
  }
  data.set("_csrf", session.csrf);
  data.set("_action", action);
  return data;
}

describe("the demo walk-through (#13.1): organiser → coordinator → public", () => {
  it("the organiser submits the draft, sees the reviewer's message on the other event; the BW coordinator publishes it; the public finds it", async () => {
    const organiser = await signIn("organiser");
    const dashboard = parseHtml((await browserOf(t.app, organiser).get("/mein-bereich")).body);
    expect(dashboard.querySelector(".submission-window")?.textContent).toContain("Einreichungen sind möglich bis");
    const draftLink = dashboard.querySelector(".status-draft .dashboard-event a")?.getAttribute("href") ?? "";
    expect(draftLink).toMatch(/^\/mein-bereich\/veranstaltungen\/\d+/);
    const changesLink = dashboard.querySelector(".status-changes_requested .dashboard-event a")?.getAttribute("href") ?? "";
    expect(changesLink).toMatch(/^\/mein-bereich\/veranstaltungen\/\d+/);
    const [message] = await queryRows<{ message: string }>(
      t.database.db,
      sql`select message from review_decision where event_id = ${Number(/\d+/.exec(changesLink)?.[0])}`,
    );
    const changesPage = (await browserOf(t.app, organiser).get(changesLink)).body;
    expect(parseHtml(changesPage).body.textContent).toContain(message?.message ?? "no message");

    const editPage = (await browserOf(t.app, organiser).get(draftLink)).body;
    const title = parseHtml(editPage).querySelector<HTMLInputElement>('input[name="titleDe"]')?.getAttribute("value") ?? "";
    const id = Number(/veranstaltungen\/(\d+)/.exec(draftLink)?.[1]);
    const submitted = await t.app.inject({
      method: "POST",
      url: `/mein-bereich/veranstaltungen/${id}`,
      headers: { cookie: organiser.cookie },
      payload: formOf(editPage, organiser, "submit"),
    });
    expect(submitted.statusCode, submitted.body.slice(0, 500)).toBe(303);
    expect(submitted.headers.location).toContain("hinweis=submitted");

    const coordinator = browserOf(t.app, await signIn("coordinator"));
    const queue = parseHtml((await coordinator.get("/mein-bereich/pruefung")).body);
    const waiting = [...queue.querySelectorAll('table.queue tbody a[href^="/mein-bereich/pruefung/"]')].map((a) => a.textContent);
    expect(waiting).toContain(title);
    // The seeded submissions wait too, some for longer than the review target.
    expect(waiting.length).toBeGreaterThan(1);
    const review = parseHtml((await coordinator.get(`/mein-bereich/pruefung/${id}`)).body);
    const version = review.querySelector("form.decision-publish input[name=version]")?.getAttribute("value") ?? "";
    const published = await coordinator.post(`/mein-bereich/pruefung/${id}/entscheidung`, { action: "publish", version });
    expect(published.statusCode).toBe(303);

    const programme = (await t.app.inject({ method: "GET", url: `/programm?q=${encodeURIComponent(title)}` })).body;
    expect(parseHtml(programme).querySelector(`a[href^="/veranstaltungen/${id}-"]`)).not.toBeNull();
  });

  it("the editor and the admin sign in with the printed passwords", async () => {
    for (const role of ["editor", "admin"] as const) {
      const session = await signIn(role);
      expect((await browserOf(t.app, session).get("/mein-bereich/pruefung")).statusCode).toBe(200);
    }
  });
});
