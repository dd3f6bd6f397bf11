import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog, mailOutbox, passwordResets, rateLimits, sessions, users } from '../db/schema';
import { buildUser } from '../demo/factories';
import { CommandError, NotFound } from '../errors';
import { hashPassword } from './password';
import {
	createSession,
	deleteExpiredSessions,
	generateSessionToken,
	isSessionCurrent,
	SESSION_LIFETIME_MS,
	sessionIdOf,
	validateSessionToken
} from './session';
import { signIn } from './sign-in';
import { assertNotLimited, charge, deleteStaleLimits, limitKey, RateLimited, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS } from './rate-limit';
import { changePassword, endAllSessions, endSession, updateProfile } from './commands';
import { getMyProfile, listMySessions } from './queries';
import { findValidReset, pendingResetRequests, requestPasswordReset, resetPassword, resetRequestsSettled } from './password-reset';

useFreshDatabase();

const PASSWORD = 'ett långt och ovanligt lösen';
const DAY = 24 * 60 * 60 * 1000;
let ip = 0;
/** A client address of its own for each test, so address limits do not leak between tests. */
const nextAddress = () => `10.0.0.${++ip}`;

async function person(overrides: Partial<typeof users.$inferInsert> = {}) {
	const passwordHash = await hashPassword(PASSWORD);
	return asSystem((tx) => buildUser(tx, { passwordHash, ...overrides }));
}

async function auditActions(userId: string) {
	const rows = await asSystem((tx) => tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, userId)));
	return rows.map((r) => r.action);
}

