-- ============================================================================================
-- Risks: row-level security mirroring policy.ts ('internal.read', 'content.write', 'risk.*').
-- Internal members read the register, its assessments and actions; writers raise risks, assess them
-- (as themselves) and keep their actions; admins draw the bands. A risk is closed, never removed.
-- The supplier reads none of it.
-- ============================================================================================

ALTER TABLE public.risk_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.risks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.risk_assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.risk_actions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.risk_settings TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.risks TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT ON public.risk_assessments TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.risk_actions TO authenticated;
--> statement-breakpoint
CREATE POLICY "Internal members read the risk bands" ON public.risk_settings
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins draw the risk bands" ON public.risk_settings
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins redraw the risk bands" ON public.risk_settings
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Internal members read the risk register" ON public.risks
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers raise risks, as themselves" ON public.risks
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND created_by = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Writers keep risks" ON public.risks
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Internal members read a risk's assessments" ON public.risk_assessments
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers assess risks, as themselves" ON public.risk_assessments
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND assessed_by = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Internal members read a risk's actions" ON public.risk_actions
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers add actions" ON public.risk_actions
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers keep actions" ON public.risk_actions
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers remove actions" ON public.risk_actions
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
