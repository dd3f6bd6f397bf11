import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { asServerIn } from '../db/request';
import { consortia, webhookDeliveries, webhooks } from '../db/schema';
import { webhookEventTypes, type WebhookEventType } from '../../enums';

/** The events a consortium's webhooks can receive. */
export const webhookEvents = webhookEventTypes;
export type WebhookEvent = WebhookEventType;

/** What a receiver gets as the body of every delivery. */
export interface WebhookEnvelope {
	id: string;
	type: WebhookEvent | 'ping';
	created_at: string;
	consortium: string;
	data: Record<string, unknown>;
}

let wake: (() => void) | null = null;

/** Lets the delivery worker be told that something was queued (it looks shortly after, once the transaction has committed). */
export function onWebhookQueued(listener: (() => void) | null): void {
	wake = listener;
}

/**
 * Queues `type` with `data` for every active webhook of the consortium that takes it, in the caller's
 * transaction (so an event is sent if and only if the change it reports committed): one delivery row
 * per webhook, all with one event id. The rows are the server's (written on its own role, as mail
 * is); the delivery worker sends them.
 */
export async function enqueueWebhookEvent(tx: Transaction, consortiumId: string, type: WebhookEvent, data: Record<string, unknown>): Promise<void> {
	await queueIn(tx, consortiumId, type, data);
}

/** Queues one event for the consortium's active webhooks that take it, or (`only`) for one webhook; returns the event's id, or null when nobody takes it. */
export async function queueIn(
	tx: Transaction,
	consortiumId: string,
	type: WebhookEvent | 'ping',
	data: Record<string, unknown>,
	only?: string
): Promise<string | null> {
	return asServerIn(tx, async (own) => {
		const targets = await own
			.select({ id: webhooks.id, slug: consortia.slug })
			.from(webhooks)
			.innerJoin(consortia, eq(consortia.id, webhooks.consortiumId))
			.where(and(eq(webhooks.consortiumId, consortiumId), eq(webhooks.active, true), only ? eq(webhooks.id, only) : sql`${type} = any(${webhooks.events})`));
		if (targets.length === 0) return null;
		const eventId = crypto.randomUUID();
		const now = new Date();
		const payload: WebhookEnvelope = { id: eventId, type, created_at: now.toISOString(), consortium: targets[0]!.slug, data };
		await own.insert(webhookDeliveries).values(targets.map((t) => ({ consortiumId, webhookId: t.id, eventId, type, payload, nextAttemptAt: now })));
		wake?.();
		return eventId;
	});
}
