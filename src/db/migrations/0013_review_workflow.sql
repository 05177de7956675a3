ALTER TYPE "public"."event_status" ADD VALUE 'approved';--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text NOT NULL,
	"state_code" text,
	"summary" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "featured_event" (
	"edition_id" integer NOT NULL,
	"scope" text NOT NULL,
	"event_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "featured_event_edition_id_scope_event_id_pk" PRIMARY KEY("edition_id","scope","event_id")
);
--> statement-breakpoint
CREATE TABLE "notification_log" (
	"kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"sent_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_log_kind_subject_key_sent_on_pk" PRIMARY KEY("kind","subject_key","sent_on")
);
--> statement-breakpoint
CREATE TABLE "reject_reason" (
	"id" serial PRIMARY KEY NOT NULL,
	"text_de" text NOT NULL,
	"text_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_decision" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"user_id" integer,
	"action" text NOT NULL,
	"message" text,
	"fields" text[] DEFAULT '{}' NOT NULL,
	"reason_id" integer,
	"snapshot" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "review_digest" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "edition" ADD COLUMN "review_target_days" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "revision_of" integer;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "featured_event" ADD CONSTRAINT "featured_event_edition_id_edition_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."edition"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "featured_event" ADD CONSTRAINT "featured_event_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decision" ADD CONSTRAINT "review_decision_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decision" ADD CONSTRAINT "review_decision_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decision" ADD CONSTRAINT "review_decision_reason_id_reject_reason_id_fk" FOREIGN KEY ("reason_id") REFERENCES "public"."reject_reason"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_state_idx" ON "audit_log" USING btree ("state_code","at");--> statement-breakpoint
CREATE INDEX "review_decision_event_idx" ON "review_decision" USING btree ("event_id","at");--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_revision_of_event_id_fk" FOREIGN KEY ("revision_of") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_revision_of_idx" ON "event" USING btree ("revision_of") WHERE "event"."revision_of" is not null;--> statement-breakpoint
CREATE INDEX "event_review_queue_idx" ON "event" USING btree ("status","submitted_at");--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_revision_not_public" CHECK ("event"."revision_of" is null or "event"."status"::text in ('submitted', 'changes_requested', 'approved'));