import { and, asc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { advisoryLock, eachTaken } from '../db/locks';
import { speakersOf } from '../consortia/speakers';
import {
	baselineItems,
	baselines,
	consortia,
	organisations,
	priorityRoundItems,
	priorityRounds,
	prioritySubmissionEntries,
	prioritySubmissionHistory,
	prioritySubmissions,
	requirements,
	userStories
} from '../db/schema';
import { recordChange } from '../audit/record-change';
import { enqueueMail } from '../mail/outbox';
import { notify } from '../notifications/notify';
import { config } from '../config';
import { CommandError, StaleWrite } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { authorize } from '../policy';
import { endOfDayInStockholm, stockholmDate } from '../../decisions/deadline';
import type { MoscowPriority, PriorityItemKind } from '../../enums';
import { lockRound, roundLockKey, roundResource, type PriorityRoundRow } from './state';
import type { RoundInput, SubmissionInput, UpdateRoundInput } from './schemas';

type SubmissionRow = typeof prioritySubmissions.$inferSelect;

function futureDeadline(date: string): Date {
	const deadline = endOfDayInStockholm(date);
	if (deadline.getTime() <= Date.now()) throw new CommandError('priority_deadline_past', 'deadline', 422);
	return deadline;
}

/**
 * The round's items in order: the stories, then the approved requirements, then a baseline's
 * requirements, each once. Refuses things that are not the consortium's and requirements not approved.
 */
async function chosenItems(tx: Transaction, consortiumId: string, input: RoundInput): Promise<{ kind: PriorityItemKind; id: string }[]> {
	const storyIds = [...new Set(input.storyIds)];
	if (storyIds.length) {
		const found = await tx
			.select({ id: userStories.id })
			.from(userStories)
			.where(and(eq(userStories.consortiumId, consortiumId), inArray(userStories.id, storyIds)));
		if (found.length !== storyIds.length) throw new CommandError('unknown_link', 'storyIds', 422);
	}
	const requirementIds = [...new Set(input.requirementIds)];
	if (requirementIds.length) {
		const found = await tx
			.select({ id: requirements.id })
			.from(requirements)
			.where(and(eq(requirements.consortiumId, consortiumId), inArray(requirements.id, requirementIds), eq(requirements.status, 'approved')));
		if (found.length !== requirementIds.length) throw new CommandError('priority_requirement_not_approved', 'requirementIds', 422);
	}
	if (input.baselineId) {
		const [baseline] = await tx
			.select({ id: baselines.id })
			.from(baselines)
			.where(and(eq(baselines.id, input.baselineId), eq(baselines.consortiumId, consortiumId)));
		if (!baseline) throw new CommandError('unknown_link', 'baselineId', 422);
		const rows = await tx
			.select({ id: baselineItems.requirementId })
			.from(baselineItems)
			.where(eq(baselineItems.baselineId, baseline.id))
			.orderBy(asc(baselineItems.position));
		for (const row of rows) if (row.id && !requirementIds.includes(row.id)) requirementIds.push(row.id);
	}
	const items = [...storyIds.map((id) => ({ kind: 'story' as const, id })), ...requirementIds.map((id) => ({ kind: 'requirement' as const, id }))];
	if (items.length < 2) throw new CommandError('priority_round_too_few_items', 'storyIds', 422, { min: 2 });
	if (items.length > 500) throw new CommandError('too_long', 'storyIds', 422, { max: 500 });
	return items;
}

async function setItems(tx: Transaction, consortiumId: string, roundId: string, items: { kind: PriorityItemKind; id: string }[]): Promise<void> {
	await tx.delete(priorityRoundItems).where(eq(priorityRoundItems.roundId, roundId));
	await tx.insert(priorityRoundItems).values(items.map((item, i) => ({ consortiumId, roundId, itemKind: item.kind, itemId: item.id, position: i + 1 })));
}

function roundColumns(input: RoundInput): Pick<PriorityRoundRow, 'title' | 'instructions' | 'method' | 'weighting' | 'deadline' | 'reminderHours'> {
	return {
		title: input.title,
		instructions: input.instructions,
		method: input.method,
		weighting: input.weighting,
		deadline: futureDeadline(input.deadline),
		reminderHours: input.reminderHours
	};
}

/** Prepares a draft round: its words, method, default weighting, deadline and items. Admins only. */
export async function createRound(person: Who, consortiumId: string, input: RoundInput): Promise<PriorityRoundRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		authorize(actor, 'priorities.manage', { consortiumId });
		return createRoundIn(tx, consortiumId, person.id, roundColumns(input), await chosenItems(tx, consortiumId, input));
	});
}

