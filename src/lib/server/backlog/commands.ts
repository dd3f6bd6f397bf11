import { and, asc, desc, eq, inArray, isNotNull, max, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { advisoryLock } from '../db/locks';
import {
	backlogChanges,
	backlogItems,
	backlogReleaseItems,
	backlogReleases,
	backlogs,
	consortia,
	decisionItems,
	decisionLinks,
	decisions,
	deliveryAcceptances,
	deliveryReports,
	priorityRounds,
	requirements,
	userStories
} from '../db/schema';
import { recordChange } from '../audit/record-change';
import { CommandError, NotFound, StaleWrite } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { authorize } from '../policy';
import { enqueueWebhookEvent } from '../webhooks/outbox';
import { itemsOf, standingsIn } from '../prioritisation/queries';
import type { MoscowPriority, PriorityItemKind } from '../../enums';
import { endOfDayInStockholm, stockholmDate } from '../../decisions/deadline';
import { backlogResource, lockBacklog, type BacklogRow } from './state';
import { releaseContentIn } from './release-content';
import type { AcceptanceInput, BacklogInput, ChangeRequestInput, DeliveryInput, LineInput, PlanInput, ReleaseInput } from './schemas';

type ChangeRow = typeof backlogChanges.$inferSelect;

/** The combined MoSCoW of an item: the value most organisations gave, a tie going to the higher priority. */
export function combinedMoscow(mix: Record<MoscowPriority, number>): MoscowPriority | null {
	const order: MoscowPriority[] = ['must', 'should', 'could', 'wont'];
	let best: MoscowPriority | null = null;
	for (const value of order) if (mix[value] > 0 && (best === null || mix[value] > mix[best])) best = value;
	return best;
}

/**
 * Starts a backlog from a closed round: its items in the order of the round's combined ranking (by
 * the weighting the round shows first), each with the combined MoSCoW and, for a requirement, its
 * acceptance criteria. The line starts at nothing: it follows from the supplier's estimates. Admins only.
 */
export async function createBacklog(person: Who, consortiumId: string, input: BacklogInput): Promise<BacklogRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		authorize(actor, 'priorities.manage', { consortiumId });
		const [round] = await tx
			.select()
			.from(priorityRounds)
			.where(and(eq(priorityRounds.id, input.roundId), eq(priorityRounds.consortiumId, consortiumId)));
		if (!round) throw new CommandError('invalid_choice', 'roundId', 422);
		if (round.status !== 'closed') throw new CommandError('backlog_round_not_closed', 'roundId', 422);
		const items = await itemsFromRoundIn(tx, consortiumId, round);
		return createBacklogIn(
			tx,
			consortiumId,
			person.id,
			{ roundId: round.id, name: input.name, capacity: input.capacity, capacityUnit: input.capacityUnit },
			items
		);
	});
}

/**
 * A closed round's items in the order of its combined ranking (by the weighting the round shows
 * first), each with the combined MoSCoW and, for a requirement, its acceptance criteria.
 */
export async function itemsFromRoundIn(tx: Transaction, consortiumId: string, round: typeof priorityRounds.$inferSelect) {
	const items = await itemsOf(tx, round.id);
	const { ranking } = await standingsIn(tx, consortiumId, round, items);
	if (!ranking) throw new CommandError('backlog_round_empty', 'roundId', 422);
	const byId = new Map(items.map((i) => [i.id, i]));
	const place = (s: (typeof ranking.items)[number]) => (round.weighting === 'population' ? s.populationPlace : s.place);
	const ordered = [...ranking.items].sort((a, b) => place(a) - place(b) || byId.get(a.itemId)!.position - byId.get(b.itemId)!.position);
	const requirementIds = items.filter((i) => i.kind === 'requirement').map((i) => i.targetId);
	const criteria = new Map(
		requirementIds.length
			? (
					await tx.select({ id: requirements.id, criteria: requirements.acceptanceCriteria }).from(requirements).where(inArray(requirements.id, requirementIds))
				).map((r) => [r.id, r.criteria])
			: []
	);
	return ordered.map((s) => {
		const item = byId.get(s.itemId)!;
		return { kind: item.kind, id: item.targetId, moscow: combinedMoscow(s.mix), acceptanceCriteria: criteria.get(item.targetId) ?? '' };
	});
}

