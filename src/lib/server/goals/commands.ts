import { and, eq, inArray } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { advisoryLock } from '../db/locks';
import { withUser } from '../db/request';
import {
	effectGoalLinks,
	effectGoalMeasurements,
	effectGoalOrganisations,
	effectGoals,
	initiatives,
	organisations,
	requirements,
	userStories
} from '../db/schema';
import { CommandError, NotFound, StaleWrite } from '../errors';
import { actorFor, readerFor, type Who } from '../consortia/actor';
import { authorize } from '../policy';
import type { GoalInput, GoalLinksInput, GoalUpdate, MeasurementInput, MeasurementUpdate } from './schemas';

export type GoalRow = typeof effectGoals.$inferSelect;
export type MeasurementRow = typeof effectGoalMeasurements.$inferSelect;

/** Audits a change to a goal and announces it on the goal's page, the list, and the pages of what it links. */
async function audit(tx: Transaction, actorId: string | null, goal: GoalRow, action: string, before: unknown, after: unknown, related: string[] = []) {
	await recordChange(tx, {
		actorId,
		consortiumId: goal.consortiumId,
		action,
		entityType: 'effect_goal',
		entityId: goal.id,
		before,
		after,
		related
	});
}

/** Refuses ids that are not all things of the consortium (`field` names the form's field). */
async function checkAll(tx: Transaction, ids: string[], field: string, found: () => Promise<{ id: string }[]>) {
	if (ids.length === 0) return;
	if ((await found()).length !== ids.length) throw new CommandError('invalid_choice', field, 422);
}

async function checkInitiatives(tx: Transaction, consortiumId: string, ids: string[], field: string) {
	await checkAll(tx, ids, field, () =>
		tx
			.select({ id: initiatives.id })
			.from(initiatives)
			.where(and(eq(initiatives.consortiumId, consortiumId), inArray(initiatives.id, ids)))
	);
}

/** The municipalities and regions of the consortium among `ids` (the ones that can expect a benefit), or a refusal. */
async function checkMunicipalities(tx: Transaction, consortiumId: string, ids: string[], field: string) {
	await checkAll(tx, ids, field, () =>
		tx
			.select({ id: organisations.id })
			.from(organisations)
			.where(and(eq(organisations.consortiumId, consortiumId), inArray(organisations.id, ids), inArray(organisations.kind, ['municipality', 'region'])))
	);
}

const linkedOrganisations = async (tx: Transaction, goalId: string) =>
	(await tx.select({ id: effectGoalOrganisations.organisationId }).from(effectGoalOrganisations).where(eq(effectGoalOrganisations.goalId, goalId))).map(
		(r) => r.id
	);

/** The goal of the consortium, locked for the rest of the transaction; NotFound otherwise. */
async function lockedGoal(tx: Transaction, consortiumId: string, goalId: string): Promise<GoalRow> {
	await advisoryLock(tx, `effect_goal:${goalId}`);
	const [goal] = await tx
		.select()
		.from(effectGoals)
		.where(and(eq(effectGoals.id, goalId), eq(effectGoals.consortiumId, consortiumId)));
	if (!goal) throw new NotFound();
	return goal;
}

const goalValues = (input: GoalInput) => ({
	category: input.category,
	title: input.title,
	indicator: input.indicator,
	unit: input.unit,
	baselineValue: input.baselineValue,
	baselineOn: input.baselineOn,
	targetValue: input.targetValue,
	targetOn: input.targetOn,
	initiativeId: input.initiativeId ?? null
});

/** Creates an effect goal (a writer's: `content.write`), with the municipalities that expect its benefit. */
export async function createGoal(person: Who, consortiumId: string, input: GoalInput): Promise<GoalRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		return createGoalIn(tx, person.id, consortiumId, input);
	});
}

/** Writes a goal in the caller's transaction (the command above, and the demo seed). */
export async function createGoalIn(tx: Transaction, actorId: string | null, consortiumId: string, input: GoalInput): Promise<GoalRow> {
	await checkInitiatives(tx, consortiumId, input.initiativeId ? [input.initiativeId] : [], 'initiativeId');
	const organisationIds = [...new Set(input.organisationIds)];
	await checkMunicipalities(tx, consortiumId, organisationIds, 'organisationIds');
	const [goal] = await tx
		.insert(effectGoals)
		.values({ consortiumId, ...goalValues(input), createdBy: actorId })
		.returning();
	if (organisationIds.length)
		await tx.insert(effectGoalOrganisations).values(organisationIds.map((organisationId) => ({ consortiumId, goalId: goal!.id, organisationId })));
	await audit(tx, actorId, goal!, 'effect_goal.created', null, { ...goal, organisationIds });
	return goal!;
}

