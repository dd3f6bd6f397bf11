import { desc, eq, inArray, sql } from 'drizzle-orm';
import { withUser } from '../db/request';
import { users, webhookDeliveries, webhooks } from '../db/schema';
import { actorFor, type Who } from '../consortia/actor';

/** Deliveries shown per webhook on the page. */
const LOG_LENGTH = 20;

/** The consortium's webhooks (never their secrets), newest first, each with its latest deliveries. For admins; anyone else gets NotFound. */
export async function listWebhooks(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'webhooks.manage');
		const hooks = await tx
			.select({
				id: webhooks.id,
				url: webhooks.url,
				events: webhooks.events,
				active: webhooks.active,
				createdAt: webhooks.createdAt,
				createdBy: users.name
			})
			.from(webhooks)
			.leftJoin(users, eq(users.id, webhooks.createdBy))
			.where(eq(webhooks.consortiumId, consortiumId))
			.orderBy(desc(webhooks.createdAt));
		if (hooks.length === 0) return [];
		const ranked = tx
			.select({
				id: webhookDeliveries.id,
				webhookId: webhookDeliveries.webhookId,
				eventId: webhookDeliveries.eventId,
				type: webhookDeliveries.type,
				status: webhookDeliveries.status,
				attempts: webhookDeliveries.attempts,
				nextAttemptAt: webhookDeliveries.nextAttemptAt,
				lastStatus: webhookDeliveries.lastStatus,
				lastError: webhookDeliveries.lastError,
				lastAttemptAt: webhookDeliveries.lastAttemptAt,
				deliveredAt: webhookDeliveries.deliveredAt,
				createdAt: webhookDeliveries.createdAt,
				place:
					sql<number>`row_number() over (partition by ${webhookDeliveries.webhookId} order by ${webhookDeliveries.createdAt} desc, ${webhookDeliveries.id})`.as(
						'place'
					)
			})
			.from(webhookDeliveries)
			.where(
				inArray(
					webhookDeliveries.webhookId,
					hooks.map((h) => h.id)
				)
			)
			.as('ranked');
		const deliveries = await tx
			.select()
			.from(ranked)
			.where(sql`${ranked.place} <= ${LOG_LENGTH}`)
			.orderBy(desc(ranked.createdAt));
		return hooks.map((h) => ({ ...h, deliveries: deliveries.filter((d) => d.webhookId === h.id).map(({ place: _place, ...d }) => d) }));
	});
}
