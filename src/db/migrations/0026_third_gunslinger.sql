CREATE TYPE "public"."import_plan_status" AS ENUM('pending', 'confirmed');--> statement-breakpoint
CREATE TABLE "import_plan" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"user_id" integer,
	"file_name" text NOT NULL,
	"import_as" text NOT NULL,
	"status" "import_plan_status" DEFAULT 'pending' NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"result" jsonb
);
--> statement-breakpoint
ALTER TABLE "import_plan" ADD CONSTRAINT "import_plan_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_plan" ADD CONSTRAINT "import_plan_edition_id_edition_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."edition"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_plan" ADD CONSTRAINT "import_plan_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_plan_expires_idx" ON "import_plan" USING btree ("expires_at");