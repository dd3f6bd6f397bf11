import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { groundRules, organisations, requirementApprovals, requirements, users } from '../db/schema';
import { recordChange } from '../audit/record-change';
import { CommandError, StaleWrite } from '../errors';
import { authorize, type ItemAction } from '../policy';
import { tally, type GroundRules, type Tally } from '../governance/decision-rule';
import { actorFor, type Who } from '../consortia/actor';
import { loadForUpdate } from './commands';
import { storeDerivedText } from '../collab/derived';

export interface OrganisationVote {
	organisationId: string;
	name: string;
	population: number | null;
	verdict: 'approve' | 'object' | null;
	reason: string;
	byName: string | null;
	actingAs: 'representative' | 'deputy' | null;
	at: Date | null;
}

export interface ApprovalState {
	rules: GroundRules;
	votes: OrganisationVote[];
	tally: Tally;
}

/** The consortium's ground rules (defaults when none were set). */
export async function rulesOf(tx: Transaction, consortiumId: string): Promise<GroundRules> {
	const [row] = await tx.select().from(groundRules).where(eq(groundRules.consortiumId, consortiumId));
	return {
		decisionRule: row?.decisionRule ?? 'consensus',
		qualifiedMajorityPercent: row?.qualifiedMajorityPercent ?? 67,
		quorumPercent: row?.quorumPercent ?? 50,
		weighting: row?.weighting ?? 'per_organisation'
	};
}

/** Each member organisation's verdict on a revision and what the ground rules make of them. */
export async function approvalState(tx: Transaction, consortiumId: string, requirementId: string): Promise<ApprovalState> {
	const given = await tx
		.select({
			organisationId: requirementApprovals.organisationId,
			verdict: requirementApprovals.verdict,
			reason: requirementApprovals.reason,
			actingAs: requirementApprovals.actingAs,
			at: requirementApprovals.updatedAt,
			byName: users.name
		})
		.from(requirementApprovals)
		.leftJoin(users, eq(users.id, requirementApprovals.userId))
		.where(eq(requirementApprovals.requirementId, requirementId));
	return votesUnderRules(tx, consortiumId, given);
}

/** A verdict as given, by the person who gave it for their organisation. */
export interface GivenVerdict {
	organisationId: string;
	verdict: 'approve' | 'object';
	reason: string;
	actingAs: 'representative' | 'deputy';
	at: Date;
	byName: string | null;
}

/**
 * Every member organisation's verdict (none for those that gave none) and what the consortium's
 * ground rules make of them: the one tally of requirements, documents and whatever else the member
 * organisations approve.
 */
export async function votesUnderRules(tx: Transaction, consortiumId: string, given: readonly GivenVerdict[]): Promise<ApprovalState> {
	const [rules, members] = await Promise.all([
		rulesOf(tx, consortiumId),
		tx
			.select({ id: organisations.id, name: organisations.name, population: organisations.population })
			.from(organisations)
			.where(and(eq(organisations.consortiumId, consortiumId), inArray(organisations.kind, ['municipality', 'region'])))
			.orderBy(asc(organisations.name))
	]);
	const byOrganisation = new Map(given.map((g) => [g.organisationId, g]));
	const votes: OrganisationVote[] = members.map((o) => {
		const g = byOrganisation.get(o.id);
		return {
			organisationId: o.id,
			name: o.name,
			population: o.population,
			verdict: g?.verdict ?? null,
			reason: g?.reason ?? '',
			byName: g?.byName ?? null,
			actingAs: g?.actingAs ?? null,
			at: g?.at ?? null
		};
	});
	const result = tally(
		rules,
		members,
		given.map((g) => ({ organisationId: g.organisationId, verdict: g.verdict }))
	);
	return { rules, votes, tally: result };
}

