import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { stockholmDate } from '../../decisions/deadline';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import {
	effectGoalLinks,
	effectGoalMeasurements,
	effectGoalOrganisations,
	effectGoals,
	initiatives,
	organisations,
	requirements,
	userStories,
	users
} from '../db/schema';
import { NotFound } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { can, itemAbilities, type Actor } from '../policy';
import { storySentence } from '../requirements/queries';
import { goalChart } from './chart';
import { goalProgress, latestOf, type GoalProgress } from './progress';

type GoalRow = typeof effectGoals.$inferSelect;
type MeasurementRow = typeof effectGoalMeasurements.$inferSelect;

/** A goal's figures with how it stands by its latest measurement in one scope. */
export interface GoalStandingRow extends GoalProgress {
	latest: { value: number; measuredOn: string; source: string } | null;
}

const standingOf = (goal: GoalRow, measurements: readonly MeasurementRow[]): GoalStandingRow => {
	const latest = latestOf(measurements);
	return { ...goalProgress(goal, latest), latest: latest ? { value: latest.value, measuredOn: latest.measuredOn, source: latest.source } : null };
};

const municipalitiesOf = (tx: Transaction, consortiumId: string) =>
	tx
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(and(eq(organisations.consortiumId, consortiumId), inArray(organisations.kind, ['municipality', 'region'])))
		.orderBy(asc(organisations.name));

const initiativesOf = (tx: Transaction, consortiumId: string) =>
	tx
		.select({ id: initiatives.id, title: initiatives.title })
		.from(initiatives)
		.where(eq(initiatives.consortiumId, consortiumId))
		.orderBy(asc(initiatives.number));

const goalsOf = (tx: Transaction, consortiumId: string) =>
	tx.select().from(effectGoals).where(eq(effectGoals.consortiumId, consortiumId)).orderBy(asc(effectGoals.category), asc(effectGoals.title));

/** The organisations a person may record a measurement for ('' for the consortium as a whole), for the form. */
function recordableFor(actor: Actor, consortiumId: string, municipalities: { id: string; name: string }[]) {
	const may = (organisationId: string | null) => can(actor, 'goal_measurement.record', { consortiumId, organisationId, recordedBy: null });
	return {
		consortium: may(null),
		organisations: municipalities.filter((o) => may(o.id))
	};
}

/**
 * The consortium's effect goals by category, each with how it stands by its latest measurement for
 * the consortium as a whole, and what the create form offers.
 */
export async function listGoals(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const [goals, wholeMeasurements, expected, municipalities, initiativeOptions] = await Promise.all([
			goalsOf(tx, consortiumId),
			tx
				.select()
				.from(effectGoalMeasurements)
				.where(and(eq(effectGoalMeasurements.consortiumId, consortiumId), isNull(effectGoalMeasurements.organisationId)))
				.orderBy(asc(effectGoalMeasurements.measuredOn), asc(effectGoalMeasurements.createdAt)),
			tx.select().from(effectGoalOrganisations).where(eq(effectGoalOrganisations.consortiumId, consortiumId)),
			municipalitiesOf(tx, consortiumId),
			initiativesOf(tx, consortiumId)
		]);
		const initiativeTitle = new Map(initiativeOptions.map((i) => [i.id, i.title]));
		const categories = new Map<string, ReturnType<typeof summary>[]>();
		const summary = (goal: GoalRow) => ({
			id: goal.id,
			title: goal.title,
			indicator: goal.indicator,
			unit: goal.unit,
			baselineValue: goal.baselineValue,
			baselineOn: goal.baselineOn,
			targetValue: goal.targetValue,
			targetOn: goal.targetOn,
			initiative: goal.initiativeId ? { id: goal.initiativeId, title: initiativeTitle.get(goal.initiativeId) ?? '' } : null,
			municipalities: expected.filter((e) => e.goalId === goal.id).length,
			...standingOf(
				goal,
				wholeMeasurements.filter((x) => x.goalId === goal.id)
			)
		});
		for (const goal of goals) {
			const list = categories.get(goal.category) ?? [];
			list.push(summary(goal));
			categories.set(goal.category, list);
		}
		return {
			categories: [...categories].map(([name, items]) => ({ name, goals: items })),
			canWrite: can(actor, 'content.write', { consortiumId }),
			options: { municipalities, initiatives: initiativeOptions, categories: [...categories.keys()] }
		};
	});
}

/**
 * One goal: its figures, the chain that is meant to realise it (initiatives, user stories,
 * requirements) and the municipalities that expect it, its measurements with what the reader may do
 * with each, how it stands per scope, the chart, and what the forms offer. NotFound for another
 * consortium's goal or a reader who may not see it.
 */
