-- ============================================================================================
-- The backlog (MVP plan), change requests, releases and delivery: row-level security mirroring policy.ts.
-- Internal members read all of it; admins plan the backlog, lock it and apply decided changes;
-- writers propose change requests; whoever may speak to the supplier under the ground rules
-- (policy.ts 'supplier.publish') publishes releases and accepts or returns delivered items.
-- The supplier reads releases and the items they carried, reports delivery on those items and
-- acknowledges releases; it never sees the plan, its estimates before publishing, or change requests.
-- ============================================================================================

ALTER TABLE public.backlogs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.backlog_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.backlog_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.backlog_releases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.backlog_release_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.delivery_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.delivery_acceptances ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.backlogs, public.backlog_items, public.backlog_changes TO authenticated;
--> statement-breakpoint
-- Releases, their items and the delivery history are appended to, never changed; of a release only
-- its acknowledgement is ever written after it is published.
REVOKE UPDATE, DELETE, TRUNCATE ON public.backlog_releases, public.backlog_release_items, public.delivery_reports,
	public.delivery_acceptances FROM authenticated, anon;
--> statement-breakpoint
GRANT SELECT, INSERT ON public.backlog_releases, public.backlog_release_items, public.delivery_reports, public.delivery_acceptances TO authenticated;
--> statement-breakpoint
GRANT UPDATE (acknowledged_at, acknowledged_by) ON public.backlog_releases TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ helpers
-- policy.ts 'supplier.publish': admins unless the ground rules leave it to representatives; representatives
-- (in office) when the ground rules give it to them.
CREATE OR REPLACE FUNCTION app.publishing_consortia() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT coalesce(array_agg(m.consortium_id), '{}') FROM public.memberships m
		LEFT JOIN public.ground_rules g ON g.consortium_id = m.consortium_id
		WHERE m.user_id = app.uid() AND (
			(m.role = 'admin' AND coalesce(g.publishing, 'admins') <> 'representatives')
			OR (m.role = 'representative' AND coalesce(g.publishing, 'admins') <> 'admins'))
	$$;
--> statement-breakpoint
-- Whether a backlog item was carried by a release (so the supplier may see it).
CREATE OR REPLACE FUNCTION app.item_published(p_item uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.backlog_release_items WHERE backlog_item_id = p_item) $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.publishing_consortia(), app.item_published(uuid) TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ the plan
CREATE POLICY "Internal members read backlogs" ON public.backlogs
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins plan backlogs" ON public.backlogs
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Internal members read backlog items" ON public.backlog_items
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "The supplier reads the backlog items a release carried" ON public.backlog_items
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND app.item_published(id));
--> statement-breakpoint
CREATE POLICY "Admins plan backlog items" ON public.backlog_items
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Internal members read change requests" ON public.backlog_changes
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers propose change requests" ON public.backlog_changes
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND status = 'proposed' AND created_by = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Admins settle change requests" ON public.backlog_changes
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
-- ------------------------------------------------------------------ releases
CREATE POLICY "Internal members and the supplier read releases" ON public.backlog_releases
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) OR consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Publishers publish releases" ON public.backlog_releases
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.publishing_consortia())::uuid[]) AND published_by = (SELECT app.uid()) AND acknowledged_at IS NULL);
--> statement-breakpoint
CREATE POLICY "The supplier acknowledges a release" ON public.backlog_releases
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND acknowledged_at IS NULL)
	WITH CHECK (consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND acknowledged_by = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Internal members and the supplier read release items" ON public.backlog_release_items
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) OR consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Publishers freeze a release's items" ON public.backlog_release_items
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.publishing_consortia())::uuid[]));
--> statement-breakpoint
-- ------------------------------------------------------------------ delivery
CREATE POLICY "Internal members and the supplier read delivery reports" ON public.delivery_reports
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[])
		OR (consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND app.item_published(backlog_item_id)));
--> statement-breakpoint
CREATE POLICY "The supplier reports delivery on published items" ON public.delivery_reports
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND app.item_published(backlog_item_id)
		AND reported_by = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Internal members and the supplier read acceptances" ON public.delivery_acceptances
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[])
		OR (consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND app.item_published(backlog_item_id)));
--> statement-breakpoint
CREATE POLICY "Publishers accept or return delivered items" ON public.delivery_acceptances
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.publishing_consortia())::uuid[]) AND decided_by = (SELECT app.uid()));
