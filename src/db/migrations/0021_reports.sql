CREATE TYPE "public"."report_status" AS ENUM('draft', 'submitted', 'changes_requested', 'published', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TABLE "report" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"status" "report_status" DEFAULT 'draft' NOT NULL,
	"text_de" text DEFAULT '' NOT NULL,
	"text_en" text,
	"participant_count" integer,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"press_release_path" text,
	"press_release_preview_path" text,
	"press_release_bytes" integer,
	"press_release_pages" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "report_participant_count_check" CHECK ("report"."participant_count" is null or "report"."participant_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "report_decision" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"user_id" integer,
	"action" text NOT NULL,
	"message" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_photo" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"path" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"alt_de" text NOT NULL,
	"alt_en" text,
	"credit" text NOT NULL,
	"licence" text NOT NULL,
	"consent_confirmed_by_id" integer,
	"consent_confirmed_at" timestamp with time zone NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "report_reminders" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_decision" ADD CONSTRAINT "report_decision_report_id_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_decision" ADD CONSTRAINT "report_decision_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photo" ADD CONSTRAINT "report_photo_report_id_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photo" ADD CONSTRAINT "report_photo_consent_confirmed_by_id_user_id_fk" FOREIGN KEY ("consent_confirmed_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_event_idx" ON "report" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "report_status_idx" ON "report" USING btree ("status");--> statement-breakpoint
CREATE INDEX "report_decision_report_idx" ON "report_decision" USING btree ("report_id","at");--> statement-breakpoint
CREATE INDEX "report_photo_report_idx" ON "report_photo" USING btree ("report_id","position");