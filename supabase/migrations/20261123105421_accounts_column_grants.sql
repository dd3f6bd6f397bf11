-- A person may update their own row in users (policy "People edit their own profile"), but only the
-- columns a profile page changes: never is_operator, email or id. Column privileges do what the
-- row policy cannot.
REVOKE UPDATE ON public.users FROM authenticated;
--> statement-breakpoint
GRANT UPDATE (name, locale, mail_notifications, password_hash, updated_at) ON public.users TO authenticated;
