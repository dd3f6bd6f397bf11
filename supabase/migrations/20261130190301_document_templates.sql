CREATE TABLE "document_templates" (
	"consortium_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"outline" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_templates_pkey" PRIMARY KEY("consortium_id","kind","locale"),
	CONSTRAINT "document_templates_locale_check" CHECK ("document_templates"."locale" in ('sv', 'en')),
	CONSTRAINT "document_templates_title_check" CHECK (length(trim("document_templates"."title")) > 0 and length("document_templates"."title") <= 200),
	CONSTRAINT "document_templates_outline_check" CHECK (length("document_templates"."outline") <= 50000)
);
--> statement-breakpoint
ALTER TABLE "document_templates" ADD CONSTRAINT "document_templates_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_templates" ADD CONSTRAINT "document_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;