import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import {
	baselines,
	organisations,
	priorityRoundItems,
	priorityRounds,
	prioritySubmissionEntries,
	prioritySubmissionHistory,
	prioritySubmissions,
	requirements,
	userStories,
	users
} from '../db/schema';
import { NotFound } from '../errors';
import { abilities, itemAbilities } from '../policy';
import { readerFor, type Who } from '../consortia/actor';
import type { MoscowPriority } from '../../enums';
import { combine, type Submission } from './ranking';
import { roundResource } from './state';

const votingKinds = ['municipality', 'region'] as const;

/** The consortium's rounds, open ones first (by deadline), then drafts, then closed; with how many have submitted and whether the person's organisation has. */
export async function listRounds(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const organisationId = actor.membership?.organisationId ?? null;
		const rows = await tx
			.select({
				id: priorityRounds.id,
				title: priorityRounds.title,
				method: priorityRounds.method,
				status: priorityRounds.status,
				deadline: priorityRounds.deadline,
				items: sql<number>`(select count(*)::int from ${priorityRoundItems} i where i.round_id = ${priorityRounds}.id)`,
				submitted: sql<number>`(select count(*)::int from ${prioritySubmissions} s where s.round_id = ${priorityRounds}.id and s.status = 'submitted')`,
				mine: organisationId
					? sql<
							string | null
						>`(select s.status::text from ${prioritySubmissions} s where s.round_id = ${priorityRounds}.id and s.organisation_id = ${organisationId})`
					: sql<string | null>`null`
			})
			.from(priorityRounds)
			.where(eq(priorityRounds.consortiumId, consortiumId))
			.orderBy(
				sql`case ${priorityRounds.status} when 'open' then 0 when 'draft' then 1 else 2 end`,
				asc(priorityRounds.deadline),
				desc(priorityRounds.createdAt)
			);
		const [members] = await tx
			.select({ n: count() })
			.from(organisations)
			.where(and(eq(organisations.consortiumId, consortiumId), inArray(organisations.kind, [...votingKinds])));
		const membership = actor.membership;
		const speaks = Boolean(membership?.speaksForOrganisation && (membership.organisationKind === 'municipality' || membership.organisationKind === 'region'));
		return { rounds: rows, members: members?.n ?? 0, speaks, can: abilities(actor, { consortiumId }) };
	});
}

/** What a round can rank, for the admin's form: the stories, the approved requirements (latest revisions) and the baselines. */
export async function roundItemOptions(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const [stories, approved, baselineRows] = await Promise.all([
			tx
				.select({ id: userStories.id, goal: userStories.goal })
				.from(userStories)
				.where(eq(userStories.consortiumId, consortiumId))
				.orderBy(asc(userStories.createdAt)),
			tx
				.select({ id: requirements.id, identifier: requirements.identifier, title: requirements.title })
				.from(requirements)
				.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.isLatest, true), eq(requirements.status, 'approved')))
				.orderBy(asc(requirements.number)),
			tx.select({ id: baselines.id, name: baselines.name }).from(baselines).where(eq(baselines.consortiumId, consortiumId)).orderBy(desc(baselines.createdAt))
		]);
		return { stories, requirements: approved, baselines: baselineRows };
	});
}

export interface RoundItem {
	id: string;
	kind: 'story' | 'requirement';
	targetId: string;
	position: number;
	/** The story's goal, or the requirement's identifier and title. */
	label: string;
	identifier: string | null;
}

/** The round's items in its order, each with the words it is known by. */
export async function itemsOf(tx: Transaction, roundId: string): Promise<RoundItem[]> {
	const rows = await tx
		.select({
			id: priorityRoundItems.id,
			kind: priorityRoundItems.itemKind,
			targetId: priorityRoundItems.itemId,
			position: priorityRoundItems.position,
			goal: userStories.goal,
			identifier: requirements.identifier,
			title: requirements.title
		})
		.from(priorityRoundItems)
		.leftJoin(userStories, and(eq(priorityRoundItems.itemKind, 'story'), eq(userStories.id, priorityRoundItems.itemId)))
		.leftJoin(requirements, and(eq(priorityRoundItems.itemKind, 'requirement'), eq(requirements.id, priorityRoundItems.itemId)))
		.where(eq(priorityRoundItems.roundId, roundId))
		.orderBy(asc(priorityRoundItems.position));
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		targetId: r.targetId,
		position: r.position,
		label: (r.kind === 'story' ? r.goal : r.title) ?? '–',
		identifier: r.kind === 'requirement' ? r.identifier : null
	}));
}

