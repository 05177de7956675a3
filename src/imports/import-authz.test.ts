import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { allowedAs, expectMatrix, type MatrixRow } from "../../test/authz-matrix.ts";
import { createPersonas, type PersonaName, type Personas, personaNames } from "../../test/personas.ts";
import { event, importPlan } from "../db/schema/index.ts";
import { openEdition } from "../event-form/event-form.fixtures.ts";
import { browserOf } from "../organiser/page-test-kit.ts";
import { basicKeys, validRow, xlsxOf } from "./import.fixtures.ts";

/**
 * The authorization matrix of the spreadsheet import (issue #9): the form, the templates, the upload, a
 * preview and its confirmation, × the seven personas of test/personas.ts. Organisations A and B are in BW
 * ("coordinator" coordinates BW, "coordinatorOther" BY). An organisation one may not import for, and a
 * preview of one, answer 404 (existence would leak, PRODUCT §2); anonymous visitors go to the login (303);
 * the templates are public. Each upload and confirm cell gets a fresh sheet or preview; afterwards the
 * refused cells are checked to have written nothing.
 */
let t: TestApp;
let p: Personas;
const YEAR = 2027;
const base = "/mein-bereich/import";

beforeAll(async () => {
  t = await createTestApp();
  p = await createPersonas(t);
  await openEdition(t.database.db); // 2027, open for submissions
}, 60_000);
afterAll(() => t.close());

let n = 0;
const reference = () => `AUTHZ-${++n}`;
const sheet = async (ref: string) => ({ name: "sheet.xlsx", content: await xlsxOf(basicKeys, [validRow(ref, "2027-04-08")]) });
const fields = (organisationId: number) => ({ organisationId: String(organisationId), year: String(YEAR), importAs: "submitted" });

/** A pending preview of organisation A, uploaded by organiser A through the page; its address. */
async function previewOfA(ref = reference()): Promise<string> {
  const response = await browserOf(t.app, p.organiserA.session).upload(base, fields(p.orgA.id), await sheet(ref));
  if (response.statusCode !== 303) throw new Error(`upload: ${response.statusCode}`);
  return String(response.headers.location);
}

const signedIn = { anonymous: 303, organiserA: 200, organiserB: 200, coordinatorOther: 200, coordinator: 200, editor: 200, admin: 200 };
const everyone = { ...signedIn, anonymous: 200 };
/** Who may import for, and see the previews of, organisation A (BW). */
const forA = { ...signedIn, organiserB: 404, coordinatorOther: 404 };
const forB = { ...signedIn, organiserA: 404, coordinatorOther: 404 };
const nobody = { ...signedIn, organiserA: 404, organiserB: 404, coordinatorOther: 404, coordinator: 404, editor: 404, admin: 404 };

/** The previews the confirm row made (in persona order) with their references, and the references uploaded per target organisation. */
const confirmPlans: { id: string; ref: string }[] = [];
const uploads: Record<"A" | "B", string[]> = { A: [], B: [] };
let shownPreview = "";

const rows = (): MatrixRow[] => [
  { route: "import form", method: "GET", cell: () => ({ url: base }), ...signedIn },
  { route: "XLSX template", method: "GET", cell: () => ({ url: `${base}/vorlage.xlsx` }), ...everyone },
  { route: "CSV template (English)", method: "GET", cell: () => ({ url: `${base}/vorlage.csv?lang=en` }), ...everyone },
  {
    route: "upload for organisation A",
    method: "POST",
    cell: async () => {
      const ref = reference();
      uploads.A.push(ref);
      return { url: base, form: fields(p.orgA.id), file: await sheet(ref) };
    },
    ...allowedAs(303, forA),
  },
  {
    route: "upload for organisation B",
    method: "POST",
    cell: async () => {
      const ref = reference();
      uploads.B.push(ref);
      return { url: base, form: fields(p.orgB.id), file: await sheet(ref) };
    },
    ...allowedAs(303, forB),
  },
  { route: "A's preview", method: "GET", cell: () => ({ url: shownPreview }), ...forA },
  {
    route: "confirm A's preview",
    method: "POST",
    cell: async () => {
      const ref = reference();
      const url = await previewOfA(ref);
      confirmPlans.push({ id: url.split("/").pop() ?? "", ref });
      return { url: `${url}/bestaetigen` };
    },
    ...allowedAs(303, forA),
  },
  { route: "a preview that does not exist", method: "GET", cell: () => ({ url: `${base}/${"0".repeat(32)}` }), ...nobody },
  {
    route: "confirm a preview that does not exist",
    method: "POST",
    cell: () => ({ url: `${base}/${"0".repeat(32)}/bestaetigen` }),
    ...nobody,
  },
];

describe("import authorization matrix", () => {
  it("answers every route × persona as PRODUCT §2 says, and refused cells write nothing", async () => {
    shownPreview = await previewOfA();
    await expectMatrix(t, p, rows());

    const db = t.database.db;
    const plans = await db.select().from(importPlan);
    const creatorOf = new Map(personaNames.map((name) => [p[name].user?.id, name]));
    /** Which personas' uploads for an organisation left a preview. */
    const uploaders = (organisationId: number, refs: string[]) =>
      plans
        .filter((plan) => plan.organisationId === organisationId && refs.some((r) => JSON.stringify(plan.body).includes(`"${r}"`)))
        .map((plan) => creatorOf.get(plan.userId ?? undefined))
        .sort();
    const allowed = (statuses: Record<PersonaName, number>) =>
      personaNames.filter((name) => statuses[name] !== 404 && name !== "anonymous").sort();
    expect(uploaders(p.orgA.id, uploads.A)).toEqual(allowed(forA));
    expect(uploaders(p.orgB.id, uploads.B)).toEqual(allowed(forB));

    // The confirm row: its previews (made in persona order) confirmed, and their events made, exactly for the allowed personas.
    const confirmers = allowed(forA);
    const status = new Map(plans.map((plan) => [plan.id, plan.status]));
    expect(Object.fromEntries(personaNames.map((name, i) => [name, status.get(confirmPlans[i]?.id ?? "")]))).toEqual(
      Object.fromEntries(personaNames.map((name) => [name, confirmers.includes(name) ? "confirmed" : "pending"])),
    );
    const made = await db
      .select({ ref: event.externalRef, organisationId: event.organisationId, status: event.status })
      .from(event)
      .where(
        inArray(
          event.externalRef,
          confirmPlans.map((c) => c.ref),
        ),
      );
    const refOf = (name: PersonaName) => confirmPlans[personaNames.indexOf(name)]?.ref;
    expect(made.sort((a, b) => String(a.ref).localeCompare(String(b.ref)))).toEqual(
      confirmers
        .map((name) => ({ ref: refOf(name), organisationId: p.orgA.id, status: "submitted" }))
        .sort((a, b) => String(a.ref).localeCompare(String(b.ref))),
    );
    // Uploads alone made no events.
    expect(
      await db
        .select()
        .from(event)
        .where(inArray(event.externalRef, [...uploads.A, ...uploads.B])),
    ).toEqual([]);
  });
});