export async function goalPage(person: Who, consortiumId: string, goalId: string, locale: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const [goal] = await tx
			.select()
			.from(effectGoals)
			.where(and(eq(effectGoals.id, goalId), eq(effectGoals.consortiumId, consortiumId)));
		if (!goal) throw new NotFound();
		const [measurementRows, links, expected, municipalities, initiativeOptions, requirementOptions, storyOptions] = await Promise.all([
			tx
				.select({ measurement: effectGoalMeasurements, recorder: users.name })
				.from(effectGoalMeasurements)
				.leftJoin(users, eq(users.id, effectGoalMeasurements.recordedBy))
				.where(eq(effectGoalMeasurements.goalId, goalId))
				.orderBy(asc(effectGoalMeasurements.measuredOn), asc(effectGoalMeasurements.createdAt)),
			tx.select().from(effectGoalLinks).where(eq(effectGoalLinks.goalId, goalId)),
			tx.select({ id: effectGoalOrganisations.organisationId }).from(effectGoalOrganisations).where(eq(effectGoalOrganisations.goalId, goalId)),
			municipalitiesOf(tx, consortiumId),
			initiativesOf(tx, consortiumId),
			tx
				.select({ id: requirements.id, identifier: requirements.identifier, title: requirements.title, status: requirements.status })
				.from(requirements)
				.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.isLatest, true)))
				.orderBy(asc(requirements.number)),
			tx
				.select({ id: userStories.id, role: userStories.role, goal: userStories.goal, purpose: userStories.purpose })
				.from(userStories)
				.where(eq(userStories.consortiumId, consortiumId))
				.orderBy(asc(userStories.createdAt))
		]);
		const name = new Map(municipalities.map((o) => [o.id, o.name]));
		const measurements = measurementRows.map(({ measurement: x, recorder }) => ({
			id: x.id,
			organisationId: x.organisationId,
			organisationName: x.organisationId ? (name.get(x.organisationId) ?? '') : null,
			value: x.value,
			measuredOn: x.measuredOn,
			source: x.source,
			version: x.version,
			recorder: recorder ?? null,
			can: itemAbilities(actor, 'goal_measurement', { consortiumId, organisationId: x.organisationId, recordedBy: x.recordedBy })
		}));
		const expectedIds = new Set(expected.map((e) => e.id));
		// Scopes: the consortium as a whole, the municipalities that expect the benefit, and any other measured one.
		const scopeIds = [
			null,
			...municipalities.filter((o) => expectedIds.has(o.id) || measurementRows.some((r) => r.measurement.organisationId === o.id)).map((o) => o.id)
		];
		const rowsOf = (organisationId: string | null) => measurementRows.map((r) => r.measurement).filter((x) => x.organisationId === organisationId);
		const standings = scopeIds.map((organisationId) => ({
			organisationId,
			name: organisationId ? (name.get(organisationId) ?? '') : null,
			expected: organisationId ? expectedIds.has(organisationId) : true,
			...standingOf(goal, rowsOf(organisationId))
		}));
		const stories = new Map(storyOptions.map((s) => [s.id, storySentence(s)]));
		const linkedIds = (key: 'requirementId' | 'storyId' | 'initiativeId') => links.flatMap((l) => (l[key] ? [l[key]] : []));
		const requirementIds = linkedIds('requirementId');
		// A link made to an older revision still shows, by that revision's own identifier.
		const linkedRequirements = requirementIds.length
			? await tx
					.select({ id: requirements.id, identifier: requirements.identifier, title: requirements.title, status: requirements.status })
					.from(requirements)
					.where(inArray(requirements.id, requirementIds))
					.orderBy(asc(requirements.number))
			: [];
		const initiativeIds = linkedIds('initiativeId');
		return {
			goal,
			initiative: goal.initiativeId ? (initiativeOptions.find((i) => i.id === goal.initiativeId) ?? null) : null,
			municipalities: municipalities.filter((o) => expectedIds.has(o.id)),
			chain: {
				initiatives: initiativeOptions.filter((i) => initiativeIds.includes(i.id)),
				stories: linkedIds('storyId').map((id) => ({ id, text: stories.get(id) ?? '' })),
				requirements: linkedRequirements
			},
			measurements,
			standings,
			chart: measurements.length
				? goalChart(
						goal,
						measurements.map((x) => ({ scope: x.organisationName, value: x.value, measuredOn: x.measuredOn })),
						locale
					)
				: null,
			canWrite: can(actor, 'content.write', { consortiumId }),
			recordFor: recordableFor(actor, consortiumId, municipalities),
			options: {
				municipalities,
				initiatives: initiativeOptions,
				requirements: requirementOptions,
				stories: storyOptions.map((s) => ({ id: s.id, text: storySentence(s) })),
				categories: [
					...new Set(
						(await tx.select({ category: effectGoals.category }).from(effectGoals).where(eq(effectGoals.consortiumId, consortiumId))).map((r) => r.category)
					)
				].sort()
			}
		};
	});
}

