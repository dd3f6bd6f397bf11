-- ============================================================================================
-- Per-item rules of src/lib/server/policy.ts, mirrored in the database so that row-level security
-- is never looser than the policy: whose comment, who speaks for an organisation, who may hand its
-- voice to the deputy, and which requirement revisions keep their words.
-- ============================================================================================

-- ------------------------------------------------------------------ helpers
-- Organisations the current user speaks for today: as representative while their mandate is in
-- force; as deputy while a delegation to them is in force or no representative is in office.
CREATE OR REPLACE FUNCTION app.speaking_organisations() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT coalesce(array_agg(m.organisation_id), '{}')
		FROM public.memberships m
		WHERE m.user_id = app.uid() AND (
			(m.role = 'representative' AND EXISTS (
				SELECT 1 FROM public.mandates md
				WHERE md.organisation_id = m.organisation_id AND md.user_id = m.user_id AND md.kind = 'representative'
					AND md.valid_from <= current_date AND (md.valid_to IS NULL OR md.valid_to >= current_date)))
			OR (m.role = 'deputy' AND (
				EXISTS (
					SELECT 1 FROM public.delegations d
					WHERE d.consortium_id = m.consortium_id AND d.organisation_id = m.organisation_id AND d.to_user_id = m.user_id
						AND d.revoked_at IS NULL AND d.valid_from <= current_date AND (d.valid_to IS NULL OR d.valid_to >= current_date))
				OR NOT EXISTS (
					SELECT 1 FROM public.mandates md
					WHERE md.organisation_id = m.organisation_id AND md.kind = 'representative'
						AND md.valid_from <= current_date AND (md.valid_to IS NULL OR md.valid_to >= current_date)))))
	$$;
--> statement-breakpoint
-- Organisations the current user is the representative of (who manages the organisation's delegations).
CREATE OR REPLACE FUNCTION app.represented_organisations() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT coalesce(array_agg(organisation_id), '{}') FROM public.memberships WHERE user_id = app.uid() AND role = 'representative' $$;
--> statement-breakpoint
-- Whether a person is a deputy of the organisation (the only one a voice can be handed to).
CREATE OR REPLACE FUNCTION app.is_deputy_of(p_user uuid, p_organisation uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.memberships WHERE user_id = p_user AND organisation_id = p_organisation AND role = 'deputy') $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.speaking_organisations(), app.represented_organisations(), app.is_deputy_of(uuid, uuid) TO authenticated;
--> statement-breakpoint

-- ------------------------------------------------------------------ comments: the author or an admin removes one
DROP POLICY "Writers remove comments on content they may change" ON public.comments;
--> statement-breakpoint
CREATE POLICY "Authors and admins remove comments" ON public.comments
	FOR DELETE TO authenticated USING (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND (author_id = (SELECT app.uid()) OR consortium_id = ANY ((SELECT app.admin_consortia())::uuid[])));
--> statement-breakpoint

-- ------------------------------------------------------------------ delegations
-- An admin, or the organisation's representative in their own name, hands the voice to one of the
-- organisation's deputies; the representative (also a later one) or an admin revokes it.
DROP POLICY "Representatives and admins manage delegations" ON public.delegations;
--> statement-breakpoint
CREATE POLICY "Representatives and admins delegate to the organisation's deputy" ON public.delegations
	FOR INSERT TO authenticated WITH CHECK (
		app.is_deputy_of(to_user_id, organisation_id)
		AND (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[])
			OR (from_user_id = (SELECT app.uid()) AND organisation_id = ANY ((SELECT app.represented_organisations())::uuid[]))));
