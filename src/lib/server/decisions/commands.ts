import { and, asc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Transaction } from '../db/client';
import { asServerIn, withUser } from '../db/request';
import { speakersOf } from '../consortia/speakers';
import { eachTaken } from '../db/locks';
import {
	baselines,
	consortia,
	decisionAcknowledgements,
	decisionConflicts,
	decisionItems,
	decisionLinks,
	decisionLogHeads,
	decisionOptions,
	decisionPositionHistory,
	decisionPositions,
	decisionReservations,
	decisions,
	needs,
	organisations,
	requirements,
	userStories,
	users
} from '../db/schema';
import { settleChangeRequestIn, withdrawChangeRequestIn } from '../backlog/commands';
import { settleGateIn } from '../roadmap/gates';
import { settleReleaseGateIn } from '../backlog/gates';
import { recordChange } from '../audit/record-change';
import { enqueueMail } from '../mail/outbox';
import { enqueueWebhookEvent } from '../webhooks/outbox';
import { notify } from '../notifications/notify';
import { storeDerivedText } from '../collab/derived';
import { config } from '../config';
import { CommandError, NotFound, StaleWrite } from '../errors';
import { actorFor, type Who } from '../consortia/actor';
import { authorize } from '../policy';
import { endOfDayInStockholm, stockholmDate } from '../../decisions/deadline';
import { explainOutcome } from '../../decisions/explain';
import { decisionNumber, entryHash, GENESIS, type ChainedContent } from './log-chain';
import { itemResource, lockItem, positionsState, type DecisionItemRow } from './state';
import type { DecisionItemInput, PositionInput, RecordInput, UpdateDecisionItemInput } from './schemas';
import type { DecisionLinkKind } from '../../enums';

type DecisionRow = typeof decisions.$inferSelect;

const linkTables = { need: needs, story: userStories, requirement: requirements, baseline: baselines } as const;

function linksOf(input: Pick<DecisionItemInput, 'needIds' | 'storyIds' | 'requirementIds' | 'baselineIds'>): { kind: DecisionLinkKind; id: string }[] {
	return [
		...input.needIds.map((id) => ({ kind: 'need' as const, id })),
		...input.storyIds.map((id) => ({ kind: 'story' as const, id })),
		...input.requirementIds.map((id) => ({ kind: 'requirement' as const, id })),
		...input.baselineIds.map((id) => ({ kind: 'baseline' as const, id }))
	];
}

/** Refuses links to things that are not the consortium's (the generic link has no foreign key to check it). */
async function setLinks(tx: Transaction, consortiumId: string, itemId: string, links: { kind: DecisionLinkKind; id: string }[]): Promise<void> {
	for (const kind of Object.keys(linkTables) as DecisionLinkKind[]) {
		const ids = [...new Set(links.filter((l) => l.kind === kind).map((l) => l.id))];
		if (ids.length === 0) continue;
		const table = linkTables[kind] as typeof needs;
		const found = await tx
			.select({ id: table.id })
			.from(table)
			.where(and(eq(table.consortiumId, consortiumId), inArray(table.id, ids)));
		if (found.length !== ids.length) throw new CommandError('unknown_link', `${kind}Ids`, 422);
	}
	await tx.delete(decisionLinks).where(eq(decisionLinks.itemId, itemId));
	const unique = [...new Map(links.map((l) => [`${l.kind}:${l.id}`, l])).values()];
	if (unique.length > 0) await tx.insert(decisionLinks).values(unique.map((l) => ({ consortiumId, itemId, targetKind: l.kind, targetId: l.id })));
}

async function setOptions(tx: Transaction, consortiumId: string, itemId: string, labels: string[]): Promise<void> {
	await tx.delete(decisionOptions).where(eq(decisionOptions.itemId, itemId));
	// One option is the proposal itself; alternatives start at two.
	if (labels.length >= 2) await tx.insert(decisionOptions).values(labels.map((label, i) => ({ consortiumId, itemId, position: i + 1, label })));
}

function futureDeadline(date: string): Date {
	const deadline = endOfDayInStockholm(date);
	if (deadline.getTime() <= Date.now()) throw new CommandError('decision_deadline_past', 'deadline', 422);
	return deadline;
}

