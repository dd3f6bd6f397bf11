import { and, asc, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { asSystem } from '../db/request';
import { mailOutbox } from '../db/schema';
import { log } from '../log';
import { config } from '../config';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	locale: 'sv' | 'en';
}

/**
 * Queues a mail in the caller's transaction, so a mail is sent only for a write that committed.
 * Delivery happens after commit (`deliverPendingMail`).
 */
export async function enqueueMail(tx: Transaction, mail: Mail): Promise<void> {
	await tx.insert(mailOutbox).values({ toEmail: mail.to, subject: mail.subject, bodyText: mail.text, locale: mail.locale });
	scheduleDelivery();
}

let timer: ReturnType<typeof setTimeout> | undefined;
let sweep: ReturnType<typeof setInterval> | undefined;

/**
 * Delivers queued mail every 15 s as well: a mail queued in a transaction that commits after the
 * first delivery attempt (or on another process) is picked up by the next sweep.
 */
export function startMailDelivery(): void {
	if (sweep) return;
	sweep = setInterval(() => scheduleDelivery(), 15_000);
	sweep.unref?.();
}

function scheduleDelivery() {
	if (timer) return;
	timer = setTimeout(() => {
		timer = undefined;
		void deliverPendingMail().catch((error) => log.error({ err: error }, 'mail delivery failed'));
	}, 50);
}

type Transport = { sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown> };
let transport: Promise<Transport | null> | undefined;

async function getTransport(): Promise<Transport | null> {
	const url = config().SMTP_URL;
	if (!url) return null;
	transport ??= import('nodemailer').then((nodemailer) => nodemailer.createTransport(url) as Transport);
	return transport;
}

/**
 * Sends queued mail through SMTP when SMTP_URL is set; otherwise writes each mail to the log (and it
 * stays readable on the development-only /dev/mail page). Failed sends are retried up to 5 times.
 */
export async function deliverPendingMail(): Promise<number> {
	const pending = await asSystem((tx) =>
		tx
			.select()
			.from(mailOutbox)
			.where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, 5)))
			.orderBy(asc(mailOutbox.createdAt))
			.limit(50)
	);
	const smtp = await getTransport();
	let sent = 0;
	for (const mail of pending) {
		try {
			if (smtp) {
				await smtp.sendMail({ from: config().MAIL_FROM, to: mail.toEmail, subject: mail.subject, text: mail.bodyText });
			} else {
				log.info({ to: mail.toEmail, subject: mail.subject, body: mail.bodyText }, 'mail (no SMTP_URL: logged, not sent)');
			}
			await asSystem((tx) =>
				tx
					.update(mailOutbox)
					.set({ sentAt: new Date(), attempts: mail.attempts + 1 })
					.where(eq(mailOutbox.id, mail.id))
			);
			sent++;
		} catch (error) {
			await asSystem((tx) =>
				tx
					.update(mailOutbox)
					.set({ attempts: mail.attempts + 1, lastError: String(error).slice(0, 500) })
					.where(eq(mailOutbox.id, mail.id))
			);
		}
	}
	return sent;
}

/** The latest mail, newest first: for the development-only mail page and tests. */
export async function listRecentMail(limit = 50) {
	return asSystem((tx) => tx.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit));
}
