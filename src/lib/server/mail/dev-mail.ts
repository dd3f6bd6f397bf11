import { config } from '../config';
import { listRecentMail } from './outbox';

/**
 * Whether the development-only mail page exists: only when no mail is really sent (no SMTP_URL),
 * and then in development, or in a production build that asks for it with SHOW_DEV_MAIL=true.
 */
export function devMailVisible(): boolean {
	const { SMTP_URL, NODE_ENV, SHOW_DEV_MAIL } = config();
	return !SMTP_URL && (NODE_ENV !== 'production' || SHOW_DEV_MAIL === 'true');
}

export type MailPart = { text: string } | { href: string };

/** A mail body cut into text and links, so the page can make links clickable without raw HTML. */
export function linkify(body: string): MailPart[] {
	const parts: MailPart[] = [];
	let last = 0;
	for (const match of body.matchAll(/https?:\/\/[^\s<>"]+/g)) {
		if (match.index > last) parts.push({ text: body.slice(last, match.index) });
		parts.push({ href: match[0] });
		last = match.index + match[0].length;
	}
	if (last < body.length) parts.push({ text: body.slice(last) });
	return parts;
}

/** The outbox, newest first, for the page. */
export async function listDevMail() {
	const mail = await listRecentMail(50);
	return mail.map((m) => ({ id: m.id, to: m.toEmail, subject: m.subject, createdAt: m.createdAt, locale: m.locale, body: linkify(m.bodyText) }));
}
