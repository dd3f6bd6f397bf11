import { and, eq, inArray, isNull, max } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { advisoryLock } from '../db/locks';
import { withUser } from '../db/request';
import { decisionItems, documents, lifecycleActivities, lifecycleActivityDecisions, lifecycles, lifecycleSettings } from '../db/schema';
import { CommandError, NotFound, StaleWrite } from '../errors';
import { actorFor, readerFor, type Who } from '../consortia/actor';
import { checkInternalMember } from '../consortia/members';
import { contentLocale } from '../roadmap/state';
import { lifecycleTemplate } from '../../lifecycle/template';
import type { ActivityInput, ActivityStatusInput, ActivityUpdate, DeadlineSettingsInput, KeyDatesInput } from './schemas';
import { editableLifecycle, lifecycleDecision, type LifecycleRow } from './state';

type ActivityRow = typeof lifecycleActivities.$inferSelect;

/** Audits a change and announces it where it shows: on the initiative's page, or the consortium's own lifecycle. */
async function audit(tx: Transaction, actorId: string | null, lifecycle: LifecycleRow, action: string, before: unknown, after: unknown) {
	await recordChange(tx, {
		actorId,
		consortiumId: lifecycle.consortiumId,
		action,
		entityType: lifecycle.initiativeId ? 'initiative' : 'lifecycle',
		entityId: lifecycle.initiativeId ?? lifecycle.id,
		before,
		after,
		related: [lifecycle.id]
	});
}

async function checkDecisionItems(tx: Transaction, consortiumId: string, ids: string[]) {
	if (ids.length === 0) return;
	const found = await tx
		.select({ id: decisionItems.id })
		.from(decisionItems)
		.where(and(eq(decisionItems.consortiumId, consortiumId), inArray(decisionItems.id, ids)));
	if (found.length !== new Set(ids).size) throw new CommandError('invalid_choice', 'decisionItemIds', 422);
}

async function checkDocument(tx: Transaction, consortiumId: string, id: string | undefined) {
	if (!id) return;
	const [found] = await tx
		.select({ id: documents.id })
		.from(documents)
		.where(and(eq(documents.consortiumId, consortiumId), eq(documents.id, id)));
	if (!found) throw new CommandError('invalid_choice', 'documentId', 422);
}

/**
 * Starts the lifecycle of an initiative (or, with no initiative, the consortium's own) from the
 * template: the six phases' activities in the consortium's content language, none owned or dated yet.
 * A second lifecycle for the same initiative is refused.
 */
export async function startLifecycle(person: Who, consortiumId: string, initiativeId: string | null): Promise<LifecycleRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		await lifecycleDecision(tx, actor, consortiumId, initiativeId, true);
		return startLifecycleIn(tx, person.id, consortiumId, initiativeId);
	});
}

/** Writes a lifecycle from the template in the caller's transaction (the command above, and the demo seed). */
export async function startLifecycleIn(tx: Transaction, actorId: string | null, consortiumId: string, initiativeId: string | null): Promise<LifecycleRow> {
	await advisoryLock(tx, `lifecycles:${consortiumId}:${initiativeId ?? 'own'}`);
	const [existing] = await tx
		.select({ id: lifecycles.id })
		.from(lifecycles)
		.where(initiativeId ? eq(lifecycles.initiativeId, initiativeId) : and(eq(lifecycles.consortiumId, consortiumId), isNull(lifecycles.initiativeId)));
	if (existing) throw new CommandError('lifecycle_exists', 'form', 409);
	const locale = await contentLocale(tx, consortiumId);
	const [row] = await tx.insert(lifecycles).values({ consortiumId, initiativeId, createdBy: actorId }).returning();
	const activities = lifecycleTemplate.flatMap((phase, p) =>
		phase.activities.map((a, i) => ({ consortiumId, lifecycleId: row!.id, phase: p + 1, position: i + 1, templateKey: a.key, title: a[locale] }))
	);
	await tx.insert(lifecycleActivities).values(activities);
	await audit(tx, actorId, row!, 'lifecycle.started', null, { ...row, activities: activities.length });
	return row!;
}

/** Adds a custom activity at the end of its phase. */
export async function addActivity(person: Who, consortiumId: string, lifecycleId: string, input: ActivityInput): Promise<ActivityRow> {
	return withUser(person, async (tx) => {
		const { lifecycle } = await editableLifecycle(tx, person, consortiumId, lifecycleId);
		await checkInternalMember(tx, consortiumId, input.ownerId);
		const [last] = await tx
			.select({ n: max(lifecycleActivities.position) })
			.from(lifecycleActivities)
			.where(and(eq(lifecycleActivities.lifecycleId, lifecycleId), eq(lifecycleActivities.phase, input.phase)));
		const [row] = await tx
			.insert(lifecycleActivities)
			.values({
				consortiumId,
				lifecycleId,
				phase: input.phase,
				position: (last?.n ?? 0) + 1,
				title: input.title,
				ownerId: input.ownerId ?? null,
				due: input.due ?? null,
				note: input.note
			})
			.returning();
		await audit(tx, person.id, lifecycle, 'lifecycle.activity_added', null, row);
		return row!;
	});
}

async function lockedActivity(tx: Transaction, lifecycleId: string, activityId: string, version: number): Promise<ActivityRow> {
	const [row] = await tx
		.select()
		.from(lifecycleActivities)
		.where(and(eq(lifecycleActivities.id, activityId), eq(lifecycleActivities.lifecycleId, lifecycleId)))
		.for('update');
	if (!row) throw new NotFound();
	if (row.version !== version) throw new StaleWrite({ title: row.title, version: row.version, status: row.status });
	return row;
}

