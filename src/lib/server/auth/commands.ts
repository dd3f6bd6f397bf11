import { and, eq, ne } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import { withUser } from '../db/request';
import { sessions, users } from '../db/schema';
import { CommandError, NotFound } from '../errors';
import { hashPassword, verifyPasswordHash } from './password';
import { assertNotLimited, charge, clearLimits, SIGN_IN_PER_ACCOUNT } from './rate-limit';
import type { ChangePasswordInput, ProfileInput } from './schemas';
import type { SessionUser } from './session';
import { signInKeys } from './sign-in';

/**
 * Commands on one's own account. Each runs as the user (row-level security lets a person read and
 * change only their own profile and sessions) and audits what it did in the same transaction.
 * There is no policy question beyond "signed in": nobody acts on another person's account here.
 */

type Me = Pick<SessionUser, 'id' | 'email'>;

const profileColumns = { name: users.name, locale: users.locale, mailNotifications: users.mailNotifications };

/** Changes name, preferred language and mail notifications (any subset). */
export async function updateProfile(user: Me, input: Partial<ProfileInput>, ipAddress: string | null = null) {
	return withUser(user, async (tx) => {
		const [before] = await tx.select(profileColumns).from(users).where(eq(users.id, user.id));
		if (!before) throw new NotFound();
		const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<ProfileInput>;
		const [after] = await tx
			.update(users)
			.set({ ...changes, updatedAt: new Date() })
			.where(eq(users.id, user.id))
			.returning(profileColumns);
		await recordChange(tx, {
			actorId: user.id,
			consortiumId: null,
			action: 'account.profile_updated',
			entityType: 'user',
			entityId: user.id,
			before,
			after,
			ipAddress
		});
		return after!;
	});
}

/**
 * Changes the password after checking the current one (a wrong current password counts against
 * the account's sign-in limit, so a borrowed session cannot be used to guess it). Ends every other
 * session of the person; the one in use stays.
 */
export async function changePassword(
	user: Me,
	input: Pick<ChangePasswordInput, 'currentPassword' | 'password'>,
	currentSessionId: string | null,
	ipAddress: string | null = null
): Promise<void> {
	const key = signInKeys(user.email, null).account;
	await assertNotLimited([key]);
	const [row] = await withUser(user, (tx) => tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)));
	if (!row?.passwordHash || !(await verifyPasswordHash(row.passwordHash, input.currentPassword))) {
		await charge(SIGN_IN_PER_ACCOUNT, key);
		throw new CommandError('password_current_wrong', 'currentPassword');
	}
	const passwordHash = await hashPassword(input.password);
	await withUser(user, async (tx) => {
		await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
		const ended = await tx
			.delete(sessions)
			.where(and(eq(sessions.userId, user.id), currentSessionId ? ne(sessions.id, currentSessionId) : undefined))
			.returning({ id: sessions.id });
		await recordChange(tx, {
			actorId: user.id,
			consortiumId: null,
			action: 'account.password_changed',
			entityType: 'user',
			entityId: user.id,
			after: { otherSessionsEnded: ended.length },
			ipAddress,
			// heard by every process, which closes the ended sessions' sockets (SESSION_ENDING_ACTIONS)
			audience: 'user',
			userId: user.id
		});
	});
	await clearLimits([key]);
}

/** Ends one of my sessions (in another browser, say). Someone else's session is "not found". */
export async function endSession(user: Me, sessionId: string, ipAddress: string | null = null): Promise<void> {
	await withUser(user, async (tx) => {
		const [ended] = await tx
			.delete(sessions)
			.where(and(eq(sessions.id, sessionId), eq(sessions.userId, user.id)))
			.returning({ userAgent: sessions.userAgent, ipAddress: sessions.ipAddress, createdAt: sessions.createdAt });
		if (!ended) throw new NotFound();
		await recordChange(tx, {
			actorId: user.id,
			consortiumId: null,
			action: 'auth.session_ended',
			entityType: 'session',
			entityId: null,
			before: ended,
			ipAddress,
			// heard by every process, which closes the ended sessions' sockets (SESSION_ENDING_ACTIONS)
			audience: 'user',
			userId: user.id
		});
	});
}

/** Signs out of this session. */
export async function signOut(user: Me, sessionId: string, ipAddress: string | null = null): Promise<void> {
	await withUser(user, async (tx) => {
		await tx.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, user.id)));
		await recordChange(tx, {
			actorId: user.id,
			consortiumId: null,
			action: 'auth.signed_out',
			entityType: 'session',
			entityId: null,
			ipAddress,
			// heard by every process, which closes the ended sessions' sockets (SESSION_ENDING_ACTIONS)
			audience: 'user',
			userId: user.id
		});
	});
}

/** Ends every session of mine, this one included: sign out everywhere. */
export async function endAllSessions(user: Me, ipAddress: string | null = null): Promise<number> {
	return withUser(user, async (tx) => {
		const ended = await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ id: sessions.id });
		await recordChange(tx, {
			actorId: user.id,
			consortiumId: null,
			action: 'auth.signed_out_everywhere',
			entityType: 'session',
			entityId: null,
			after: { sessionsEnded: ended.length },
			ipAddress,
			// heard by every process, which closes the ended sessions' sockets (SESSION_ENDING_ACTIONS)
			audience: 'user',
			userId: user.id
		});
		return ended.length;
	});
}
