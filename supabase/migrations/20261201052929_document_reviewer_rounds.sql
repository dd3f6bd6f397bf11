CREATE TYPE "public"."publication_audience" AS ENUM('supplier', 'reviewers');--> statement-breakpoint
ALTER TYPE "public"."membership_role" ADD VALUE 'reviewer';--> statement-breakpoint
CREATE TABLE "document_publication_reviewers" (
	"publication_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "document_publication_reviewers_pkey" PRIMARY KEY("publication_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "document_publications" DROP CONSTRAINT "document_publications_version_key";--> statement-breakpoint
ALTER TABLE "document_publications" ADD COLUMN "audience" "publication_audience" DEFAULT 'supplier' NOT NULL;--> statement-breakpoint
ALTER TABLE "document_publications" ADD COLUMN "reply_by" date;--> statement-breakpoint
ALTER TABLE "document_publications" ADD CONSTRAINT "document_publications_id_consortium_key" UNIQUE("id","consortium_id");--> statement-breakpoint
ALTER TABLE "document_publication_reviewers" ADD CONSTRAINT "document_publication_reviewers_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_publication_reviewers" ADD CONSTRAINT "document_publication_reviewers_publication_fk" FOREIGN KEY ("publication_id","consortium_id") REFERENCES "public"."document_publications"("id","consortium_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_publication_reviewers" ADD CONSTRAINT "document_publication_reviewers_membership_fk" FOREIGN KEY ("consortium_id","user_id") REFERENCES "public"."memberships"("consortium_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_publication_reviewers_user_idx" ON "document_publication_reviewers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "document_publication_reviewers_consortium_id_idx" ON "document_publication_reviewers" USING btree ("consortium_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_publications_supplier_version_key" ON "document_publications" USING btree ("version_id") WHERE "document_publications"."audience" = 'supplier';--> statement-breakpoint
ALTER TABLE "document_publications" ADD CONSTRAINT "document_publications_reply_by_check" CHECK (("document_publications"."audience" = 'reviewers') = ("document_publications"."reply_by" is not null));