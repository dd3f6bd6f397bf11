import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { initiatives, organisations, technologies, technologyCategories, technologyStatuses } from '../db/schema';
import { recordChange } from '../audit/record-change';
import { CommandError } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { authorize } from '../policy';
import type { TechnologyStatus } from '../../enums';
import { cleanAliases, collisions } from './matching';
import { lockTechnology, type StatusRow, type TechnologyRow } from './state';
import type { CategoryInput, StatusInput, TechnologyInput } from './schemas';

const SINCE: readonly TechnologyStatus[] = ['in_use', 'pilot', 'discontinued'];
const PLANNED: readonly TechnologyStatus[] = ['planned', 'in_procurement', 'investigating'];
const RUNNING: readonly TechnologyStatus[] = ['in_use', 'pilot'];

/**
 * Sets one municipality's status for one technology. Its representative, deputy or member may;
 * an admin may for any municipality. A technology or organisation that is not the consortium's, or
 * an organisation that is no municipality, is refused with a message, never written.
 */
export async function setStatus(person: Who, consortiumId: string, input: StatusInput): Promise<StatusRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const [technology] = await tx
			.select({ id: technologies.id })
			.from(technologies)
			.where(and(eq(technologies.id, input.technologyId), eq(technologies.consortiumId, consortiumId)));
		if (!technology) throw new CommandError('portfolio_unknown_technology', 'technologyId', 422);
		const [organisation] = await tx
			.select({ kind: organisations.kind })
			.from(organisations)
			.where(and(eq(organisations.id, input.organisationId), eq(organisations.consortiumId, consortiumId)));
		if (!organisation) throw new CommandError('portfolio_unknown_municipality', 'organisationId', 422);
		authorize(actor, 'portfolio_status.edit', { consortiumId, organisationId: input.organisationId });
		if (organisation.kind !== 'municipality') throw new CommandError('portfolio_unknown_municipality', 'organisationId', 422);
		return setStatusIn(tx, consortiumId, person.id, input);
	});
}

/** Writes a status in the caller's transaction (the command above, and the demo seed); a year that does not fit the status is dropped. */
export async function setStatusIn(tx: Transaction, consortiumId: string, updatedBy: string | null, input: StatusInput): Promise<StatusRow> {
	const [before] = await tx
		.select()
		.from(technologyStatuses)
		.where(and(eq(technologyStatuses.technologyId, input.technologyId), eq(technologyStatuses.organisationId, input.organisationId)));
	// More of what runs already can be planned; a plan on top of a plan or a stop is nothing.
	const expands = input.expansionPlanned && RUNNING.includes(input.status);
	const values = {
		status: input.status,
		sinceYear: SINCE.includes(input.status) ? (input.sinceYear ?? null) : null,
		expansionPlanned: expands,
		plannedYear: PLANNED.includes(input.status) || expands ? (input.plannedYear ?? null) : null,
		supplier: input.supplier,
		contractEnd: input.contractEnd ?? null,
		intent: input.intent,
		note: input.note,
		updatedBy,
		updatedAt: new Date()
	};
	const [row] = await tx
		.insert(technologyStatuses)
		.values({ consortiumId, technologyId: input.technologyId, organisationId: input.organisationId, ...values })
		.onConflictDoUpdate({ target: [technologyStatuses.technologyId, technologyStatuses.organisationId], set: values })
		.returning();
	await recordChange(tx, {
		actorId: updatedBy,
		consortiumId,
		action: 'portfolio.status_set',
		entityType: 'portfolio',
		entityId: row!.id,
		before: before ?? null,
		after: row,
		related: [input.technologyId, input.organisationId]
	});
	return row!;
}

/** Adds a category to the catalogue, last in order. Admins only. */
export async function createCategory(person: Who, consortiumId: string, input: CategoryInput) {
	return withUser(person, async (tx) => {
		authorize(await readerFor(tx, person, consortiumId), 'portfolio.manage', { consortiumId });
		return createCategoryIn(tx, consortiumId, person.id, input.name);
	});
}

/** Writes a category in the caller's transaction; a name the consortium has already is refused. */
export async function createCategoryIn(tx: Transaction, consortiumId: string, actorId: string | null, name: string) {
	const existing = await tx
		.select({ name: technologyCategories.name, position: technologyCategories.position })
		.from(technologyCategories)
		.where(eq(technologyCategories.consortiumId, consortiumId));
	if (existing.some((c) => c.name.toLocaleLowerCase('sv') === name.toLocaleLowerCase('sv')))
		throw new CommandError('portfolio_category_taken', 'name', 409, { name });
	const position = existing.reduce((n, c) => Math.max(n, c.position), 0) + 1;
	const [row] = await tx.insert(technologyCategories).values({ consortiumId, name, position }).returning();
	await recordChange(tx, { actorId, consortiumId, action: 'portfolio.category_created', entityType: 'portfolio', entityId: row!.id, after: row });
	return row!;
}