/** Writes a backlog and its ranked items in the caller's transaction (the command above, and the demo seed). */
export async function createBacklogIn(
	tx: Transaction,
	consortiumId: string,
	createdBy: string | null,
	columns: Pick<BacklogRow, 'roundId' | 'name' | 'capacity' | 'capacityUnit'>,
	items: { kind: PriorityItemKind; id: string; moscow: MoscowPriority | null; acceptanceCriteria: string; estimate?: number | null }[]
): Promise<BacklogRow> {
	const [backlog] = await tx
		.insert(backlogs)
		.values({ consortiumId, ...columns, createdBy })
		.returning();
	if (items.length)
		await tx.insert(backlogItems).values(
			items.map((item, i) => ({
				consortiumId,
				backlogId: backlog!.id,
				itemKind: item.kind,
				itemId: item.id,
				rank: i + 1,
				moscow: item.moscow,
				acceptanceCriteria: item.acceptanceCriteria,
				estimate: item.estimate ?? null
			}))
		);
	await recordChange(tx, {
		actorId: createdBy,
		consortiumId,
		action: 'backlog.created',
		entityType: 'backlog',
		entityId: backlog!.id,
		after: { ...backlog, items: items.length }
	});
	return backlog!;
}

async function planned(tx: Transaction, person: Who, consortiumId: string, id: string, version: number) {
	const actor = await readerFor(tx, person, consortiumId);
	const before = await lockBacklog(tx, consortiumId, id);
	authorize(actor, 'backlog.plan', await backlogResource(tx, before));
	if (before.version !== version) throw new StaleWrite({ name: before.name, version: before.version });
	return before;
}

/** Saves the plan's name, capacity and the supplier's estimates, while it is planned. Admins only. */
export async function savePlan(person: Who, consortiumId: string, id: string, input: PlanInput): Promise<BacklogRow> {
	return withUser(person, async (tx) => {
		const before = await planned(tx, person, consortiumId, id, input.version);
		const rows = await tx.select({ id: backlogItems.id, estimate: backlogItems.estimate }).from(backlogItems).where(eq(backlogItems.backlogId, id));
		const known = new Set(rows.map((r) => r.id));
		for (const itemId of Object.keys(input.estimates)) if (!known.has(itemId)) throw new CommandError('unknown_link', `estimates.${itemId}`, 422);
		const changed = rows.filter((r) => r.id in input.estimates && input.estimates[r.id] !== r.estimate);
		for (const row of changed)
			await tx
				.update(backlogItems)
				.set({ estimate: input.estimates[row.id] ?? null, updatedAt: new Date() })
				.where(eq(backlogItems.id, row.id));
		const [after] = await tx
			.update(backlogs)
			.set({ name: input.name, capacity: input.capacity, capacityUnit: input.capacityUnit, version: before.version + 1, updatedAt: new Date() })
			.where(eq(backlogs.id, id))
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'backlog.planned',
			entityType: 'backlog',
			entityId: id,
			before: {
				name: before.name,
				capacity: before.capacity,
				capacityUnit: before.capacityUnit,
				estimates: Object.fromEntries(changed.map((r) => [r.id, r.estimate]))
			},
			after: {
				name: after!.name,
				capacity: after!.capacity,
				capacityUnit: after!.capacityUnit,
				estimates: Object.fromEntries(changed.map((r) => [r.id, input.estimates[r.id]]))
			}
		});
		return after!;
	});
}

async function rankedCount(tx: Transaction, backlogId: string): Promise<number> {
	const [row] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(backlogItems)
		.where(and(eq(backlogItems.backlogId, backlogId), isNotNull(backlogItems.rank)));
	return row?.n ?? 0;
}

/** Puts the line after `input.line` items (the proposal, or where the admins adjust it), while planned. */
export async function setLine(person: Who, consortiumId: string, id: string, input: LineInput): Promise<BacklogRow> {
	return withUser(person, async (tx) => {
		const before = await planned(tx, person, consortiumId, id, input.version);
		const count = await rankedCount(tx, id);
		if (input.line > count) throw new CommandError('backlog_line_too_far', 'line', 422, { max: count });
		const [after] = await tx
			.update(backlogs)
			.set({ line: input.line, version: before.version + 1, updatedAt: new Date() })
			.where(eq(backlogs.id, id))
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'backlog.line_moved',
			entityType: 'backlog',
			entityId: id,
			before: { line: before.line },
			after: { line: after!.line }
		});
		return after!;
	});
}

