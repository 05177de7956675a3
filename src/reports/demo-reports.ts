import { sql } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { type Db, queryRows } from "../db/client.ts";
import { report, reportDecision, reportPhoto } from "../db/schema/index.ts";
import { type StoredImage, storeImage } from "../media/store-image.ts";
import { storePdf } from "../media/store-pdf.ts";
import type { FileStore } from "../storage/file-store.ts";

/** Published demo reports per edition year (PRODUCT §10: "a few reports with photos"); the first of 2019 has a press release. */
const REPORTS_PER_YEAR: Record<number, number> = { 2019: 3, 2017: 2 };
const PHOTOS_PER_REPORT = 2;

type Target = { id: number; year: number; title: string; stateName: string; startsAt: Date; endsAt: Date };

/** Colour pairs of the generated pictures and how their alt texts name them. */
type Palette = { back: string; front: string; de: string; en: string };
const blueOrange: Palette = { back: "#1d4f7a", front: "#f2a541", de: "Blau und Orange", en: "blue and orange" };
const palettes: Palette[] = [
  blueOrange,
  { back: "#2f6b4f", front: "#e8e2c8", de: "Grün und Sand", en: "green and sand" },
  { back: "#5a2a5e", front: "#f07167", de: "Violett und Koralle", en: "purple and coral" },
  { back: "#263238", front: "#80cbc4", de: "Anthrazit und Türkis", en: "charcoal and turquoise" },
];
const paletteOf = (n: number): Palette => palettes[n % palettes.length] ?? blueOrange;

/**
 * A picture the project may ship: drawn here (an abstract hall of circles and panels), never a photo of people,
 * so no consent or third-party licence is involved. JPEG, as a camera would deliver it; storeImage makes it WebP.
 */
