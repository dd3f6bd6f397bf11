import { sql } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import { asSystem } from '../db/request';
import { users } from '../db/schema';
import { hashPassword, verifyPasswordHash } from './password';
import { deviceLimitKey, issueDeviceToken, trustedDeviceFor } from './device-cookie';
import { assertNotLimited, charge, clearLimits, limitKey, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS, SIGN_IN_PER_DEVICE } from './rate-limit';
import { createSession, generateSessionToken, type Session } from './session';

// Verifying against a throwaway hash when the account does not exist keeps the response time
// the same, so timing does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword('decoy-password-that-never-matches'));

export interface SignInAttempt {
	email: string;
	password: string;
	ipAddress: string | null;
	userAgent?: string | null;
	/** The browser's device cookie, if it has one (`device-cookie.ts`). */
	deviceToken?: string | null;
}

/** The rate-limit keys a sign-in attempt counts against. */
export function signInKeys(email: string, ipAddress: string | null): { account: string; address: string | null } {
	return {
		account: limitKey(SIGN_IN_PER_ACCOUNT, email),
		address: ipAddress ? limitKey(SIGN_IN_PER_ADDRESS, ipAddress) : null
	};
}

/**
 * Checks an email and password; audits the success or failure. Returns the user id or null.
 * Knows nothing of rate limits: `signIn` wraps it with them.
 */
export async function verifyCredentials(attempt: SignInAttempt): Promise<{ userId: string; locale: string } | null> {
	const email = attempt.email.trim().toLowerCase();
	const [user] = await asSystem((tx) =>
		tx
			.select({ id: users.id, passwordHash: users.passwordHash, locale: users.locale })
			.from(users)
			.where(sql`lower(${users.email}) = ${email}`)
	);
	const valid = await verifyPasswordHash(user?.passwordHash ?? (await decoy()), attempt.password);
	const ok = Boolean(user?.passwordHash) && valid;
	await asSystem((tx) =>
		recordChange(tx, {
			actorId: user?.id ?? null,
			consortiumId: null,
			action: ok ? 'auth.signed_in' : 'auth.sign_in_failed',
			entityType: 'session',
			entityId: null,
			after: { email, userAgent: attempt.userAgent?.slice(0, 300) ?? null },
			ipAddress: attempt.ipAddress,
			audience: 'user',
			userId: user?.id ?? null
		})
	);
	return ok && user ? { userId: user.id, locale: user.locale } : null;
}

/**
 * Signs in: refuses with `RateLimited` (before looking at the password) while the attempt's limits
 * are used up; verifies; on failure counts one attempt against them; on success opens a session and
 * issues a new device cookie. The limits: a browser with a device cookie for this account, only its
 * cookie's (5 failures in 15 minutes); anyone else, the account's (5 in 15 minutes, from any address)
 * and the client address's (20 in 15 minutes). Returns the session and device tokens for the cookies,
 * or null for a wrong email or password.
 */
export async function signIn(
	attempt: SignInAttempt
): Promise<{ token: string; session: Session; userId: string; locale: string; device: { token: string; expiresAt: Date } } | null> {
	const keys = signInKeys(attempt.email, attempt.ipAddress);
	const device = await trustedDeviceFor(attempt.deviceToken, attempt.email);
	const limits = device ? [deviceLimitKey(device)] : [keys.account, ...(keys.address ? [keys.address] : [])];
	await assertNotLimited(limits);
	const verified = await verifyCredentials(attempt);
	if (!verified) {
		if (device) {
			await charge(SIGN_IN_PER_DEVICE, deviceLimitKey(device));
		} else {
			await charge(SIGN_IN_PER_ACCOUNT, keys.account);
			if (keys.address) await charge(SIGN_IN_PER_ADDRESS, keys.address);
		}
		return null;
	}
	// Only the counter that applied to this attempt, and never the address's: a valid account must not
	// reset an address's count of failures, nor a trusted browser the strangers' count on the account.
	await clearLimits([device ? deviceLimitKey(device) : keys.account]);
	const token = generateSessionToken();
	const session = await createSession(token, verified.userId, {
		userAgent: attempt.userAgent ?? null,
		ipAddress: attempt.ipAddress
	});
	return { token, session, userId: verified.userId, locale: verified.locale, device: await issueDeviceToken(verified.userId, device) };
}