/** Locks the MVP scope: from now on only a decided change request changes it. Admins only. */
export async function lockScope(person: Who, consortiumId: string, id: string, version: number): Promise<BacklogRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const before = await lockBacklog(tx, consortiumId, id);
		authorize(actor, 'backlog.lock', await backlogResource(tx, before));
		if (before.version !== version) throw new StaleWrite({ name: before.name, version: before.version });
		if (before.line < 1) throw new CommandError('backlog_line_empty', 'form', 409);
		return lockScopeIn(tx, before, person.id);
	});
}

export async function lockScopeIn(tx: Transaction, before: BacklogRow, lockedBy: string | null): Promise<BacklogRow> {
	const [after] = await tx
		.update(backlogs)
		.set({ status: 'locked', lockedAt: new Date(), lockedBy, version: before.version + 1, updatedAt: new Date() })
		.where(eq(backlogs.id, before.id))
		.returning();
	await recordChange(tx, {
		actorId: lockedBy,
		consortiumId: before.consortiumId,
		action: 'backlog.locked',
		entityType: 'backlog',
		entityId: before.id,
		before: { status: before.status },
		after: { status: 'locked', line: after!.line }
	});
	return after!;
}

type Ranked = { id: string; itemKind: PriorityItemKind; itemId: string; rank: number };

async function rankedItems(tx: Transaction, backlogId: string): Promise<Ranked[]> {
	const rows = await tx
		.select({ id: backlogItems.id, itemKind: backlogItems.itemKind, itemId: backlogItems.itemId, rank: backlogItems.rank })
		.from(backlogItems)
		.where(and(eq(backlogItems.backlogId, backlogId), isNotNull(backlogItems.rank)))
		.orderBy(asc(backlogItems.rank));
	return rows as Ranked[];
}

/** A story's goal or a requirement's identifier and title, for the words of a change request. */
async function labelOf(tx: Transaction, kind: PriorityItemKind, id: string): Promise<string | null> {
	if (kind === 'story') {
		const [story] = await tx.select({ goal: userStories.goal }).from(userStories).where(eq(userStories.id, id));
		return story?.goal ?? null;
	}
	const [requirement] = await tx.select({ identifier: requirements.identifier, title: requirements.title }).from(requirements).where(eq(requirements.id, id));
	return requirement ? `${requirement.identifier} ${requirement.title}` : null;
}

/**
 * Proposes a change to a locked backlog (ändringsbegäran Ä-<n>): checked against the backlog as it
 * stands, then written as a draft decision item (background: the motivation and the impact;
 * proposal: the change in words; linked to the story or requirement) that goes through the ground
 * rules like any other. Any writer may propose; nothing changes until the decision is recorded.
 */
export async function requestChange(person: Who, consortiumId: string, backlogId: string, input: ChangeRequestInput): Promise<ChangeRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const backlog = await lockBacklog(tx, consortiumId, backlogId);
		authorize(actor, 'backlog.request_change', await backlogResource(tx, backlog));
		return requestChangeIn(tx, backlog, person.id, input);
	});
}

