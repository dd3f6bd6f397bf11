import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { rateLimits, trustedDevices } from '../db/schema';
import { buildUser } from '../demo/factories';
import { DEVICE_LIFETIME_MS, deleteExpiredDevices } from './device-cookie';
import { hashPassword } from './password';
import { limitKey, RateLimited, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS } from './rate-limit';
import { sessionIdOf } from './session';
import { signIn } from './sign-in';

useFreshDatabase();

const PASSWORD = 'ett långt och ovanligt lösen';
let ip = 0;
/** A client address of its own for each use, so address limits apply only where a test means them to. */
const nextAddress = () => `10.7.0.${++ip}`;

async function person() {
	const passwordHash = await hashPassword(PASSWORD);
	return asSystem((tx) => buildUser(tx, { passwordHash }));
}

/** Signs in once (from an address of its own): the device cookie the browser then holds for the account. */
async function deviceCookieOf(user: { email: string }): Promise<string> {
	const result = await signIn({ email: user.email, password: PASSWORD, ipAddress: nextAddress() });
	return result!.device.token;
}

describe('device cookies (OWASP): a browser that signed in to an account before', () => {
	it('gets a random token on each sign-in; only its SHA-256 is stored, tied to the account, for a long time', async () => {
		const user = await person();
		const first = await signIn({ email: user.email, password: PASSWORD, ipAddress: nextAddress() });
		expect(first!.device.token).toMatch(/^[a-z2-7]{32}$/);
		expect(first!.device.expiresAt.getTime()).toBeGreaterThan(Date.now() + DEVICE_LIFETIME_MS - 60_000);
		const rows = await asSystem((tx) => tx.select().from(trustedDevices).where(eq(trustedDevices.userId, user.id)));
		expect(rows.map((r) => r.id)).toEqual([sessionIdOf(first!.device.token)]);
		expect(JSON.stringify(rows)).not.toContain(first!.device.token);

		// signing in with it again replaces it with a new one
		const second = await signIn({ email: user.email, password: PASSWORD, ipAddress: nextAddress(), deviceToken: first!.device.token });
		expect(second!.device.token).not.toBe(first!.device.token);
		const after = await asSystem((tx) => tx.select().from(trustedDevices).where(eq(trustedDevices.userId, user.id)));
		expect(after.map((r) => r.id)).toEqual([sessionIdOf(second!.device.token)]);
	});

	it('still signs in to that account from an address that 20 failures of a stranger have blocked; strangers and other accounts stay blocked there', async () => {
		const a = await person();
		const b = await person();
		const cookieOfA = await deviceCookieOf(a);
		const townHall = nextAddress();
		for (let i = 0; i < 20; i++) {
			expect(await signIn({ email: `guess-${i}@samsyn.test`, password: 'inte det', ipAddress: townHall })).toBeNull();
		}
		await expect(signIn({ email: a.email, password: PASSWORD, ipAddress: townHall })).rejects.toBeInstanceOf(RateLimited);

		const trusted = await signIn({ email: a.email, password: PASSWORD, ipAddress: townHall, deviceToken: cookieOfA });
		expect(trusted?.userId).toBe(a.id);
		// A's device cookie is nothing to account B: the address's limit applies
		await expect(signIn({ email: b.email, password: PASSWORD, ipAddress: townHall, deviceToken: trusted!.device.token })).rejects.toBeInstanceOf(RateLimited);
		// a made-up cookie is nothing either
		await expect(signIn({ email: a.email, password: PASSWORD, ipAddress: townHall, deviceToken: 'a'.repeat(32) })).rejects.toBeInstanceOf(RateLimited);
	});

	it('is not charged to the address: its failures count against its own cookie', async () => {
		const a = await person();
		const cookie = await deviceCookieOf(a);
		const address = nextAddress();
		for (let i = 0; i < 5; i++) expect(await signIn({ email: a.email, password: `fel ${i}`, ipAddress: address, deviceToken: cookie })).toBeNull();
		await expect(signIn({ email: a.email, password: `fel 5`, ipAddress: address, deviceToken: cookie })).rejects.toBeInstanceOf(RateLimited);
		const counted = await asSystem((tx) => tx.select({ key: rateLimits.key }).from(rateLimits));
		expect(counted.map((r) => r.key)).not.toContain(limitKey(SIGN_IN_PER_ADDRESS, address));
		expect(counted.map((r) => r.key)).not.toContain(limitKey(SIGN_IN_PER_ACCOUNT, a.email));
		const stranger = await person();
		expect((await signIn({ email: stranger.email, password: PASSWORD, ipAddress: address }))?.userId).toBe(stranger.id);
	});

	it('the account limit (5 failures in 15 minutes) still holds for every client without that account’s cookie, from any address, and a trusted browser is locked out on its own', async () => {
		const a = await person();
		const cookieOfA = await deviceCookieOf(a);
		for (let i = 0; i < 5; i++) expect(await signIn({ email: a.email, password: `fel ${i}`, ipAddress: nextAddress() })).toBeNull();
		await expect(signIn({ email: a.email, password: PASSWORD, ipAddress: nextAddress() })).rejects.toBeInstanceOf(RateLimited);
		// the browser that signed in to A before is not locked out by strangers' guesses
		expect((await signIn({ email: a.email, password: PASSWORD, ipAddress: nextAddress(), deviceToken: cookieOfA }))?.userId).toBe(a.id);
		// and strangers still are (a trusted sign-in does not clear their count)
		await expect(signIn({ email: a.email, password: PASSWORD, ipAddress: nextAddress() })).rejects.toBeInstanceOf(RateLimited);

		// failures from a trusted browser lock out that browser, not the account for others
		const c = await person();
		const cookieOfC = await deviceCookieOf(c);
		for (let i = 0; i < 5; i++) expect(await signIn({ email: c.email, password: `fel ${i}`, ipAddress: nextAddress(), deviceToken: cookieOfC })).toBeNull();
		await expect(signIn({ email: c.email, password: PASSWORD, ipAddress: nextAddress(), deviceToken: cookieOfC })).rejects.toBeInstanceOf(RateLimited);
		expect((await signIn({ email: c.email, password: PASSWORD, ipAddress: nextAddress() }))?.userId).toBe(c.id);
	});

	it('expires: an expired cookie counts as a stranger’s, and housekeeping removes it', async () => {
		const a = await person();
		const cookie = await deviceCookieOf(a);
		await asSystem((tx) =>
			tx
				.update(trustedDevices)
				.set({ expiresAt: new Date(Date.now() - 1000) })
				.where(eq(trustedDevices.id, sessionIdOf(cookie)))
		);
		const address = nextAddress();
		for (let i = 0; i < 20; i++) await signIn({ email: `guess-${i}@samsyn.test`, password: 'inte det', ipAddress: address });
		await expect(signIn({ email: a.email, password: PASSWORD, ipAddress: address, deviceToken: cookie })).rejects.toBeInstanceOf(RateLimited);
		await deleteExpiredDevices();
		expect(
			await asSystem((tx) =>
				tx
					.select()
					.from(trustedDevices)
					.where(eq(trustedDevices.id, sessionIdOf(cookie)))
			)
		).toEqual([]);
	});
});
