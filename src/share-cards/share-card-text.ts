import sharp from "sharp";

/**
 * Text goes through Pango with the font files shipped in assets/fonts (not through librsvg, which
 * would ask the machine's fontconfig): cards look the same on a machine without any fonts.
 */
const fontsDir = new URL("../../assets/fonts/", import.meta.url).pathname;
const fontFiles = { regular: `${fontsDir}DejaVuSans.ttf`, bold: `${fontsDir}DejaVuSans-Bold.ttf` };

export type TextStyle = { bold?: boolean; size: number; color: string; width: number; maxLines: number };
export type TextImage = { input: Buffer; width: number; height: number };

/** At most this many characters are ever laid out, however long the stored text is. */
const MAX_CHARS = 400;

const markupEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Pango reads its input as markup: every character that could open a tag or entity is escaped. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => markupEntities[c] ?? c);
}

/** One line of plain text: control characters and runs of white space become single spaces. */
export function cleanText(text: string): string {
  return Array.from(text.replace(/\p{Cc}|\p{Cs}/gu, " "))
    .slice(0, MAX_CHARS)
    .join("")
    .replace(/[\s\u200b]+/g, " ")
    .trim();
}

async function render(text: string, style: TextStyle): Promise<TextImage> {
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="${style.color}">${escapeMarkup(text)}</span>`,
      font: `DejaVu Sans${style.bold ? " Bold" : ""} ${style.size}`,
      fontfile: style.bold ? fontFiles.bold : fontFiles.regular,
      width: style.width,
      wrap: "word-char",
      dpi: 72,
      rgba: true,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { input: data, width: info.width, height: info.height };
}

const heightLimits = new Map<string, Promise<number>>();

/** The height of exactly `maxLines` lines in this style, measured once. */
function heightLimit(style: TextStyle): Promise<number> {
  const key = `${style.bold}:${style.size}:${style.maxLines}`;
  let limit = heightLimits.get(key);
  if (!limit) {
    const lines = Array.from({ length: style.maxLines }, () => "ÁÉgjy").join("\n");
    limit = render(lines, { ...style, width: 10_000 }).then((image) => image.height);
    heightLimits.set(key, limit);
  }
  return limit;
}

/** The first `count` characters, cut at a word when one ends near there, with an ellipsis. */
function shortened(chars: string[], count: number): string {
  let cut = chars.slice(0, count).join("");
  const space = cut.lastIndexOf(" ");
  if (space > count * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,.;:!?–—-]+$/u, "")}…`;
}

/**
 * Renders text wrapped to the style's width; when it needs more than `maxLines` lines, the longest
 * beginning that fits is shown with an ellipsis (binary search: a handful of renders).
 */
export async function renderTextBlock(raw: string, style: TextStyle): Promise<TextImage | undefined> {
  const text = cleanText(raw);
  if (!text) return undefined;
  const limit = (await heightLimit(style)) + Math.floor(style.size / 4);
  const full = await render(text, style);
  if (full.height <= limit && full.width <= style.width) return full;
  const chars = Array.from(text);
  let best = await render("…", style);
  let lo = 1;
  let hi = chars.length - 1;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const image = await render(shortened(chars, mid), style);
    if (image.height <= limit && image.width <= style.width) {
      best = image;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}