/** The change request itself, in the caller's transaction with the backlog locked (the command above, and the demo seed). */
export async function requestChangeIn(tx: Transaction, backlog: BacklogRow, personId: string | null, input: ChangeRequestInput): Promise<ChangeRow> {
	const consortiumId = backlog.consortiumId;
	const backlogId = backlog.id;
	const ranked = await rankedItems(tx, backlogId);
	let target: Ranked | null = null;
	let add: { kind: PriorityItemKind; id: string } | null = null;
	if (input.kind === 'add') {
		if (!input.addItem) throw new CommandError('required', 'addItem', 422);
		const [kind, id] = input.addItem.split(':') as [PriorityItemKind, string];
		add = { kind, id: id.toLowerCase() };
		if (!(await labelOf(tx, add.kind, add.id)) || !(await belongs(tx, consortiumId, add.kind, add.id)))
			throw new CommandError('invalid_choice', 'addItem', 422);
		if (ranked.some((r) => r.itemKind === add!.kind && r.itemId === add!.id)) throw new CommandError('backlog_item_already_in', 'addItem', 422);
		if (!input.targetRank) throw new CommandError('required', 'targetRank', 422);
		if (input.targetRank > ranked.length + 1) throw new CommandError('backlog_rank_too_far', 'targetRank', 422, { max: ranked.length + 1 });
	} else {
		target = ranked.find((r) => r.id === input.backlogItemId) ?? null;
		if (!target) throw new CommandError(input.backlogItemId ? 'invalid_choice' : 'required', 'backlogItemId', 422);
		if (input.kind === 'move') {
			if (!input.targetRank) throw new CommandError('required', 'targetRank', 422);
			if (input.targetRank > ranked.length) throw new CommandError('backlog_rank_too_far', 'targetRank', 422, { max: ranked.length });
			if (input.targetRank === target.rank) throw new CommandError('backlog_rank_unchanged', 'targetRank', 422);
		}
		if (input.kind === 'criteria' && !input.criteria) throw new CommandError('required', 'criteria', 422);
	}
	await advisoryLock(tx, `backlog_changes:${consortiumId}`);
	const [last] = await tx
		.select({ n: max(backlogChanges.number) })
		.from(backlogChanges)
		.where(eq(backlogChanges.consortiumId, consortiumId));
	const number = (last?.n ?? 0) + 1;
	const [consortium] = await tx.select({ contentLanguage: consortia.contentLanguage }).from(consortia).where(eq(consortia.id, consortiumId));
	const locale = consortium?.contentLanguage === 'en' ? 'en' : 'sv';
	const subject = add ?? { kind: target!.itemKind, id: target!.itemId };
	const label = (await labelOf(tx, subject.kind, subject.id)) ?? '–';
	const rank = input.targetRank ?? 0;
	const where = (r: number) => (r <= backlog.line ? m.backlog_change_in_mvp({}, { locale }) : m.backlog_change_below_line({}, { locale }));
	const proposal =
		input.kind === 'add'
			? m.backlog_change_proposal_add({ item: label, rank, where: where(rank) }, { locale })
			: input.kind === 'remove'
				? m.backlog_change_proposal_remove({ item: label }, { locale })
				: input.kind === 'move'
					? m.backlog_change_proposal_move({ item: label, from: target!.rank, rank, where: where(rank) }, { locale })
					: m.backlog_change_proposal_criteria({ item: label, criteria: input.criteria }, { locale });
	const [item] = await tx
		.insert(decisionItems)
		.values({
			consortiumId,
			title: m.backlog_change_title({ number, name: backlog.name, item: label.slice(0, 120) }, { locale }),
			background: m.backlog_change_background({ motivation: input.motivation, impact: input.impact }, { locale }),
			proposal,
			level: 'steering_group',
			// Two weeks for positions unless whoever prepares the item changes it before opening.
			deadline: endOfDayInStockholm(stockholmDate(new Date(Date.now() + 14 * 86_400_000))),
			createdBy: personId
		})
		.returning();
	await tx.insert(decisionLinks).values({ consortiumId, itemId: item!.id, targetKind: subject.kind, targetId: subject.id });
	const [change] = await tx
		.insert(backlogChanges)
		.values({
			consortiumId,
			backlogId,
			number,
			kind: input.kind,
			backlogItemId: target?.id ?? null,
			itemKind: add?.kind ?? null,
			itemId: add?.id ?? null,
			targetRank: input.kind === 'add' || input.kind === 'move' ? rank : null,
			criteria: input.kind === 'criteria' ? input.criteria : null,
			motivation: input.motivation,
			impact: input.impact,
			decisionItemId: item!.id,
			createdBy: personId
		})
		.returning();
	await recordChange(tx, {
		actorId: personId,
		consortiumId,
		action: 'decision_item.created',
		entityType: 'decision_item',
		entityId: item!.id,
		after: item
	});
	await recordChange(tx, {
		actorId: personId,
		consortiumId,
		action: 'backlog.change_requested',
		entityType: 'backlog',
		entityId: backlogId,
		related: [item!.id],
		after: change
	});
	return change!;
}

async function belongs(tx: Transaction, consortiumId: string, kind: PriorityItemKind, id: string): Promise<boolean> {
	if (kind === 'story') {
		const [row] = await tx
			.select({ id: userStories.id })
			.from(userStories)
			.where(and(eq(userStories.id, id), eq(userStories.consortiumId, consortiumId)));
		return Boolean(row);
	}
	const [row] = await tx
		.select({ id: requirements.id })
		.from(requirements)
		.where(and(eq(requirements.id, id), eq(requirements.consortiumId, consortiumId), eq(requirements.status, 'approved')));
	return Boolean(row);
}

