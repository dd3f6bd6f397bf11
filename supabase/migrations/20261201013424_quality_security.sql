-- ============================================================================================
-- Requirement quality (kravgranskning): row-level security mirroring policy.ts ('internal.read',
-- 'content.write', 'rules.manage'). Internal members read the results, the dismissals and the
-- consortium's rules; writers dismiss a finding (as themselves) and take a dismissal back; admins
-- set the consortium's rules. The results are derived data that only the server writes. The
-- supplier reads none of it.
-- ============================================================================================

ALTER TABLE public.quality_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.quality_dismissals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.requirement_quality ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.quality_settings TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON public.quality_dismissals TO authenticated;
--> statement-breakpoint
GRANT SELECT ON public.requirement_quality TO authenticated;
--> statement-breakpoint
CREATE POLICY "Internal members read the quality rules" ON public.quality_settings
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins set the quality rules" ON public.quality_settings
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins change the quality rules" ON public.quality_settings
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Internal members read dismissed findings" ON public.quality_dismissals
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers dismiss findings, as themselves" ON public.quality_dismissals
	FOR INSERT TO authenticated
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND dismissed_by = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Writers take a dismissal back" ON public.quality_dismissals
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Internal members read the quality of requirements" ON public.requirement_quality
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
