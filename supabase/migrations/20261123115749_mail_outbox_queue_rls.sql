-- A request may queue mail in the transaction of the write that causes it (an invitation, a mention),
-- so mail goes out only for writes that committed. It can add unsent mail; it cannot read, change or
-- delete the outbox, which stays the server's own.
CREATE POLICY "Signed-in requests may queue unsent mail" ON public.mail_outbox
	FOR INSERT TO authenticated WITH CHECK (sent_at IS NULL AND attempts = 0 AND last_error IS NULL);