async function catalogueIn(tx: Transaction, consortiumId: string) {
	return tx
		.select({ id: technologies.id, name: technologies.name, aliases: technologies.aliases })
		.from(technologies)
		.where(eq(technologies.consortiumId, consortiumId));
}

async function checkCategory(tx: Transaction, consortiumId: string, categoryId: string) {
	const [category] = await tx
		.select({ id: technologyCategories.id })
		.from(technologyCategories)
		.where(and(eq(technologyCategories.id, categoryId), eq(technologyCategories.consortiumId, consortiumId)));
	if (!category) throw new CommandError('invalid_choice', 'categoryId', 422);
}

/** Refuses a name or alias that another technology of the catalogue already answers to, naming it. */
function refuseCollisions(terms: string[], catalogue: Awaited<ReturnType<typeof catalogueIn>>, except?: string) {
	const [clash] = collisions(terms, catalogue, except);
	if (clash) throw new CommandError('portfolio_name_taken', 'name', 409, { name: clash.term, technology: clash.technology.name });
}

/** Adds a technology to the catalogue. Admins only; its name and aliases must not be another's. */
export async function createTechnology(person: Who, consortiumId: string, input: TechnologyInput): Promise<TechnologyRow> {
	return withUser(person, async (tx) => {
		authorize(await readerFor(tx, person, consortiumId), 'portfolio.manage', { consortiumId });
		return createTechnologyIn(tx, consortiumId, person.id, input);
	});
}

/** Writes a technology in the caller's transaction (the command above, and the demo seed). */
export async function createTechnologyIn(tx: Transaction, consortiumId: string, actorId: string | null, input: TechnologyInput): Promise<TechnologyRow> {
	await checkCategory(tx, consortiumId, input.categoryId);
	const aliases = cleanAliases(input.name, input.aliases);
	refuseCollisions([input.name, ...aliases], await catalogueIn(tx, consortiumId));
	const [row] = await tx
		.insert(technologies)
		.values({ consortiumId, categoryId: input.categoryId, name: input.name, description: input.description, aliases })
		.returning();
	await recordChange(tx, { actorId, consortiumId, action: 'portfolio.technology_created', entityType: 'portfolio', entityId: row!.id, after: row });
	return row!;
}

/** Changes a technology's category, name, description and aliases. Admins only. */
export async function updateTechnology(person: Who, consortiumId: string, id: string, input: TechnologyInput): Promise<TechnologyRow> {
	return withUser(person, async (tx) => {
		authorize(await readerFor(tx, person, consortiumId), 'portfolio.manage', { consortiumId });
		const before = await lockTechnology(tx, consortiumId, id);
		await checkCategory(tx, consortiumId, input.categoryId);
		const aliases = cleanAliases(input.name, input.aliases);
		refuseCollisions([input.name, ...aliases], await catalogueIn(tx, consortiumId), id);
		const [row] = await tx
			.update(technologies)
			.set({ categoryId: input.categoryId, name: input.name, description: input.description, aliases, updatedAt: new Date() })
			.where(eq(technologies.id, id))
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'portfolio.technology_updated',
			entityType: 'portfolio',
			entityId: id,
			before,
			after: row
		});
		return row!;
	});
}

/** What a merge did: how many statuses moved, and where both had a status for the same municipality, which one was kept. */
export interface MergeOutcome {
	target: TechnologyRow;
	moved: number;
	conflicts: { organisationId: string; organisation: string; kept: 'merged' | 'target' }[];
}

/**
 * Merges a technology into another: its statuses move over, its name and aliases become the
 * other's aliases, and it is removed. Where both have a status for the same municipality, the one
 * updated last is kept (the target's on a tie), and the outcome says so. Admins only.
 */
export async function mergeTechnologies(person: Who, consortiumId: string, sourceId: string, targetId: string): Promise<MergeOutcome> {
	return withUser(person, async (tx) => {
		authorize(await readerFor(tx, person, consortiumId), 'portfolio.manage', { consortiumId });
		return mergeTechnologiesIn(tx, consortiumId, person.id, sourceId, targetId);
	});
}