/** Saves a goal's figures, dates, category, initiative and municipalities, unless someone else saved it since `input.version`. */
export async function updateGoal(person: Who, consortiumId: string, goalId: string, input: GoalUpdate): Promise<GoalRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const before = await lockedGoal(tx, consortiumId, goalId);
		if (before.version !== input.version) throw new StaleWrite({ title: before.title, version: before.version });
		await checkInitiatives(tx, consortiumId, input.initiativeId ? [input.initiativeId] : [], 'initiativeId');
		const organisationIds = [...new Set(input.organisationIds)];
		await checkMunicipalities(tx, consortiumId, organisationIds, 'organisationIds');
		const beforeOrganisations = await linkedOrganisations(tx, goalId);
		const [goal] = await tx
			.update(effectGoals)
			.set({ ...goalValues(input), version: before.version + 1, updatedAt: new Date() })
			.where(eq(effectGoals.id, goalId))
			.returning();
		await tx.delete(effectGoalOrganisations).where(eq(effectGoalOrganisations.goalId, goalId));
		if (organisationIds.length)
			await tx.insert(effectGoalOrganisations).values(organisationIds.map((organisationId) => ({ consortiumId, goalId, organisationId })));
		await audit(tx, person.id, goal!, 'effect_goal.updated', { ...before, organisationIds: beforeOrganisations }, { ...goal, organisationIds });
		return goal!;
	});
}

/**
 * Replaces what is meant to realise a goal (requirements, user stories, initiatives), unless someone
 * else saved the goal since `input.version`; the pages of what was linked or unlinked reload.
 */
export async function setGoalLinks(person: Who, consortiumId: string, goalId: string, input: GoalLinksInput): Promise<GoalRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const before = await lockedGoal(tx, consortiumId, goalId);
		if (before.version !== input.version) throw new StaleWrite({ title: before.title, version: before.version });
		return setGoalLinksIn(tx, person.id, before, input);
	});
}

/** Writes a goal's links in the caller's transaction (the command above, and the demo seed). */
export async function setGoalLinksIn(tx: Transaction, actorId: string | null, before: GoalRow, input: GoalLinksInput): Promise<GoalRow> {
	const { consortiumId, id: goalId } = before;
	const requirementIds = [...new Set(input.requirementIds)];
	const storyIds = [...new Set(input.storyIds)];
	const initiativeIds = [...new Set(input.initiativeIds)];
	await checkAll(tx, requirementIds, 'requirementIds', () =>
		tx
			.select({ id: requirements.id })
			.from(requirements)
			.where(and(eq(requirements.consortiumId, consortiumId), inArray(requirements.id, requirementIds)))
	);
	await checkAll(tx, storyIds, 'storyIds', () =>
		tx
			.select({ id: userStories.id })
			.from(userStories)
			.where(and(eq(userStories.consortiumId, consortiumId), inArray(userStories.id, storyIds)))
	);
	await checkInitiatives(tx, consortiumId, initiativeIds, 'initiativeIds');
	const old = await tx.select().from(effectGoalLinks).where(eq(effectGoalLinks.goalId, goalId));
	await tx.delete(effectGoalLinks).where(eq(effectGoalLinks.goalId, goalId));
	const rows = [
		...requirementIds.map((requirementId) => ({ consortiumId, goalId, requirementId })),
		...storyIds.map((storyId) => ({ consortiumId, goalId, storyId })),
		...initiativeIds.map((initiativeId) => ({ consortiumId, goalId, initiativeId }))
	];
	if (rows.length) await tx.insert(effectGoalLinks).values(rows);
	const [goal] = await tx
		.update(effectGoals)
		.set({ version: before.version + 1, updatedAt: new Date() })
		.where(eq(effectGoals.id, goalId))
		.returning();
	const idsOf = (links: { requirementId?: string | null; storyId?: string | null; initiativeId?: string | null }[]) =>
		links.flatMap((l) => [l.requirementId, l.storyId, l.initiativeId]).filter((id): id is string => Boolean(id));
	const previous = {
		requirementIds: old.flatMap((l) => (l.requirementId ? [l.requirementId] : [])),
		storyIds: old.flatMap((l) => (l.storyId ? [l.storyId] : [])),
		initiativeIds: old.flatMap((l) => (l.initiativeId ? [l.initiativeId] : []))
	};
	await audit(tx, actorId, goal!, 'effect_goal.links_set', previous, { requirementIds, storyIds, initiativeIds }, [...idsOf(old), ...idsOf(rows)]);
	return goal!;
}