function itemColumns(input: DecisionItemInput) {
	return {
		title: input.title,
		background: input.background,
		proposal: input.proposal,
		level: input.level,
		deadline: futureDeadline(input.deadline),
		reminderHours: input.reminderHours
	};
}

/** Prepares a draft item: title, background, proposal (with alternatives), level, deadline, links. */
export async function createDecisionItem(person: Who, consortiumId: string, input: DecisionItemInput): Promise<DecisionItemRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const [item] = await tx
			.insert(decisionItems)
			.values({ consortiumId, ...itemColumns(input), createdBy: person.id })
			.returning();
		await setOptions(tx, consortiumId, item!.id, input.options);
		await setLinks(tx, consortiumId, item!.id, linksOf(input));
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'decision_item.created',
			entityType: 'decision_item',
			entityId: item!.id,
			after: { ...item, options: input.options, links: linksOf(input) }
		});
		return item!;
	});
}

/** Saves a draft's fields unless someone else saved it since `input.version`. */
export async function updateDecisionItem(person: Who, consortiumId: string, input: UpdateDecisionItemInput): Promise<DecisionItemRow> {
	return withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'content.write');
		const before = await lockItem(tx, consortiumId, input.id);
		authorize(actor, 'decision_item.edit', await itemResource(tx, actor, before));
		if (before.version !== input.version) throw new StaleWrite({ title: before.title, version: before.version });
		const [after] = await tx
			.update(decisionItems)
			.set({ ...itemColumns(input), version: before.version + 1, updatedAt: new Date() })
			.where(eq(decisionItems.id, before.id))
			.returning();
		await setOptions(tx, consortiumId, before.id, input.options);
		await setLinks(tx, consortiumId, before.id, linksOf(input));
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'decision_item.updated',
			entityType: 'decision_item',
			entityId: before.id,
			before,
			after
		});
		return after!;
	});
}

async function moveItem(
	person: Who,
	consortiumId: string,
	id: string,
	step: 'decision_item.open' | 'decision_item.withdraw',
	to: 'open' | 'withdrawn'
): Promise<DecisionItemRow> {
	return withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'internal.read');
		const before = await lockItem(tx, consortiumId, id);
		authorize(actor, step, await itemResource(tx, actor, before));
		if (to === 'open' && (!before.deadline || before.deadline.getTime() <= Date.now())) throw new CommandError('decision_deadline_past', 'deadline', 422);
		// The background as co-written up to now, not as last debounced: these are the words positions are taken on.
		if (to === 'open') await storeDerivedText(tx, `decision_item/${id}/background`);
		const [after] = await tx
			.update(decisionItems)
			.set({ status: to, version: before.version + 1, updatedAt: new Date(), ...(to === 'open' ? { openedAt: new Date() } : {}) })
			.where(eq(decisionItems.id, id))
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: to === 'open' ? 'decision_item.opened' : 'decision_item.withdrawn',
			entityType: 'decision_item',
			entityId: id,
			before: { status: before.status },
			after: { status: after!.status, deadline: after!.deadline }
		});
		// A change request whose decision item is withdrawn will not be decided either.
		if (to === 'withdrawn') await withdrawChangeRequestIn(tx, id, person.id);
		return after!;
	});
}

/** Draft → open for positions, until the deadline. */
export const openDecisionItem = (person: Who, consortiumId: string, id: string) => moveItem(person, consortiumId, id, 'decision_item.open', 'open');
/** Draft or open → withdrawn: it will not be decided. */
export const withdrawDecisionItem = (person: Who, consortiumId: string, id: string) =>
	moveItem(person, consortiumId, id, 'decision_item.withdraw', 'withdrawn');

/**
 * States (or changes) the position of the person's own organisation on an open item, as its
 * representative or as the deputy speaking for it. One row per organisation: a second statement at
 * the same time waits for the first and replaces it. Every statement also enters the history.
 */