async function roundOf(tx: Transaction, consortiumId: string, id: string) {
	const [round] = await tx
		.select()
		.from(priorityRounds)
		.where(and(eq(priorityRounds.id, id), eq(priorityRounds.consortiumId, consortiumId)));
	if (!round) throw new NotFound();
	return round;
}

export interface EntryView {
	moscow: MoscowPriority | null;
	rank: number | null;
	points: number | null;
}

/**
 * Every voting organisation with its submitted entries (drafts are the organisation's own business:
 * never counted), and the combined ranking by the round's method with both weightings, once there
 * are submissions. For the round's page and for the backlog built from a closed round.
 */
export async function standingsIn(tx: Transaction, consortiumId: string, round: Pick<typeof priorityRounds.$inferSelect, 'id' | 'method'>, items: RoundItem[]) {
	const id = round.id;
	const [members, submissions, entries] = await Promise.all([
		tx
			.select({ id: organisations.id, name: organisations.name, population: organisations.population })
			.from(organisations)
			.where(and(eq(organisations.consortiumId, consortiumId), inArray(organisations.kind, [...votingKinds])))
			.orderBy(asc(organisations.name)),
		tx
			.select({
				id: prioritySubmissions.id,
				organisationId: prioritySubmissions.organisationId,
				status: prioritySubmissions.status,
				actingAs: prioritySubmissions.actingAs,
				submittedAt: prioritySubmissions.submittedAt,
				version: prioritySubmissions.version,
				byName: users.name
			})
			.from(prioritySubmissions)
			.leftJoin(users, eq(users.id, prioritySubmissions.userId))
			.where(eq(prioritySubmissions.roundId, id)),
		tx
			.select({
				submissionId: prioritySubmissionEntries.submissionId,
				roundItemId: prioritySubmissionEntries.roundItemId,
				moscow: prioritySubmissionEntries.moscow,
				rank: prioritySubmissionEntries.rank,
				points: prioritySubmissionEntries.points
			})
			.from(prioritySubmissionEntries)
			.innerJoin(prioritySubmissions, eq(prioritySubmissions.id, prioritySubmissionEntries.submissionId))
			.where(and(eq(prioritySubmissionEntries.roundId, id), eq(prioritySubmissions.status, 'submitted')))
	]);
	const bySubmission = new Map<string, Map<string, EntryView>>();
	for (const e of entries) {
		const map = bySubmission.get(e.submissionId) ?? new Map<string, EntryView>();
		map.set(e.roundItemId, { moscow: e.moscow, rank: e.rank, points: e.points });
		bySubmission.set(e.submissionId, map);
	}
	const organisationsView = members.map((o) => {
		const s = submissions.find((x) => x.organisationId === o.id);
		const submitted = s?.status === 'submitted';
		return {
			id: o.id,
			name: o.name,
			population: o.population,
			submitted,
			byName: submitted ? (s?.byName ?? null) : null,
			actingAs: submitted ? (s?.actingAs ?? null) : null,
			submittedAt: submitted ? (s?.submittedAt ?? null) : null,
			version: submitted ? (s?.version ?? 0) : 0,
			entries: submitted && s ? Object.fromEntries(bySubmission.get(s.id) ?? []) : {}
		};
	});
	const itemIds = items.map((i) => i.id);
	const submitted = organisationsView.filter((o) => o.submitted);
	const inputs: Submission[] = submitted.map((o) => {
		const own = Object.entries(o.entries as Record<string, EntryView>);
		return {
			organisationId: o.id,
			population: o.population,
			order: own
				.filter(([, e]) => e.rank !== null)
				.sort(([, a], [, b]) => a.rank! - b.rank!)
				.map(([itemId]) => itemId),
			points: Object.fromEntries(own.map(([itemId, e]) => [itemId, e.points ?? 0])),
			moscow: Object.fromEntries(own.filter(([, e]) => e.moscow).map(([itemId, e]) => [itemId, e.moscow!]))
		};
	});
	const ranking = submitted.length > 0 ? combine(itemIds, inputs, round.method) : null;
	return { organisations: organisationsView, submissions, ranking };
}