/**
 * Called when a decision item is recorded (decisions/commands.ts recordIn), in its transaction: if
 * the item is a change request, an adopted decision changes the backlog as asked, with the
 * decision's number on the changed item; any other result leaves it and marks the request rejected.
 */
export async function settleChangeRequestIn(
	tx: Transaction,
	decisionItemId: string,
	decision: Pick<typeof decisions.$inferSelect, 'id' | 'number' | 'result'>,
	actorId: string | null
): Promise<void> {
	const [change] = await tx.select().from(backlogChanges).where(eq(backlogChanges.decisionItemId, decisionItemId));
	if (!change || change.status !== 'proposed') return;
	const backlog = await lockBacklog(tx, change.consortiumId, change.backlogId);
	if (decision.result !== 'adopted') {
		await tx.update(backlogChanges).set({ status: 'rejected', decisionId: decision.id }).where(eq(backlogChanges.id, change.id));
		await recordChange(tx, {
			actorId,
			consortiumId: change.consortiumId,
			action: 'backlog.change_rejected',
			entityType: 'backlog',
			entityId: backlog.id,
			after: { change: change.number, decision: decision.number }
		});
		return;
	}
	const ranked = await rankedItems(tx, backlog.id);
	const order = ranked.map((r) => r.id);
	let line = backlog.line;
	let changedId: string;
	if (change.kind === 'add') {
		const [existing] = await tx
			.select({ id: backlogItems.id })
			.from(backlogItems)
			.where(and(eq(backlogItems.backlogId, backlog.id), eq(backlogItems.itemKind, change.itemKind!), eq(backlogItems.itemId, change.itemId!)));
		changedId =
			existing?.id ??
			(
				await tx
					.insert(backlogItems)
					.values({ consortiumId: change.consortiumId, backlogId: backlog.id, itemKind: change.itemKind!, itemId: change.itemId!, rank: order.length + 1 })
					.returning({ id: backlogItems.id })
			)[0]!.id;
		const at = Math.min(change.targetRank!, order.length + 1);
		if (at <= line) line += 1;
		order.splice(at - 1, 0, changedId);
	} else if (change.kind === 'remove') {
		changedId = change.backlogItemId!;
		const index = order.indexOf(changedId);
		if (index >= 0) {
			if (index < line) line -= 1;
			order.splice(index, 1);
		}
		await tx.update(backlogItems).set({ rank: null }).where(eq(backlogItems.id, changedId));
	} else if (change.kind === 'move') {
		changedId = change.backlogItemId!;
		const index = order.indexOf(changedId);
		if (index >= 0) {
			const wasIn = index < line;
			const at = Math.min(change.targetRank!, order.length);
			const isIn = at <= line;
			order.splice(index, 1);
			order.splice(at - 1, 0, changedId);
			line += (isIn ? 1 : 0) - (wasIn ? 1 : 0);
		}
	} else {
		changedId = change.backlogItemId!;
		await tx
			.update(backlogItems)
			.set({ acceptanceCriteria: change.criteria ?? '' })
			.where(eq(backlogItems.id, changedId));
	}
	// Places are written from the bottom up in two steps, so no two items ever hold one place mid-way.
	for (const [i, id] of order.entries()) {
		const before = ranked.find((r) => r.id === id)?.rank;
		if (before !== i + 1)
			await tx
				.update(backlogItems)
				.set({ rank: i + 1, updatedAt: new Date() })
				.where(eq(backlogItems.id, id));
	}
	await tx.update(backlogItems).set({ changedByDecision: decision.number, updatedAt: new Date() }).where(eq(backlogItems.id, changedId));
	await tx
		.update(backlogs)
		.set({ line: Math.max(0, line), version: backlog.version + 1, updatedAt: new Date() })
		.where(eq(backlogs.id, backlog.id));
	await tx.update(backlogChanges).set({ status: 'approved', decisionId: decision.id, appliedAt: new Date() }).where(eq(backlogChanges.id, change.id));
	await recordChange(tx, {
		actorId,
		consortiumId: change.consortiumId,
		action: 'backlog.change_applied',
		entityType: 'backlog',
		entityId: backlog.id,
		before: { line: backlog.line, order: ranked.map((r) => r.id) },
		after: { change: change.number, decision: decision.number, line, order }
	});
}