export async function statePosition(person: Who, consortiumId: string, itemId: string, input: PositionInput) {
	return withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'internal.read');
		const item = await lockItem(tx, consortiumId, itemId, 'shared');
		authorize(actor, 'decision_item.position', await itemResource(tx, actor, item));
		const membership = actor.membership!;
		const options = await tx.select({ id: decisionOptions.id }).from(decisionOptions).where(eq(decisionOptions.itemId, itemId));
		const several = options.length >= 2;
		if (several ? input.stance === 'for' : input.stance === 'option') throw new CommandError('invalid_choice', 'stance', 422);
		if (input.stance === 'option' && !options.some((o) => o.id === input.optionId)) throw new CommandError('decision_option_required', 'optionId', 422);
		const optionId = input.stance === 'option' ? input.optionId! : null;
		const actingAs = membership.role === 'representative' ? ('representative' as const) : ('deputy' as const);
		const [before] = await tx
			.select()
			.from(decisionPositions)
			.where(and(eq(decisionPositions.itemId, itemId), eq(decisionPositions.organisationId, membership.organisationId)));
		const values = { stance: input.stance, optionId, reason: input.reason, userId: person.id, actingAs };
		const [row] = await tx
			.insert(decisionPositions)
			.values({ consortiumId, itemId, organisationId: membership.organisationId, ...values })
			.onConflictDoUpdate({ target: [decisionPositions.itemId, decisionPositions.organisationId], set: { ...values, updatedAt: new Date() } })
			.returning();
		await tx.insert(decisionPositionHistory).values({ consortiumId, itemId, organisationId: membership.organisationId, ...values });
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: before ? 'decision_item.position_changed' : 'decision_item.position_stated',
			entityType: 'decision_item',
			entityId: itemId,
			before: before ?? undefined,
			after: row
		});
		return row!;
	});
}

/** A representative declares a conflict of interest (jäv) on an item: the organisation's deputy speaks for it there. */
export async function declareConflict(person: Who, consortiumId: string, itemId: string, reason: string): Promise<void> {
	await withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'internal.read');
		const item = await lockItem(tx, consortiumId, itemId);
		authorize(actor, 'decision_item.declare_conflict', await itemResource(tx, actor, item));
		const [row] = await tx
			.insert(decisionConflicts)
			.values({ consortiumId, itemId, organisationId: actor.membership!.organisationId, userId: person.id, reason })
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'decision_item.conflict_declared',
			entityType: 'decision_item',
			entityId: itemId,
			after: row
		});
	});
}

/**
 * Closes an open item in the caller's transaction (the item locked): the ground rules' final word
 * on the positions, kept with the item. `closedBy` is null when the deadline closed it.
 */
export async function closeItemIn(tx: Transaction, item: DecisionItemRow, closedBy: string | null): Promise<DecisionItemRow> {
	const state = await positionsState(tx, item.consortiumId, item.id, true);
	const result = state.tally.result === 'pending' ? 'no_decision' : state.tally.result;
	const [after] = await tx
		.update(decisionItems)
		.set({
			status: 'closed',
			result,
			resultOptionId: result === 'adopted' ? state.tally.optionId : null,
			tally: state.tally,
			closedAt: new Date(),
			closedBy,
			version: item.version + 1,
			updatedAt: new Date()
		})
		.where(eq(decisionItems.id, item.id))
		.returning();
	await recordChange(tx, {
		actorId: closedBy,
		consortiumId: item.consortiumId,
		action: closedBy ? 'decision_item.closed' : 'decision_item.closed_at_deadline',
		entityType: 'decision_item',
		entityId: item.id,
		before: { status: item.status },
		after: { status: 'closed', result, tally: state.tally }
	});
	return after!;
}

/** Closes an open item by hand, before its deadline. */
export async function closeDecisionItem(person: Who, consortiumId: string, id: string): Promise<DecisionItemRow> {
	return withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'internal.read');
		const item = await lockItem(tx, consortiumId, id);
		authorize(actor, 'decision_item.close', await itemResource(tx, actor, item));
		return closeItemIn(tx, item, person.id);
	});
}

/** An organisation whose position did not carry registers its dissent, before the decision is recorded. */
export async function registerReservation(person: Who, consortiumId: string, itemId: string, reason: string): Promise<void> {
	await withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'internal.read');
		const item = await lockItem(tx, consortiumId, itemId);
		authorize(actor, 'decision_item.reserve', await itemResource(tx, actor, item));
		const organisationId = actor.membership!.organisationId;
		const [own] = await tx
			.select()
			.from(decisionPositions)
			.where(and(eq(decisionPositions.itemId, itemId), eq(decisionPositions.organisationId, organisationId)));
		const lost =
			own &&
			(item.result === 'adopted'
				? own.stance === 'against' || (own.stance === 'option' && own.optionId !== item.resultOptionId)
				: own.stance === 'for' || own.stance === 'option');
		if (!lost) throw new CommandError('decision_not_lost', 'reason', 409);
		const [row] = await tx
			.insert(decisionReservations)
			.values({ consortiumId, itemId, organisationId, userId: person.id, reason })
			.onConflictDoUpdate({ target: [decisionReservations.itemId, decisionReservations.organisationId], set: { reason, userId: person.id } })
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'decision_item.reservation_registered',
			entityType: 'decision_item',
			entityId: itemId,
			after: row
		});
	});
}