/** Writes a draft round and its items in the caller's transaction (the command above, and the demo seed). */
export async function createRoundIn(
	tx: Transaction,
	consortiumId: string,
	createdBy: string | null,
	columns: ReturnType<typeof roundColumns>,
	items: { kind: PriorityItemKind; id: string }[]
): Promise<PriorityRoundRow> {
	const [round] = await tx
		.insert(priorityRounds)
		.values({ consortiumId, ...columns, createdBy })
		.returning();
	await setItems(tx, consortiumId, round!.id, items);
	await recordChange(tx, {
		actorId: createdBy,
		consortiumId,
		action: 'priority_round.created',
		entityType: 'priority_round',
		entityId: round!.id,
		after: { ...round, items }
	});
	return round!;
}

/** Saves a draft round's words and items unless someone else saved it since `input.version`. */
export async function updateRound(person: Who, consortiumId: string, id: string, input: UpdateRoundInput): Promise<PriorityRoundRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const before = await lockRound(tx, consortiumId, id);
		authorize(actor, 'priority_round.edit', roundResource(before));
		if (before.version !== input.version) throw new StaleWrite({ title: before.title, version: before.version });
		const columns = roundColumns(input);
		const items = await chosenItems(tx, consortiumId, input);
		const [after] = await tx
			.update(priorityRounds)
			.set({ ...columns, version: before.version + 1, updatedAt: new Date() })
			.where(eq(priorityRounds.id, id))
			.returning();
		await setItems(tx, consortiumId, id, items);
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'priority_round.updated',
			entityType: 'priority_round',
			entityId: id,
			before,
			after: { ...after, items }
		});
		return after!;
	});
}

/** Draft → open for submissions, until the deadline. */
export async function openRound(person: Who, consortiumId: string, id: string): Promise<PriorityRoundRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const before = await lockRound(tx, consortiumId, id);
		authorize(actor, 'priority_round.open', roundResource(before));
		return openRoundIn(tx, before, person.id);
	});
}

/** Opens a draft round in the caller's transaction (the round locked). */
export async function openRoundIn(tx: Transaction, before: PriorityRoundRow, openedBy: string | null): Promise<PriorityRoundRow> {
	const [after] = await tx
		.update(priorityRounds)
		.set({ status: 'open', openedAt: new Date(), version: before.version + 1, updatedAt: new Date() })
		.where(eq(priorityRounds.id, before.id))
		.returning();
	await recordChange(tx, {
		actorId: openedBy,
		consortiumId: before.consortiumId,
		action: 'priority_round.opened',
		entityType: 'priority_round',
		entityId: before.id,
		before: { status: before.status },
		after: { status: 'open', deadline: after!.deadline }
	});
	return after!;
}

/** Closes an open round in the caller's transaction (the round locked); `closedBy` is null when the deadline closed it. */
export async function closeRoundIn(tx: Transaction, round: PriorityRoundRow, closedBy: string | null): Promise<PriorityRoundRow> {
	const [after] = await tx
		.update(priorityRounds)
		.set({ status: 'closed', closedAt: new Date(), closedBy, version: round.version + 1, updatedAt: new Date() })
		.where(eq(priorityRounds.id, round.id))
		.returning();
	await recordChange(tx, {
		actorId: closedBy,
		consortiumId: round.consortiumId,
		action: closedBy ? 'priority_round.closed' : 'priority_round.closed_at_deadline',
		entityType: 'priority_round',
		entityId: round.id,
		before: { status: round.status },
		after: { status: 'closed' }
	});
	return after!;
}

/** Closes an open round by hand, before its deadline. */
export async function closeRound(person: Who, consortiumId: string, id: string): Promise<PriorityRoundRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const round = await lockRound(tx, consortiumId, id);
		authorize(actor, 'priority_round.close', roundResource(round));
		return closeRoundIn(tx, round, person.id);
	});
}

interface Entry {
	roundItemId: string;
	moscow: MoscowPriority | null;
	rank: number | null;
	points: number | null;
}

/**
 * The entries of a submission, checked against the round: nothing about items outside it; when
 * submitted (not for a draft), MoSCoW for every item, and either ranks 1…n without gaps or
 * duplicates, or points summing to 100, as the round's method asks.
 */