/**
 * One round whole, for internal members: its items, which organisations have submitted (and who,
 * in which capacity), and once there are submissions the combined ranking by the round's method
 * with both weightings, the spread, MoSCoW mix, the items to discuss, Kendall's W and each
 * organisation's entries (the heatmap).
 */
export async function roundDetail(person: Who, consortiumId: string, id: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const round = await roundOf(tx, consortiumId, id);
		const [items, history] = await Promise.all([
			itemsOf(tx, id),
			tx
				.select({
					organisation: organisations.name,
					version: prioritySubmissionHistory.version,
					actingAs: prioritySubmissionHistory.actingAs,
					byName: users.name,
					at: prioritySubmissionHistory.submittedAt
				})
				.from(prioritySubmissionHistory)
				.innerJoin(organisations, eq(organisations.id, prioritySubmissionHistory.organisationId))
				.leftJoin(users, eq(users.id, prioritySubmissionHistory.userId))
				.where(eq(prioritySubmissionHistory.roundId, id))
				.orderBy(desc(prioritySubmissionHistory.submittedAt))
		]);
		const { organisations: organisationsView, submissions, ranking } = await standingsIn(tx, consortiumId, round, items);
		const membership = actor.membership;
		const mine = membership ? submissions.find((s) => s.organisationId === membership.organisationId) : undefined;
		return {
			round,
			items,
			organisations: organisationsView,
			ranking,
			history,
			mine: mine ? { status: mine.status, version: mine.version } : null,
			can: { ...itemAbilities(actor, 'priority_round', roundResource(round)), manage: abilities(actor, { consortiumId })['priorities.manage'] }
		};
	});
}

/** The round and the person's own organisation's submission (draft or submitted), for the submission form. */
export async function submissionForm(person: Who, consortiumId: string, id: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const round = await roundOf(tx, consortiumId, id);
		const items = await itemsOf(tx, id);
		const organisationId = actor.membership?.organisationId;
		const [organisation] = organisationId ? await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)) : [];
		const [submission] = organisationId
			? await tx
					.select({
						id: prioritySubmissions.id,
						status: prioritySubmissions.status,
						version: prioritySubmissions.version,
						submittedAt: prioritySubmissions.submittedAt,
						updatedAt: prioritySubmissions.updatedAt,
						byName: users.name
					})
					.from(prioritySubmissions)
					.leftJoin(users, eq(users.id, prioritySubmissions.userId))
					.where(and(eq(prioritySubmissions.roundId, id), eq(prioritySubmissions.organisationId, organisationId)))
			: [];
		const entries = submission
			? await tx
					.select({
						roundItemId: prioritySubmissionEntries.roundItemId,
						moscow: prioritySubmissionEntries.moscow,
						rank: prioritySubmissionEntries.rank,
						points: prioritySubmissionEntries.points
					})
					.from(prioritySubmissionEntries)
					.where(eq(prioritySubmissionEntries.submissionId, submission.id))
			: [];
		const byItem = new Map(entries.map((e) => [e.roundItemId, e]));
		return {
			round,
			organisation: organisation?.name ?? null,
			submission: submission ?? null,
			items: items.map((item) => {
				const e = byItem.get(item.id);
				return { ...item, moscow: e?.moscow ?? null, rank: e?.rank ?? null, points: e?.points ?? null };
			}),
			can: itemAbilities(actor, 'priority_round', roundResource(round))
		};
	});
}
