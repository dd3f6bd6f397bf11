import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { baselineItems, baselines, organisations, requirementOrganisations, requirements } from '../db/schema';
import { CommandError } from '../errors';
import { actorFor, type Who } from '../consortia/actor';
import type { CreateBaselineInput } from './schemas';

type BaselineRow = typeof baselines.$inferSelect;

/**
 * Freezes the consortium's approved requirements (the approved revision of each number) as a
 * named baseline: a copy of every field at this moment, with the names of the municipalities a
 * local requirement applies to. Refused when nothing is approved or the name is taken.
 */
export async function createBaseline(person: Who, consortiumId: string, input: CreateBaselineInput): Promise<BaselineRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const { baseline, frozen } = await freezeApproved(tx, consortiumId, input, person.id);
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'baseline.created',
			entityType: 'baseline',
			entityId: baseline.id,
			after: { ...baseline, requirements: frozen }
		});
		return baseline;
	});
}

/**
 * The freeze itself, in the caller's transaction (the command above after its policy check, and
 * the demo seed, so the demo's baseline is made the way every baseline is made).
 */
export async function freezeApproved(tx: Transaction, consortiumId: string, input: CreateBaselineInput, createdBy: string | null) {
	const [taken] = await tx
		.select({ id: baselines.id })
		.from(baselines)
		.where(and(eq(baselines.consortiumId, consortiumId), eq(baselines.name, input.name)));
	if (taken) throw new CommandError('baseline_name_taken', 'name', 409);

	// Lock the approved rows so an approval or revision racing this freeze waits for it.
	const approved = await tx
		.select()
		.from(requirements)
		.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.status, 'approved')))
		.orderBy(asc(requirements.number), desc(requirements.revision))
		.for('share');
	const newest = approved.filter((r, i) => i === 0 || approved[i - 1]!.number !== r.number);
	if (newest.length === 0) throw new CommandError('baseline_empty', 'form', 422);

	const local = newest.filter((r) => r.scope === 'local').map((r) => r.id);
	const places = local.length
		? await tx
				.select({ requirementId: requirementOrganisations.requirementId, name: organisations.name })
				.from(requirementOrganisations)
				.innerJoin(organisations, eq(organisations.id, requirementOrganisations.organisationId))
				.where(inArray(requirementOrganisations.requirementId, local))
				.orderBy(asc(organisations.name))
		: [];
	const [baseline] = await tx
		.insert(baselines)
		.values({ consortiumId, name: input.name, description: input.description, requirementCount: newest.length, createdBy })
		.returning();
	const items = newest.map((r, position) => ({
		baselineId: baseline!.id,
		consortiumId,
		requirementId: r.id,
		position,
		number: r.number,
		identifier: r.identifier,
		revision: r.revision,
		title: r.title,
		bodyText: r.bodyText,
		rationale: r.rationale,
		acceptanceCriteria: r.acceptanceCriteria,
		obligation: r.obligation,
		weight: r.weight,
		type: r.type,
		subtype: r.subtype,
		verification: r.verification,
		scope: r.scope,
		localOrganisations: places.filter((p) => p.requirementId === r.id).map((p) => p.name),
		status: r.status,
		approvedAt: r.decidedAt
	}));
	for (let i = 0; i < items.length; i += 500) await tx.insert(baselineItems).values(items.slice(i, i + 500));
	return { baseline: baseline!, frozen: newest.map((r) => ({ id: r.id, identifier: r.identifier, revision: r.revision })) };
}
