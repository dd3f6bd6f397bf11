import { and, eq, inArray } from 'drizzle-orm';
import { internalRoles } from '$lib/roles';
import type { Transaction } from '../db/client';
import { memberships } from '../db/schema';
import { CommandError } from '../errors';

/**
 * Refuses someone named to own or answer for a thing (an activity, a risk, an action) who is not an
 * internal member of the consortium: the supplier owns nothing of the consortium's own work.
 */
export async function checkInternalMember(tx: Transaction, consortiumId: string, userId: string | undefined, field = 'ownerId') {
	if (!userId) return;
	const [member] = await tx
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.consortiumId, consortiumId), eq(memberships.userId, userId), inArray(memberships.role, [...internalRoles])));
	if (!member) throw new CommandError('invalid_choice', field, 422);
}