/**
 * Records a measurement of a goal: for a municipality by its own writers or an admin, for the
 * consortium as a whole (no organisation) by any writer (`goal_measurement.record`).
 */
export async function recordMeasurement(person: Who, consortiumId: string, goalId: string, input: MeasurementInput): Promise<MeasurementRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		authorize(actor, 'goal_measurement.record', { consortiumId, organisationId: input.organisationId ?? null, recordedBy: null });
		const goal = await lockedGoal(tx, consortiumId, goalId);
		return recordMeasurementIn(tx, person.id, goal, input);
	});
}

/** Writes a measurement in the caller's transaction (the command above, and the demo seed). */
export async function recordMeasurementIn(tx: Transaction, actorId: string | null, goal: GoalRow, input: MeasurementInput): Promise<MeasurementRow> {
	await checkMunicipalities(tx, goal.consortiumId, input.organisationId ? [input.organisationId] : [], 'organisationId');
	const [row] = await tx
		.insert(effectGoalMeasurements)
		.values({
			consortiumId: goal.consortiumId,
			goalId: goal.id,
			organisationId: input.organisationId ?? null,
			value: input.value,
			measuredOn: input.measuredOn,
			source: input.source,
			recordedBy: actorId
		})
		.returning();
	await audit(tx, actorId, goal, 'effect_goal.measurement_recorded', null, row);
	return row!;
}

/** A measurement of the goal that its recorder or an admin may change (`goal_measurement.change`). */
async function changeableMeasurement(tx: Transaction, person: Who, consortiumId: string, goalId: string, measurementId: string) {
	const actor = await readerFor(tx, person, consortiumId);
	const goal = await lockedGoal(tx, consortiumId, goalId);
	const [row] = await tx
		.select()
		.from(effectGoalMeasurements)
		.where(and(eq(effectGoalMeasurements.id, measurementId), eq(effectGoalMeasurements.goalId, goalId)));
	if (!row) throw new NotFound();
	authorize(actor, 'goal_measurement.change', { consortiumId, organisationId: row.organisationId, recordedBy: row.recordedBy });
	return { goal, row };
}

/** Corrects a measurement's value, date or source, unless someone else saved it since `input.version`. */
export async function correctMeasurement(person: Who, consortiumId: string, goalId: string, input: MeasurementUpdate): Promise<MeasurementRow> {
	return withUser(person, async (tx) => {
		const { goal, row: before } = await changeableMeasurement(tx, person, consortiumId, goalId, input.measurementId);
		if (before.version !== input.version) throw new StaleWrite({ value: before.value, measuredOn: before.measuredOn, version: before.version });
		const [row] = await tx
			.update(effectGoalMeasurements)
			.set({ value: input.value, measuredOn: input.measuredOn, source: input.source, version: before.version + 1, updatedAt: new Date() })
			.where(eq(effectGoalMeasurements.id, before.id))
			.returning();
		await audit(tx, person.id, goal, 'effect_goal.measurement_corrected', before, row);
		return row!;
	});
}

/** Removes a measurement (its recorder or an admin); the audit log keeps what it said. */
export async function removeMeasurement(person: Who, consortiumId: string, goalId: string, measurementId: string): Promise<void> {
	await withUser(person, async (tx) => {
		const { goal, row } = await changeableMeasurement(tx, person, consortiumId, goalId, measurementId);
		await tx.delete(effectGoalMeasurements).where(eq(effectGoalMeasurements.id, row.id));
		await audit(tx, person.id, goal, 'effect_goal.measurement_removed', row, null);
	});
}
