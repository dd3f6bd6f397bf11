-- ============================================================================================
-- Tender packages: row-level security mirroring policy.ts ('internal.read', 'decisions.manage').
-- Internal members read the packages and download their archives; admins produce them, as
-- themselves. A package is never changed or removed: no UPDATE or DELETE is granted, and no policy
-- allows one (the schema's default grants are revoked). The supplier reads none of it (a package is not published to it).
-- ============================================================================================

ALTER TABLE public.tender_packages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON public.tender_packages FROM authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT ON public.tender_packages TO authenticated;
--> statement-breakpoint
CREATE POLICY "Internal members read the tender packages" ON public.tender_packages
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins produce tender packages, as themselves" ON public.tender_packages
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) AND created_by = (SELECT app.uid()));
