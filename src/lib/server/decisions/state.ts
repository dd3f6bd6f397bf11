import { and, asc, eq, inArray } from 'drizzle-orm';
import { advisoryLock } from '../db/locks';
import type { Transaction } from '../db/client';
import { decisionConflicts, decisionItems, decisionOptions, decisionPositions, memberships, organisations, users } from '../db/schema';
import { NotFound } from '../errors';
import type { Actor, DecisionItemResource } from '../policy';
import { rulesOf } from '../requirements/workflow';
import { decisionOutcome, type DecisionTally } from '../governance/decision-outcome';
import type { GroundRules } from '../governance/decision-rule';

export type DecisionItemRow = typeof decisionItems.$inferSelect;

/**
 * The item, with a transaction-scoped advisory lock on it: exclusive for what changes its state (two
 * closings or recordings queue, not race), shared for positions (many at once, but none while it
 * closes). Advisory, because a row lock would need the right to update the row, which someone who
 * only states a position does not have.
 */
export async function lockItem(tx: Transaction, consortiumId: string, id: string, mode: 'exclusive' | 'shared' = 'exclusive'): Promise<DecisionItemRow> {
	await advisoryLock(tx, id, mode);
	const [row] = await tx
		.select()
		.from(decisionItems)
		.where(and(eq(decisionItems.id, id), eq(decisionItems.consortiumId, consortiumId)));
	if (!row) throw new NotFound();
	return row;
}

/** The item as the policy decides on it, for this actor: its status and the conflicts of interest that matter. */
export async function itemResource(
	tx: Transaction,
	actor: Actor,
	item: Pick<DecisionItemRow, 'id' | 'consortiumId' | 'status'>
): Promise<DecisionItemResource> {
	const organisationId = actor.membership?.organisationId;
	const conflicts = organisationId
		? await tx
				.select({ userId: decisionConflicts.userId, role: memberships.role })
				.from(decisionConflicts)
				.innerJoin(memberships, and(eq(memberships.userId, decisionConflicts.userId), eq(memberships.organisationId, decisionConflicts.organisationId)))
				.where(and(eq(decisionConflicts.itemId, item.id), eq(decisionConflicts.organisationId, organisationId)))
		: [];
	return {
		consortiumId: item.consortiumId,
		status: item.status,
		actorConflicted: conflicts.some((c) => c.userId === actor.id),
		representativeConflicted: conflicts.some((c) => c.role === 'representative')
	};
}

export interface OrganisationPosition {
	organisationId: string;
	name: string;
	population: number | null;
	stance: DecisionPositionRow['stance'] | null;
	optionId: string | null;
	reason: string;
	byName: string | null;
	actingAs: 'representative' | 'deputy' | null;
	at: Date | null;
}
type DecisionPositionRow = typeof decisionPositions.$inferSelect;

export interface PositionsState {
	rules: GroundRules;
	options: { id: string; label: string; position: number }[];
	positions: OrganisationPosition[];
	tally: DecisionTally;
}

/** Each voting organisation's position on the item, and what the ground rules make of them now. */
export async function positionsState(tx: Transaction, consortiumId: string, itemId: string, final: boolean): Promise<PositionsState> {
	const [rules, members, given, options] = await Promise.all([
		rulesOf(tx, consortiumId),
		tx
			.select({ id: organisations.id, name: organisations.name, population: organisations.population })
			.from(organisations)
			.where(and(eq(organisations.consortiumId, consortiumId), inArray(organisations.kind, ['municipality', 'region'])))
			.orderBy(asc(organisations.name)),
		tx
			.select({
				organisationId: decisionPositions.organisationId,
				stance: decisionPositions.stance,
				optionId: decisionPositions.optionId,
				reason: decisionPositions.reason,
				actingAs: decisionPositions.actingAs,
				at: decisionPositions.updatedAt,
				byName: users.name
			})
			.from(decisionPositions)
			.leftJoin(users, eq(users.id, decisionPositions.userId))
			.where(eq(decisionPositions.itemId, itemId)),
		tx
			.select({ id: decisionOptions.id, label: decisionOptions.label, position: decisionOptions.position })
			.from(decisionOptions)
			.where(eq(decisionOptions.itemId, itemId))
			.orderBy(asc(decisionOptions.position))
	]);
	const byOrganisation = new Map(given.map((g) => [g.organisationId, g]));
	const positions = members.map((o) => {
		const g = byOrganisation.get(o.id);
		return {
			organisationId: o.id,
			name: o.name,
			population: o.population,
			stance: g?.stance ?? null,
			optionId: g?.optionId ?? null,
			reason: g?.reason ?? '',
			byName: g?.byName ?? null,
			actingAs: g?.actingAs ?? null,
			at: g?.at ?? null
		};
	});
	const tally = decisionOutcome(
		rules,
		members,
		given.map((g) => ({ organisationId: g.organisationId, stance: g.stance, optionId: g.optionId })),
		{ final, optionIds: options.length >= 2 ? options.map((o) => o.id) : [] }
	);
	return { rules, options, positions, tally };
}
