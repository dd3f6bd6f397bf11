import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { asSystem } from '../db/request';
import { eachTaken } from '../db/locks';
import { webhookDeliveries, webhooks } from '../db/schema';
import { EVENTS_CHANNEL, type LiveEvent } from '../events/event';
import { log } from '../log';
import { allowsPrivateAddresses, resolveWebhookUrl, WebhookUrlRefused, type ResolvedAddress } from './address';
import { onWebhookQueued } from './outbox';
import { signWebhook } from './signing';

/** Waits after the 1st, 2nd, … failed attempt; after the last one the delivery has failed. */
export const BACKOFF_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];
export const TIMEOUT_MS = 10_000;
const EVERY_MS = 15_000;
/** Deliveries taken per sweep; the rest wait for the next one. */
const BATCH = 25;

export interface DeliveryOptions {
	/** The sweep's time: what is due, and what the next attempts are counted from. */
	now?: Date;
	backoff?: readonly number[];
	timeoutMs?: number;
	allowPrivate?: boolean;
}

export interface DeliveryOutcome {
	id: string;
	status: 'delivered' | 'pending' | 'failed';
	httpStatus: number | null;
	error: string | null;
}

type Claimed = {
	id: string;
	consortiumId: string;
	type: string;
	payload: unknown;
	attempts: number;
	url: string;
	secret: string;
};

let sweep: ReturnType<typeof setInterval> | undefined;
let soon: ReturnType<typeof setTimeout> | undefined;
let running: Promise<unknown> | null = null;

/**
 * Starts the delivery worker with the app: a sweep now and every `every` ms, and shortly after
 * something is queued. The database holds what is due, so a delivery queued while no process ran
 * goes out on the next start.
 */
export function startWebhookDelivery(every = EVERY_MS): void {
	if (sweep) return;
	const run = () => {
		if (running) return;
		running = deliverDueWebhooks()
			.catch((error) => log.warn({ err: error }, 'webhook delivery failed'))
			.finally(() => (running = null));
	};
	onWebhookQueued(() => {
		if (soon) return;
		soon = setTimeout(() => {
			soon = undefined;
			run();
		}, 200);
		soon.unref?.();
	});
	run();
	sweep = setInterval(run, every);
	sweep.unref?.();
}

/** Stops the worker (tests, shutdown). */
export function stopWebhookDelivery(): void {
	clearInterval(sweep);
	clearTimeout(soon);
	sweep = soon = undefined;
	onWebhookQueued(null);
}

/**
 * One sweep: takes the due deliveries of active webhooks, each in at most one process, and sends
 * them one after the other. Taking one counts the attempt and moves its next attempt past the
 * request's timeout (a claim: a process that dies mid-request leaves it to be taken again then);
 * the request runs outside any transaction, and its answer is recorded afterwards.
 */
export async function deliverDueWebhooks(options: DeliveryOptions = {}): Promise<DeliveryOutcome[]> {
	const now = options.now ?? new Date();
	const backoff = options.backoff ?? BACKOFF_MS;
	const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
	const allowPrivate = options.allowPrivate ?? allowsPrivateAddresses();
	const claimed = await asSystem((tx) => claimDueIn(tx, now, timeoutMs));
	const outcomes: DeliveryOutcome[] = [];
	for (const delivery of claimed) {
		const answer = await send(delivery, { timeoutMs, allowPrivate });
		outcomes.push(await asSystem((tx) => recordAttemptIn(tx, delivery, answer, now, backoff)));
	}
	return outcomes;
}

async function claimDueIn(tx: Transaction, now: Date, timeoutMs: number): Promise<Claimed[]> {
	const due = and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now), eq(webhooks.active, true));
	const candidates = await tx
		.select({ id: webhookDeliveries.id })
		.from(webhookDeliveries)
		.innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
		.where(due)
		.orderBy(asc(webhookDeliveries.nextAttemptAt))
		.limit(BATCH);
	const claimed: Claimed[] = [];
	const lease = new Date(now.getTime() + timeoutMs + 60_000);
	await eachTaken(
		tx,
		candidates.map((c) => c.id),
		(id) => `webhook_delivery:${id}`,
		async (id) =>
			(
				await tx
					.select({
						id: webhookDeliveries.id,
						consortiumId: webhookDeliveries.consortiumId,
						type: webhookDeliveries.type,
						payload: webhookDeliveries.payload,
						attempts: webhookDeliveries.attempts,
						status: webhookDeliveries.status,
						nextAttemptAt: webhookDeliveries.nextAttemptAt,
						active: webhooks.active,
						url: webhooks.url,
						secret: webhooks.secret
					})
					.from(webhookDeliveries)
					.innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
					.where(eq(webhookDeliveries.id, id))
			)[0],
		(row) => row.status === 'pending' && row.active && row.nextAttemptAt !== null && row.nextAttemptAt <= now,
		async (row) => {
			await tx
				.update(webhookDeliveries)
				.set({ attempts: row.attempts + 1, nextAttemptAt: lease, lastAttemptAt: now })
				.where(eq(webhookDeliveries.id, row.id));
			claimed.push({
				id: row.id,
				consortiumId: row.consortiumId,
				type: row.type,
				payload: row.payload,
				attempts: row.attempts + 1,
				url: row.url,
				secret: row.secret
			});
		}
	);
	return claimed;
}

