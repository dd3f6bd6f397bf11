import { and, asc, eq, inArray, isNull, lt, notInArray, sql } from 'drizzle-orm';
import { internalRoles } from '$lib/roles';
import { stockholmDate } from '../../decisions/deadline';
import type { LifecycleActivityStatus } from '../../enums';
import { computeDeadlines, defaultDeadlineSettings, type DeadlineSettings } from '../../lifecycle/deadlines';
import { isOverdue, lifecycleStanding, phaseProgress } from '../../lifecycle/progress';
import { lifecyclePhaseName } from '../../lifecycle/template';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import {
	decisionItems,
	documents,
	initiatives,
	lifecycleActivities,
	lifecycleActivityDecisions,
	lifecycles,
	lifecycleSettings,
	memberships,
	users
} from '../db/schema';
import { readerFor, type Who } from '../consortia/actor';
import { can, type Actor } from '../policy';
import { contentLocale } from '../roadmap/state';
import { lifecycleDecision } from './state';

export interface LifecycleActivity {
	id: string;
	phase: number;
	position: number;
	templateKey: string | null;
	title: string;
	owner: { id: string; name: string } | null;
	due: string | null;
	status: LifecycleActivityStatus;
	document: { id: string; title: string } | null;
	note: string;
	version: number;
	overdue: boolean;
	decisions: { id: string; title: string }[];
}

/** The consortium's deadline settings, or the defaults while it has saved none. */
export async function deadlineSettingsIn(tx: Transaction, consortiumId: string): Promise<DeadlineSettings> {
	const [row] = await tx.select().from(lifecycleSettings).where(eq(lifecycleSettings.consortiumId, consortiumId));
	if (!row) return { ...defaultDeadlineSettings };
	const { questionDays, questionPeriodDays, minTenderDays, standstillElectronicDays, standstillOtherDays, warnJuly } = row;
	return { questionDays, questionPeriodDays, minTenderDays, standstillElectronicDays, standstillOtherDays, warnJuly };
}

/** The consortium's deadline settings, for its settings page (internal members read them). */
export async function deadlineSettings(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		return { settings: await deadlineSettingsIn(tx, consortiumId), canEdit: can(actor, 'rules.manage', { consortiumId }) };
	});
}

/**
 * An initiative's lifecycle (or, with `initiativeId` null, the consortium's own) as its page shows
 * it: phases with progress, activities, the deadlines and their warnings, and what the person may do.
 * `lifecycle` is null while none is started. The supplier gets NotFound, as for any internal thing.
 */
export async function lifecycleOf(person: Who, consortiumId: string, initiativeId: string | null) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const canEdit = await lifecycleDecision(tx, actor, consortiumId, initiativeId, false);
		const locale = await contentLocale(tx, consortiumId);
		const [row] = await tx
			.select()
			.from(lifecycles)
			.where(and(eq(lifecycles.consortiumId, consortiumId), initiativeId ? eq(lifecycles.initiativeId, initiativeId) : isNull(lifecycles.initiativeId)));
		const settings = await deadlineSettingsIn(tx, consortiumId);
		const members = await tx
			.select({ id: users.id, name: users.name })
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.where(and(eq(memberships.consortiumId, consortiumId), inArray(memberships.role, [...internalRoles])))
			.orderBy(asc(users.name));
		const decisionChoices = await tx
			.select({ id: decisionItems.id, title: decisionItems.title })
			.from(decisionItems)
			.where(eq(decisionItems.consortiumId, consortiumId))
			.orderBy(asc(decisionItems.createdAt));
		// The documents an activity may produce: the initiative's own, or (for the consortium's lifecycle) all of them.
		const documentChoices = await tx
			.select({ id: documents.id, title: documents.title })
			.from(documents)
			.where(and(eq(documents.consortiumId, consortiumId), initiativeId ? eq(documents.initiativeId, initiativeId) : undefined))
			.orderBy(asc(documents.title));
		if (!row) return { lifecycle: null, canEdit, settings, members, decisionChoices, documentChoices };
		const today = stockholmDate(new Date());
		const rows = await tx
			.select({ a: lifecycleActivities, ownerName: users.name })
			.from(lifecycleActivities)
			.leftJoin(users, eq(users.id, lifecycleActivities.ownerId))
			.where(eq(lifecycleActivities.lifecycleId, row.id))
			.orderBy(asc(lifecycleActivities.phase), asc(lifecycleActivities.position));
		const links = rows.length
			? await tx
					.select({ activityId: lifecycleActivityDecisions.activityId, id: decisionItems.id, title: decisionItems.title })
					.from(lifecycleActivityDecisions)
					.innerJoin(decisionItems, eq(decisionItems.id, lifecycleActivityDecisions.decisionItemId))
					.where(
						inArray(
							lifecycleActivityDecisions.activityId,
							rows.map((r) => r.a.id)
						)
					)
			: [];
		const linked = [...new Set(rows.map((r) => r.a.documentId).filter((id): id is string => id !== null))];
		const documentTitles = new Map(
			linked.length
				? (await tx.select({ id: documents.id, title: documents.title }).from(documents).where(inArray(documents.id, linked))).map((d) => [d.id, d.title])
				: []
		);
		const activities: LifecycleActivity[] = rows.map(({ a, ownerName }) => ({
			id: a.id,
			phase: a.phase,
			position: a.position,
			templateKey: a.templateKey,
			title: a.title,
			owner: a.ownerId ? { id: a.ownerId, name: ownerName ?? '' } : null,
			due: a.due,
			status: a.status,
			document: a.documentId ? { id: a.documentId, title: documentTitles.get(a.documentId) ?? '' } : null,
			note: a.note,
			version: a.version,
			overdue: isOverdue(a, today),
			decisions: links.filter((l) => l.activityId === a.id).map((l) => ({ id: l.id, title: l.title }))
		}));
		const progress = phaseProgress({ activities });
		const { deadlines, warnings } = computeDeadlines(row, settings);
		return {
			lifecycle: {
				id: row.id,
				version: row.version,
				initiativeId: row.initiativeId,
				dates: {
					advertisedOn: row.advertisedOn,
					tenderDeadline: row.tenderDeadline,
					awardNoticeOn: row.awardNoticeOn,
					awardElectronic: row.awardElectronic,
					contractOn: row.contractOn
				},
				phases: progress.map((p) => ({ ...p, name: lifecyclePhaseName(p.phase, locale) })),
				activities,
				deadlines,
				warnings
			},
			canEdit,
			settings,
			members,
			decisionChoices,
			documentChoices
		};
	});
}

