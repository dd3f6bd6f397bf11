-- ============================================================================================
-- Priority rounds: row-level security mirroring policy.ts.
-- Internal members read rounds, their items, every organisation's submission and its history;
-- admins prepare, open and close rounds; whoever speaks for a voting organisation (its
-- representative in office, or its deputy while delegated or while no representative is in
-- office) saves and submits the organisation's priorities while the round is open and before its
-- deadline. The supplier sees nothing of rounds. A closed round stays closed.
-- ============================================================================================

ALTER TABLE public.priority_rounds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.priority_round_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.priority_submissions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.priority_submission_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.priority_submission_history ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.priority_rounds, public.priority_round_items, public.priority_submissions,
	public.priority_submission_entries TO authenticated;
--> statement-breakpoint
-- The history is appended to, never changed.
REVOKE UPDATE, DELETE, TRUNCATE ON public.priority_submission_history FROM authenticated, anon;
--> statement-breakpoint
GRANT SELECT, INSERT ON public.priority_submission_history TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ helpers
-- policy.ts 'priority_round.*': the round's state, and whether it takes submissions now.
CREATE OR REPLACE FUNCTION app.round_status(p_round uuid) RETURNS public.priority_round_status
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT status FROM public.priority_rounds WHERE id = p_round $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.round_accepts_submissions(p_round uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.priority_rounds WHERE id = p_round AND status = 'open' AND deadline > now()) $$;
--> statement-breakpoint
-- policy.ts 'priority_round.submit': the organisation votes and the current user speaks for it by mandate.
CREATE OR REPLACE FUNCTION app.speaks_for_organisation(p_organisation uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT EXISTS (SELECT 1 FROM public.organisations WHERE id = p_organisation AND kind IN ('municipality', 'region'))
			AND p_organisation = ANY (app.speaking_organisations())
	$$;
--> statement-breakpoint
-- Whether the current user may change the entries of this submission now.
CREATE OR REPLACE FUNCTION app.writes_submission(p_submission uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT EXISTS (
			SELECT 1 FROM public.priority_submissions s
			WHERE s.id = p_submission AND app.round_accepts_submissions(s.round_id) AND app.speaks_for_organisation(s.organisation_id))
	$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.round_status(uuid), app.round_accepts_submissions(uuid), app.speaks_for_organisation(uuid),
	app.writes_submission(uuid) TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ rounds and their items
CREATE POLICY "Internal members read priority rounds" ON public.priority_rounds
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins prepare priority rounds" ON public.priority_rounds
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) AND status = 'draft');
--> statement-breakpoint
CREATE POLICY "Admins edit, open and close priority rounds" ON public.priority_rounds
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins remove draft priority rounds" ON public.priority_rounds
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) AND status = 'draft');
--> statement-breakpoint
CREATE POLICY "Internal members read a round's items" ON public.priority_round_items
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins set the items of a draft round" ON public.priority_round_items
	FOR ALL TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) AND app.round_status(round_id) = 'draft')
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) AND app.round_status(round_id) = 'draft');
--> statement-breakpoint
-- ------------------------------------------------------------------ submissions
CREATE POLICY "Internal members read submissions" ON public.priority_submissions
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Whoever speaks for the organisation starts its submission while the round is open" ON public.priority_submissions
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) AND user_id = (SELECT app.uid())
		AND app.round_accepts_submissions(round_id) AND app.speaks_for_organisation(organisation_id));
--> statement-breakpoint
CREATE POLICY "Whoever speaks for the organisation changes its submission while the round is open" ON public.priority_submissions
	FOR UPDATE TO authenticated
	USING (app.round_accepts_submissions(round_id) AND app.speaks_for_organisation(organisation_id))
	WITH CHECK (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) AND user_id = (SELECT app.uid())
		AND app.round_accepts_submissions(round_id) AND app.speaks_for_organisation(organisation_id));
--> statement-breakpoint
CREATE POLICY "Internal members read submission entries" ON public.priority_submission_entries
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Whoever speaks for the organisation writes its entries while the round is open" ON public.priority_submission_entries
	FOR ALL TO authenticated
	USING (app.writes_submission(submission_id))
	WITH CHECK (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) AND app.writes_submission(submission_id));
--> statement-breakpoint
CREATE POLICY "Internal members read the submissions' history" ON public.priority_submission_history
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "A submission enters the history" ON public.priority_submission_history
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) AND user_id = (SELECT app.uid())
		AND app.round_accepts_submissions(round_id) AND app.speaks_for_organisation(organisation_id));
--> statement-breakpoint
-- ------------------------------------------------------------------ a closed round stays closed
-- For every role, the server's own included: a closed round's words, items and submissions are what
-- the combined ranking was made from.
CREATE OR REPLACE FUNCTION public.priority_rounds_stay_closed() RETURNS trigger
	LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
	IF OLD.status = 'closed' THEN
		RAISE EXCEPTION 'priority round % is closed: it cannot change', OLD.id USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER priority_rounds_stay_closed BEFORE UPDATE ON public.priority_rounds
	FOR EACH ROW EXECUTE FUNCTION public.priority_rounds_stay_closed();
