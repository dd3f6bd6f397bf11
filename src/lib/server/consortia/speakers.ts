import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { memberships, users } from '../db/schema';

/**
 * The people who may speak for each of the organisations (their representatives and deputies), with
 * what a reminder needs to reach them: for the reminders of decision items and priority rounds.
 */
export async function speakersOf(tx: Transaction, consortiumId: string, organisationIds: readonly string[]) {
	if (organisationIds.length === 0) return [];
	return tx
		.select({
			userId: memberships.userId,
			organisationId: memberships.organisationId,
			email: users.email,
			locale: users.locale,
			mail: users.mailNotifications
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(
			and(
				eq(memberships.consortiumId, consortiumId),
				inArray(memberships.role, ['representative', 'deputy']),
				inArray(memberships.organisationId, [...organisationIds])
			)
		);
}
