import { and, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { delegations, mandates, memberships } from '../db/schema';
import { CommandError, NotFound } from '../errors';
import { actorFor, type Who } from './actor';
import type { AppointMandateInput, DelegateInput, EndMandateInput, RevokeDelegationInput } from './schemas';

type MandateKind = 'representative' | 'deputy';
type MandateRow = typeof mandates.$inferSelect;
type DelegationRow = typeof delegations.$inferSelect;

const today = sql`current_date`;
const yesterday = sql`current_date - 1`;
/** Stands in for an organisation that was not found: only an admin's rights reach it. */
const NO_ORGANISATION = 'none';

/** Puts a mandate in the register from today (used when a role becomes representative or deputy). */
export async function startMandate(
	tx: Transaction,
	input: { consortiumId: string; organisationId: string; userId: string; kind: MandateKind; actorId: string | null }
): Promise<void> {
	const [mandate] = await tx
		.insert(mandates)
		.values({
			consortiumId: input.consortiumId,
			organisationId: input.organisationId,
			userId: input.userId,
			kind: input.kind,
			validFrom: today,
			createdBy: input.actorId
		})
		.returning();
	await recordChange(tx, {
		actorId: input.actorId,
		consortiumId: input.consortiumId,
		action: 'mandate.appointed',
		entityType: 'mandate',
		entityId: mandate!.id,
		after: mandate
	});
}

/**
 * Ends a person's mandates for an organisation that are in force or still to come: those that
 * began before today end yesterday (history kept); those that never took effect are removed.
 */
export async function endMandatesOf(
	tx: Transaction,
	input: { consortiumId: string; organisationId: string; userId: string; actorId: string | null; kind?: MandateKind }
): Promise<void> {
	const current = await tx
		.select()
		.from(mandates)
		.where(
			and(
				eq(mandates.consortiumId, input.consortiumId),
				eq(mandates.organisationId, input.organisationId),
				eq(mandates.userId, input.userId),
				input.kind ? eq(mandates.kind, input.kind) : undefined,
				or(isNull(mandates.validTo), gte(mandates.validTo, today))
			)
		);
	for (const mandate of current) {
		const [ended] = await tx
			.update(mandates)
			.set({ validTo: yesterday })
			.where(and(eq(mandates.id, mandate.id), lt(mandates.validFrom, today)))
			.returning();
		if (!ended) await tx.delete(mandates).where(eq(mandates.id, mandate.id));
		await recordChange(tx, {
			actorId: input.actorId,
			consortiumId: input.consortiumId,
			action: ended ? 'mandate.ended' : 'mandate.withdrawn',
			entityType: 'mandate',
			entityId: mandate.id,
			before: mandate,
			after: ended ?? null
		});
	}
}

/** Revokes delegations in force that a person gave or received for an organisation. */
export async function revokeDelegationsInvolving(
	tx: Transaction,
	input: { consortiumId: string; organisationId: string; userId: string; actorId: string | null }
): Promise<void> {
	const revoked = await tx
		.update(delegations)
		.set({ revokedAt: new Date() })
		.where(
			and(
				eq(delegations.consortiumId, input.consortiumId),
				eq(delegations.organisationId, input.organisationId),
				isNull(delegations.revokedAt),
				or(eq(delegations.fromUserId, input.userId), eq(delegations.toUserId, input.userId))
			)
		)
		.returning();
	for (const delegation of revoked) {
		await recordChange(tx, {
			actorId: input.actorId,
			consortiumId: input.consortiumId,
			action: 'delegation.revoked',
			entityType: 'delegation',
			entityId: delegation.id,
			after: delegation
		});
	}
}

/**
 * Appoints a member as their organisation's representative or deputy from a date. Their role
 * follows the mandate; whoever held the same mandate before has it ended the day before and, if
 * their role was that mandate, becomes a member.
 */
export async function appointMandate(person: Who, consortiumId: string, input: AppointMandateInput): Promise<MandateRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'members.manage');
		const [membership] = await tx
			.select()
			.from(memberships)
			.where(and(eq(memberships.consortiumId, consortiumId), eq(memberships.userId, input.userId)))
			.for('update');
		if (!membership) throw new CommandError('unknown_member', 'userId', 422);
		if (!['representative', 'deputy', 'member'].includes(membership.role)) {
			throw new CommandError('mandate_role', 'userId', 422);
		}
		const organisationId = membership.organisationId;

		const others = await tx
			.select()
			.from(mandates)
			.where(
				and(eq(mandates.organisationId, organisationId), eq(mandates.kind, input.kind), or(isNull(mandates.validTo), gte(mandates.validTo, input.validFrom)))
			)
			.for('update');
		if (others.some((o) => o.validFrom >= input.validFrom)) throw new CommandError('mandate_overlap', 'validFrom', 409);
		for (const previous of others) {
			const [ended] = await tx
				.update(mandates)
				.set({ validTo: sql`${input.validFrom}::date - 1` })
				.where(eq(mandates.id, previous.id))
				.returning();
			await recordChange(tx, {
				actorId: person.id,
				consortiumId,
				action: 'mandate.ended',
				entityType: 'mandate',
				entityId: previous.id,
				before: previous,
				after: ended
			});
			if (previous.userId !== input.userId) await demoteHolder(tx, person.id, consortiumId, previous.userId, input.kind);
		}

		const [mandate] = await tx
			.insert(mandates)
			.values({
				consortiumId,
				organisationId,
				userId: input.userId,
				kind: input.kind,
				validFrom: input.validFrom,
				validTo: input.validTo ?? null,
				createdBy: person.id
			})
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'mandate.appointed',
			entityType: 'mandate',
			entityId: mandate!.id,
			after: mandate
		});
		if (membership.role !== input.kind) {
			await tx.update(memberships).set({ role: input.kind }).where(eq(memberships.id, membership.id));
			await recordChange(tx, {
				actorId: person.id,
				consortiumId,
				action: 'membership.role_changed',
				entityType: 'membership',
				entityId: membership.id,
				before: { role: membership.role },
				after: { role: input.kind },
				userId: membership.userId
			});
		}
		return mandate!;
	});
}