/**
 * Benefit realisation for one municipality (the goals it expects, its own latest measurement of each)
 * or, with `all`, for the consortium as a whole (every goal, the consortium-wide measurements). With
 * no choice, the reader's own organisation when it is a municipality, else the whole consortium.
 */
export async function benefitsView(person: Who, consortiumId: string, choice: string | undefined) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const municipalities = await municipalitiesOf(tx, consortiumId);
		const own = actor.membership?.organisationId;
		const chosen = choice ?? (own && municipalities.some((o) => o.id === own) ? own : 'all');
		const organisationId = chosen === 'all' ? null : chosen;
		if (organisationId && !municipalities.some((o) => o.id === organisationId)) throw new NotFound();
		const goals = organisationId
			? await tx
					.select({ goal: effectGoals })
					.from(effectGoals)
					.innerJoin(effectGoalOrganisations, eq(effectGoalOrganisations.goalId, effectGoals.id))
					.where(and(eq(effectGoals.consortiumId, consortiumId), eq(effectGoalOrganisations.organisationId, organisationId)))
					.orderBy(asc(effectGoals.category), asc(effectGoals.title))
					.then((rows) => rows.map((r) => r.goal))
			: await goalsOf(tx, consortiumId);
		const measurements = goals.length
			? await tx
					.select()
					.from(effectGoalMeasurements)
					.where(
						and(
							inArray(
								effectGoalMeasurements.goalId,
								goals.map((g) => g.id)
							),
							organisationId ? eq(effectGoalMeasurements.organisationId, organisationId) : isNull(effectGoalMeasurements.organisationId)
						)
					)
					.orderBy(asc(effectGoalMeasurements.measuredOn), asc(effectGoalMeasurements.createdAt))
			: [];
		const rows = goals.map((goal) => ({
			id: goal.id,
			category: goal.category,
			title: goal.title,
			indicator: goal.indicator,
			unit: goal.unit,
			baselineValue: goal.baselineValue,
			baselineOn: goal.baselineOn,
			targetValue: goal.targetValue,
			targetOn: goal.targetOn,
			...standingOf(
				goal,
				measurements.filter((x) => x.goalId === goal.id)
			)
		}));
		const count = (standing: string) => rows.filter((r) => r.standing === standing).length;
		return {
			municipalities,
			selected: chosen,
			selectedName: organisationId ? municipalities.find((o) => o.id === organisationId)!.name : null,
			rows,
			totals: { achieved: count('achieved'), onTrack: count('on_track'), behind: count('behind'), notMeasured: count('not_measured') }
		};
	});
}

/** The effect goals a requirement serves: those linked to any revision of it (K-007 in each of its revisions). */
export async function goalsServedBy(person: Who, consortiumId: string, requirementId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const [requirement] = await tx
			.select({ number: requirements.number })
			.from(requirements)
			.where(and(eq(requirements.id, requirementId), eq(requirements.consortiumId, consortiumId)));
		if (!requirement) return [];
		const rows = await tx
			.selectDistinct({ id: effectGoals.id, title: effectGoals.title, category: effectGoals.category })
			.from(effectGoalLinks)
			.innerJoin(requirements, eq(requirements.id, effectGoalLinks.requirementId))
			.innerJoin(effectGoals, eq(effectGoals.id, effectGoalLinks.goalId))
			.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.number, requirement.number)));
		return rows.sort((a, b) => a.title.localeCompare(b.title, 'sv'));
	});
}

/**
 * For the home page: to writers, the goals whose target date has passed with no measurement on or
 * after it (for any scope), so that someone finds out whether the benefit came.
 */
export async function goalsAttentionIn(tx: Transaction, actor: Actor, consortiumId: string) {
	if (!can(actor, 'content.write', { consortiumId })) return { unmeasuredGoals: [] };
	const today = stockholmDate(new Date());
	const unmeasuredGoals = await tx
		.select({ id: effectGoals.id, title: effectGoals.title, targetOn: effectGoals.targetOn })
		.from(effectGoals)
		.where(
			and(
				eq(effectGoals.consortiumId, consortiumId),
				lt(effectGoals.targetOn, today),
				sql`not exists (select 1 from ${effectGoalMeasurements} x where x.goal_id = ${effectGoals.id} and x.measured_on >= ${effectGoals.targetOn})`
			)
		)
		.orderBy(asc(effectGoals.targetOn), asc(effectGoals.title))
		.limit(20);
	return { unmeasuredGoals };
}