const decisionIdsOf = async (tx: Transaction, activityId: string) =>
	(
		await tx
			.select({ id: lifecycleActivityDecisions.decisionItemId })
			.from(lifecycleActivityDecisions)
			.where(eq(lifecycleActivityDecisions.activityId, activityId))
	).map((r) => r.id);

/** Saves an activity's title, owner, due date, status, decision items and note, unless someone else saved it since `input.version`. */
export async function updateActivity(person: Who, consortiumId: string, lifecycleId: string, input: ActivityUpdate): Promise<ActivityRow> {
	return withUser(person, async (tx) => {
		const { lifecycle } = await editableLifecycle(tx, person, consortiumId, lifecycleId);
		return updateActivityIn(tx, person.id, lifecycle, input);
	});
}

/** Saves an activity in the caller's transaction (the command above, and the demo seed). */
export async function updateActivityIn(tx: Transaction, actorId: string | null, lifecycle: LifecycleRow, input: ActivityUpdate): Promise<ActivityRow> {
	const { consortiumId } = lifecycle;
	const before = await lockedActivity(tx, lifecycle.id, input.activityId, input.version);
	await checkInternalMember(tx, consortiumId, input.ownerId);
	const decisionItemIds = [...new Set(input.decisionItemIds)];
	await checkDecisionItems(tx, consortiumId, decisionItemIds);
	await checkDocument(tx, consortiumId, input.documentId);
	const beforeDecisions = await decisionIdsOf(tx, before.id);
	const [row] = await tx
		.update(lifecycleActivities)
		.set({
			title: input.title,
			ownerId: input.ownerId ?? null,
			due: input.due ?? null,
			status: input.status,
			documentId: input.documentId ?? null,
			note: input.note,
			version: before.version + 1,
			updatedAt: new Date()
		})
		.where(eq(lifecycleActivities.id, before.id))
		.returning();
	await tx.delete(lifecycleActivityDecisions).where(eq(lifecycleActivityDecisions.activityId, before.id));
	if (decisionItemIds.length)
		await tx.insert(lifecycleActivityDecisions).values(decisionItemIds.map((decisionItemId) => ({ consortiumId, activityId: before.id, decisionItemId })));
	await audit(tx, actorId, lifecycle, 'lifecycle.activity_updated', { ...before, decisionItemIds: beforeDecisions }, { ...row, decisionItemIds });
	return row!;
}

/** Changes only an activity's status (the row's own button), unless someone else saved it since `input.version`. */
export async function setActivityStatus(person: Who, consortiumId: string, lifecycleId: string, input: ActivityStatusInput): Promise<ActivityRow> {
	return withUser(person, async (tx) => {
		const { lifecycle } = await editableLifecycle(tx, person, consortiumId, lifecycleId);
		const before = await lockedActivity(tx, lifecycleId, input.activityId, input.version);
		const [row] = await tx
			.update(lifecycleActivities)
			.set({ status: input.status, version: before.version + 1, updatedAt: new Date() })
			.where(eq(lifecycleActivities.id, before.id))
			.returning();
		await audit(tx, person.id, lifecycle, 'lifecycle.activity_status_set', before, row);
		return row!;
	});
}

/** Saves the procurement's key dates (advertisement, tender deadline, award notice, contract), unless someone else saved them since `input.version`. */
export async function setKeyDates(person: Who, consortiumId: string, lifecycleId: string, input: KeyDatesInput): Promise<LifecycleRow> {
	return withUser(person, async (tx) => {
		const { lifecycle } = await editableLifecycle(tx, person, consortiumId, lifecycleId);
		return setKeyDatesIn(tx, person.id, lifecycle, input);
	});
}

/** Saves the key dates in the caller's transaction (the command above, and the demo seed). */
export async function setKeyDatesIn(tx: Transaction, actorId: string | null, before: LifecycleRow, input: KeyDatesInput): Promise<LifecycleRow> {
	if (before.version !== input.version) throw new StaleWrite({ version: before.version });
	const [row] = await tx
		.update(lifecycles)
		.set({
			advertisedOn: input.advertisedOn ?? null,
			tenderDeadline: input.tenderDeadline ?? null,
			awardNoticeOn: input.awardNoticeOn ?? null,
			awardElectronic: input.awardElectronic,
			contractOn: input.contractOn ?? null,
			version: before.version + 1,
			updatedAt: new Date()
		})
		.where(eq(lifecycles.id, before.id))
		.returning();
	await audit(tx, actorId, before, 'lifecycle.dates_set', before, row);
	return row!;
}

/** Saves the consortium's deadline settings (an admin's, as the ground rules are: `rules.manage`). */
export async function saveDeadlineSettings(person: Who, consortiumId: string, input: DeadlineSettingsInput): Promise<void> {
	await withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'rules.manage', { consortiumId });
		const [before] = await tx.select().from(lifecycleSettings).where(eq(lifecycleSettings.consortiumId, consortiumId)).for('update');
		const values = { ...input, updatedBy: person.id, updatedAt: new Date() };
		const [after] = await tx
			.insert(lifecycleSettings)
			.values({ consortiumId, ...values })
			.onConflictDoUpdate({ target: lifecycleSettings.consortiumId, set: values })
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'lifecycle.settings_saved',
			entityType: 'lifecycle_settings',
			entityId: consortiumId,
			before: before ?? null,
			after
		});
	});
}