function entriesOf(round: PriorityRoundRow, itemIds: string[], input: SubmissionInput): Entry[] {
	const known = new Set(itemIds);
	for (const kind of ['moscow', 'rank', 'points'] as const) {
		for (const id of Object.keys(input[kind])) if (!known.has(id)) throw new CommandError('priority_item_not_in_round', 'form', 422);
	}
	const usesRanks = round.method !== 'points';
	const entries = itemIds.map((id) => ({
		roundItemId: id,
		moscow: input.moscow[id] ?? null,
		rank: usesRanks ? (input.rank[id] ?? null) : null,
		points: usesRanks ? null : (input.points[id] ?? 0)
	}));
	if (input.intent === 'draft') return entries;
	const missingMoscow = entries.find((e) => !e.moscow);
	if (missingMoscow) throw new CommandError('priority_moscow_missing', `moscow.${missingMoscow.roundItemId}`, 422);
	if (usesRanks) {
		const missing = entries.find((e) => e.rank === null);
		if (missing) throw new CommandError('priority_rank_missing', `rank.${missing.roundItemId}`, 422);
		const seen = new Map<number, string>();
		for (const e of entries) {
			if (seen.has(e.rank!)) throw new CommandError('priority_rank_duplicate', `rank.${e.roundItemId}`, 422, { rank: e.rank! });
			seen.set(e.rank!, e.roundItemId);
		}
		const beyond = entries.find((e) => e.rank! > entries.length);
		if (beyond) throw new CommandError('priority_rank_gap', `rank.${beyond.roundItemId}`, 422, { max: entries.length });
	} else {
		const sum = entries.reduce((total, e) => total + (e.points ?? 0), 0);
		if (sum !== 100) throw new CommandError('priority_points_sum', 'form', 422, { sum });
	}
	return entries;
}

/**
 * Saves the priorities of the person's own organisation in an open round, as a draft or submitted,
 * as its representative or as the deputy speaking for it. One row per organisation: a second save
 * at the same time (another tab) waits for the first and replaces it. Every submission is kept in the
 * history. A submitted one stays submitted: changing it is submitting again, until the round closes.
 */
export async function saveSubmission(person: Who, consortiumId: string, roundId: string, input: SubmissionInput): Promise<SubmissionRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const round = await lockRound(tx, consortiumId, roundId, 'shared');
		authorize(actor, 'priority_round.submit', roundResource(round));
		const membership = actor.membership!;
		const actingAs = membership.role === 'representative' ? ('representative' as const) : ('deputy' as const);
		return saveSubmissionIn(tx, round, membership.organisationId, person.id, actingAs, input);
	});
}

/**
 * Writes an organisation's submission in the caller's transaction, the round held (the command
 * above, and the demo seed): checked against the round, one row per organisation, history on submit.
 */
export async function saveSubmissionIn(
	tx: Transaction,
	round: PriorityRoundRow,
	organisationId: string,
	userId: string,
	actingAs: 'representative' | 'deputy',
	input: SubmissionInput
): Promise<SubmissionRow> {
	const { consortiumId, id: roundId } = round;
	// Two saves for one organisation queue here: the second reads what the first wrote.
	await advisoryLock(tx, `priority_submission:${roundId}:${organisationId}`);
	const items = await tx
		.select({ id: priorityRoundItems.id })
		.from(priorityRoundItems)
		.where(eq(priorityRoundItems.roundId, roundId))
		.orderBy(asc(priorityRoundItems.position));
	const entries = entriesOf(
		round,
		items.map((i) => i.id),
		input
	);
	const [before] = await tx
		.select()
		.from(prioritySubmissions)
		.where(and(eq(prioritySubmissions.roundId, roundId), eq(prioritySubmissions.organisationId, organisationId)));
	if (input.intent === 'draft' && before?.status === 'submitted') throw new CommandError('priority_already_submitted', 'form', 409);
	const submit = input.intent === 'submit';
	const now = new Date();
	const values = {
		userId,
		actingAs,
		status: submit ? ('submitted' as const) : ('draft' as const),
		submittedAt: submit ? now : null,
		version: (before?.version ?? 0) + (submit ? 1 : 0),
		updatedAt: now
	};
	const [row] = await tx
		.insert(prioritySubmissions)
		.values({ consortiumId, roundId, organisationId, ...values })
		.onConflictDoUpdate({ target: [prioritySubmissions.roundId, prioritySubmissions.organisationId], set: values })
		.returning();
	await tx.delete(prioritySubmissionEntries).where(eq(prioritySubmissionEntries.submissionId, row!.id));
	await tx.insert(prioritySubmissionEntries).values(entries.map((e) => ({ consortiumId, roundId, submissionId: row!.id, ...e })));
	if (submit) {
		await tx
			.insert(prioritySubmissionHistory)
			.values({ consortiumId, roundId, organisationId, version: row!.version, entries, userId, actingAs, submittedAt: now });
	}
	await recordChange(tx, {
		actorId: userId,
		consortiumId,
		action: !submit ? 'priority_round.draft_saved' : before?.status === 'submitted' ? 'priority_round.resubmitted' : 'priority_round.submitted',
		entityType: 'priority_round',
		entityId: roundId,
		before: before ?? undefined,
		after: { ...row, entries }
	});
	return row!;
}

