import type { Cookies } from '@sveltejs/kit';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { asSystem } from '../db/request';
import { trustedDevices, users } from '../db/schema';
import { limitKey, SIGN_IN_PER_DEVICE } from './rate-limit';
import { generateSessionToken, sessionIdOf } from './session';

/*
 * OWASP's device cookies (Slow Down Online Guessing Attacks with Device Cookies): a browser that
 * signed in to an account gets a long-lived random token. When it signs in to that account again,
 * neither its address's limit (a whole town hall behind one proxy shares it) nor the account's
 * lockout of unknown clients applies to it; its own failures count against its cookie instead, so a
 * guesser locks out a device, never the account for its owner.
 */

export const DEVICE_COOKIE = 'samsyn_device';
export const DEVICE_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

/** The device id (SHA-256 of the token) when the token is a current device cookie of the account with that email; else null. */
export async function trustedDeviceFor(token: string | null | undefined, email: string): Promise<string | null> {
	if (!token || token.length > 100) return null;
	const id = sessionIdOf(token);
	const [row] = await asSystem((tx) =>
		tx
			.select({ id: trustedDevices.id })
			.from(trustedDevices)
			.innerJoin(users, eq(users.id, trustedDevices.userId))
			.where(and(eq(trustedDevices.id, id), gt(trustedDevices.expiresAt, new Date()), sql`lower(${users.email}) = ${email.trim().toLowerCase()}`))
	);
	return row?.id ?? null;
}

/** The rate-limit key of a device's failed sign-ins. */
export function deviceLimitKey(deviceId: string): string {
	return limitKey(SIGN_IN_PER_DEVICE, deviceId);
}

/** A new device token for the account after a successful sign-in; the one the browser showed (if any) is spent. */
export async function issueDeviceToken(userId: string, replacing: string | null): Promise<{ token: string; expiresAt: Date }> {
	const token = generateSessionToken();
	const expiresAt = new Date(Date.now() + DEVICE_LIFETIME_MS);
	await asSystem(async (tx) => {
		if (replacing) await tx.delete(trustedDevices).where(eq(trustedDevices.id, replacing));
		await tx.insert(trustedDevices).values({ id: sessionIdOf(token), userId, expiresAt });
	});
	return { token, expiresAt };
}

/** Sets the device cookie: httpOnly, SameSite=Lax, Secure when served over HTTPS. */
export function setDeviceCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean): void {
	cookies.set(DEVICE_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, expires: expiresAt, path: '/' });
}

/** Removes device cookies that have expired; run now and then. */
export async function deleteExpiredDevices(): Promise<void> {
	await asSystem((tx) => tx.delete(trustedDevices).where(lt(trustedDevices.expiresAt, new Date())));
}