/** Called when a decision item is withdrawn (decisions/commands.ts), in its transaction: its change request is withdrawn too. */
export async function withdrawChangeRequestIn(tx: Transaction, decisionItemId: string, actorId: string | null): Promise<void> {
	const [change] = await tx
		.update(backlogChanges)
		.set({ status: 'withdrawn' })
		.where(and(eq(backlogChanges.decisionItemId, decisionItemId), eq(backlogChanges.status, 'proposed')))
		.returning();
	if (!change) return;
	await recordChange(tx, {
		actorId,
		consortiumId: change.consortiumId,
		action: 'backlog.change_withdrawn',
		entityType: 'backlog',
		entityId: change.backlogId,
		related: [decisionItemId],
		after: { change: change.number, status: 'withdrawn' }
	});
}

/**
 * Publishes a release of a locked backlog to the supplier: numbered per consortium, the MVP items
 * (above the line) frozen with their place, MoSCoW, estimate, acceptance criteria and the requirement
 * texts they carry, optionally with the decision that approved it. Whoever may speak to the supplier.
 */
export async function publishRelease(person: Who, consortiumId: string, backlogId: string, input: ReleaseInput) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const backlog = await lockBacklog(tx, consortiumId, backlogId);
		authorize(actor, 'backlog.publish', await backlogResource(tx, backlog));
		let decision: { id: string; number: string } | null = null;
		if (input.decisionId) {
			const [row] = await tx
				.select({ id: decisions.id, number: decisions.number })
				.from(decisions)
				.where(and(eq(decisions.id, input.decisionId), eq(decisions.consortiumId, consortiumId), eq(decisions.result, 'adopted')));
			if (!row) throw new CommandError('invalid_choice', 'decisionId', 422);
			decision = row;
		}
		return publishReleaseIn(tx, backlog, person.id, input.note, decision);
	});
}

export async function publishReleaseIn(
	tx: Transaction,
	backlog: BacklogRow,
	publishedBy: string | null,
	note: string,
	decision: { id: string; number: string } | null
) {
	const consortiumId = backlog.consortiumId;
	const content = await releaseContentIn(tx, backlog);
	if (content.length === 0) throw new CommandError('backlog_line_empty', 'form', 409);
	await advisoryLock(tx, `backlog_releases:${consortiumId}`);
	const [last] = await tx
		.select({ n: max(backlogReleases.number) })
		.from(backlogReleases)
		.where(eq(backlogReleases.consortiumId, consortiumId));
	const number = (last?.n ?? 0) + 1;
	const [release] = await tx
		.insert(backlogReleases)
		.values({
			consortiumId,
			backlogId: backlog.id,
			number,
			version: backlog.name,
			note,
			decisionId: decision?.id ?? null,
			decisionNumber: decision?.number ?? null,
			capacity: backlog.capacity,
			capacityUnit: backlog.capacityUnit,
			publishedBy
		})
		.returning();
	await tx
		.insert(backlogReleaseItems)
		.values(content.map((c) => ({ consortiumId, releaseId: release!.id, backlogItemId: c.backlogItemId, rank: c.rank, content: c })));
	await enqueueWebhookEvent(tx, consortiumId, 'release.published', {
		number,
		version: backlog.name,
		note,
		decision: decision?.number ?? null,
		published_at: release!.publishedAt.toISOString(),
		items: content.length
	});
	await recordChange(tx, {
		actorId: publishedBy,
		consortiumId,
		action: 'backlog_release.published',
		entityType: 'backlog_release',
		entityId: release!.id,
		related: [backlog.id],
		audience: 'everyone',
		after: { ...release, items: content.length }
	});
	return release!;
}

async function releaseOf(tx: Transaction, consortiumId: string, number: number) {
	const [release] = await tx
		.select()
		.from(backlogReleases)
		.where(and(eq(backlogReleases.consortiumId, consortiumId), eq(backlogReleases.number, number)));
	if (!release) throw new NotFound();
	return release;
}

