import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { baselineItems, baselines, consortia, users } from '../db/schema';
import { NotFound } from '../errors';
import type { SpecDocument, SpecRequirement } from '../exports/spec';
import { abilities } from '../policy';
import { readerFor, type Who } from '../consortia/actor';
import { compareSpecs } from './compare';

/** The consortium's baselines, newest first, with who froze them. */
export async function listBaselines(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const items = await tx
			.select({
				id: baselines.id,
				name: baselines.name,
				description: baselines.description,
				requirementCount: baselines.requirementCount,
				createdAt: baselines.createdAt,
				createdBy: users.name
			})
			.from(baselines)
			.leftJoin(users, eq(users.id, baselines.createdBy))
			.where(eq(baselines.consortiumId, consortiumId))
			.orderBy(desc(baselines.createdAt), asc(baselines.name));
		return { items, can: abilities(actor, { consortiumId }) };
	});
}

export async function loadSpec(tx: Transaction, consortiumId: string, id: string): Promise<SpecDocument> {
	const [row] = await tx
		.select({
			id: baselines.id,
			name: baselines.name,
			description: baselines.description,
			createdAt: baselines.createdAt,
			createdBy: users.name,
			consortiumName: consortia.name
		})
		.from(baselines)
		.innerJoin(consortia, eq(consortia.id, baselines.consortiumId))
		.leftJoin(users, eq(users.id, baselines.createdBy))
		.where(and(eq(baselines.id, id), eq(baselines.consortiumId, consortiumId)));
	if (!row) throw new NotFound();
	const items = await tx.select().from(baselineItems).where(eq(baselineItems.baselineId, id)).orderBy(asc(baselineItems.number));
	return {
		id: row.id,
		consortiumName: row.consortiumName,
		name: row.name,
		description: row.description,
		frozenAt: row.createdAt,
		frozenBy: row.createdBy,
		requirements: items.map(toSpecRequirement)
	};
}

/** A baseline item in the exports' plain shape. */
export function toSpecRequirement(item: typeof baselineItems.$inferSelect): SpecRequirement {
	return {
		id: item.requirementId ?? `${item.baselineId}-${item.number}`,
		identifier: item.identifier,
		number: item.number,
		revision: item.revision,
		title: item.title,
		text: item.bodyText,
		rationale: item.rationale,
		acceptanceCriteria: item.acceptanceCriteria,
		obligation: item.obligation,
		weight: item.weight,
		type: item.type,
		subtype: item.subtype,
		verification: item.verification,
		scope: item.scope,
		localOrganisations: item.localOrganisations,
		status: item.status
	};
}

/** A baseline with every frozen requirement, as the page and the exports use it. */
export async function getBaseline(person: Who, consortiumId: string, id: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const spec = await loadSpec(tx, consortiumId, id);
		return { spec, can: abilities(actor, { consortiumId }) };
	});
}

/** What changed from one baseline to another (both of this consortium). */
export async function compareBaselines(person: Who, consortiumId: string, fromId: string, toId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const found = await tx
			.select({ id: baselines.id })
			.from(baselines)
			.where(and(eq(baselines.consortiumId, consortiumId), inArray(baselines.id, [fromId, toId])));
		if (found.length !== new Set([fromId, toId]).size) throw new NotFound();
		const [from, to] = [await loadSpec(tx, consortiumId, fromId), await loadSpec(tx, consortiumId, toId)];
		return { from, to, comparison: compareSpecs(from.requirements, to.requirements) };
	});
}