/**
 * Records a closed item in the decision log: the next number of the consortium's year (no gaps: the
 * chain's head row is locked, so recordings queue), the decision's text and outcome in words, each
 * organisation's position and capacity, the reservations and links, chained by SHA-256 to the
 * entry before. The item becomes `recorded`; neither changes again.
 */
export async function recordDecision(person: Who, consortiumId: string, itemId: string, input: RecordInput): Promise<DecisionRow> {
	return withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'decisions.manage');
		const item = await lockItem(tx, consortiumId, itemId);
		authorize(actor, 'decision_item.record', await itemResource(tx, actor, item));
		if (input.secret && input.communicated) throw new CommandError('decision_secret_not_communicated', 'communicated', 422);
		return recordIn(tx, person.id, item, input);
	});
}

/** The recording itself, in the caller's transaction with the item locked (the command above, and the demo seed). */
export async function recordIn(tx: Transaction, recordedBy: string | null, item: DecisionItemRow, input: RecordInput): Promise<DecisionRow> {
	const consortiumId = item.consortiumId;
	if (input.supersedesId) {
		const [old] = await tx
			.select({ id: decisions.id })
			.from(decisions)
			.where(and(eq(decisions.id, input.supersedesId), eq(decisions.consortiumId, consortiumId)));
		if (!old) throw new CommandError('unknown_link', 'supersedesId', 422);
	}
	const [[consortium], state, reservationRows, linkRows] = await Promise.all([
		tx.select({ contentLanguage: consortia.contentLanguage }).from(consortia).where(eq(consortia.id, consortiumId)),
		positionsState(tx, consortiumId, item.id, true),
		tx
			.select({ organisation: organisations.name, reason: decisionReservations.reason, byName: users.name, at: decisionReservations.createdAt })
			.from(decisionReservations)
			.innerJoin(organisations, eq(organisations.id, decisionReservations.organisationId))
			.leftJoin(users, eq(users.id, decisionReservations.userId))
			.where(eq(decisionReservations.itemId, item.id))
			.orderBy(asc(organisations.name)),
		tx.select({ kind: decisionLinks.targetKind, id: decisionLinks.targetId }).from(decisionLinks).where(eq(decisionLinks.itemId, item.id))
	]);
	const locale = consortium?.contentLanguage === 'en' ? 'en' : 'sv';
	const result = item.result ?? 'no_decision';
	const optionLabel = (id: string | null) => state.options.find((o) => o.id === id)?.label ?? '';
	const text = result === 'adopted' ? (item.resultOptionId ? optionLabel(item.resultOptionId) : item.proposal) : item.proposal;
	const recordedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
	const year = Number(stockholmDate(recordedAt).slice(0, 4));

	// The head row is the chain's lock: recordings of one consortium queue on it, so numbers have no gaps.
	const head = await asServerIn(tx, async (own) => {
		await own.insert(decisionLogHeads).values({ consortiumId, year, sequence: 0, hash: GENESIS }).onConflictDoNothing();
		const [row] = await own.select().from(decisionLogHeads).where(eq(decisionLogHeads.consortiumId, consortiumId)).for('update');
		return row!;
	});
	const sequence = head.year === year ? head.sequence + 1 : 1;
	const content: ChainedContent = {
		consortiumId,
		number: decisionNumber(year, sequence),
		year,
		sequence,
		title: item.title,
		text,
		level: item.level,
		decidedOn: stockholmDate(item.closedAt ?? recordedAt),
		result,
		explanation: explainOutcome(item.tally ? (item.tally as typeof state.tally) : state.tally, state.rules, { locale, optionLabel }),
		positions: state.positions.map((p) => ({
			organisation: p.name,
			stance: p.stance,
			option: p.optionId ? optionLabel(p.optionId) : null,
			reason: p.reason,
			by: p.byName,
			actingAs: p.actingAs
		})),
		reservations: reservationRows.map((r) => ({ organisation: r.organisation, reason: r.reason, by: r.byName })),
		links: linkRows.map((l) => ({ kind: l.kind, id: l.id })),
		registrationNumber: input.registrationNumber,
		secret: input.secret,
		meetingParagraph: input.meetingParagraph,
		supersedesId: input.supersedesId ?? null,
		recordedBy,
		recordedAt,
		previousHash: head.hash
	};
	const hash = entryHash(content);
	const [entry] = await tx
		.insert(decisions)
		.values({ ...content, itemId: item.id, communicated: input.communicated && !input.secret, hash })
		.returning();
	await asServerIn(tx, (own) => own.update(decisionLogHeads).set({ year, sequence, hash }).where(eq(decisionLogHeads.consortiumId, consortiumId)));
	await tx
		.update(decisionItems)
		.set({ status: 'recorded', version: item.version + 1, updatedAt: new Date() })
		.where(eq(decisionItems.id, item.id));
	// A change request to a locked backlog takes effect (or is turned down) as its decision is recorded.
	await settleChangeRequestIn(tx, item.id, entry!, recordedBy);
	// A gate's decision moves its initiative on, back, or ends it.
	await settleGateIn(tx, item.id, entry!.decidedOn, recordedBy);
	// A release gate's decision approves the deliverable, sends it back, or ends the delivery work.
	await settleReleaseGateIn(tx, item.id, entry!.decidedOn, recordedBy);
	await recordChange(tx, {
		actorId: recordedBy,
		consortiumId,
		action: 'decision.recorded',
		entityType: 'decision_item',
		entityId: item.id,
		related: [entry!.id],
		// a decision communicated as it is recorded appears on the supplier's pages at once
		audience: entry!.communicated ? 'everyone' : 'internal',
		after: entry
	});
	if (entry!.communicated) await announceCommunicated(tx, entry!);
	return entry!;
}