/** Merges in the caller's transaction; both technologies are locked in id order, so two merges of the same pair queue rather than deadlock. */
export async function mergeTechnologiesIn(
	tx: Transaction,
	consortiumId: string,
	actorId: string | null,
	sourceId: string,
	targetId: string
): Promise<MergeOutcome> {
	if (sourceId === targetId) throw new CommandError('portfolio_merge_same', 'targetId', 422);
	const [first, second] = [sourceId, targetId].sort();
	const locked = [await lockTechnology(tx, consortiumId, first!), await lockTechnology(tx, consortiumId, second!)];
	const source = locked.find((t) => t.id === sourceId)!;
	const target = locked.find((t) => t.id === targetId)!;
	const rows = await tx
		.select({ status: technologyStatuses, organisation: organisations.name })
		.from(technologyStatuses)
		.innerJoin(organisations, eq(organisations.id, technologyStatuses.organisationId))
		.where(inArray(technologyStatuses.technologyId, [sourceId, targetId]))
		.orderBy(asc(organisations.name));
	const targetRows = new Map(rows.filter((r) => r.status.technologyId === targetId).map((r) => [r.status.organisationId, r.status]));
	const conflicts: MergeOutcome['conflicts'] = [];
	let moved = 0;
	for (const { status, organisation } of rows.filter((r) => r.status.technologyId === sourceId)) {
		const theirs = targetRows.get(status.organisationId);
		if (!theirs) {
			await tx.update(technologyStatuses).set({ technologyId: targetId }).where(eq(technologyStatuses.id, status.id));
			moved++;
			continue;
		}
		const sourceNewer = status.updatedAt.getTime() > theirs.updatedAt.getTime();
		if (sourceNewer) {
			await tx.delete(technologyStatuses).where(eq(technologyStatuses.id, theirs.id));
			await tx.update(technologyStatuses).set({ technologyId: targetId }).where(eq(technologyStatuses.id, status.id));
		} else await tx.delete(technologyStatuses).where(eq(technologyStatuses.id, status.id));
		conflicts.push({ organisationId: status.organisationId, organisation, kept: sourceNewer ? 'merged' : 'target' });
	}
	const aliases = cleanAliases(target.name, [...target.aliases, source.name, ...source.aliases]);
	// Initiatives about the merged entry are about the one it became.
	await tx.update(initiatives).set({ technologyId: targetId }).where(eq(initiatives.technologyId, sourceId));
	await tx.delete(technologies).where(eq(technologies.id, sourceId));
	const [merged] = await tx.update(technologies).set({ aliases, updatedAt: new Date() }).where(eq(technologies.id, targetId)).returning();
	await recordChange(tx, {
		actorId,
		consortiumId,
		action: 'portfolio.technologies_merged',
		entityType: 'portfolio',
		entityId: targetId,
		before: { source, target },
		after: { technology: merged, moved, conflicts },
		related: [sourceId]
	});
	return { target: merged!, moved, conflicts };
}

/** Removes a category nothing is in. Admins only; one with technologies is refused (move them first). */
export async function deleteCategory(person: Who, consortiumId: string, categoryId: string): Promise<void> {
	await withUser(person, async (tx) => {
		authorize(await readerFor(tx, person, consortiumId), 'portfolio.manage', { consortiumId });
		const [category] = await tx
			.select()
			.from(technologyCategories)
			.where(and(eq(technologyCategories.id, categoryId), eq(technologyCategories.consortiumId, consortiumId)));
		if (!category) throw new CommandError('invalid_choice', 'categoryId', 422);
		const [used] = await tx.select({ id: technologies.id }).from(technologies).where(eq(technologies.categoryId, categoryId)).limit(1);
		if (used) throw new CommandError('portfolio_category_not_empty', 'categoryId', 409);
		await tx.delete(technologyCategories).where(eq(technologyCategories.id, categoryId));
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'portfolio.category_deleted',
			entityType: 'portfolio',
			entityId: categoryId,
			before: category
		});
	});
}

/**
 * Removes one municipality's status for a technology (back to "not given"): the same people as
 * may set it. Nothing to remove is no error.
 */
export async function clearStatus(person: Who, consortiumId: string, technologyId: string, organisationId: string): Promise<boolean> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		authorize(actor, 'portfolio_status.edit', { consortiumId, organisationId });
		const [before] = await tx
			.delete(technologyStatuses)
			.where(
				and(
					eq(technologyStatuses.consortiumId, consortiumId),
					eq(technologyStatuses.technologyId, technologyId),
					eq(technologyStatuses.organisationId, organisationId)
				)
			)
			.returning();
		if (!before) return false;
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'portfolio.status_cleared',
			entityType: 'portfolio',
			entityId: before.id,
			before,
			related: [technologyId, organisationId]
		});
		return true;
	});
}
