import { and, eq } from 'drizzle-orm';
import { withUser } from '../db/request';
import { webhooks } from '../db/schema';
import { recordChange } from '../audit/record-change';
import { actorFor, type Who } from '../consortia/actor';
import { CommandError, NotFound } from '../errors';
import { resolveWebhookUrl, WebhookUrlRefused } from './address';
import { queueIn } from './outbox';
import { generateWebhookSecret } from './signing';
import type { CreateWebhookInput } from './schemas';

/** The URL as it will be called, or the refusal beside the URL field (malformed, not https, credentials, private address). */
async function checkedUrl(raw: string): Promise<string> {
	try {
		return (await resolveWebhookUrl(raw)).url.toString();
	} catch (e) {
		if (e instanceof WebhookUrlRefused) throw new CommandError(e.key, 'url', 422);
		throw e;
	}
}

const listed = { id: webhooks.id, url: webhooks.url, events: webhooks.events, active: webhooks.active };

/**
 * Registers a webhook for the consortium: the URL is checked (and its host resolved) before
 * anything is written. Returns the new secret, which the admin is shown now and never again.
 */
export async function createWebhook(person: Who, consortiumId: string, input: CreateWebhookInput): Promise<{ id: string; secret: string }> {
	// Refused before the URL is looked at; the host is resolved outside the writing transaction, which stays short.
	await withUser(person, (tx) => actorFor(tx, person, consortiumId, 'webhooks.manage'));
	const url = await checkedUrl(input.url);
	const secret = generateWebhookSecret();
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'webhooks.manage');
		const [row] = await tx
			.insert(webhooks)
			.values({ consortiumId, url, secret, events: [...new Set(input.events)], createdBy: person.id })
			.returning(listed);
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'webhook.created',
			entityType: 'webhook',
			entityId: row!.id,
			after: row,
			audience: 'admins'
		});
		return { id: row!.id, secret };
	});
}

/** Gives a webhook a new secret (shown once); deliveries from now on are signed with it. */
export async function rotateWebhookSecret(person: Who, consortiumId: string, id: string): Promise<{ secret: string }> {
	const secret = generateWebhookSecret();
	await withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'webhooks.manage');
		const [row] = await tx
			.update(webhooks)
			.set({ secret, updatedAt: new Date() })
			.where(and(eq(webhooks.id, id), eq(webhooks.consortiumId, consortiumId)))
			.returning(listed);
		if (!row) throw new NotFound();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'webhook.secret_renewed',
			entityType: 'webhook',
			entityId: id,
			after: { url: row.url },
			audience: 'admins'
		});
	});
	return { secret };
}

/** Switches a webhook on or off; while off it takes no events, and what was pending waits. */
export async function setWebhookActive(person: Who, consortiumId: string, id: string, active: boolean): Promise<void> {
	await withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'webhooks.manage');
		const [row] = await tx
			.update(webhooks)
			.set({ active, updatedAt: new Date() })
			.where(and(eq(webhooks.id, id), eq(webhooks.consortiumId, consortiumId)))
			.returning(listed);
		if (!row) throw new NotFound();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: active ? 'webhook.enabled' : 'webhook.disabled',
			entityType: 'webhook',
			entityId: id,
			after: row,
			audience: 'admins'
		});
	});
}

/** Removes a webhook and its delivery log. */
export async function deleteWebhook(person: Who, consortiumId: string, id: string): Promise<void> {
	await withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'webhooks.manage');
		const [row] = await tx
			.delete(webhooks)
			.where(and(eq(webhooks.id, id), eq(webhooks.consortiumId, consortiumId)))
			.returning(listed);
		if (!row) throw new NotFound();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'webhook.deleted',
			entityType: 'webhook',
			entityId: id,
			before: row,
			audience: 'admins'
		});
	});
}

/** Queues a `ping` event for one active webhook, so the admin sees a delivery (and the receiver checks its signature) at once. */
export async function sendTestEvent(person: Who, consortiumId: string, id: string): Promise<void> {
	await withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'webhooks.manage');
		const [row] = await tx
			.select(listed)
			.from(webhooks)
			.where(and(eq(webhooks.id, id), eq(webhooks.consortiumId, consortiumId)));
		if (!row) throw new NotFound();
		if (!row.active) throw new CommandError('webhook_disabled', 'form', 409);
		await queueIn(tx, consortiumId, 'ping', { message: 'Samsyn test event' }, id);
		await recordChange(tx, { actorId: person.id, consortiumId, action: 'webhook.pinged', entityType: 'webhook', entityId: id, audience: 'admins' });
	});
}
