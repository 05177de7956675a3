import fs from "node:fs";
import sharp, { type OverlayOptions } from "sharp";
import { SHARE_CARD_HEIGHT as H, type ShareCardData, SHARE_CARD_WIDTH as W } from "./share-card-data.ts";
import { renderTextBlock, type TextImage } from "./share-card-text.ts";

/** The site's colours (public/site.css). */
const colour = { ink: "#1a1f2b", brand: "#0b4a8f", brandDark: "#083566", accent: "#b3261e", soft: "#d6e4f5", white: "#ffffff" };

const logoFile = new URL("../../public/logo.svg", import.meta.url).pathname;
let logo: Promise<Buffer> | undefined;
const LOGO_SIZE = 72;

/** The edition logo, rasterised once. */
function logoPng(): Promise<Buffer> {
  logo ??= sharp(fs.readFileSync(logoFile), { density: 288 }).resize(LOGO_SIZE, LOGO_SIZE).png().toBuffer();
  return logo;
}

const MARGIN = 80;
const TEXT_WIDTH = W - 2 * MARGIN;
const BAND_TOP = 510;

/** The frame as SVG: shapes only, no text (text is laid out by Pango with our own fonts). */
function frameSvg(badge: TextImage | undefined): string {
  const badgeRect = badge
    ? `<rect x="${MARGIN - 16}" y="56" width="${badge.width + 32}" height="${badge.height + 16}" rx="6" fill="${colour.accent}"/>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <rect width="${W}" height="${H}" fill="${colour.brand}"/>
  <circle cx="1110" cy="80" r="190" fill="${colour.brandDark}"/>
  <circle cx="1160" cy="330" r="90" fill="${colour.brandDark}" opacity="0.6"/>
  <rect x="0" y="${BAND_TOP - 8}" width="${W}" height="8" fill="${colour.accent}"/>
  <rect x="0" y="${BAND_TOP}" width="${W}" height="${H - BAND_TOP}" fill="${colour.white}"/>
  ${badgeRect}
</svg>`;
}

/** A 1200×630 PNG in the site's design: title (≤ 3 lines), dates, place, logo, edition name, hashtag. */
export async function renderShareCard(data: ShareCardData): Promise<Buffer> {
  const [badge, title, dates, place, hashtag] = await Promise.all([
    renderTextBlock(data.badge.toUpperCase(), { bold: true, size: 26, color: colour.white, width: 600, maxLines: 1 }),
    renderTextBlock(data.title, { bold: true, size: 56, color: colour.white, width: TEXT_WIDTH, maxLines: 3 }),
    renderTextBlock(data.dates, { size: 34, color: colour.white, width: TEXT_WIDTH, maxLines: 1 }),
    renderTextBlock(data.place, { size: 34, color: colour.soft, width: TEXT_WIDTH, maxLines: 1 }),
    renderTextBlock(data.hashtag, { bold: true, size: 30, color: colour.accent, width: 420, maxLines: 1 }),
  ]);
  const nameX = MARGIN + LOGO_SIZE + 24;
  const nameWidth = W - MARGIN - nameX - (hashtag ? hashtag.width + 32 : 0);
  const editionName = await renderTextBlock(data.editionName, { bold: true, size: 30, color: colour.ink, width: nameWidth, maxLines: 1 });

  const layers: OverlayOptions[] = [];
  const bandMiddle = BAND_TOP + (H - BAND_TOP) / 2;
  let y = 64;
  if (badge) {
    layers.push({ input: badge.input, left: MARGIN, top: 64 });
    y += badge.height + 48;
  }
  for (const [block, gap] of [
    [title, 32],
    [dates, 12],
    [place, 0],
  ] as const) {
    if (!block) continue;
    layers.push({ input: block.input, left: MARGIN, top: y });
    y += block.height + gap;
  }
  layers.push({ input: await logoPng(), left: MARGIN, top: Math.round(bandMiddle - LOGO_SIZE / 2) });
  if (editionName) layers.push({ input: editionName.input, left: nameX, top: Math.round(bandMiddle - editionName.height / 2) });
  if (hashtag) layers.push({ input: hashtag.input, left: W - MARGIN - hashtag.width, top: Math.round(bandMiddle - hashtag.height / 2) });

  return sharp(Buffer.from(frameSvg(badge)))
    .composite(layers)
    .png({ compressionLevel: 9, palette: false })
    .toBuffer();
}