async function transition(
	person: Who,
	consortiumId: string,
	id: string,
	version: number,
	step: Extract<ItemAction, 'requirement.submit' | 'requirement.return' | 'requirement.withdraw'>,
	to: 'draft' | 'in_review' | 'withdrawn',
	action: string
) {
	return withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'content.write');
		const before = await loadForUpdate(tx, requirements, id, consortiumId);
		if (before.version !== version) throw new StaleWrite({ status: before.status, version: before.version });
		authorize(actor, step, before);
		await storeDerivedText(tx, `requirement/${id}/body`); // the co-edited text as it is now, not as last debounced
		// Verdicts belong to one round of review; a new round starts from none.
		if (to === 'draft' || to === 'in_review') await tx.delete(requirementApprovals).where(eq(requirementApprovals.requirementId, id));
		const [after] = await tx
			.update(requirements)
			.set({
				status: to,
				version: before.version + 1,
				updatedBy: person.id,
				updatedAt: new Date(),
				...(to === 'in_review' ? { submittedAt: new Date() } : {}),
				...(to === 'withdrawn' ? { decidedAt: new Date() } : {})
			})
			.where(eq(requirements.id, id))
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action,
			entityType: 'requirement',
			entityId: id,
			before: { status: before.status, version: before.version },
			after: { status: after!.status, version: after!.version }
		});
		return after!;
	});
}

/** Draft → in review: the member organisations may now approve or object. */
export function submitForReview(person: Who, consortiumId: string, id: string, version: number) {
	return transition(person, consortiumId, id, version, 'requirement.submit', 'in_review', 'requirement.submitted');
}

/** In review → draft, clearing the verdicts given so far (for a rework). */
export function returnToDraft(person: Who, consortiumId: string, id: string, version: number) {
	return transition(person, consortiumId, id, version, 'requirement.return', 'draft', 'requirement.returned');
}

/** Withdraws a requirement from the specification; it stays readable. */
export function withdrawRequirement(person: Who, consortiumId: string, id: string, version: number) {
	return transition(person, consortiumId, id, version, 'requirement.withdraw', 'withdrawn', 'requirement.withdrawn');
}

/**
 * Records the verdict of the person's own organisation on a revision in review, as its
 * representative or as the deputy speaking for it. When the verdicts then meet the ground rules,
 * the revision is approved in the same transaction, and the revision it replaces becomes replaced.
 */
export async function recordVerdict(
	person: Who,
	consortiumId: string,
	input: { requirementId: string; verdict: 'approve' | 'object'; reason: string }
): Promise<ApprovalState & { status: string }> {
	return withUser(person, async (tx) => {
		// Whether this person speaks for their organisation at all, before anything of the requirement is read.
		const actor = await actorFor(tx, person, consortiumId, 'organisation.approve');
		const membership = actor.membership!;
		const requirement = await loadForUpdate(tx, requirements, input.requirementId, consortiumId);
		authorize(actor, 'requirement.verdict', requirement);
		await storeDerivedText(tx, `requirement/${requirement.id}/body`); // verdicts count for the words as they are now
		const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, membership.organisationId));
		if (!organisation) throw new CommandError('organisation_not_voting', 'form', 422);
		const actingAs = membership.role === 'representative' ? 'representative' : 'deputy';
		const [row] = await tx
			.insert(requirementApprovals)
			.values({
				consortiumId,
				requirementId: requirement.id,
				organisationId: organisation.id,
				verdict: input.verdict,
				reason: input.reason,
				userId: person.id,
				actingAs
			})
			.onConflictDoUpdate({
				target: [requirementApprovals.requirementId, requirementApprovals.organisationId],
				set: { verdict: input.verdict, reason: input.reason, userId: person.id, actingAs, updatedAt: new Date() }
			})
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: input.verdict === 'approve' ? 'requirement.approved_by' : 'requirement.objected_by',
			entityType: 'requirement',
			entityId: requirement.id,
			after: row
		});
		const state = await approvalState(tx, consortiumId, requirement.id);
		let status: string = requirement.status;
		if (state.tally.outcome === 'approved') {
			status = 'approved';
			await tx
				.update(requirements)
				.set({ status: 'approved', decidedAt: new Date(), version: requirement.version + 1, updatedAt: new Date() })
				.where(eq(requirements.id, requirement.id));
			if (requirement.replacesId) {
				await tx.update(requirements).set({ status: 'replaced', decidedAt: new Date() }).where(eq(requirements.id, requirement.replacesId));
			}
			await recordChange(tx, {
				actorId: person.id,
				consortiumId,
				action: 'requirement.approved',
				entityType: 'requirement',
				entityId: requirement.id,
				related: requirement.replacesId ? [requirement.replacesId] : [],
				before: { status: 'in_review' },
				after: { status: 'approved', tally: state.tally }
			});
		}
		return { ...state, status };
	});
}
