-- ============================================================================================
-- External reviewers (remissinstanser) and reviewer rounds: row-level security mirroring policy.ts
-- ('document.publish', 'document.read_published', 'document.feedback' with their audience).
-- A reviewer is a member of the consortium who is not internal: like an outsider they read nothing of
-- it but the document versions published to a round they are named in, the round itself, and their own
-- comments on it. The supplier's reads are narrowed to the supplier's publications: a reviewer round
-- and its comments never reach it.
-- The role is compared as text: the enum value 'reviewer' is added by the previous migration, in the
-- same transaction, where it may not be used as a value yet.
-- ============================================================================================

-- ------------------------------------------------------------------ reviewers are not internal
CREATE OR REPLACE FUNCTION app.is_internal(p_consortium uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT EXISTS (SELECT 1 FROM public.memberships WHERE consortium_id = p_consortium AND user_id = app.uid() AND role::text NOT IN ('supplier', 'reviewer'))
	$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.internal_consortia() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT coalesce(array_agg(consortium_id), '{}') FROM public.memberships WHERE user_id = app.uid() AND role::text NOT IN ('supplier', 'reviewer') $$;
--> statement-breakpoint
-- People the current user may see: internal members everyone in the consortium; the supplier its own
-- people and the admins; a reviewer only the admins (who run the round), never the other reviewers.
CREATE OR REPLACE FUNCTION app.visible_users() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT coalesce(array_agg(DISTINCT other.user_id), '{}') || app.uid()
		FROM public.memberships mine
		JOIN public.memberships other ON other.consortium_id = mine.consortium_id
		WHERE mine.user_id = app.uid() AND (
			mine.role::text NOT IN ('supplier', 'reviewer')
			OR (mine.role::text = 'supplier' AND other.role::text IN ('supplier', 'admin'))
			OR (mine.role::text = 'reviewer' AND other.role::text = 'admin'))
	$$;
--> statement-breakpoint
-- ------------------------------------------------------------------ helpers
-- The reviewer rounds the current user is named in (and still a reviewer of the consortium).
CREATE OR REPLACE FUNCTION app.my_rounds() RETURNS uuid[]
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT coalesce(array_agg(r.publication_id), '{}')
		FROM public.document_publication_reviewers r
		JOIN public.memberships m ON m.consortium_id = r.consortium_id AND m.user_id = r.user_id AND m.role::text = 'reviewer'
		WHERE r.user_id = app.uid()
	$$;
--> statement-breakpoint
-- The supplier's branches: published to the supplier (not merely to some reviewer round).
CREATE OR REPLACE FUNCTION app.document_published(p_document uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.document_publications WHERE document_id = p_document AND audience = 'supplier') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.document_version_published(p_version uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.document_publications WHERE version_id = p_version AND audience = 'supplier') $$;
--> statement-breakpoint
-- The reviewer's branches: a round they are named in publishes the document, the version.
CREATE OR REPLACE FUNCTION app.document_in_my_round(p_document uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.document_publications WHERE document_id = p_document AND id = ANY (app.my_rounds())) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.version_in_my_round(p_version uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.document_publications WHERE version_id = p_version AND id = ANY (app.my_rounds())) $$;
--> statement-breakpoint
-- policy.ts 'document.feedback': the supplier's publication takes comments.
CREATE OR REPLACE FUNCTION app.supplier_publication_open(p_publication uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.document_publications WHERE id = p_publication AND audience = 'supplier' AND allow_comments) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.is_supplier_publication(p_publication uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.document_publications WHERE id = p_publication AND audience = 'supplier') $$;
--> statement-breakpoint
-- policy.ts 'document.feedback' for a reviewer round: it takes comments, and its last day (Swedish
-- time) has not passed.
CREATE OR REPLACE FUNCTION app.round_open(p_publication uuid, p_consortium uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT EXISTS (
			SELECT 1 FROM public.document_publications
			WHERE id = p_publication AND consortium_id = p_consortium AND audience = 'reviewers' AND allow_comments
				AND reply_by >= (now() AT TIME ZONE 'Europe/Stockholm')::date)
	$$;
--> statement-breakpoint
-- Whether a person is a reviewer of the consortium (only they are named in its rounds).
CREATE OR REPLACE FUNCTION app.is_reviewer(p_consortium uuid, p_user uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.memberships WHERE consortium_id = p_consortium AND user_id = p_user AND role::text = 'reviewer') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.is_reviewer_round(p_publication uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.document_publications WHERE id = p_publication AND audience = 'reviewers') $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.my_rounds(), app.document_in_my_round(uuid), app.version_in_my_round(uuid), app.supplier_publication_open(uuid),
	app.is_supplier_publication(uuid), app.round_open(uuid, uuid), app.is_reviewer(uuid, uuid), app.is_reviewer_round(uuid) TO authenticated;
--> statement-breakpoint
-- The supplier reads the attachments of a document published to it, not of one only in a reviewer round.
CREATE OR REPLACE FUNCTION app.attachment_target_published(p_kind public.attachment_target, p_target uuid, p_consortium uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT CASE p_kind::text
			WHEN 'meeting' THEN EXISTS (SELECT 1 FROM public.meetings WHERE id = p_target AND consortium_id = p_consortium)
			WHEN 'decision_item' THEN EXISTS (
				SELECT 1 FROM public.decisions d WHERE d.item_id = p_target AND d.consortium_id = p_consortium AND d.communicated AND NOT d.secret)
			WHEN 'document' THEN EXISTS (
				SELECT 1 FROM public.document_publications WHERE document_id = p_target AND consortium_id = p_consortium AND audience = 'supplier')
			ELSE false
		END
	$$;
--> statement-breakpoint
-- ------------------------------------------------------------------ documents and versions
DROP POLICY "Internal members read documents; the supplier those published to it" ON public.documents;
--> statement-breakpoint
CREATE POLICY "Internal members read documents; the supplier those published to it; a reviewer those of its rounds" ON public.documents
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[])
		OR (consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND app.document_published(id))
		OR app.document_in_my_round(id));
--> statement-breakpoint
DROP POLICY "Internal members read versions; the supplier the published ones" ON public.document_versions;
--> statement-breakpoint
CREATE POLICY "Internal members read versions; the supplier the published ones; a reviewer those of its rounds" ON public.document_versions
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[])
		OR (consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND app.document_version_published(id))
		OR app.version_in_my_round(id));
