ALTER TABLE "event" ADD COLUMN "online_url_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "contact_public" boolean DEFAULT false NOT NULL;