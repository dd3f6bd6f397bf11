import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, gt, lt } from 'drizzle-orm';
import { asSystem, onServer } from '../db/request';
import { sessions, users } from '../db/schema';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** A session used within this long of expiry is extended to a full lifetime again. */
const RENEW_WITHIN_MS = 15 * DAY;
export const SESSION_COOKIE = 'samsyn_session';
/**
 * The audited actions that end sessions (sign out, sign out everywhere, end one session, change or
 * reset the password). Their live event (audience `user`, to every process) makes each process
 * close the sockets of that person's sessions that have ended, at once.
 */
export const SESSION_ENDING_ACTIONS: ReadonlySet<string> = new Set([
	'auth.signed_out',
	'auth.signed_out_everywhere',
	'auth.session_ended',
	'auth.password_reset',
	'account.password_changed'
]);
/** "Last seen" on the sessions page is kept to within this much, at most one write per interval. */
const LAST_SEEN_GRANULARITY_MS = 5 * 60 * 1000;

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	locale: string;
	isOperator: boolean;
}

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

/** A random 160-bit token for the cookie; only its hash is ever stored. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The session id stored for a token: hex SHA-256. */
export function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Stores a new session for the user under the token's hash. */
export async function createSession(token: string, userId: string, client: { userAgent?: string | null; ipAddress?: string | null } = {}): Promise<Session> {
	const session: Session = {
		id: sessionIdOf(token),
		userId,
		expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS)
	};
	await asSystem((tx) =>
		tx.insert(sessions).values({
			...session,
			userAgent: client.userAgent?.slice(0, 300) ?? null,
			ipAddress: client.ipAddress ?? null
		})
	);
	return session;
}

/**
 * Looks up the session for a cookie token: deletes it when expired, extends it when it is within
 * 15 days of expiry. Returns nulls for an unknown or expired token.
 */
export async function validateSessionToken(token: string): Promise<{ session: Session; user: SessionUser } | { session: null; user: null }> {
	const id = sessionIdOf(token);
	// One statement in the common case (no renewal due), on every request: no transaction around it.
	return onServer(async (tx) => {
		const [row] = await tx
			.select({
				session: { id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt },
				lastSeenAt: sessions.lastSeenAt,
				user: {
					id: users.id,
					email: users.email,
					name: users.name,
					locale: users.locale,
					isOperator: users.isOperator
				}
			})
			.from(sessions)
			.innerJoin(users, eq(users.id, sessions.userId))
			.where(eq(sessions.id, id));
		if (!row) return { session: null, user: null };
		const now = Date.now();
		if (now >= row.session.expiresAt.getTime()) {
			await tx.delete(sessions).where(eq(sessions.id, id));
			return { session: null, user: null };
		}
		if (now >= row.session.expiresAt.getTime() - RENEW_WITHIN_MS) {
			row.session.expiresAt = new Date(now + SESSION_LIFETIME_MS);
			await tx
				.update(sessions)
				.set({ expiresAt: row.session.expiresAt, lastSeenAt: new Date(now) })
				.where(eq(sessions.id, id));
		} else if (now - row.lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_MS) {
			await tx
				.update(sessions)
				.set({ lastSeenAt: new Date(now) })
				.where(eq(sessions.id, id));
		}
		return { session: row.session, user: row.user };
	});
}

/** Ends one session. */
export async function invalidateSession(sessionId: string): Promise<void> {
	await asSystem((tx) => tx.delete(sessions).where(eq(sessions.id, sessionId)));
}

/** Ends every session of a user (sign out everywhere, password reset). */
export async function invalidateUserSessions(userId: string): Promise<void> {
	await asSystem((tx) => tx.delete(sessions).where(eq(sessions.userId, userId)));
}

/** Removes sessions that have expired; run now and then. */
export async function deleteExpiredSessions(): Promise<void> {
	await asSystem((tx) => tx.delete(sessions).where(lt(sessions.expiresAt, new Date())));
}

/** Whether a session is still current (used by long-lived connections). */
export async function isSessionCurrent(sessionId: string): Promise<boolean> {
	const rows = await asSystem((tx) =>
		tx
			.select({ id: sessions.id })
			.from(sessions)
			.where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, new Date())))
	);
	return rows.length > 0;
}
