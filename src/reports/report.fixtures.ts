// Test inputs for the report tests (imported only by *.test.ts files).
import { sql } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import type { TestApp } from "../../test/app.ts";
import { queryRows } from "../db/client.ts";

/** A real PDF of `pages` pages. */
export async function samplePdf(pages = 1): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) document.addPage([595, 842]).drawText(`Pressemitteilung ${i}`, { x: 60, y: 760, size: 24, font });
  return Buffer.from(await document.save());
}

/** A photo-like JPEG carrying camera and GPS EXIF data (which storeImage must strip). */
export const photoWithGps = (colour = { r: 40, g: 120, b: 200 }) =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: colour } })
    .jpeg()
    .withExif({
      IFD0: { Make: "TestCam", Model: "Secret Model 9" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 31/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "13/1 24/1 0/1" },
    })
    .toBuffer();

/** A published demo event of the organisation, already over, reviewed in its own Land (not online/international). */
export async function pastEventOf(t: TestApp, organisationId: number, skip: number[] = []): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    t.database.db,
    sql`select e.id from event e join organisation o on o.id = e.organisation_id
        where e.organisation_id = ${organisationId} and e.status = 'published' and e.revision_of is null
          and e.ends_at < now() and e.state_code = o.state_code
          and not exists (select 1 from report r where r.event_id = e.id)
          and e.id not in (${sql.join(
            [0, ...skip].map((n) => sql`${n}`),
            sql`, `,
          )})
        order by e.id limit 1`,
  );
  if (!row) throw new Error("the demo data lacks a past published event of this organisation");
  return Number(row.id);
}

/** The report form as a browser posts it (multipart), with optional photo files per slot and a press release. */
export function reportForm(
  fields: Record<string, string>,
  files: { photos?: (Buffer | undefined)[]; pressRelease?: Buffer } = {},
): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  files.photos?.forEach((file, i) => {
    if (file) data.append(`photos.${i}.file`, new Blob([new Uint8Array(file)], { type: "image/jpeg" }), `foto-${i}.jpg`);
  });
  if (files.pressRelease)
    data.append("pressRelease", new Blob([new Uint8Array(files.pressRelease)], { type: "application/pdf" }), "presse.pdf");
  return data;
}

/** A complete photo slot's text fields. */
export const photoFields = (slot: number, overrides: Record<string, string> = {}) => ({
  [`photos.${slot}.altDe`]: `Publikum im Saal ${slot}`,
  [`photos.${slot}.credit`]: "Foto: Maria Muster",
  [`photos.${slot}.licence`]: "cc-by-4.0",
  [`photos.${slot}.consent`]: "1",
  ...overrides,
});