--> statement-breakpoint
CREATE POLICY "Representatives and admins revoke delegations" ON public.delegations
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR organisation_id = ANY ((SELECT app.represented_organisations())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]) OR organisation_id = ANY ((SELECT app.represented_organisations())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins remove delegations" ON public.delegations
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint

-- ------------------------------------------------------------------ approvals: only while speaking for the organisation
DROP POLICY "Representatives and deputies record their own organisation's verdict" ON public.requirement_approvals;
--> statement-breakpoint
DROP POLICY "Representatives and deputies change their own organisation's verdict" ON public.requirement_approvals;
--> statement-breakpoint
CREATE POLICY "Whoever speaks for an organisation records its verdict" ON public.requirement_approvals
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND user_id = (SELECT app.uid())
		AND organisation_id = ANY ((SELECT app.speaking_organisations())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Whoever speaks for an organisation changes its verdict" ON public.requirement_approvals
	FOR UPDATE TO authenticated
	USING (organisation_id = ANY ((SELECT app.speaking_organisations())::uuid[]))
	WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND user_id = (SELECT app.uid())
		AND organisation_id = ANY ((SELECT app.speaking_organisations())::uuid[]));
--> statement-breakpoint

-- ------------------------------------------------------------------ requirement revisions keep their words
-- An approved, replaced or withdrawn revision is a record: its text and the fields that make up the
-- requirement never change again (a change is a new revision). Enforced for every role, the
-- server's own connection included.
CREATE OR REPLACE FUNCTION public.requirements_keep_settled_words() RETURNS trigger
	LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
	IF OLD.status IN ('approved', 'replaced', 'withdrawn') AND (
		NEW.title IS DISTINCT FROM OLD.title OR NEW.body_text IS DISTINCT FROM OLD.body_text
		OR NEW.rationale IS DISTINCT FROM OLD.rationale OR NEW.acceptance_criteria IS DISTINCT FROM OLD.acceptance_criteria
		OR NEW.obligation IS DISTINCT FROM OLD.obligation OR NEW.weight IS DISTINCT FROM OLD.weight
		OR NEW.type IS DISTINCT FROM OLD.type OR NEW.subtype IS DISTINCT FROM OLD.subtype
		OR NEW.verification IS DISTINCT FROM OLD.verification OR NEW.scope IS DISTINCT FROM OLD.scope
		OR NEW.number IS DISTINCT FROM OLD.number OR NEW.revision IS DISTINCT FROM OLD.revision
	) THEN
		RAISE EXCEPTION 'requirement % revision % is %: its words cannot change', OLD.number, OLD.revision, OLD.status
			USING ERRCODE = 'check_violation';
	END IF;
	IF OLD.status IN ('replaced', 'withdrawn') AND NEW.status IS DISTINCT FROM OLD.status THEN
		RAISE EXCEPTION 'requirement % revision % is %: it cannot change status', OLD.number, OLD.revision, OLD.status
			USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER requirements_keep_settled_words BEFORE UPDATE ON public.requirements
	FOR EACH ROW EXECUTE FUNCTION public.requirements_keep_settled_words();
--> statement-breakpoint

-- ------------------------------------------------------------------ only a never-reviewed draft is deleted
DROP POLICY "Writers remove requirements" ON public.requirements;
--> statement-breakpoint
CREATE POLICY "Writers remove drafts that were never reviewed" ON public.requirements
	FOR DELETE TO authenticated USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND status = 'draft' AND revision = 1);
--> statement-breakpoint

-- ------------------------------------------------------------------ "we have this need too": for one's own organisation
CREATE OR REPLACE FUNCTION app.my_organisations() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT coalesce(array_agg(organisation_id), '{}') FROM public.memberships WHERE user_id = app.uid() $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.my_organisations() TO authenticated;
--> statement-breakpoint
DROP POLICY "Writers add shared needs" ON public.need_shares;
--> statement-breakpoint
DROP POLICY "Writers change shared needs" ON public.need_shares;
--> statement-breakpoint
DROP POLICY "Writers remove shared needs" ON public.need_shares;
--> statement-breakpoint
CREATE POLICY "Writers share a need for their own organisation" ON public.need_shares
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND organisation_id = ANY ((SELECT app.my_organisations())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers change their own organisation's share" ON public.need_shares
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND organisation_id = ANY ((SELECT app.my_organisations())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND organisation_id = ANY ((SELECT app.my_organisations())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Writers withdraw their own organisation's share" ON public.need_shares
	FOR DELETE TO authenticated USING (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND organisation_id = ANY ((SELECT app.my_organisations())::uuid[]));