/** A previous mandate holder whose role was the mandate goes back to being a member. */
async function demoteHolder(tx: Transaction, actorId: string, consortiumId: string, userId: string, kind: MandateKind) {
	const [changed] = await tx
		.update(memberships)
		.set({ role: 'member' })
		.where(and(eq(memberships.consortiumId, consortiumId), eq(memberships.userId, userId), eq(memberships.role, kind)))
		.returning();
	if (!changed) return;
	await recordChange(tx, {
		actorId,
		consortiumId,
		action: 'membership.role_changed',
		entityType: 'membership',
		entityId: changed.id,
		before: { role: kind },
		after: { role: 'member' },
		userId
	});
}

/** Ends a mandate on a date; the row stays in the register as history. */
export async function endMandate(person: Who, consortiumId: string, input: EndMandateInput): Promise<MandateRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'members.manage');
		const [mandate] = await tx
			.select()
			.from(mandates)
			.where(and(eq(mandates.id, input.mandateId), eq(mandates.consortiumId, consortiumId)))
			.for('update');
		if (!mandate) throw new NotFound();
		if (input.validTo < mandate.validFrom) throw new CommandError('before_start', 'validTo', 422);
		const [ended] = await tx.update(mandates).set({ validTo: input.validTo }).where(eq(mandates.id, mandate.id)).returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'mandate.ended',
			entityType: 'mandate',
			entityId: mandate.id,
			before: mandate,
			after: ended
		});
		return ended!;
	});
}

/**
 * Hands an organisation's voice to its deputy for a period (absence, say). A representative does
 * it for their own organisation; an admin for any.
 */
export async function delegateVoice(person: Who, consortiumId: string, input: DelegateInput): Promise<DelegationRow> {
	return withUser(person, async (tx) => {
		const [deputy] = await tx
			.select()
			.from(memberships)
			.where(and(eq(memberships.consortiumId, consortiumId), eq(memberships.userId, input.toUserId)));
		// Authorise before revealing anything about the person named.
		await actorFor(tx, person, consortiumId, 'delegation.manage', { consortiumId: consortiumId, organisationId: deputy?.organisationId ?? NO_ORGANISATION });
		if (!deputy || deputy.role !== 'deputy') throw new CommandError('not_a_deputy', 'toUserId', 422);
		const [delegation] = await tx
			.insert(delegations)
			.values({
				consortiumId,
				organisationId: deputy.organisationId,
				fromUserId: person.id,
				toUserId: deputy.userId,
				reason: input.reason,
				validFrom: input.validFrom,
				validTo: input.validTo ?? null
			})
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'delegation.granted',
			entityType: 'delegation',
			entityId: delegation!.id,
			after: delegation
		});
		return delegation!;
	});
}

/** Revokes a delegation; the deputy stops speaking for the organisation at once. */
export async function revokeDelegation(person: Who, consortiumId: string, input: RevokeDelegationInput): Promise<void> {
	await withUser(person, async (tx) => {
		const [delegation] = await tx
			.select()
			.from(delegations)
			.where(and(eq(delegations.id, input.delegationId), eq(delegations.consortiumId, consortiumId)));
		await actorFor(tx, person, consortiumId, 'delegation.manage', {
			consortiumId: consortiumId,
			organisationId: delegation?.organisationId ?? NO_ORGANISATION
		});
		if (!delegation) throw new NotFound();
		if (delegation.revokedAt) return;
		const [revoked] = await tx
			.update(delegations)
			.set({ revokedAt: new Date() })
			.where(and(eq(delegations.id, delegation.id), isNull(delegations.revokedAt)))
			.returning();
		if (!revoked) throw new NotFound();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'delegation.revoked',
			entityType: 'delegation',
			entityId: delegation.id,
			before: delegation,
			after: revoked
		});
	});
}
