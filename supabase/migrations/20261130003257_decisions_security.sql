-- ============================================================================================
-- Decisions: row-level security mirroring policy.ts, and the decision log's immutability.
-- Internal members read everything of an item; writers prepare drafts; admins open, close, record
-- and withdraw; whoever speaks for a voting organisation states its position while the item is
-- open (the deputy also when the representative declared a conflict of interest on the item).
-- The supplier reads recorded decisions the consortium communicated and that are not secret, and
-- acknowledges them for its own organisation. Nobody changes or deletes a recorded decision.
-- ============================================================================================

ALTER TABLE public.decision_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.decision_options ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.decision_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.decision_positions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.decision_position_history ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.decision_conflicts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.decision_reservations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.decisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.decision_acknowledgements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The chain's head is the server's own: written only by the recording command on its own role.
ALTER TABLE public.decision_log_heads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON public.decision_log_heads FROM authenticated, anon;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.decision_items, public.decision_options, public.decision_links, public.decision_positions,
	public.decision_position_history, public.decision_conflicts, public.decision_reservations, public.decision_acknowledgements TO authenticated;
--> statement-breakpoint
-- The log: read and insert; of its columns only `communicated` may change (the trigger below checks the rest).
REVOKE UPDATE, DELETE, TRUNCATE ON public.decisions FROM authenticated, anon;
--> statement-breakpoint
GRANT SELECT, INSERT ON public.decisions TO authenticated;
--> statement-breakpoint
GRANT UPDATE (communicated) ON public.decisions TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ helpers
-- policy.ts 'decision_item.position': the organisation votes (municipality or region), the item is
-- open, and the current user speaks for the organisation on this item: as its representative in
-- office who has not declared a conflict on it, or as its deputy while delegated, while no
-- representative is in office, or while the representative has declared a conflict on the item.
CREATE OR REPLACE FUNCTION app.speaks_on_item(p_item uuid, p_organisation uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT EXISTS (SELECT 1 FROM public.organisations WHERE id = p_organisation AND kind IN ('municipality', 'region'))
			AND EXISTS (
				SELECT 1 FROM public.memberships m
				WHERE m.user_id = app.uid() AND m.organisation_id = p_organisation AND (
					(m.role = 'representative' AND p_organisation = ANY (app.speaking_organisations())
						AND NOT EXISTS (SELECT 1 FROM public.decision_conflicts c WHERE c.item_id = p_item AND c.user_id = m.user_id))
					OR (m.role = 'deputy' AND (p_organisation = ANY (app.speaking_organisations())
						OR EXISTS (
							SELECT 1 FROM public.decision_conflicts c JOIN public.memberships r ON r.user_id = c.user_id AND r.organisation_id = c.organisation_id
							WHERE c.item_id = p_item AND c.organisation_id = p_organisation AND r.role = 'representative')))))
	$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.item_status(p_item uuid) RETURNS public.decision_item_status
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT status FROM public.decision_items WHERE id = p_item $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.supplier_consortia() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT coalesce(array_agg(consortium_id), '{}') FROM public.memberships WHERE user_id = app.uid() AND role = 'supplier' $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.speaks_on_item(uuid, uuid), app.item_status(uuid), app.supplier_consortia() TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ items, options, links
CREATE POLICY "Internal members read decision items" ON public.decision_items
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers prepare drafts" ON public.decision_items
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND status = 'draft');
--> statement-breakpoint
CREATE POLICY "Writers edit drafts; admins move items on" ON public.decision_items
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND status = 'draft'))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND status = 'draft'));
--> statement-breakpoint
CREATE POLICY "Writers remove drafts" ON public.decision_items
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND status = 'draft');
--> statement-breakpoint
CREATE POLICY "Internal members read options" ON public.decision_options
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers set the options of a draft" ON public.decision_options
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND app.item_status(item_id) = 'draft')
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND app.item_status(item_id) = 'draft');
--> statement-breakpoint
CREATE POLICY "Internal members read links" ON public.decision_links
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers set the links of an item not yet recorded" ON public.decision_links
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND app.item_status(item_id) IN ('draft', 'open', 'closed'))
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND app.item_status(item_id) IN ('draft', 'open', 'closed'));
--> statement-breakpoint
-- ------------------------------------------------------------------ positions, conflicts, reservations
CREATE POLICY "Internal members read positions" ON public.decision_positions
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Whoever speaks for the organisation on the item states its position while it is open" ON public.decision_positions
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) AND user_id = (SELECT app.uid())
		AND app.item_status(item_id) = 'open' AND app.speaks_on_item(item_id, organisation_id));