/**
 * The activities the person owns whose due date has passed and that are not done (nor marked not
 * applicable), for their home page, in the lifecycles they may read.
 */
export async function lifecycleAttentionIn(tx: Transaction, actor: Actor, consortiumId: string) {
	if (!can(actor, 'internal.read', { consortiumId })) return { overdueActivities: [] };
	const today = stockholmDate(new Date());
	const overdueActivities = await tx
		.select({
			id: lifecycleActivities.id,
			title: lifecycleActivities.title,
			due: lifecycleActivities.due,
			initiativeId: lifecycles.initiativeId,
			initiativeNumber: initiatives.number,
			initiativeTitle: initiatives.title
		})
		.from(lifecycleActivities)
		.innerJoin(lifecycles, eq(lifecycles.id, lifecycleActivities.lifecycleId))
		.leftJoin(initiatives, eq(initiatives.id, lifecycles.initiativeId))
		.where(
			and(
				eq(lifecycleActivities.consortiumId, consortiumId),
				eq(lifecycleActivities.ownerId, actor.id),
				lt(lifecycleActivities.due, today),
				notInArray(lifecycleActivities.status, ['done', 'not_applicable'])
			)
		)
		.orderBy(asc(lifecycleActivities.due), sql`${lifecycleActivities.title}`)
		.limit(20);
	return { overdueActivities: overdueActivities.map((a) => ({ ...a, due: a.due! })) };
}

/** For the roadmap: where each of these initiatives' lifecycles stands (lifecycleStanding), by initiative; none for those without one. */
export async function lifecycleStandingsIn(tx: Transaction, initiativeIds: readonly string[]) {
	if (initiativeIds.length === 0) return {};
	const rows = await tx
		.select({ initiativeId: lifecycles.initiativeId, phase: lifecycleActivities.phase, status: lifecycleActivities.status })
		.from(lifecycleActivities)
		.innerJoin(lifecycles, eq(lifecycles.id, lifecycleActivities.lifecycleId))
		.where(inArray(lifecycles.initiativeId, [...initiativeIds]));
	const byInitiative = new Map<string, { phase: number; status: LifecycleActivityStatus }[]>();
	for (const { initiativeId, ...activity } of rows) {
		if (!initiativeId) continue;
		const list = byInitiative.get(initiativeId) ?? [];
		list.push(activity);
		byInitiative.set(initiativeId, list);
	}
	const standings: Record<string, NonNullable<ReturnType<typeof lifecycleStanding>>> = {};
	for (const [initiativeId, activities] of byInitiative) {
		const standing = lifecycleStanding(phaseProgress({ activities }));
		if (standing) standings[initiativeId] = standing;
	}
	return standings;
}
