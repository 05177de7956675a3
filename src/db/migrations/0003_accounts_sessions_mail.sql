CREATE TABLE "mail_job" (
	"id" serial PRIMARY KEY NOT NULL,
	"recipient" text NOT NULL,
	"language" text DEFAULT 'de' NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "mail_job_due_idx" ON "mail_job" USING btree ("next_attempt_at") WHERE "mail_job"."sent_at" is null;