--> statement-breakpoint
CREATE POLICY "Whoever speaks for the organisation on the item changes its position while it is open" ON public.decision_positions
	FOR UPDATE TO authenticated
	USING (app.item_status(item_id) = 'open' AND app.speaks_on_item(item_id, organisation_id))
	WITH CHECK (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) AND user_id = (SELECT app.uid())
		AND app.item_status(item_id) = 'open' AND app.speaks_on_item(item_id, organisation_id));
--> statement-breakpoint
CREATE POLICY "Internal members read the positions' history" ON public.decision_position_history
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "A stated position enters the history" ON public.decision_position_history
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) AND user_id = (SELECT app.uid())
		AND app.item_status(item_id) = 'open' AND app.speaks_on_item(item_id, organisation_id));
--> statement-breakpoint
CREATE POLICY "Internal members read conflicts of interest" ON public.decision_conflicts
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Representatives declare their own conflict of interest" ON public.decision_conflicts
	FOR INSERT TO authenticated WITH CHECK (
		user_id = (SELECT app.uid()) AND organisation_id = ANY ((SELECT app.represented_organisations())::uuid[])
		AND consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) AND app.item_status(item_id) IN ('draft', 'open'));
--> statement-breakpoint
CREATE POLICY "Internal members read reservations" ON public.decision_reservations
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Whoever speaks for the organisation registers a reservation before the record" ON public.decision_reservations
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) AND user_id = (SELECT app.uid())
		AND app.item_status(item_id) = 'closed' AND app.speaks_on_item(item_id, organisation_id));
--> statement-breakpoint
-- ------------------------------------------------------------------ the log
CREATE POLICY "Internal members read the decision log" ON public.decisions
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "The supplier reads communicated decisions that are not secret" ON public.decisions
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND communicated AND NOT secret);
--> statement-breakpoint
CREATE POLICY "Admins record decisions" ON public.decisions
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) AND recorded_by = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Admins communicate decisions to the supplier" ON public.decisions
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Internal members and the supplier read acknowledgements" ON public.decision_acknowledgements
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[])
		OR (consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND organisation_id = ANY ((SELECT app.my_organisations())::uuid[])));
--> statement-breakpoint
CREATE POLICY "The supplier acknowledges a communicated decision for its own organisation" ON public.decision_acknowledgements
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND organisation_id = ANY ((SELECT app.my_organisations())::uuid[])
		AND user_id = (SELECT app.uid())
		AND EXISTS (SELECT 1 FROM public.decisions d WHERE d.id = decision_id AND d.communicated AND NOT d.secret));
--> statement-breakpoint
-- ------------------------------------------------------------------ a recorded decision never changes
-- For every role, the server's own and a superuser's included (short of disabling the trigger):
-- the only change allowed is communicating an entry that is not secret to the supplier.
CREATE OR REPLACE FUNCTION public.decisions_are_final() RETURNS trigger
	LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND NOT OLD.communicated AND NEW.communicated AND NOT OLD.secret
		AND (to_jsonb(NEW) - 'communicated') = (to_jsonb(OLD) - 'communicated') THEN
		RETURN NEW;
	END IF;
	RAISE EXCEPTION 'decision % is recorded: it cannot be changed or deleted (a correction is a new decision that supersedes it)',
		coalesce(OLD.number, '?') USING ERRCODE = 'check_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER decisions_are_final BEFORE UPDATE OR DELETE ON public.decisions
	FOR EACH ROW EXECUTE FUNCTION public.decisions_are_final();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.decisions_are_not_truncated() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'the decision log cannot be truncated' USING ERRCODE = 'check_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER decisions_are_not_truncated BEFORE TRUNCATE ON public.decisions
	FOR EACH STATEMENT EXECUTE FUNCTION public.decisions_are_not_truncated();
--> statement-breakpoint
-- A recorded item's words and outcome are the record's: they stay as recorded.
CREATE OR REPLACE FUNCTION public.decision_items_keep_records() RETURNS trigger
	LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
	IF OLD.status IN ('recorded', 'withdrawn') THEN
		RAISE EXCEPTION 'decision item % is %: it cannot change', OLD.id, OLD.status USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER decision_items_keep_records BEFORE UPDATE ON public.decision_items
	FOR EACH ROW EXECUTE FUNCTION public.decision_items_keep_records();
