CREATE TABLE "news_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"slug" text NOT NULL,
	"title_de" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"summary_de" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"body_de" text DEFAULT '' NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"press" boolean DEFAULT false NOT NULL,
	"publish_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone,
	"pdf_path" text,
	"pdf_bytes" integer,
	"pdf_pages" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "press_contact" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"name" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"role_de" text DEFAULT '' NOT NULL,
	"role_en" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "page_revision" (
	"id" serial PRIMARY KEY NOT NULL,
	"page_id" integer NOT NULL,
	"version" integer NOT NULL,
	"title_de" text NOT NULL,
	"title_en" text NOT NULL,
	"body_de" text NOT NULL,
	"body_en" text NOT NULL,
	"published" boolean NOT NULL,
	"saved_by_id" integer,
	"saved_by_name" text NOT NULL,
	"restored_from" integer,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "page" ADD COLUMN "edition_id" integer;--> statement-breakpoint
ALTER TABLE "page" ADD COLUMN "published" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "page" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "page" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "news_item" ADD CONSTRAINT "news_item_edition_id_edition_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."edition"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_contact" ADD CONSTRAINT "press_contact_edition_id_edition_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."edition"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_revision" ADD CONSTRAINT "page_revision_page_id_page_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."page"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_revision" ADD CONSTRAINT "page_revision_saved_by_id_user_id_fk" FOREIGN KEY ("saved_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "news_item_slug_idx" ON "news_item" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "news_item_publish_idx" ON "news_item" USING btree ("edition_id","publish_at");--> statement-breakpoint
CREATE INDEX "press_contact_edition_idx" ON "press_contact" USING btree ("edition_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "page_revision_version_idx" ON "page_revision" USING btree ("page_id","version");--> statement-breakpoint
ALTER TABLE "page" ADD CONSTRAINT "page_edition_id_edition_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."edition"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "page_edition_idx" ON "page" USING btree ("edition_id");