/**
 * The open rounds `due` selects, each taken by at most one process: a round whose lock another
 * process holds is skipped (it is being handled there), and each taken one is read again under the
 * lock and handed to `act` only while `still` holds (`eachTaken`, on the rounds' own lock keys).
 */
async function eachDueRound(
	tx: Transaction,
	due: SQL | undefined,
	still: (round: PriorityRoundRow) => boolean,
	act: (round: PriorityRoundRow) => Promise<void>
): Promise<string[]> {
	const candidates = await tx
		.select({ id: priorityRounds.id })
		.from(priorityRounds)
		.where(and(eq(priorityRounds.status, 'open'), due))
		.orderBy(asc(priorityRounds.deadline))
		.limit(100);
	return eachTaken(
		tx,
		candidates.map((c) => c.id),
		roundLockKey,
		async (id) => (await tx.select().from(priorityRounds).where(eq(priorityRounds.id, id)))[0],
		(round) => round.status === 'open' && still(round),
		act
	);
}

/** Closes every open round whose deadline has passed; several processes at once close each exactly once. */
export function closeDueRoundsIn(tx: Transaction, now = new Date()): Promise<string[]> {
	return eachDueRound(
		tx,
		lte(priorityRounds.deadline, now),
		() => true,
		async (round) => {
			await closeRoundIn(tx, round, null);
		}
	);
}

/**
 * Reminds, once per round, the voting organisations that have not submitted, a set time before the
 * deadline (`reminder_hours`; 0 is none): an in-app notification to each person who may speak for
 * it (its representative and deputies) and a mail to those who keep mail on. `reminded_at` makes
 * it once, with several processes too.
 */
export function remindDueRoundsIn(tx: Transaction, now = new Date(), origin = config().ORIGIN ?? ''): Promise<string[]> {
	return eachDueRound(
		tx,
		and(
			isNull(priorityRounds.remindedAt),
			sql`${priorityRounds.reminderHours} > 0`,
			sql`${priorityRounds.deadline} - make_interval(hours => ${priorityRounds.reminderHours}) <= ${now.toISOString()}::timestamptz`
		),
		(round) => !round.remindedAt,
		(round) => remindIn(tx, round, now, origin)
	);
}

async function remindIn(tx: Transaction, round: PriorityRoundRow, now: Date, origin: string): Promise<void> {
	const [consortium] = await tx.select({ slug: consortia.slug, name: consortia.name }).from(consortia).where(eq(consortia.id, round.consortiumId));
	const silent = await tx
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(
			and(
				eq(organisations.consortiumId, round.consortiumId),
				inArray(organisations.kind, ['municipality', 'region']),
				sql`not exists (select 1 from ${prioritySubmissions} s where s.round_id = ${round.id} and s.organisation_id = ${organisations.id} and s.status = 'submitted')`
			)
		);
	const speakers = await speakersOf(
		tx,
		round.consortiumId,
		silent.map((o) => o.id)
	);
	const link = `${origin}/c/${consortium!.slug}/prioritisation/${round.id}/submission`;
	const deadline = stockholmDate(round.deadline);
	for (const speaker of speakers) {
		await notify(tx, {
			userId: speaker.userId,
			consortiumId: round.consortiumId,
			kind: 'priority_reminder',
			targetKind: 'priority_round',
			targetId: round.id,
			summary: round.title.slice(0, 300)
		});
		if (!speaker.mail) continue;
		const locale = speaker.locale === 'en' ? 'en' : 'sv';
		const organisation = silent.find((o) => o.id === speaker.organisationId)?.name ?? '';
		await enqueueMail(tx, {
			to: speaker.email,
			locale,
			subject: m.mail_priority_reminder_subject({ title: round.title.slice(0, 120), deadline }, { locale }),
			text: m.mail_priority_reminder_body({ organisation, title: round.title, consortium: consortium!.name, deadline, link }, { locale })
		});
	}
	await tx.update(priorityRounds).set({ remindedAt: now }).where(eq(priorityRounds.id, round.id));
	await recordChange(tx, {
		actorId: null,
		consortiumId: round.consortiumId,
		action: 'priority_round.reminded',
		entityType: 'priority_round',
		entityId: round.id,
		quiet: true,
		after: { organisations: silent.map((o) => o.name), people: speakers.length }
	});
}
