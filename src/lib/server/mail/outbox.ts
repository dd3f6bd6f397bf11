import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { asServerIn, asSystem } from '../db/request';
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
 * The insert runs on the server's own role (the outbox has no grant or policy for request roles:
 * nobody queues mail through the database on their own). Delivery happens after commit.
 */
export async function enqueueMail(tx: Transaction, mail: Mail): Promise<void> {
	await asServerIn(tx, (own) => own.insert(mailOutbox).values({ toEmail: mail.to, subject: mail.subject, bodyText: mail.text, locale: mail.locale }));
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

/** What sends a mail: nodemailer's SMTP transport, or (tests) a function that records what it sends. */
export type MailTransport = { sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown> };
let transport: Promise<MailTransport | null> | undefined;
let chosen: MailTransport | null = null;

/** Sends every later delivery through `replacement` (tests); null goes back to SMTP_URL or the log. */
export function setMailTransport(replacement: MailTransport | null): void {
	chosen = replacement;
}

async function getTransport(): Promise<MailTransport | null> {
	if (chosen) return chosen;
	const url = config().SMTP_URL;
	if (!url) return null;
	transport ??= import('nodemailer').then((nodemailer) => nodemailer.createTransport(url) as MailTransport);
	return transport;
}

/** Mails claimed per round. */
const BATCH = 20;
/**
 * How long a claim holds. A process that dies mid-send leaves its claims behind; after this long
 * another process takes those mails again. Far longer than a round of sends takes, even on slow SMTP.
 */
const CLAIM_LEASE_SECONDS = 15 * 60;

let running: Promise<number> | null = null;
let queued: Promise<number> | null = null;

/**
 * Sends queued mail through SMTP when SMTP_URL is set; otherwise writes each mail to the log (and it
 * stays readable on the development-only /dev/mail page). Failed sends are retried up to 5 times.
 * One round at a time in this process: a call during a round runs one more round after it (mail
 * queued meanwhile goes out then), and calls during that wait share it.
 */
export function deliverPendingMail(): Promise<number> {
	if (!running) {
		running = deliverMailBatch().finally(() => (running = null));
		return running;
	}
	queued ??= running
		.catch(() => 0)
		.then(() => {
			queued = null;
			return deliverPendingMail();
		});
	return queued;
}

/**
 * One round of delivery, as one process runs it: claims up to 20 unsent mails and sends them. The
 * claim is a short transaction of its own whose `for update skip locked` passes over rows another
 * process is claiming at that moment and whose `claimed_at` keeps them from later rounds, here or
 * in another process, until they are sent, fail (and are released for a retry) or the lease ends.
 */
export async function deliverMailBatch(): Promise<number> {
	const claimed = await claimMail();
	const smtp = await getTransport();
	let sent = 0;
	for (const mail of claimed) {
		try {
			if (smtp) {
				await smtp.sendMail({ from: config().MAIL_FROM, to: mail.toEmail, subject: mail.subject, text: mail.bodyText });
			} else {
				log.info({ to: mail.toEmail, subject: mail.subject, body: mail.bodyText }, 'mail (no SMTP_URL: logged, not sent)');
			}
			await asSystem((tx) =>
				tx
					.update(mailOutbox)
					.set({ sentAt: new Date(), attempts: mail.attempts + 1, claimedAt: null })
					.where(eq(mailOutbox.id, mail.id))
			);
			sent++;
		} catch (error) {
			await asSystem((tx) =>
				tx
					.update(mailOutbox)
					.set({ attempts: mail.attempts + 1, lastError: String(error).slice(0, 500), claimedAt: null })
					.where(eq(mailOutbox.id, mail.id))
			);
		}
	}
	return sent;
}

/** Marks up to `BATCH` unsent, unclaimed (or long-claimed) mails as claimed now and returns them. */
function claimMail() {
	return asSystem((tx) => {
		const free = or(isNull(mailOutbox.claimedAt), lt(mailOutbox.claimedAt, sql`now() - make_interval(secs => ${CLAIM_LEASE_SECONDS})`));
		const ready = tx
			.select({ id: mailOutbox.id })
			.from(mailOutbox)
			.where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, 5), free))
			.orderBy(asc(mailOutbox.createdAt))
			.limit(BATCH)
			.for('update', { skipLocked: true });
		return tx
			.update(mailOutbox)
			.set({ claimedAt: sql`now()` })
			.where(inArray(mailOutbox.id, ready))
			.returning();
	});
}

/** The latest mail, newest first: for the development-only mail page and tests. */
export async function listRecentMail(limit = 50) {
	return asSystem((tx) => tx.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit));
}
