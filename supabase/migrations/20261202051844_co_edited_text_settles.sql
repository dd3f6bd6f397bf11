-- A co-edited text settles with the step that locks it: a requirement revision's approval or
-- withdrawal, a decision item's opening for positions, the justering of a meeting's minutes. That
-- step takes its lock, stores the text from the document's log, changes the status and commits; an
-- edit appended to the log after that read would be in the document but not in the settled text.
-- So the log refuses a person's update to such a document unless its text is still being written,
-- and it first waits for the lock the settling step holds, so that it sees that step's outcome:
--   requirement/<id>/body       the revision's row (FOR SHARE against the commands' FOR UPDATE);
--                               written while the newest revision is a draft or in review
--   decision_item/<id>/background  the item's advisory lock (key: its id); written while a draft
--   meeting/<id>/p<n>           the meeting's advisory lock (key: meeting:<id>); written until justerat
-- The locks are the ones src/lib/server/requirements/workflow.ts, decisions/state.ts (lockItem) and
-- meetings/state.ts (lockMeeting) take. Whatever the settling step read is then everything the log
-- will ever hold of that text. Refused with check_violation on constraint
-- `collab_updates_settled_text`, the document's name in DETAIL (src/lib/server/collab/store.ts).
-- Only people's edits of these kinds pay for the check (the trigger's WHEN is tested without calling
-- the function); the server's own first update of a document (user_id null) is the row's stored
-- text itself, so a settled text's document can still be opened and read.
CREATE OR REPLACE FUNCTION public.collab_updates_keep_settled_text() RETURNS trigger
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
	parts text[] := regexp_match(NEW.document, '^(requirement|decision_item|meeting)/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/([a-z][a-z0-9_]*)$');
	target uuid;
	being_written boolean;
BEGIN
	IF parts IS NULL THEN
		RETURN NEW;
	END IF;
	target := parts[2]::uuid;
	IF parts[1] = 'requirement' THEN
		SELECT r.is_latest AND r.status IN ('draft', 'in_review') INTO being_written
			FROM public.requirements r WHERE r.id = target FOR SHARE;
	ELSIF parts[1] = 'decision_item' THEN
		PERFORM pg_advisory_xact_lock_shared(hashtextextended(target::text, 0));
		SELECT d.status = 'draft' INTO being_written FROM public.decision_items d WHERE d.id = target;
	ELSE
		PERFORM pg_advisory_xact_lock_shared(hashtextextended('meeting:' || target::text, 0));
		SELECT m.adjusted_at IS NULL INTO being_written FROM public.meetings m WHERE m.id = target;
	END IF;
	IF being_written IS NOT TRUE THEN
		RAISE EXCEPTION 'the text of % is settled: it takes no more edits', NEW.document
			USING ERRCODE = 'check_violation', CONSTRAINT = 'collab_updates_settled_text', DETAIL = NEW.document;
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.collab_updates_keep_settled_text() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER collab_updates_keep_settled_text BEFORE INSERT ON public.collab_updates
	FOR EACH ROW WHEN (NEW.user_id IS NOT NULL AND (NEW.document LIKE 'requirement/%' OR NEW.document LIKE 'decision_item/%' OR NEW.document LIKE 'meeting/%'))
	EXECUTE FUNCTION public.collab_updates_keep_settled_text();
