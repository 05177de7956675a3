import { boolean, index, integer, pgEnum, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { edition } from "./edition.ts";

/** Logo variants and social-media images (PRODUCT §4). */
export const mediaKitKind = pgEnum("media_kit_kind", ["logo", "social"]);

/** One file of an edition's media kit, as stored (content-checked) under /uploads/. */
export const mediaKitFile = pgTable(
  "media_kit_file",
  {
    id: serial().primaryKey(),
    editionId: integer()
      .notNull()
      .references(() => edition.id, { onDelete: "cascade" }),
    kind: mediaKitKind().notNull(),
    titleDe: text().notNull(),
    titleEn: text().notNull().default(""),
    /** /uploads/<random>.png|jpg|pdf; the rollover's copy points to the same file (names are never reused). */
    path: text().notNull(),
    /** png, jpeg or pdf: what the content is, not what the upload was called. */
    format: text().notNull(),
    /** A WebP of at most 1600 px (an image) or of the first page (a PDF), for the page; the ZIP has the file itself. */
    previewPath: text().notNull(),
    width: integer(),
    height: integer(),
    pages: integer(),
    bytes: integer().notNull(),
    position: integer().notNull().default(0),
    /** Rendered from the edition (dates, hashtag) rather than uploaded. */
    generated: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("media_kit_file_edition_idx").on(t.editionId, t.position)],
);

/** The media kit's usage notes per edition (the hashtag is the edition's own). */
export const mediaKit = pgTable("media_kit", {
  editionId: integer()
    .primaryKey()
    .references(() => edition.id, { onDelete: "cascade" }),
  usageDe: text().notNull().default(""),
  usageEn: text().notNull().default(""),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
