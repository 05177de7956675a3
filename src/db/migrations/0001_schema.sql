CREATE TYPE "public"."membership_role" AS ENUM('member', 'owner');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('organiser', 'coordinator', 'editor', 'admin');--> statement-breakpoint
CREATE TYPE "public"."edition_status" AS ENUM('planning', 'open', 'running', 'archived');--> statement-breakpoint
CREATE TYPE "public"."moderation_mode" AS ENUM('one_tier', 'two_tier');--> statement-breakpoint
CREATE TYPE "public"."attendance_mode_code" AS ENUM('onsite', 'online', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('draft', 'submitted', 'changes_requested', 'published', 'rejected', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('cluster_initiative', 'network', 'ministry', 'research_institution', 'company', 'other');--> statement-breakpoint
CREATE TYPE "public"."state_kind" AS ENUM('land', 'online', 'international');--> statement-breakpoint
CREATE TABLE "coordinator_state" (
	"user_id" integer NOT NULL,
	"state_code" text NOT NULL,
	CONSTRAINT "coordinator_state_user_id_state_code_pk" PRIMARY KEY("user_id","state_code")
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"user_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"role" "membership_role" DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_user_id_organisation_id_pk" PRIMARY KEY("user_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"role" "user_role" DEFAULT 'organiser' NOT NULL,
	"language" text DEFAULT 'de' NOT NULL,
	"email_verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "edition" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"title_de" text NOT NULL,
	"title_en" text NOT NULL,
	"motto_de" text DEFAULT '' NOT NULL,
	"motto_en" text DEFAULT '' NOT NULL,
	"hashtag" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"submission_opens_at" timestamp with time zone,
	"submission_closes_at" timestamp with time zone,
	"status" "edition_status" DEFAULT 'planning' NOT NULL,
	"moderation" "moderation_mode" DEFAULT 'one_tier' NOT NULL,
	"greeting_de" text DEFAULT '' NOT NULL,
	"greeting_en" text DEFAULT '' NOT NULL,
	"patrons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opening_event_id" integer,
	"closing_event_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "edition_year_unique" UNIQUE("year")
);
--> statement-breakpoint
CREATE TABLE "event" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"slug" text NOT NULL,
	"status" "event_status" DEFAULT 'draft' NOT NULL,
	"title_de" text NOT NULL,
	"title_en" text,
	"summary_de" text NOT NULL,
	"summary_en" text,
	"description_de" text DEFAULT '' NOT NULL,
	"description_en" text,
	"format_code" text NOT NULL,
	"mode" "attendance_mode_code" DEFAULT 'onsite' NOT NULL,
	"venue_id" integer,
	"state_code" text NOT NULL,
	"online_url" text,
	"live_url" text,
	"replay_url" text,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"target_groups" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{"de"}' NOT NULL,
	"partner_countries" text[] DEFAULT '{}' NOT NULL,
	"co_organisers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_free" boolean DEFAULT true NOT NULL,
	"cost_text" text,
	"registration_url" text,
	"registration_email" text,
	"registration_deadline" timestamp with time zone,
	"capacity" integer,
	"accessibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"image_url" text,
	"image_alt" text,
	"image_credit" text,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"external_ref" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"days" date[] DEFAULT '{}' NOT NULL,
	"search_extra" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german', cw_fold(coalesce("event"."title_de", '') || ' ' || coalesce("event"."title_en", ''))), 'A')
        || setweight(to_tsvector('german', cw_fold(coalesce("event"."summary_de", '') || ' ' || coalesce("event"."summary_en", ''))), 'B')
        || setweight(to_tsvector('german', cw_fold(coalesce("event"."description_de", '') || ' ' || "event"."search_extra")), 'C')) STORED,
	"search_words" text GENERATED ALWAYS AS (cw_fold(coalesce("event"."title_de", '') || ' ' || coalesce("event"."title_en", '') || ' ' || "event"."summary_de" || ' ' || "event"."search_extra")) STORED,
	CONSTRAINT "event_end_after_start" CHECK ("event"."ends_at" >= "event"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "event_session" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	CONSTRAINT "event_session_end_after_start" CHECK ("event_session"."ends_at" >= "event_session"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "event_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"user_id" integer,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"kind" "organisation_kind" DEFAULT 'cluster_initiative' NOT NULL,
	"state_code" text NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"website" text,
	"logo_url" text,
	"description_de" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"labels" text[] DEFAULT '{}' NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "page" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title_de" text NOT NULL,
	"title_en" text NOT NULL,
	"body_de" text NOT NULL,
	"body_en" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "state_intro" (
	"edition_id" integer NOT NULL,
	"state_code" text NOT NULL,
	"intro_de" text DEFAULT '' NOT NULL,
	"intro_en" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "state_intro_edition_id_state_code_pk" PRIMARY KEY("edition_id","state_code")
);
--> statement-breakpoint
CREATE TABLE "attendance_mode" (
	"code" text PRIMARY KEY NOT NULL,
	"name_de" text NOT NULL,
	"name_en" text NOT NULL,
	"schema_org" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "format" (
	"code" text PRIMARY KEY NOT NULL,
	"name_de" text NOT NULL,
	"name_en" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "state" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" "state_kind" DEFAULT 'land' NOT NULL,
	"name_de" text NOT NULL,
	"name_en" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_group" (
	"code" text PRIMARY KEY NOT NULL,
	"name_de" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topic" (
	"code" text PRIMARY KEY NOT NULL,
	"name_de" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_fair_presence" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"fair" text NOT NULL,
	"hall" text NOT NULL,
	"booth" text NOT NULL,
	"days" date[] DEFAULT '{}' NOT NULL,
	"co_exhibitors" text[] DEFAULT '{}' NOT NULL,
	"text_de" text DEFAULT '' NOT NULL,
	"text_en" text,
	"event_id" integer
);
--> statement-breakpoint
CREATE TABLE "venue" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"street" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"city" text NOT NULL,
	"state_code" text,
	"country" text DEFAULT 'DE' NOT NULL,
	"latitude" double precision,
	"longitude" double precision
);
--> statement-breakpoint
ALTER TABLE "coordinator_state" ADD CONSTRAINT "coordinator_state_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordinator_state" ADD CONSTRAINT "coordinator_state_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition" ADD CONSTRAINT "edition_opening_event_id_event_id_fk" FOREIGN KEY ("opening_event_id") REFERENCES "public"."event"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition" ADD CONSTRAINT "edition_closing_event_id_event_id_fk" FOREIGN KEY ("closing_event_id") REFERENCES "public"."event"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_edition_id_edition_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."edition"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_format_code_format_code_fk" FOREIGN KEY ("format_code") REFERENCES "public"."format"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_venue_id_venue_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_session" ADD CONSTRAINT "event_session_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_history" ADD CONSTRAINT "event_history_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_history" ADD CONSTRAINT "event_history_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_intro" ADD CONSTRAINT "state_intro_edition_id_edition_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."edition"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_intro" ADD CONSTRAINT "state_intro_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_fair_presence" ADD CONSTRAINT "trade_fair_presence_edition_id_edition_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."edition"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_fair_presence" ADD CONSTRAINT "trade_fair_presence_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_fair_presence" ADD CONSTRAINT "trade_fair_presence_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue" ADD CONSTRAINT "venue_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_org_idx" ON "membership" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "user_email_idx" ON "user" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "event_org_external_ref_idx" ON "event" USING btree ("organisation_id","external_ref") WHERE "event"."external_ref" is not null;--> statement-breakpoint
CREATE INDEX "event_edition_status_starts_idx" ON "event" USING btree ("edition_id","status","starts_at");--> statement-breakpoint
CREATE INDEX "event_organisation_idx" ON "event" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "event_state_idx" ON "event" USING btree ("edition_id","state_code");--> statement-breakpoint
CREATE INDEX "event_topics_idx" ON "event" USING gin ("topics");--> statement-breakpoint
CREATE INDEX "event_target_groups_idx" ON "event" USING gin ("target_groups");--> statement-breakpoint
CREATE INDEX "event_languages_idx" ON "event" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "event_days_idx" ON "event" USING gin ("days");--> statement-breakpoint
CREATE INDEX "event_search_vector_idx" ON "event" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "event_search_words_idx" ON "event" USING gin ("search_words" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "event_session_event_idx" ON "event_session" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE INDEX "event_history_event_idx" ON "event_history" USING btree ("event_id","at");--> statement-breakpoint
CREATE INDEX "organisation_state_idx" ON "organisation" USING btree ("state_code");--> statement-breakpoint
CREATE UNIQUE INDEX "page_slug_idx" ON "page" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "trade_fair_presence_edition_idx" ON "trade_fair_presence" USING btree ("edition_id","fair","hall","booth");--> statement-breakpoint
CREATE INDEX "trade_fair_presence_organisation_idx" ON "trade_fair_presence" USING btree ("organisation_id");