-- ============================================================================================
-- The consortium's own document templates. Row-level security mirroring policy.ts: internal members
-- read them (a new document begins from one, in the writer's own transaction); admins save, change
-- and reset them ('rules.manage'). The supplier sees none. Reading is separate from changing (no FOR ALL).
-- ============================================================================================

ALTER TABLE public.document_templates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.document_templates TO authenticated;
--> statement-breakpoint
CREATE POLICY "Internal members read document templates" ON public.document_templates
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins save document templates" ON public.document_templates
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins change document templates" ON public.document_templates
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins reset document templates" ON public.document_templates
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
