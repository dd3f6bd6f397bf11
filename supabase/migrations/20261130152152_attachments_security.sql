-- ============================================================================================
-- Attachments (bilagor): row-level security mirroring policy.ts ('attachment.read', 'attachment.add',
-- 'attachment.delete'). Whoever reads the target reads its attachments: internal members all of
-- their consortium's; the supplier only those of what reaches it (a meeting; a decision item whose
-- recorded decision was communicated to it and is not secret), never a requirement's or an
-- initiative's. Writers who may change the target attach to it, as themselves; the uploader or an
-- admin removes one, while the target still takes changes. Nobody changes an attachment: a new
-- file is a new attachment.
-- The bytes (attachment_chunks, or the private Supabase bucket) are the server's own: read only
-- through an attachment row the reader may see, written only by the command that writes the row.
-- ============================================================================================

ALTER TABLE public.attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.attachment_chunks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON public.attachment_chunks FROM authenticated, anon;
--> statement-breakpoint
REVOKE UPDATE ON public.attachments FROM authenticated, anon;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON public.attachments TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ helpers
-- Whether what the supplier may see of a target: a meeting of its consortium, or a decision item whose
-- recorded decision was communicated and is not secret. Only the supplier's branch of the read
-- policy calls it, so internal members' reads never run it per row.
CREATE OR REPLACE FUNCTION app.attachment_target_published(p_kind public.attachment_target, p_target uuid, p_consortium uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT CASE p_kind
			WHEN 'meeting' THEN EXISTS (SELECT 1 FROM public.meetings WHERE id = p_target AND consortium_id = p_consortium)
			WHEN 'decision_item' THEN EXISTS (
				SELECT 1 FROM public.decisions d WHERE d.item_id = p_target AND d.consortium_id = p_consortium AND d.communicated AND NOT d.secret)
			ELSE false
		END
	$$;
--> statement-breakpoint
-- policy.ts 'attachment.add': the target is in the consortium and still takes changes from the current
-- user: a decision item not yet recorded or withdrawn; a meeting not justerat; a requirement's latest
-- revision, not replaced or withdrawn; an initiative the user's organisation owns or takes part in
-- (or any, for an admin). The writer role itself is checked by the policies.
CREATE OR REPLACE FUNCTION app.attachment_target_open(p_kind public.attachment_target, p_target uuid, p_consortium uuid) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
	AS $$
		SELECT CASE p_kind
			WHEN 'decision_item' THEN EXISTS (
				SELECT 1 FROM public.decision_items WHERE id = p_target AND consortium_id = p_consortium AND status IN ('draft', 'open', 'closed'))
			WHEN 'meeting' THEN EXISTS (SELECT 1 FROM public.meetings WHERE id = p_target AND consortium_id = p_consortium AND adjusted_at IS NULL)
			WHEN 'requirement' THEN EXISTS (
				SELECT 1 FROM public.requirements WHERE id = p_target AND consortium_id = p_consortium AND is_latest AND status NOT IN ('replaced', 'withdrawn'))
			WHEN 'initiative' THEN EXISTS (SELECT 1 FROM public.initiatives WHERE id = p_target AND consortium_id = p_consortium) AND app.initiative_editable(p_target)
			ELSE false
		END
	$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.attachment_target_published(public.attachment_target, uuid, uuid), app.attachment_target_open(public.attachment_target, uuid, uuid)
	TO authenticated;
--> statement-breakpoint
-- ------------------------------------------------------------------ attachments
CREATE POLICY "Internal members read attachments; the supplier those of what reaches it" ON public.attachments
	FOR SELECT TO authenticated USING (
		consortium_id = ANY ((SELECT app.internal_consortia())::uuid[])
		OR (consortium_id = ANY ((SELECT app.supplier_consortia())::uuid[]) AND app.attachment_target_published(target_kind, target_id, consortium_id)));
--> statement-breakpoint
CREATE POLICY "Writers who may change the target attach to it, as themselves" ON public.attachments
	FOR INSERT TO authenticated WITH CHECK (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND uploaded_by = (SELECT app.uid())
		AND app.attachment_target_open(target_kind, target_id, consortium_id));
--> statement-breakpoint
CREATE POLICY "The uploader or an admin removes an attachment while the target takes changes" ON public.attachments
	FOR DELETE TO authenticated USING (
		consortium_id = ANY ((SELECT app.writer_consortia())::uuid[])
		AND (uploaded_by = (SELECT app.uid()) OR consortium_id = ANY ((SELECT app.admin_consortia())::uuid[]))
		AND app.attachment_target_open(target_kind, target_id, consortium_id));
--> statement-breakpoint
-- ------------------------------------------------------------------ cleanup
-- A target's attachments go with it (the target is named by kind and id, so no foreign key can
-- cascade), and an attachment's bytes in PostgreSQL go with the attachment, whoever deletes it
-- (a consortium's deletion cascades to its attachments and reaches the chunks this way too).
CREATE OR REPLACE FUNCTION public.attachments_follow_target() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
	DELETE FROM public.attachments WHERE target_kind = TG_ARGV[0]::public.attachment_target AND target_id = OLD.id;
	RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER decision_items_remove_attachments AFTER DELETE ON public.decision_items
	FOR EACH ROW EXECUTE FUNCTION public.attachments_follow_target('decision_item');
--> statement-breakpoint
CREATE TRIGGER meetings_remove_attachments AFTER DELETE ON public.meetings
	FOR EACH ROW EXECUTE FUNCTION public.attachments_follow_target('meeting');
--> statement-breakpoint
CREATE TRIGGER requirements_remove_attachments AFTER DELETE ON public.requirements
	FOR EACH ROW EXECUTE FUNCTION public.attachments_follow_target('requirement');
--> statement-breakpoint
CREATE TRIGGER initiatives_remove_attachments AFTER DELETE ON public.initiatives
	FOR EACH ROW EXECUTE FUNCTION public.attachments_follow_target('initiative');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.attachment_chunks_follow_attachment() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
	IF OLD.backend = 'postgres' THEN
		DELETE FROM public.attachment_chunks WHERE storage_key = OLD.storage_key;
	END IF;
	RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER attachments_remove_chunks AFTER DELETE ON public.attachments
	FOR EACH ROW EXECUTE FUNCTION public.attachment_chunks_follow_attachment();
