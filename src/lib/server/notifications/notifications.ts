import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { consortia, notifications, users } from '../db/schema';
import { recordChange } from '../audit/record-change';
import { NotFound } from '../errors';
import type { Person } from '../consortia/actor';
import { targetPath } from '../comments/commands';

/** How many of the person's notifications are unread (for the header), in a caller's transaction. */
export async function countUnreadIn(tx: Transaction, person: Person): Promise<number> {
	const [row] = await tx
		.select({ n: count() })
		.from(notifications)
		.where(and(eq(notifications.userId, person.id), isNull(notifications.readAt)));
	return row?.n ?? 0;
}

/** How many of the person's notifications are unread (for the header). */
export async function countUnread(person: Person): Promise<number> {
	return withUser(person, (tx) => countUnreadIn(tx, person));
}

/** The person's latest notifications, newest first, with where each one leads. */
export async function listNotifications(person: Person, limit = 50) {
	return withUser(person, async (tx) => {
		const rows = await tx
			.select({
				id: notifications.id,
				kind: notifications.kind,
				targetKind: notifications.targetKind,
				targetId: notifications.targetId,
				summary: notifications.summary,
				createdAt: notifications.createdAt,
				readAt: notifications.readAt,
				actorName: users.name,
				slug: consortia.slug,
				consortiumName: consortia.name
			})
			.from(notifications)
			.innerJoin(consortia, eq(consortia.id, notifications.consortiumId))
			.leftJoin(users, eq(users.id, notifications.actorId))
			.where(eq(notifications.userId, person.id))
			.orderBy(desc(notifications.createdAt))
			.limit(limit);
		return rows.map((r) => ({ ...r, href: targetPath(r.slug, r.targetKind, r.targetId) }));
	});
}

/** Marks one of the person's notifications read (or all of them, without an id). */
export async function markRead(person: Person, id?: string): Promise<number> {
	return withUser(person, async (tx) => {
		const updated = await tx
			.update(notifications)
			.set({ readAt: new Date() })
			.where(and(eq(notifications.userId, person.id), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined))
			.returning({ id: notifications.id });
		if (id && updated.length === 0) {
			const [exists] = await tx
				.select({ id: notifications.id })
				.from(notifications)
				.where(and(eq(notifications.id, id), eq(notifications.userId, person.id)));
			if (!exists) throw new NotFound();
		}
		if (updated.length > 0) {
			await recordChange(tx, {
				actorId: person.id,
				consortiumId: null,
				action: 'notification.read',
				entityType: 'notification',
				entityId: id ?? null,
				audience: 'user',
				userId: person.id
			});
		}
		return updated.length;
	});
}