/** The supplier confirms it received a release (once; again is nothing). */
export async function acknowledgeRelease(person: Who, consortiumId: string, number: number): Promise<void> {
	await withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId, 'published.read');
		authorize(actor, 'supplier.interact', { consortiumId });
		const release = await releaseOf(tx, consortiumId, number);
		await acknowledgeReleaseIn(tx, release, person.id);
	});
}

export async function acknowledgeReleaseIn(tx: Transaction, release: typeof backlogReleases.$inferSelect, userId: string): Promise<void> {
	if (release.acknowledgedAt) return;
	await tx.update(backlogReleases).set({ acknowledgedAt: new Date(), acknowledgedBy: userId }).where(eq(backlogReleases.id, release.id));
	await recordChange(tx, {
		actorId: userId,
		consortiumId: release.consortiumId,
		action: 'backlog_release.acknowledged',
		entityType: 'backlog_release',
		entityId: release.id,
		audience: 'everyone',
		after: { number: release.number }
	});
}

/** A backlog item a release carried, or 404 (for the supplier, nothing else exists). */
async function publishedItem(tx: Transaction, consortiumId: string, backlogItemId: string) {
	const [row] = await tx
		.select({ id: backlogItems.id })
		.from(backlogItems)
		.where(
			and(
				eq(backlogItems.id, backlogItemId),
				eq(backlogItems.consortiumId, consortiumId),
				sql`exists (select 1 from ${backlogReleaseItems} ri where ri.backlog_item_id = ${backlogItems.id})`
			)
		);
	if (!row) throw new NotFound();
	return row;
}

/** The supplier reports an item's delivery status, with a note. */
export async function reportDelivery(person: Who, consortiumId: string, backlogItemId: string, input: DeliveryInput): Promise<void> {
	await withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId, 'published.read');
		authorize(actor, 'supplier.interact', { consortiumId });
		await publishedItem(tx, consortiumId, backlogItemId);
		await reportDeliveryIn(tx, consortiumId, backlogItemId, person.id, input);
	});
}

export async function reportDeliveryIn(tx: Transaction, consortiumId: string, backlogItemId: string, userId: string, input: DeliveryInput): Promise<void> {
	const [row] = await tx
		.insert(deliveryReports)
		.values({ consortiumId, backlogItemId, status: input.status, note: input.note, reportedBy: userId })
		.returning();
	await recordChange(tx, {
		actorId: userId,
		consortiumId,
		action: 'delivery.reported',
		entityType: 'delivery',
		entityId: backlogItemId,
		audience: 'everyone',
		after: row
	});
}

/** The consortium accepts a delivered item, or returns it with a reason. Whoever may speak to the supplier. */
export async function judgeDelivery(person: Who, consortiumId: string, backlogItemId: string, input: AcceptanceInput): Promise<void> {
	await withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const [backlog] = await tx
			.select({ consortiumId: backlogs.consortiumId, status: backlogs.status })
			.from(backlogs)
			.innerJoin(backlogItems, eq(backlogItems.backlogId, backlogs.id))
			.where(eq(backlogItems.id, backlogItemId));
		if (!backlog || backlog.consortiumId !== consortiumId) throw new NotFound();
		authorize(actor, 'supplier.publish', { consortiumId, publishing: (await backlogResource(tx, backlog)).publishing });
		await publishedItem(tx, consortiumId, backlogItemId);
		const [latest] = await tx
			.select({ status: deliveryReports.status })
			.from(deliveryReports)
			.where(eq(deliveryReports.backlogItemId, backlogItemId))
			.orderBy(desc(deliveryReports.reportedAt), desc(deliveryReports.id))
			.limit(1);
		if (latest?.status !== 'delivered') throw new CommandError('delivery_not_delivered', 'form', 409);
		await judgeDeliveryIn(tx, consortiumId, backlogItemId, person.id, input);
	});
}

export async function judgeDeliveryIn(tx: Transaction, consortiumId: string, backlogItemId: string, userId: string, input: AcceptanceInput): Promise<void> {
	const [row] = await tx
		.insert(deliveryAcceptances)
		.values({ consortiumId, backlogItemId, verdict: input.verdict, reason: input.reason, decidedBy: userId })
		.returning();
	await recordChange(tx, {
		actorId: userId,
		consortiumId,
		action: input.verdict === 'accepted' ? 'delivery.accepted' : 'delivery.returned',
		entityType: 'delivery',
		entityId: backlogItemId,
		audience: 'everyone',
		after: row
	});
}