--> statement-breakpoint
-- ------------------------------------------------------------------ publications and rounds
DROP POLICY "Internal members and the supplier read publications" ON public.document_publications;
--> statement-breakpoint
CREATE POLICY "Internal members read publications; the supplier its own; a reviewer its rounds" ON public.document_publications
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[])
		OR (consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND audience = 'supplier')
		OR id = ANY ((SELECT app.my_rounds())::uuid[]));
--> statement-breakpoint
ALTER TABLE public.document_publication_reviewers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON public.document_publication_reviewers FROM authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT ON public.document_publication_reviewers TO authenticated;
--> statement-breakpoint
CREATE POLICY "Internal members read who is in a round; a reviewer only themselves" ON public.document_publication_reviewers
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) OR user_id = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Publishers name the consortium's reviewers in a reviewer round" ON public.document_publication_reviewers
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.publishing_consortia())::uuid[])
		AND app.is_reviewer(consortium_id, user_id)
		AND app.is_reviewer_round(publication_id));
--> statement-breakpoint
-- ------------------------------------------------------------------ comments
DROP POLICY "Internal members and the supplier read the supplier's comments" ON public.document_feedback;
--> statement-breakpoint
CREATE POLICY "Internal members read comments; the supplier those on its publications; a reviewer its own" ON public.document_feedback
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[])
		OR (consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND app.is_supplier_publication(publication_id))
		OR (author_id = (SELECT app.uid()) AND publication_id = ANY ((SELECT app.my_rounds())::uuid[])));
--> statement-breakpoint
DROP POLICY "The supplier comments on a publication open for comments, as itself" ON public.document_feedback;
--> statement-breakpoint
CREATE POLICY "The supplier comments on its publication open for comments, as itself" ON public.document_feedback
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[])
		AND author_id = (SELECT app.uid())
		AND app.supplier_publication_open(publication_id));
--> statement-breakpoint
CREATE POLICY "A reviewer comments on its round until the last day, as itself" ON public.document_feedback
	FOR INSERT TO authenticated WITH CHECK (
		author_id = (SELECT app.uid())
		AND publication_id = ANY ((SELECT app.my_rounds())::uuid[])
		AND app.round_open(publication_id, consortium_id));
