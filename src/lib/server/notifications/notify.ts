import type { Transaction } from '../db/client';
import { notifications } from '../db/schema';
import { recordChange } from '../audit/record-change';

export type NewNotification = Omit<typeof notifications.$inferInsert, 'id' | 'createdAt' | 'readAt'> & { consortiumId: string; userId: string };

/**
 * Gives a person a notification in the caller's transaction and tells their open pages at once
 * (audited, live to that user only). No RETURNING: whoever causes it may create the row but, rightly,
 * not read someone else's notification.
 */
export async function notify(tx: Transaction, notification: NewNotification): Promise<void> {
	const id = crypto.randomUUID();
	await tx.insert(notifications).values({ ...notification, id });
	await recordChange(tx, {
		actorId: notification.actorId ?? null,
		consortiumId: notification.consortiumId,
		action: 'notification.created',
		entityType: 'notification',
		entityId: id,
		audience: 'user',
		userId: notification.userId
	});
}