describe('sessions', () => {
	it('stores only the token’s SHA-256 and finds the user by the token', async () => {
		const user = await person();
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const session = await createSession(token, user.id, { userAgent: 'UA', ipAddress: '10.1.1.1' });
		expect(session.id).toBe(sessionIdOf(token));
		expect(session.id).not.toContain(token);
		const stored = await asSystem((tx) => tx.select().from(sessions).where(eq(sessions.userId, user.id)));
		expect(stored.map((s) => s.id)).toEqual([sessionIdOf(token)]);
		const { user: found } = await validateSessionToken(token);
		expect(found?.id).toBe(user.id);
		expect((await validateSessionToken(generateSessionToken())).session).toBeNull();
	});

	it('slides: a session used in the second half of its life is extended to a full 30 days', async () => {
		const user = await person();
		const token = generateSessionToken();
		await createSession(token, user.id);
		const id = sessionIdOf(token);
		// 20 days into its life: 10 days left, within the renewal window
		await asSystem((tx) =>
			tx
				.update(sessions)
				.set({ expiresAt: new Date(Date.now() + 10 * DAY) })
				.where(eq(sessions.id, id))
		);
		const { session } = await validateSessionToken(token);
		expect(session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME_MS - 60_000);
		const [row] = await asSystem((tx) => tx.select().from(sessions).where(eq(sessions.id, id)));
		expect(row!.expiresAt.getTime()).toBe(session!.expiresAt.getTime());
	});

	it('leaves a young session’s expiry alone but keeps “last seen” roughly current', async () => {
		const user = await person();
		const token = generateSessionToken();
		const created = await createSession(token, user.id);
		const id = sessionIdOf(token);
		const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
		await asSystem((tx) => tx.update(sessions).set({ lastSeenAt: hourAgo }).where(eq(sessions.id, id)));
		const { session } = await validateSessionToken(token);
		expect(session!.expiresAt.getTime()).toBe(created.expiresAt.getTime());
		const [row] = await asSystem((tx) => tx.select().from(sessions).where(eq(sessions.id, id)));
		expect(row!.lastSeenAt.getTime()).toBeGreaterThan(hourAgo.getTime() + 50 * 60 * 1000);
	});

	it('deletes an expired session when it is presented', async () => {
		const user = await person();
		const token = generateSessionToken();
		await createSession(token, user.id);
		const id = sessionIdOf(token);
		await asSystem((tx) =>
			tx
				.update(sessions)
				.set({ expiresAt: new Date(Date.now() - 1000) })
				.where(eq(sessions.id, id))
		);
		expect(await validateSessionToken(token)).toEqual({ session: null, user: null });
		expect(await asSystem((tx) => tx.select().from(sessions).where(eq(sessions.id, id)))).toEqual([]);
		expect(await isSessionCurrent(id)).toBe(false);
	});

	it('lists only my own, unexpired sessions (row-level security), with the device and “this session”', async () => {
		const me = await person();
		const other = await person();
		const mine = generateSessionToken();
		const myOther = generateSessionToken();
		await createSession(mine, me.id, {
			userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36',
			ipAddress: '10.2.2.2'
		});
		await createSession(myOther, me.id, {
			userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1'
		});
		await createSession(generateSessionToken(), other.id);
		const list = await listMySessions(me, sessionIdOf(mine));
		expect(list).toHaveLength(2);
		expect(list[0]).toMatchObject({ id: sessionIdOf(mine), current: true, browser: 'Chrome', os: 'Windows', ipAddress: '10.2.2.2' });
		expect(list[1]).toMatchObject({ id: sessionIdOf(myOther), current: false, browser: 'Safari', os: 'iOS' });
	});

	it('ends one of my sessions, but answers “not found” for someone else’s', async () => {
		const me = await person();
		const other = await person();
		const theirs = generateSessionToken();
		await createSession(theirs, other.id);
		await expect(endSession(me, sessionIdOf(theirs))).rejects.toBeInstanceOf(NotFound);
		expect(await isSessionCurrent(sessionIdOf(theirs))).toBe(true);

		const mine = generateSessionToken();
		await createSession(mine, me.id);
		await endSession(me, sessionIdOf(mine));
		expect(await isSessionCurrent(sessionIdOf(mine))).toBe(false);
		expect(await auditActions(me.id)).toContain('auth.session_ended');
	});

	it('signs out everywhere: every session of mine ends, nobody else’s', async () => {
		const me = await person();
		const other = await person();
		const a = generateSessionToken();
		const b = generateSessionToken();
		const theirs = generateSessionToken();
		await createSession(a, me.id);
		await createSession(b, me.id);
		await createSession(theirs, other.id);
		expect(await endAllSessions(me)).toBe(2);
		expect((await validateSessionToken(a)).user).toBeNull();
		expect((await validateSessionToken(b)).user).toBeNull();
		expect((await validateSessionToken(theirs)).user?.id).toBe(other.id);
		expect(await auditActions(me.id)).toContain('auth.signed_out_everywhere');
	});
});

