CREATE TYPE "public"."organisation_status" AS ENUM('pending', 'active', 'declined');--> statement-breakpoint
CREATE TABLE "organisation_invitation" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"email" text NOT NULL,
	"role" "membership_role" DEFAULT 'member' NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" integer,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "trade_fair" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "checks" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "status" "organisation_status" DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "decided_by" integer;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "decision_note" text;--> statement-breakpoint
ALTER TABLE "organisation_invitation" ADD CONSTRAINT "organisation_invitation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_invitation" ADD CONSTRAINT "organisation_invitation_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_invitation" ADD CONSTRAINT "organisation_invitation_accepted_by_user_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_fair" ADD CONSTRAINT "trade_fair_edition_id_edition_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."edition"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_invitation_token_idx" ON "organisation_invitation" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "organisation_invitation_open_idx" ON "organisation_invitation" USING btree ("organisation_id") WHERE "organisation_invitation"."accepted_at" is null and "organisation_invitation"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "trade_fair_edition_name_idx" ON "trade_fair" USING btree ("edition_id","name");--> statement-breakpoint
CREATE INDEX "organisation_pending_idx" ON "organisation" USING btree ("state_code") WHERE "organisation"."status" = 'pending';