-- ============================================================================================
-- Procurement documents: row-level security mirroring policy.ts ('document.*', 'supplier.publish').
-- Internal members read every document of their consortium, its versions, verdicts and publications;
-- writers start and co-write documents, name versions and send one for approval; whoever speaks for a
-- voting organisation records its verdict; whoever may speak to the supplier publishes an approved
-- version. The supplier reads a document only through what was published to it: the document's row
-- and the published versions, never another version, a verdict or the draft's text (which lives in
-- collab_updates, whose own policies give the supplier only what a document kind publishes to it).
-- ============================================================================================

ALTER TABLE public.documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.document_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.document_approvals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.document_publications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.document_feedback ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.documents TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.document_versions TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.document_approvals TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT ON public.document_publications TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON public.document_feedback TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ helpers
-- Whether a document, or one version of it, was published to the supplier. Only the supplier's branch
-- of each read policy calls them, so internal members' reads never run them per row.
CREATE OR REPLACE FUNCTION app.document_published(p_document uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.document_publications WHERE document_id = p_document) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.document_version_published(p_version uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.document_publications WHERE version_id = p_version) $$;
--> statement-breakpoint
-- policy.ts 'document.feedback': the publication is open for comments.
CREATE OR REPLACE FUNCTION app.publication_open_for_comments(p_publication uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT EXISTS (SELECT 1 FROM public.document_publications WHERE id = p_publication AND allow_comments) $$;
--> statement-breakpoint
-- policy.ts 'document.verdict' and 'document.publish' read the version's status.
CREATE OR REPLACE FUNCTION app.document_version_status(p_version uuid) RETURNS text
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$ SELECT status::text FROM public.document_versions WHERE id = p_version $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.document_published(uuid), app.document_version_published(uuid), app.publication_open_for_comments(uuid),
	app.document_version_status(uuid) TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ documents
CREATE POLICY "Internal members read documents; the supplier those published to it" ON public.documents
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[])
		OR (consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND app.document_published(id)));
--> statement-breakpoint
CREATE POLICY "Writers start documents, as themselves" ON public.documents
	FOR INSERT TO authenticated WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND created_by = (SELECT app.uid()));
--> statement-breakpoint
CREATE POLICY "Writers keep a document's title and baseline" ON public.documents
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]))
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Admins remove a document that was never approved" ON public.documents
	FOR DELETE TO authenticated USING (
		consortium_id = ANY ((SELECT app.admin_consortia())::uuid[])
		AND NOT EXISTS (SELECT 1 FROM public.document_versions v WHERE v.document_id = documents.id AND v.status = 'approved'));
--> statement-breakpoint
-- ------------------------------------------------------------------ versions
CREATE POLICY "Internal members read versions; the supplier the published ones" ON public.document_versions
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[])
		OR (consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND app.document_version_published(id)));
--> statement-breakpoint
CREATE POLICY "Writers name versions, as themselves" ON public.document_versions
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND created_by = (SELECT app.uid()) AND status IN ('saved', 'in_approval'));
--> statement-breakpoint
-- A version's content never changes; only its status moves, and never back from approved.
CREATE POLICY "Writers move a version's status until it is decided" ON public.document_versions
	FOR UPDATE TO authenticated
	USING (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]) AND status IN ('saved', 'in_approval'))
	WITH CHECK (consortium_id = ANY ((SELECT app.writer_consortia())::uuid[]));
--> statement-breakpoint
REVOKE UPDATE ON public.document_versions FROM authenticated;
--> statement-breakpoint
GRANT UPDATE (status, submitted_by, submitted_at, decided_at) ON public.document_versions TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ verdicts
CREATE POLICY "Internal members read verdicts on versions" ON public.document_approvals
	FOR SELECT TO authenticated USING (consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Whoever speaks for a voting organisation records its verdict on a version in approval" ON public.document_approvals
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND user_id = (SELECT app.uid())
		AND organisation_id = ANY ((SELECT app.speaking_organisations())::uuid[])
		AND app.document_version_status(version_id) = 'in_approval');