describe('sign-in and its rate limits', () => {
	it('signs in with the right password, audited, and opens a session', async () => {
		const user = await person();
		const result = await signIn({ email: user.email.toUpperCase(), password: PASSWORD, ipAddress: nextAddress() });
		expect(result?.userId).toBe(user.id);
		expect((await validateSessionToken(result!.token)).user?.id).toBe(user.id);
		expect(await auditActions(user.id)).toContain('auth.signed_in');
	});

	it('refuses a wrong password, audits the failure and counts it against account and address', async () => {
		const user = await person();
		const address = nextAddress();
		expect(await signIn({ email: user.email, password: 'fel lösenord här', ipAddress: address })).toBeNull();
		expect(await auditActions(user.id)).toContain('auth.sign_in_failed');
		const rows = await asSystem((tx) => tx.select().from(rateLimits));
		const keys = rows.filter((r) => r.attempts === 1).map((r) => r.key);
		expect(keys).toContain(limitKey(SIGN_IN_PER_ACCOUNT, user.email));
		expect(keys).toContain(limitKey(SIGN_IN_PER_ADDRESS, address));
	});

	it('blocks an account after 5 failures for 15 minutes, before even checking a right password', async () => {
		const user = await person();
		for (let i = 0; i < 5; i++) {
			expect(await signIn({ email: user.email, password: `fel lösenord ${i}`, ipAddress: nextAddress() })).toBeNull();
		}
		const blocked = await signIn({ email: user.email, password: PASSWORD, ipAddress: nextAddress() }).catch((e) => e);
		expect(blocked).toBeInstanceOf(RateLimited);
		expect((blocked as RateLimited).retryAfterMinutes).toBe(15);
		expect(await auditActions(user.id)).not.toContain('auth.signed_in');

		// the window ends: the block lifts and a right password works (and clears the count)
		await asSystem((tx) =>
			tx
				.update(rateLimits)
				.set({ windowStartedAt: new Date(Date.now() - 16 * 60_000), blockedUntil: new Date(Date.now() - 60_000) })
				.where(eq(rateLimits.key, limitKey(SIGN_IN_PER_ACCOUNT, user.email)))
		);
		expect((await signIn({ email: user.email, password: PASSWORD, ipAddress: nextAddress() }))?.userId).toBe(user.id);
		expect(
			await asSystem((tx) =>
				tx
					.select()
					.from(rateLimits)
					.where(eq(rateLimits.key, limitKey(SIGN_IN_PER_ACCOUNT, user.email)))
			)
		).toEqual([]);
	});

	it('counts failures for emails that have no account the same way', async () => {
		const email = `nobody-${Date.now()}@samsyn.test`;
		for (let i = 0; i < 5; i++) await signIn({ email, password: 'whatever it is', ipAddress: nextAddress() });
		await expect(signIn({ email, password: 'whatever it is', ipAddress: nextAddress() })).rejects.toBeInstanceOf(RateLimited);
	});

	it('blocks a client address after 20 failures across accounts, and a success does not reset it', async () => {
		const address = nextAddress();
		const user = await person();
		for (let i = 0; i < 19; i++) await signIn({ email: `guess-${i}@samsyn.test`, password: 'not it at all', ipAddress: address });
		expect((await signIn({ email: user.email, password: PASSWORD, ipAddress: address }))?.userId).toBe(user.id);
		await signIn({ email: 'guess-last@samsyn.test', password: 'not it at all', ipAddress: address });
		await expect(signIn({ email: user.email, password: PASSWORD, ipAddress: address })).rejects.toBeInstanceOf(RateLimited);
		// another address is not affected
		expect((await signIn({ email: user.email, password: PASSWORD, ipAddress: nextAddress() }))?.userId).toBe(user.id);
	});

	it('counts concurrent failures exactly (one statement per charge)', async () => {
		const key = `test:concurrent:${Date.now()}`;
		const limit = { scope: 'test', max: 1000, windowMs: 60_000 };
		const results = await Promise.all(Array.from({ length: 25 }, () => charge(limit, key)));
		expect(Math.max(...results.map((r) => r.attempts))).toBe(25);
		const [row] = await asSystem((tx) => tx.select().from(rateLimits).where(eq(rateLimits.key, key)));
		expect(row!.attempts).toBe(25);
		await assertNotLimited([key]);
	});
});

