import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { recordChange } from '../audit/record-change';
import { asSystem } from '../db/request';
import { passwordResets, sessions, users } from '../db/schema';
import { CommandError } from '../errors';
import { log } from '../log';
import { enqueueMail } from '../mail/outbox';
import { hashPassword } from './password';
import { assertNotLimited, charge, clearLimits, limitKey, RESET_PER_ACCOUNT, RESET_PER_ADDRESS } from './rate-limit';
import { generateSessionToken, sessionIdOf } from './session';
import { signInKeys } from './sign-in';

/** How long a reset link works. */
export const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000;

/** A one-time token for a link and the hash that is stored for it (the token itself never is). */
export function newOneTimeToken(): { token: string; hash: string } {
	const token = generateSessionToken();
	return { token, hash: sessionIdOf(token) };
}

export interface ResetRequest {
	email: string;
	ipAddress: string | null;
	/** Where links point, e.g. `https://samsyn.example.se`. */
	origin: string;
}

/** Account work of reset requests that were answered already, until it has run. */
const pending = new Set<Promise<void>>();

/**
 * Asks for a reset link. The answer is the same, and takes the same time, whether or not the account
 * exists: the request only counts against the address's and the email's limits (`RateLimited` once
 * either is used up) and answers; looking the account up, storing a token, queueing the mail (in the
 * person's language, through the outbox) and the audit line happen after that, in the background, so
 * timing reveals nothing about which emails have accounts. Their errors are logged.
 */
export async function requestPasswordReset(request: ResetRequest): Promise<void> {
	const email = request.email.trim().toLowerCase();
	const keys = [limitKey(RESET_PER_ACCOUNT, email), ...(request.ipAddress ? [limitKey(RESET_PER_ADDRESS, request.ipAddress)] : [])];
	await assertNotLimited(keys);
	await charge(RESET_PER_ACCOUNT, keys[0]!);
	if (keys[1]) await charge(RESET_PER_ADDRESS, keys[1]);
	// Started on a later turn of the event loop: nothing of it can run before the caller has its answer.
	const work = new Promise<void>((resolve) => setImmediate(resolve))
		.then(() => sendResetLink(email, request))
		.catch((error) => log.error({ err: error }, 'password reset request failed'));
	pending.add(work);
	void work.finally(() => pending.delete(work));
}

/** How many answered reset requests still have their account work to do (tests). */
export function pendingResetRequests(): number {
	return pending.size;
}

/** Resolves once the account work of every reset request answered so far has run (tests, shutdown). */
export async function resetRequestsSettled(): Promise<void> {
	while (pending.size > 0) await Promise.all(pending);
}

/** Stores a token and queues the link for the account with that email, if there is one. */
async function sendResetLink(email: string, request: ResetRequest): Promise<void> {
	await asSystem(async (tx) => {
		const [user] = await tx
			.select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
			.from(users)
			.where(sql`lower(${users.email}) = ${email}`);
		if (!user) return;
		const { token, hash } = newOneTimeToken();
		const expiresAt = new Date(Date.now() + RESET_LINK_LIFETIME_MS);
		const [reset] = await tx.insert(passwordResets).values({ userId: user.id, tokenHash: hash, expiresAt }).returning({ id: passwordResets.id });
		const locale = user.locale === 'en' ? 'en' : 'sv';
		const link = `${request.origin}/reset-password/${token}`;
		await enqueueMail(tx, {
			to: user.email,
			locale,
			subject: m.reset_mail_subject({}, { locale }),
			text: m.reset_mail_body({ name: user.name, link, minutes: RESET_LINK_LIFETIME_MS / 60_000 }, { locale })
		});
		await recordChange(tx, {
			actorId: user.id,
			consortiumId: null,
			action: 'auth.password_reset_requested',
			entityType: 'password_reset',
			entityId: reset!.id,
			after: { expiresAt },
			ipAddress: request.ipAddress
		});
	});
}

/** The account a reset token belongs to, while the link is unused and unexpired; otherwise null. */
export async function findValidReset(token: string): Promise<{ email: string } | null> {
	const [row] = await asSystem((tx) =>
		tx
			.select({ email: users.email })
			.from(passwordResets)
			.innerJoin(users, eq(users.id, passwordResets.userId))
			.where(and(eq(passwordResets.tokenHash, sessionIdOf(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
	);
	return row ?? null;
}

/**
 * Sets a new password through a reset link: the link works once and only before it expires; every
 * other open reset link of the person is spent too, all their sessions end, and the account's
 * failed sign-ins are forgotten. Throws `CommandError('reset_link_invalid')` for a bad link.
 */
export async function resetPassword(token: string, password: string, ipAddress: string | null = null): Promise<{ email: string }> {
	const passwordHash = await hashPassword(password);
	const email = await asSystem(async (tx) => {
		const [reset] = await tx
			.select({ id: passwordResets.id, userId: passwordResets.userId, email: users.email })
			.from(passwordResets)
			.innerJoin(users, eq(users.id, passwordResets.userId))
			.where(and(eq(passwordResets.tokenHash, sessionIdOf(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
			.for('update', { of: passwordResets });
		if (!reset) throw new CommandError('reset_link_invalid');
		// Spend it (and any other open link of theirs); the `used_at is null` guard makes a
		// concurrent second use of the same link update nothing.
		const spent = await tx
			.update(passwordResets)
			.set({ usedAt: new Date() })
			.where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)))
			.returning({ id: passwordResets.id });
		if (!spent.some((r) => r.id === reset.id)) throw new CommandError('reset_link_invalid');
		await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, reset.userId));
		const ended = await tx.delete(sessions).where(eq(sessions.userId, reset.userId)).returning({ id: sessions.id });
		await recordChange(tx, {
			actorId: reset.userId,
			consortiumId: null,
			action: 'auth.password_reset',
			entityType: 'password_reset',
			entityId: reset.id,
			after: { sessionsEnded: ended.length },
			ipAddress,
			// heard by every process, which closes the ended sessions' sockets (SESSION_ENDING_ACTIONS)
			audience: 'user',
			userId: reset.userId
		});
		return reset.email;
	});
	await clearLimits([signInKeys(email, null).account]);
	return { email };
}