/** Queues the `decision.communicated` webhook event: what the supplier now sees of the decision, and where. */
async function announceCommunicated(tx: Transaction, entry: DecisionRow): Promise<void> {
	const [consortium] = await tx.select({ slug: consortia.slug }).from(consortia).where(eq(consortia.id, entry.consortiumId));
	await enqueueWebhookEvent(tx, entry.consortiumId, 'decision.communicated', {
		id: entry.id,
		number: entry.number,
		title: entry.title,
		text: entry.text,
		decided_on: entry.decidedOn,
		level: entry.level,
		link: `${config().ORIGIN ?? ''}/c/${consortium!.slug}/decisions/log#${entry.number}`
	});
}

/** Shows a recorded decision that is not secret to the supplier under "Konsortiets beslut". */
export async function communicateDecision(person: Who, consortiumId: string, decisionId: string): Promise<void> {
	await withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'decisions.manage');
		const [entry] = await tx
			.select()
			.from(decisions)
			.where(and(eq(decisions.id, decisionId), eq(decisions.consortiumId, consortiumId)));
		if (!entry) throw new NotFound();
		if (entry.secret) throw new CommandError('decision_secret_not_communicated', 'form', 409);
		if (entry.communicated) return;
		await tx.update(decisions).set({ communicated: true }).where(eq(decisions.id, decisionId));
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'decision.communicated',
			entityType: 'decision',
			entityId: decisionId,
			audience: 'everyone',
			before: { communicated: false },
			after: { communicated: true }
		});
		await announceCommunicated(tx, entry);
	});
}

/** The supplier's receipt of a communicated decision, for its organisation (once; again is a no-op). */
export async function acknowledgeDecision(person: Who, consortiumId: string, decisionId: string): Promise<void> {
	await withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'supplier.interact');
		const [entry] = await tx
			.select({ id: decisions.id })
			.from(decisions)
			.where(and(eq(decisions.id, decisionId), eq(decisions.consortiumId, consortiumId)));
		if (!entry) throw new NotFound(); // row-level security hides what was not communicated to the supplier
		const [row] = await tx
			.insert(decisionAcknowledgements)
			.values({ consortiumId, decisionId, organisationId: actor.membership!.organisationId, userId: person.id })
			.onConflictDoNothing()
			.returning();
		if (row) {
			await recordChange(tx, { actorId: person.id, consortiumId, action: 'decision.acknowledged', entityType: 'decision', entityId: decisionId, after: row });
		}
	});
}