function demoPicture(seed: number): Promise<Buffer> {
  const { back, front } = paletteOf(seed);
  const circles = Array.from({ length: 14 }, (_, i) => {
    const x = 60 + ((i * 173 + seed * 61) % 840);
    const y = 350 + ((i * 97 + seed * 29) % 240);
    return `<circle cx="${x}" cy="${y}" r="${28 + ((i + seed) % 4) * 6}" fill="${front}" opacity="0.85"/>`;
  }).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="640">
    <rect width="960" height="640" fill="${back}"/>
    <rect x="90" y="70" width="780" height="210" rx="12" fill="${front}" opacity="0.35"/>
    <rect x="${200 + (seed % 3) * 120}" y="110" width="300" height="130" rx="8" fill="${front}" opacity="0.7"/>
    ${circles}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/**
 * A two-page press release as a real PDF (pdf-lib, standard font: Latin-1 text only). Dated the event's
 * end, not the seeding's clock: the same bytes from every seeding (the prepared demo is compared with them).
 */
async function demoPressRelease(target: Target): Promise<Buffer> {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.setTitle(`Pressemitteilung - Clusterwoche ${target.year}`);
  document.setCreationDate(target.endsAt);
  document.setModificationDate(target.endsAt);
  const font = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const lines = [
    `Pressemitteilung - Clusterwoche ${target.year}`,
    "",
    target.title.slice(0, 70),
    "",
    `Die Veranstaltung in ${target.stateName} brachte Unternehmen, Hochschulen`,
    "und Cluster der Region zusammen. Vortraege, Werkstattgespraeche und",
    "eine Ausstellung zeigten, wie Zusammenarbeit neue Ideen hervorbringt.",
    "",
    "(Beispieltext der Demodaten.)",
  ];
  const first = document.addPage([595, 842]);
  for (const [i, line] of lines.entries()) {
    const text = line.replace(/[^\x20-\xff]/g, "-");
    first.drawText(text, { x: 60, y: 760 - i * 24, size: i === 0 ? 18 : 12, font: i === 0 ? bold : font });
  }
  document.addPage([595, 842]).drawText("Pressekontakt: presse@clusterwoche.example", { x: 60, y: 760, size: 12, font });
  return Buffer.from(await document.save());
}

/** The demo editions' events that get a report: published, on site, one per Land, the first of each edition's days. */
async function targets(db: Db): Promise<Target[]> {
  const rows = await queryRows<{ id: number; year: number; title: string; state_name: string; starts_at: Date; ends_at: Date }>(
    db,
    sql`select * from (
          select distinct on (ed.year, e.state_code) e.id, ed.year, e.title_de as title, s.name_de as state_name, e.starts_at, e.ends_at
          from event e join edition ed on ed.id = e.edition_id join state s on s.code = e.state_code
          where ed.year in (2019, 2017) and e.status = 'published' and e.revision_of is null and e.mode = 'onsite'
            and s.kind = 'land' and e.ends_at < now()
          order by ed.year, e.state_code, e.id
        ) t order by year desc, starts_at, id`,
  );
  const taken = new Map<number, number>();
  return rows
    .filter((r) => {
      const year = Number(r.year);
      taken.set(year, (taken.get(year) ?? 0) + 1);
      return (taken.get(year) ?? 0) <= (REPORTS_PER_YEAR[year] ?? 0);
    })
    .map((r) => ({
      id: Number(r.id),
      year: Number(r.year),
      title: r.title,
      stateName: r.state_name,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
    }));
}

/**
 * Demo reports (a separate seed step after the demo editions): a few published reports on 2019 and 2017 events
 * with text, participants, generated pictures (credit, CC0) and one press release PDF, stored through storeImage
 * and storePdf in the app's file store. Does nothing when those events have reports already (idempotent).
 */
export async function seedDemoReports(db: Db, store: FileStore): Promise<{ reports: number; photos: number }> {
  const chosen = await targets(db);
  if (chosen.length === 0) return { reports: 0, photos: 0 };
  const existing = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from report where event_id in (${sql.join(
      chosen.map((c) => sql`${c.id}`),
      sql`, `,
    )})`,
  );
  if (Number(existing[0]?.n) > 0) return { reports: 0, photos: 0 };
  let photos = 0;
  for (const [i, target] of chosen.entries()) {
    const images: StoredImage[] = [];
    for (let k = 0; k < PHOTOS_PER_REPORT; k++) images.push(await storeImage(store, await demoPicture(target.id + k)));
    const press = i === 0 ? await storePdf(store, await demoPressRelease(target)) : undefined;
    const participants = 35 + ((target.id * 37) % 180);
    const submittedAt = new Date(target.endsAt.getTime() + 3 * 86_400_000);
    const publishedAt = new Date(submittedAt.getTime() + 2 * 86_400_000);
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(report)
        .values({
          eventId: target.id,
          status: "published",
          textDe: `Rund ${participants} Gäste kamen zu **${target.title}**. Nach kurzen Vorträgen ging es in Werkstattgesprächen um konkrete Vorhaben; mehrere Kooperationen wurden vereinbart.\n\n- Ausstellung mit Exponaten aus der Region\n- Austausch zwischen Unternehmen und Hochschulen`,
          textEn: `Around ${participants} guests came. After short talks, workshop sessions turned to concrete projects; several partnerships were agreed.`,
          participantCount: participants,
          ...(press
            ? {
                pressReleasePath: press.path,
                pressReleasePreviewPath: press.previewPath,
                pressReleaseBytes: press.bytes,
                pressReleasePages: press.pages,
              }
            : {}),
          createdAt: submittedAt,
          updatedAt: publishedAt,
          submittedAt,
          publishedAt,
        })
        .returning({ id: report.id });
      if (!row) throw new Error("demo report not written");
      await tx.insert(reportPhoto).values(
        images.map((image, k) => {
          const palette = paletteOf(target.id + k);
          return {
            reportId: row.id,
            path: image.path,
            width: image.width,
            height: image.height,
            altDe: `Generiertes Demobild: abstrakte Halle mit Kreisen und Tafeln in ${palette.de}`,
            altEn: `Generated demo picture: an abstract hall of circles and panels in ${palette.en}`,
            credit: "Grafik: Clusterwoche-Demodaten (generiert)",
            licence: "cc0-1.0" as const,
            consentConfirmedAt: submittedAt,
            position: k,
            createdAt: submittedAt,
          };
        }),
      );
      await tx.insert(reportDecision).values([
        { reportId: row.id, action: "submit", at: submittedAt },
        { reportId: row.id, action: "publish", at: publishedAt },
      ]);
    });
    photos += images.length;
  }
  return { reports: chosen.length, photos };
}