--> statement-breakpoint
CREATE POLICY "Whoever speaks for a voting organisation changes its verdict on a version in approval" ON public.document_approvals
	FOR UPDATE TO authenticated
	USING (organisation_id = ANY ((SELECT app.speaking_organisations())::uuid[]))
	WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND user_id = (SELECT app.uid())
		AND organisation_id = ANY ((SELECT app.speaking_organisations())::uuid[])
		AND app.document_version_status(version_id) = 'in_approval');
--> statement-breakpoint
-- ------------------------------------------------------------------ publications
CREATE POLICY "Internal members and the supplier read publications" ON public.document_publications
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) OR consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "Publishers publish an approved version" ON public.document_publications
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.publishing_consortia())::uuid[])
		AND published_by = (SELECT app.uid())
		AND app.document_version_status(version_id) = 'approved');
--> statement-breakpoint
-- ------------------------------------------------------------------ the supplier's comments
CREATE POLICY "Internal members and the supplier read the supplier's comments" ON public.document_feedback
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[]) OR consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]));
--> statement-breakpoint
CREATE POLICY "The supplier comments on a publication open for comments, as itself" ON public.document_feedback
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[])
		AND author_id = (SELECT app.uid())
		AND app.publication_open_for_comments(publication_id));
--> statement-breakpoint
CREATE POLICY "Authors and admins remove the supplier's comments" ON public.document_feedback
	FOR DELETE TO authenticated USING (
		author_id = (SELECT app.uid()) OR consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]));
--> statement-breakpoint
-- ------------------------------------------------------------------ attachments of documents
-- A document takes attachments from writers; the supplier reads those of a document published to it.
-- Compared as text: the enum value 'document' is added by the previous migration, in the same transaction.
CREATE OR REPLACE FUNCTION app.attachment_target_published(p_kind public.attachment_target, p_target uuid, p_consortium uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT CASE p_kind::text
			WHEN 'meeting' THEN EXISTS (SELECT 1 FROM public.meetings WHERE id = p_target AND consortium_id = p_consortium)
			WHEN 'decision_item' THEN EXISTS (
				SELECT 1 FROM public.decisions d WHERE d.item_id = p_target AND d.consortium_id = p_consortium AND d.communicated AND NOT d.secret)
			WHEN 'document' THEN EXISTS (SELECT 1 FROM public.document_publications WHERE document_id = p_target AND consortium_id = p_consortium)
			ELSE false
		END
	$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.attachment_target_open(p_kind public.attachment_target, p_target uuid, p_consortium uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT CASE p_kind::text
			WHEN 'decision_item' THEN EXISTS (
				SELECT 1 FROM public.decision_items WHERE id = p_target AND consortium_id = p_consortium AND status IN ('draft', 'open', 'closed'))
			WHEN 'meeting' THEN EXISTS (SELECT 1 FROM public.meetings WHERE id = p_target AND consortium_id = p_consortium AND adjusted_at IS NULL)
			WHEN 'requirement' THEN EXISTS (
				SELECT 1 FROM public.requirements WHERE id = p_target AND consortium_id = p_consortium AND is_latest AND status NOT IN ('replaced', 'withdrawn'))
			WHEN 'initiative' THEN EXISTS (SELECT 1 FROM public.initiatives WHERE id = p_target AND consortium_id = p_consortium) AND app.initiative_editable(p_target)
			WHEN 'document' THEN EXISTS (SELECT 1 FROM public.documents WHERE id = p_target AND consortium_id = p_consortium)
			ELSE false
		END
	$$;
--> statement-breakpoint
CREATE TRIGGER documents_remove_attachments AFTER DELETE ON public.documents
	FOR EACH ROW EXECUTE FUNCTION public.attachments_follow_target('document');