describe('password reset', () => {
	async function requestAndReadLink(email: string) {
		await requestPasswordReset({ email, ipAddress: nextAddress(), origin: 'http://samsyn.test' });
		await resetRequestsSettled();
		const [mail] = await asSystem((tx) =>
			tx
				.select()
				.from(mailOutbox)
				.where(eq(mailOutbox.toEmail, email))
				.orderBy(sql`${mailOutbox.createdAt} desc`)
				.limit(1)
		);
		const token = mail?.bodyText.match(/\/reset-password\/([a-z2-7]{32})/)?.[1];
		return { mail, token };
	}

	it('answers the same for an unknown email and sends nothing', async () => {
		const email = `unknown-${Date.now()}@samsyn.test`;
		await expect(requestPasswordReset({ email, ipAddress: nextAddress(), origin: 'http://x' })).resolves.toBeUndefined();
		await resetRequestsSettled();
		expect(await asSystem((tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toEmail, email)))).toEqual([]);
	});

	it('answers before looking the account up, so an existing account takes no longer than an unknown one', async () => {
		const user = await person();
		const unknown = `unknown-${Date.now()}@samsyn.test`;
		for (const email of [user.email, unknown]) {
			await requestPasswordReset({ email, ipAddress: nextAddress(), origin: 'http://x' });
			// At the answer, the lookup, the token, the mail and the audit line are all still to come,
			// for either email alike: what the caller waited for was the same constant work.
			expect(pendingResetRequests()).toBe(1);
			await resetRequestsSettled();
			expect(pendingResetRequests()).toBe(0);
		}
		const mailTo = async (email: string) => asSystem((tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toEmail, email)));
		expect(await mailTo(user.email)).toHaveLength(1);
		expect(await mailTo(unknown)).toEqual([]);
		expect(await auditActions(user.id)).toContain('auth.password_reset_requested');
	});

	it('mails a one-time link in the person’s language and stores only the token’s hash', async () => {
		const user = await person({ locale: 'en' });
		const { mail, token } = await requestAndReadLink(user.email);
		expect(mail?.locale).toBe('en');
		expect(mail?.subject).toBe('Choose a new password for Samsyn');
		expect(token).toBeTruthy();
		const stored = await asSystem((tx) => tx.select().from(passwordResets).where(eq(passwordResets.userId, user.id)));
		expect(stored).toHaveLength(1);
		expect(stored[0]!.tokenHash).toBe(sessionIdOf(token!));
		expect(JSON.stringify(stored)).not.toContain(token!);
		expect(await findValidReset(token!)).toEqual({ email: user.email });

		const swedish = await person();
		const sv = await requestAndReadLink(swedish.email);
		expect(sv.mail?.subject).toBe('Välj ett nytt lösenord till Samsyn');
	});

	it('sets the password once, ends every session, and the link then no longer works', async () => {
		const user = await person();
		const a = generateSessionToken();
		await createSession(a, user.id);
		const { token } = await requestAndReadLink(user.email);
		await resetPassword(token!, 'ett helt nytt lösenord', '10.9.9.9');
		expect((await validateSessionToken(a)).user).toBeNull();
		expect(await auditActions(user.id)).toContain('auth.password_reset');
		expect((await signIn({ email: user.email, password: 'ett helt nytt lösenord', ipAddress: nextAddress() }))?.userId).toBe(user.id);
		expect(await signIn({ email: user.email, password: PASSWORD, ipAddress: nextAddress() })).toBeNull();

		expect(await findValidReset(token!)).toBeNull();
		const again = await resetPassword(token!, 'ännu ett nytt lösenord', null).catch((e) => e);
		expect(again).toBeInstanceOf(CommandError);
		expect((again as CommandError).key).toBe('reset_link_invalid');
	});

	it('refuses an expired link', async () => {
		const user = await person();
		const { token } = await requestAndReadLink(user.email);
		await asSystem((tx) =>
			tx
				.update(passwordResets)
				.set({ expiresAt: new Date(Date.now() - 1000) })
				.where(and(eq(passwordResets.userId, user.id)))
		);
		expect(await findValidReset(token!)).toBeNull();
		await expect(resetPassword(token!, 'ett helt nytt lösenord')).rejects.toBeInstanceOf(CommandError);
	});

	it('limits requests per email (3 an hour) and answers RateLimited after that', async () => {
		const user = await person();
		for (let i = 0; i < 3; i++) await requestPasswordReset({ email: user.email, ipAddress: nextAddress(), origin: 'http://x' });
		await expect(requestPasswordReset({ email: user.email, ipAddress: nextAddress(), origin: 'http://x' })).rejects.toBeInstanceOf(RateLimited);
	});
});

