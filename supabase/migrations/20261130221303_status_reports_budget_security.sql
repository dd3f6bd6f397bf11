-- ============================================================================================
-- Status reports and budget against outcome. Row-level security mirroring policy.ts: internal
-- members read all of it; any writer ('content.write') begins a report, which its author or an admin
-- changes while it is a draft ('status_report.edit', 'status_report.submit'); once submitted it is
-- locked, and only an admin or a representative notes it as read ('status_report.acknowledge').
-- Budget lines are kept by writers. The supplier sees none of it. Reading is separate from changing.
-- ============================================================================================

ALTER TABLE public.status_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.status_report_rows ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.budget_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.status_reports, public.status_report_rows, public.budget_lines TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ helpers
-- Consortia in which the current user sits for the steering group: an admin or a representative.
CREATE OR REPLACE FUNCTION app.steering_consortia() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT coalesce(array_agg(consortium_id), '{}') FROM public.memberships WHERE user_id = app.uid() AND role IN ('admin', 'representative') $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.steering_consortia() TO authenticated;
--> statement-breakpoint
-- Whether the current user may change a status report now: a draft, written by them (or they are an
-- admin of its consortium), in a consortium where they write.
CREATE OR REPLACE FUNCTION app.status_report_editable(report uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT EXISTS (
			SELECT 1 FROM public.status_reports r
			WHERE r.id = report AND r.status = 'draft'
				AND r.consortium_id = ANY (app.writer_consortia())
				AND (r.author_id = app.uid() OR r.consortium_id = ANY (app.admin_consortia())))
	$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.status_report_editable(uuid) TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ status reports
CREATE POLICY "Internal members read status reports" ON public.status_reports
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers begin their own draft status reports" ON public.status_reports
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND author_id = (SELECT app.uid()) AND status = 'draft');
--> statement-breakpoint
CREATE POLICY "Authors and admins change drafts; the steering group notes submitted reports" ON public.status_reports
	FOR UPDATE TO authenticated
	USING (
		(status = 'draft' AND consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
			AND (author_id = (SELECT app.uid()) OR consortium_id = ANY ((SELECT app.admin_consortia())::uuid[])))
		OR (status = 'submitted' AND consortium_id = ANY ((SELECT app.steering_consortia())::uuid[])))
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins remove status reports" ON public.status_reports
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
-- ------------------------------------------------------------------ rows
CREATE POLICY "Internal members read status report rows" ON public.status_report_rows
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Those who may change the draft add status report rows" ON public.status_report_rows
	FOR INSERT TO authenticated WITH CHECK (app.status_report_editable(report_id));
--> statement-breakpoint
CREATE POLICY "Those who may change the draft change status report rows" ON public.status_report_rows
	FOR UPDATE TO authenticated USING (app.status_report_editable(report_id)) WITH CHECK (app.status_report_editable(report_id));
--> statement-breakpoint
CREATE POLICY "Those who may change the draft remove status report rows" ON public.status_report_rows
	FOR DELETE TO authenticated USING (app.status_report_editable(report_id) OR consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
-- ------------------------------------------------------------------ budget
CREATE POLICY "Internal members read budget lines" ON public.budget_lines
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers add budget lines" ON public.budget_lines
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers change budget lines" ON public.budget_lines
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers remove budget lines" ON public.budget_lines
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
