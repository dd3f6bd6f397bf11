import { sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { auditLog } from '../db/schema';
import { EVENTS_CHANNEL, type Audience, type LiveEvent } from '../events/event';

export interface Change {
	actorId: string | null;
	consortiumId: string | null;
	/** A verb in the past tense, dotted by area: `membership.role_changed`. */
	action: string;
	entityType: string;
	entityId: string | null;
	before?: unknown;
	after?: unknown;
	ipAddress?: string | null;
	/** Who hears about it live; defaults to the consortium's internal members. */
	audience?: Audience;
	/** The one user concerned, for audience `user` or a change to what they may see. */
	userId?: string | null;
	/**
	 * Other things of the same topic whose pages show this change (the revision a new one replaces,
	 * the needs a story links): their open pages reload too. Ids only.
	 */
	related?: string[];
	/**
	 * Audit only, no live event: for what the people concerned already see live another way (the
	 * co-edited text itself travels over its socket; the audit log keeps who edited it, and when).
	 */
	quiet?: boolean;
}

/**
 * Appends the change to the audit log and announces it with pg_notify, both in the caller's
 * transaction: a rolled-back write leaves neither a log line nor a live event behind.
 */
export async function recordChange(tx: Transaction, change: Change): Promise<void> {
	await tx.insert(auditLog).values({
		consortiumId: change.consortiumId,
		actorId: change.actorId,
		action: change.action,
		entityType: change.entityType,
		entityId: change.entityId,
		before: change.before === undefined ? null : toJson(change.before),
		after: change.after === undefined ? null : toJson(change.after),
		ipAddress: change.ipAddress ?? null
	});
	if (change.quiet) return;
	await announceChange(tx, change);
}

/**
 * Announces a change live without a line of its own in the audit log: for telling each person
 * concerned (audience `user`) of a change audited once already.
 */
export async function announceChange(tx: Transaction, change: Change): Promise<void> {
	const event: LiveEvent = {
		consortiumId: change.consortiumId,
		topic: change.entityType,
		action: change.action,
		related: [...new Set(change.related ?? [])].slice(0, 50),
		entityId: change.entityId,
		audience: change.audience ?? (change.consortiumId ? 'internal' : 'user'),
		userId: change.userId ?? (change.consortiumId ? null : change.actorId),
		actorId: change.actorId
	};
	await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
}

/** Dates become ISO strings and secrets never reach the log. */
function toJson(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value, (key, v) => (/password|token|hash/i.test(key) ? '[redacted]' : v)));
}