describe('my profile', () => {
	it('changes name, language and mail notifications, audited with before and after', async () => {
		const user = await person({ name: 'Före Namn' });
		const after = await updateProfile(user, { name: 'Efter Namn', locale: 'en', mailNotifications: false });
		expect(after).toEqual({ name: 'Efter Namn', locale: 'en', mailNotifications: false });
		expect(await getMyProfile(user)).toMatchObject({ name: 'Efter Namn', locale: 'en', mailNotifications: false });
		const [entry] = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, 'account.profile_updated')))
		);
		expect(entry?.before).toMatchObject({ name: 'Före Namn', locale: 'sv' });
		expect(entry?.after).toMatchObject({ name: 'Efter Namn', locale: 'en' });
	});

	it('changes the password only with the right current one, and ends my other sessions', async () => {
		const user = await person();
		const here = generateSessionToken();
		const elsewhere = generateSessionToken();
		await createSession(here, user.id);
		await createSession(elsewhere, user.id);
		const wrong = await changePassword(user, { currentPassword: 'inte mitt lösenord', password: 'ett nytt bra lösenord' }, sessionIdOf(here)).catch((e) => e);
		expect(wrong).toBeInstanceOf(CommandError);
		expect((wrong as CommandError).field).toBe('currentPassword');

		await changePassword(user, { currentPassword: PASSWORD, password: 'ett nytt bra lösenord' }, sessionIdOf(here));
		expect((await validateSessionToken(here)).user?.id).toBe(user.id);
		expect((await validateSessionToken(elsewhere)).user).toBeNull();
		expect((await signIn({ email: user.email, password: 'ett nytt bra lösenord', ipAddress: nextAddress() }))?.userId).toBe(user.id);
		expect(await auditActions(user.id)).toContain('account.password_changed');
	});
});

describe('row-level security on my own account', () => {
	it('lets me change my profile columns but not make myself an operator or change my email', async () => {
		const user = await person();
		await withUser(user, (tx) => tx.update(users).set({ name: 'Nytt namn' }).where(eq(users.id, user.id)));
		await expect(withUser(user, (tx) => tx.update(users).set({ isOperator: true }).where(eq(users.id, user.id)))).rejects.toThrow();
		await expect(withUser(user, (tx) => tx.update(users).set({ email: 'other@samsyn.test' }).where(eq(users.id, user.id)))).rejects.toThrow();
		const [row] = await asSystem((tx) => tx.select().from(users).where(eq(users.id, user.id)));
		expect(row).toMatchObject({ name: 'Nytt namn', isOperator: false, email: user.email });
	});
});

describe('housekeeping', () => {
	it('removes expired sessions and long-finished rate-limit windows, and nothing current', async () => {
		const user = await person();
		const live = generateSessionToken();
		const dead = generateSessionToken();
		await createSession(live, user.id);
		await createSession(dead, user.id);
		await asSystem((tx) =>
			tx
				.update(sessions)
				.set({ expiresAt: new Date(Date.now() - 1000) })
				.where(eq(sessions.id, sessionIdOf(dead)))
		);
		const oldKey = `test:old:${Date.now()}`;
		const newKey = `test:new:${Date.now()}`;
		await asSystem((tx) =>
			tx.insert(rateLimits).values([
				{ key: oldKey, attempts: 3, windowStartedAt: new Date(Date.now() - 2 * DAY) },
				{ key: newKey, attempts: 3 }
			])
		);
		await deleteExpiredSessions();
		await deleteStaleLimits();
		const left = await asSystem((tx) => tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id)));
		expect(left.map((s) => s.id)).toEqual([sessionIdOf(live)]);
		const keys = (await asSystem((tx) => tx.select({ key: rateLimits.key }).from(rateLimits))).map((r) => r.key);
		expect(keys).toContain(newKey);
		expect(keys).not.toContain(oldKey);
	});
});