/**
 * The open items `due` selects, each taken by at most one process: an item whose lock another
 * process holds is skipped (it is being handled there), and each taken one is read again under the
 * lock and handed to `act` only while `still` holds (what another process finished is not done twice).
 */
async function eachDueItem(
	tx: Transaction,
	due: SQL | undefined,
	still: (item: DecisionItemRow) => boolean,
	act: (item: DecisionItemRow) => Promise<void>
): Promise<string[]> {
	const candidates = await tx
		.select({ id: decisionItems.id })
		.from(decisionItems)
		.where(and(eq(decisionItems.status, 'open'), due))
		.orderBy(asc(decisionItems.deadline))
		.limit(100);
	return eachTaken(
		tx,
		candidates.map((c) => c.id),
		(id) => id,
		async (id) => (await tx.select().from(decisionItems).where(eq(decisionItems.id, id)))[0],
		(item) => item.status === 'open' && still(item),
		act
	);
}

/** Closes every open item whose deadline has passed; several processes at once close each exactly once. */
export function closeDueItemsIn(tx: Transaction, now = new Date()): Promise<string[]> {
	return eachDueItem(
		tx,
		lte(decisionItems.deadline, now),
		() => true,
		async (item) => {
			await closeItemIn(tx, item, null);
		}
	);
}

/**
 * Reminds, once per item, the organisations that have not stated a position a set time before the
 * deadline (`reminder_hours`; 0 is none): an in-app notification to each person who may speak for it
 * (its representative and deputies) and a mail to those who keep mail on. The item's `reminded_at`
 * makes it once, with several processes too (the same lock as closing).
 */
export function remindDueItemsIn(tx: Transaction, now = new Date(), origin = config().ORIGIN ?? ''): Promise<string[]> {
	return eachDueItem(
		tx,
		and(
			isNull(decisionItems.remindedAt),
			sql`${decisionItems.reminderHours} > 0`,
			sql`${decisionItems.deadline} - make_interval(hours => ${decisionItems.reminderHours}) <= ${now.toISOString()}::timestamptz`
		),
		(item) => !item.remindedAt,
		(item) => remindIn(tx, item, now, origin)
	);
}

async function remindIn(tx: Transaction, item: DecisionItemRow, now: Date, origin: string): Promise<void> {
	const [consortium] = await tx.select({ slug: consortia.slug, name: consortia.name }).from(consortia).where(eq(consortia.id, item.consortiumId));
	const silent = await tx
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(
			and(
				eq(organisations.consortiumId, item.consortiumId),
				inArray(organisations.kind, ['municipality', 'region']),
				sql`not exists (select 1 from ${decisionPositions} p where p.item_id = ${item.id} and p.organisation_id = ${organisations.id})`
			)
		);
	const speakers = await speakersOf(
		tx,
		item.consortiumId,
		silent.map((o) => o.id)
	);
	const link = `${origin}/c/${consortium!.slug}/decisions/${item.id}`;
	const deadline = stockholmDate(item.deadline!);
	for (const speaker of speakers) {
		await notify(tx, {
			userId: speaker.userId,
			consortiumId: item.consortiumId,
			kind: 'decision_reminder',
			targetKind: 'decision_item',
			targetId: item.id,
			summary: item.title.slice(0, 300)
		});
		if (!speaker.mail) continue;
		const locale = speaker.locale === 'en' ? 'en' : 'sv';
		const organisation = silent.find((o) => o.id === speaker.organisationId)?.name ?? '';
		await enqueueMail(tx, {
			to: speaker.email,
			locale,
			subject: m.mail_decision_reminder_subject({ title: item.title.slice(0, 120), deadline }, { locale }),
			text: m.mail_decision_reminder_body({ organisation, title: item.title, consortium: consortium!.name, deadline, link }, { locale })
		});
	}
	await tx.update(decisionItems).set({ remindedAt: now }).where(eq(decisionItems.id, item.id));
	await recordChange(tx, {
		actorId: null,
		consortiumId: item.consortiumId,
		action: 'decision_item.reminded',
		entityType: 'decision_item',
		entityId: item.id,
		quiet: true,
		after: { organisations: silent.map((o) => o.name), people: speakers.length }
	});
}
