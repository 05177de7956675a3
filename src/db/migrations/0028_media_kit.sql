CREATE TYPE "public"."media_kit_kind" AS ENUM('logo', 'social');--> statement-breakpoint
CREATE TABLE "media_kit" (
	"edition_id" integer PRIMARY KEY NOT NULL,
	"usage_de" text DEFAULT '' NOT NULL,
	"usage_en" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_kit_file" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"kind" "media_kit_kind" NOT NULL,
	"title_de" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"path" text NOT NULL,
	"format" text NOT NULL,
	"preview_path" text NOT NULL,
	"width" integer,
	"height" integer,
	"pages" integer,
	"bytes" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"generated" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "media_kit" ADD CONSTRAINT "media_kit_edition_id_edition_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."edition"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_kit_file" ADD CONSTRAINT "media_kit_file_edition_id_edition_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."edition"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_kit_file_edition_idx" ON "media_kit_file" USING btree ("edition_id","position");