-- ============================================================================================
-- The portfolio: categories, the technology catalogue and each municipality's status per
-- technology. Row-level security mirroring policy.ts: internal members read all of it; admins
-- keep the catalogue ('portfolio.manage') and may change any municipality's status; a
-- representative, deputy or member changes only their own organisation's statuses
-- ('portfolio_status.edit'). The supplier sees none of it.
-- ============================================================================================

ALTER TABLE public.technology_categories ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.technologies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.technology_statuses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.technology_categories, public.technologies, public.technology_statuses TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ helpers
-- The organisations whose portfolio statuses the current user keeps: their own, as a representative, deputy or member.
CREATE OR REPLACE FUNCTION app.portfolio_organisations() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT coalesce(array_agg(organisation_id), '{}') FROM public.memberships WHERE user_id = app.uid() AND role IN ('representative', 'deputy', 'member') $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.portfolio_organisations() TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ the catalogue
CREATE POLICY "Internal members read technology categories" ON public.technology_categories
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins keep the technology categories" ON public.technology_categories
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Internal members read the technology catalogue" ON public.technologies
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins keep the technology catalogue" ON public.technologies
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
-- ------------------------------------------------------------------ statuses
CREATE POLICY "Internal members read the portfolio statuses" ON public.technology_statuses
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins change any municipality's portfolio status" ON public.technology_statuses
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Members add their own organisation's portfolio status" ON public.technology_statuses
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND organisation_id = ANY ((SELECT app.portfolio_organisations())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Members change their own organisation's portfolio status" ON public.technology_statuses
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND organisation_id = ANY ((SELECT app.portfolio_organisations())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND organisation_id = ANY ((SELECT app.portfolio_organisations())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Members remove their own organisation's portfolio status" ON public.technology_statuses
	FOR DELETE TO authenticated
	USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND organisation_id = ANY ((SELECT app.portfolio_organisations())::uuid[]));
