import { and, inArray, sql } from 'drizzle-orm';
import { asSystem } from '../db/request';
import { rateLimits } from '../db/schema';
import { rowsOf } from '../db/rows';

/**
 * Fixed-window rate limits kept in the `rate_limits` table, so every process of the app shares
 * them. A window opens with the first charge; once `max` charges fall in one window the key is
 * blocked until the window ends. Charging is one INSERT … ON CONFLICT DO UPDATE statement, which
 * PostgreSQL serialises per key: two processes charging at once both count.
 */
export interface Limit {
	/** Prefix of the key, e.g. `signin:account`. */
	scope: string;
	max: number;
	windowMs: number;
}

const MINUTE = 60_000;

/** Failed sign-ins per account (email, whether or not it exists). */
export const SIGN_IN_PER_ACCOUNT: Limit = { scope: 'signin:account', max: 5, windowMs: 15 * MINUTE };
/** Failed sign-ins from a browser with a device cookie for the account (instead of the two limits around it). */
export const SIGN_IN_PER_DEVICE: Limit = { scope: 'signin:device', max: 5, windowMs: 15 * MINUTE };
/** Failed sign-ins per client address. */
export const SIGN_IN_PER_ADDRESS: Limit = { scope: 'signin:address', max: 20, windowMs: 15 * MINUTE };
/** Password-reset requests per account (every request counts). */
export const RESET_PER_ACCOUNT: Limit = { scope: 'reset:account', max: 3, windowMs: 60 * MINUTE };
/** Password-reset requests per client address (every request counts). */
export const RESET_PER_ADDRESS: Limit = { scope: 'reset:address', max: 10, windowMs: 60 * MINUTE };

/** The key under which a limit counts for one subject (an email or an address). */
export function limitKey(limit: Limit, subject: string): string {
	return `${limit.scope}:${subject.trim().toLowerCase().slice(0, 320)}`;
}

export class RateLimited extends Error {
	constructor(readonly retryAfterMs: number) {
		super('rate_limited');
		this.name = 'RateLimited';
	}
	/** Whole minutes to wait, rounded up (at least 1). */
	get retryAfterMinutes(): number {
		return Math.max(1, Math.ceil(this.retryAfterMs / MINUTE));
	}
}

/** Throws `RateLimited` when any of the keys is blocked now. Reads only; charges nothing. */
export async function assertNotLimited(keys: string[]): Promise<void> {
	if (keys.length === 0) return;
	const rows = await asSystem((tx) =>
		tx
			.select({ waitMs: sql<string>`extract(epoch from (${rateLimits.blockedUntil} - now())) * 1000` })
			.from(rateLimits)
			.where(and(inArray(rateLimits.key, keys), sql`${rateLimits.blockedUntil} > now()`))
	);
	const wait = Math.max(0, ...rows.map((row) => Math.ceil(Number(row.waitMs))));
	if (wait > 0) throw new RateLimited(wait);
}

/**
 * Counts one attempt against the limit for the key; returns how many attempts the current window
 * holds and until when the key is blocked (null while under the limit).
 */
export async function charge(limit: Limit, key: string): Promise<{ attempts: number; blockedUntil: Date | null }> {
	const seconds = limit.windowMs / 1000;
	const expired = sql`rate_limits.window_started_at <= now() - make_interval(secs => ${seconds})`;
	const attempts = sql`case when ${expired} then 1 else rate_limits.attempts + 1 end`;
	const started = sql`case when ${expired} then now() else rate_limits.window_started_at end`;
	const result = await asSystem(async (tx) =>
		rowsOf<{ attempts: number; blocked_until: string | Date | null }>(
			await tx.execute(sql`
				insert into rate_limits (key, attempts, window_started_at, blocked_until)
				values (${key}, 1, now(), case when 1 >= ${limit.max} then now() + make_interval(secs => ${seconds}) end)
				on conflict (key) do update set
					attempts = ${attempts},
					window_started_at = ${started},
					blocked_until = case when ${attempts} >= ${limit.max}
						then ${started} + make_interval(secs => ${seconds}) end
				returning attempts, blocked_until`)
		)
	);
	const row = result[0]!;
	return { attempts: Number(row.attempts), blockedUntil: row.blocked_until ? new Date(row.blocked_until) : null };
}

/** Forgets the attempts counted under the keys (after a successful sign-in to the account). */
export async function clearLimits(keys: string[]): Promise<void> {
	if (keys.length === 0) return;
	await asSystem((tx) => tx.delete(rateLimits).where(inArray(rateLimits.key, keys)));
}

/** Removes windows that ended long ago; run now and then. */
export async function deleteStaleLimits(): Promise<void> {
	await asSystem((tx) =>
		tx.execute(sql`delete from rate_limits where window_started_at < now() - interval '1 day' and (blocked_until is null or blocked_until < now())`)
	);
}