type Answer = { httpStatus: number } | { error: string };

/** Posts one delivery, signed, to the address its URL resolves to now (checked again); never follows a redirect. */
async function send(delivery: Claimed, options: { timeoutMs: number; allowPrivate: boolean }): Promise<Answer> {
	let target: { url: URL; addresses: ResolvedAddress[] };
	try {
		target = await resolveWebhookUrl(delivery.url, options.allowPrivate);
	} catch (e) {
		if (e instanceof WebhookUrlRefused) return { error: `refused: ${e.key.replace('webhook_url_', '')}` };
		throw e;
	}
	const body = JSON.stringify(delivery.payload);
	const timestamp = String(Math.floor(Date.now() / 1000));
	const headers = {
		'content-type': 'application/json',
		'content-length': String(Buffer.byteLength(body)),
		'user-agent': 'Samsyn-Webhooks/1',
		'x-samsyn-event': delivery.type,
		'x-samsyn-delivery': delivery.id,
		'x-samsyn-timestamp': timestamp,
		'x-samsyn-signature': signWebhook(delivery.secret, timestamp, body)
	};
	try {
		return { httpStatus: await post(target.url, target.addresses[0]!, headers, body, options.timeoutMs) };
	} catch (e) {
		return { error: describe(e) };
	}
}

/** The POST itself, connected to `address` (the one just checked), whatever a new lookup would say. */
function post(url: URL, address: ResolvedAddress, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
	const pinned: LookupFunction = (_hostname, options, callback) => {
		if (options.all) callback(null, [{ address: address.address, family: address.family }]);
		else callback(null, address.address, address.family);
	};
	const client = url.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const request = client.request(url, { method: 'POST', headers, lookup: pinned, agent: false, signal: AbortSignal.timeout(timeoutMs) }, (response) => {
			// The answer's body is not read: its status is the whole answer. A body still streaming
			// when the timeout aborts the request ends with an error that nobody waits for any more.
			response.on('error', () => {});
			response.resume();
			resolve(response.statusCode ?? 0);
		});
		request.on('error', reject);
		request.end(body);
	});
}

/** A short reason for the log on the page: never the receiver's body, never more than a line. */
function describe(error: unknown): string {
	if (error instanceof Error) {
		if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timeout';
		const code = (error as { code?: string }).code;
		return (code ? `${code}: ${error.message}` : error.message).slice(0, 200);
	}
	return String(error).slice(0, 200);
}

async function recordAttemptIn(tx: Transaction, delivery: Claimed, answer: Answer, now: Date, backoff: readonly number[]): Promise<DeliveryOutcome> {
	const httpStatus = 'httpStatus' in answer ? answer.httpStatus : null;
	const ok = httpStatus !== null && httpStatus >= 200 && httpStatus < 300;
	const error = ok ? null : 'error' in answer ? answer.error : `HTTP ${httpStatus}`;
	const last = delivery.attempts > backoff.length;
	const status = ok ? ('delivered' as const) : last ? ('failed' as const) : ('pending' as const);
	await tx
		.update(webhookDeliveries)
		.set({
			status,
			lastStatus: httpStatus,
			lastError: error,
			deliveredAt: ok ? new Date() : null,
			nextAttemptAt: status === 'pending' ? new Date(now.getTime() + backoff[delivery.attempts - 1]!) : null
		})
		// Only the claim's own attempt: a claim that outlived its lease was taken again and is the other's now.
		.where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.attempts, delivery.attempts), eq(webhookDeliveries.status, 'pending')));
	await announce(tx, delivery.consortiumId, delivery.id);
	if (!ok) log.info({ delivery: delivery.id, attempt: delivery.attempts, error }, 'webhook delivery attempt failed');
	return { id: delivery.id, status, httpStatus, error };
}

/** Tells the admins' open pages that a delivery's state changed: a live event only, as the delivery log is the record. */
async function announce(tx: Transaction, consortiumId: string, deliveryId: string): Promise<void> {
	const event: LiveEvent = {
		consortiumId,
		topic: 'webhook',
		action: 'webhook.delivery_attempted',
		entityId: deliveryId,
		related: [],
		audience: 'admins',
		userId: null,
		actorId: null
	};
	await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
}
