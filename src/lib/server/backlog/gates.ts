/**
 * Godkännande av delleverans for a backlog release: a writer presents a release the supplier has
 * delivered (wholly or in part) to the steering group, which decides Fortsätt, Tillbaka, Stopp or
 * Avsluta on a decision item of the decisions area, under the ground rules like any other item. The
 * recorded decision settles the gate in the recording's transaction; Stopp and Avsluta end the
 * initiative the release belongs to, when one is named.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { endOfDayInStockholm, stockholmDate } from '../../decisions/deadline';
import { addDays } from '../../roadmap/dates';
import type { GateOutcome } from '../../enums';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { advisoryLock } from '../db/locks';
import { withUser } from '../db/request';
import { backlogReleaseItems, backlogReleases, decisionItems, deliveryAcceptances, deliveryReports, initiatives, releaseGates } from '../db/schema';
import { CommandError, NotFound } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { authorize, can, type Actor } from '../policy';
import { contentLocale } from '../roadmap/state';
import { adoptedGateOutcome, prepareGateItemIn } from '../roadmap/gates';
import { gateState, type GateState } from '../roadmap/status';
import type { PresentReleaseInput } from './schemas';

type Locale = 'sv' | 'en';
type ReleaseRow = typeof backlogReleases.$inferSelect;

/** The four alternatives of a release gate, each saying what it does (to the initiative too, when there is one). */
export function releaseGateOptions(initiative: { number: number } | null, locale: Locale): { label: string; gateOutcome: GateOutcome }[] {
	const o = { locale };
	const number = initiative ? String(initiative.number) : '';
	return [
		{ label: m.backlog_gate_option_continue({}, o), gateOutcome: 'continue' },
		{ label: m.backlog_gate_option_back({}, o), gateOutcome: 'back' },
		{ label: initiative ? m.backlog_gate_option_stop_initiative({ number }, o) : m.backlog_gate_option_stop({}, o), gateOutcome: 'stop' },
		{ label: initiative ? m.backlog_gate_option_close_initiative({ number }, o) : m.backlog_gate_option_close({}, o), gateOutcome: 'close' }
	];
}

/** How far the supplier has come with a release's items: reported delivered, and the consortium's latest verdicts. */
async function deliveryCounts(tx: Transaction, releaseId: string) {
	const items = (await tx.select({ id: backlogReleaseItems.backlogItemId }).from(backlogReleaseItems).where(eq(backlogReleaseItems.releaseId, releaseId))).map(
		(r) => r.id
	);
	if (items.length === 0) return { items: 0, delivered: 0, accepted: 0, returned: 0 };
	const reports = await tx
		.selectDistinctOn([deliveryReports.backlogItemId], { item: deliveryReports.backlogItemId, status: deliveryReports.status })
		.from(deliveryReports)
		.where(inArray(deliveryReports.backlogItemId, items))
		.orderBy(deliveryReports.backlogItemId, desc(deliveryReports.reportedAt), desc(deliveryReports.id));
	const verdicts = await tx
		.selectDistinctOn([deliveryAcceptances.backlogItemId], { item: deliveryAcceptances.backlogItemId, verdict: deliveryAcceptances.verdict })
		.from(deliveryAcceptances)
		.where(inArray(deliveryAcceptances.backlogItemId, items))
		.orderBy(deliveryAcceptances.backlogItemId, desc(deliveryAcceptances.decidedAt), desc(deliveryAcceptances.id));
	return {
		items: items.length,
		delivered: reports.filter((r) => r.status === 'delivered').length,
		accepted: verdicts.filter((v) => v.verdict === 'accepted').length,
		returned: verdicts.filter((v) => v.verdict === 'returned').length
	};
}

/**
 * Presents release `number` to the steering group (a writer's, `content.write`): prepares the gate's
 * decision item (a draft for the steering group, due in two weeks) with the delivery's facts as its
 * background and Fortsätt/Tillbaka/Stopp/Avsluta as its options. A release whose earlier gate is not
 * decided yet is refused; after Tillbaka it may be presented again.
 */
export async function presentRelease(person: Who, consortiumId: string, number: number, input: PresentReleaseInput) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		authorize(actor, 'content.write', { consortiumId });
		const [release] = await tx
			.select()
			.from(backlogReleases)
			.where(and(eq(backlogReleases.consortiumId, consortiumId), eq(backlogReleases.number, number)));
		if (!release) throw new NotFound();
		return presentReleaseIn(tx, person.id, release, input);
	});
}

/** The command above in the caller's transaction (also the demo seed's). */
export async function presentReleaseIn(tx: Transaction, actorId: string | null, release: ReleaseRow, input: PresentReleaseInput) {
	const { consortiumId } = release;
	await advisoryLock(tx, `release-gate:${release.id}`);
	const [pending] = await tx
		.select({ id: releaseGates.id })
		.from(releaseGates)
		.innerJoin(decisionItems, eq(decisionItems.id, releaseGates.decisionItemId))
		.where(and(eq(releaseGates.releaseId, release.id), isNull(releaseGates.outcome), inArray(decisionItems.status, ['draft', 'open', 'closed'])));
	if (pending) throw new CommandError('backlog_gate_pending', 'form', 409);
	const [initiative] = input.initiativeId
		? await tx
				.select({ id: initiatives.id, number: initiatives.number, title: initiatives.title })
				.from(initiatives)
				.where(and(eq(initiatives.id, input.initiativeId), eq(initiatives.consortiumId, consortiumId)))
		: [];
	if (input.initiativeId && !initiative) throw new CommandError('invalid_choice', 'initiativeId', 422);
	const locale = await contentLocale(tx, consortiumId);
	const o = { locale };
	const counts = await deliveryCounts(tx, release.id);
	const background = [
		m.backlog_gate_item_background(
			{
				number: String(release.number),
				version: release.version,
				date: stockholmDate(release.publishedAt),
				items: String(counts.items),
				delivered: String(counts.delivered),
				accepted: String(counts.accepted),
				returned: String(counts.returned)
			},
			o
		),
		initiative ? m.backlog_gate_item_background_initiative({ number: String(initiative.number), title: initiative.title }, o) : '',
		input.note
	]
		.filter(Boolean)
		.join('\n\n');
	const item = await prepareGateItemIn(
		tx,
		actorId,
		consortiumId,
		{
			title: m.backlog_gate_item_title({ number: String(release.number), version: release.version }, o),
			background,
			proposal: m.backlog_gate_item_proposal({ number: String(release.number) }, o),
			deadline: endOfDayInStockholm(addDays(stockholmDate(new Date()), 14))
		},
		releaseGateOptions(initiative ?? null, locale),
		[release.id]
	);
	const [gate] = await tx
		.insert(releaseGates)
		.values({ consortiumId, releaseId: release.id, decisionItemId: item.id, initiativeId: initiative?.id ?? null, createdBy: actorId })
		.returning();
	await recordChange(tx, {
		actorId,
		consortiumId,
		action: 'backlog_release.presented',
		entityType: 'backlog_release',
		entityId: release.id,
		after: gate,
		related: [item.id, ...(initiative ? [initiative.id] : [])]
	});
	return gate!;
}

/**
 * Settles a release gate as its decision item is recorded (in the recording's transaction): the
 * outcome is the adopted option's (adopted without one continues; not adopted leaves the gate
 * undecided and failed). Stopp and Avsluta end the named initiative on the day of the decision,
 * unless it has ended already. Nothing happens for an item that is no release gate.
 */
export async function settleReleaseGateIn(tx: Transaction, itemId: string, decidedOn: string, recordedBy: string | null): Promise<void> {
	const [gate] = await tx.select().from(releaseGates).where(eq(releaseGates.decisionItemId, itemId));
	if (!gate) return;
	const outcome = await adoptedGateOutcome(tx, itemId);
	if (!outcome) return;
	await tx.update(releaseGates).set({ outcome }).where(eq(releaseGates.id, gate.id));
	await recordChange(tx, {
		actorId: recordedBy,
		consortiumId: gate.consortiumId,
		action: 'backlog_release.gate_decided',
		entityType: 'backlog_release',
		entityId: gate.releaseId,
		before: { gate: gate.id, outcome: null },
		after: { gate: gate.id, outcome, decidedOn },
		related: gate.initiativeId ? [gate.initiativeId] : []
	});
	if (!gate.initiativeId || (outcome !== 'stop' && outcome !== 'close')) return;
	const [before] = await tx.select().from(initiatives).where(eq(initiatives.id, gate.initiativeId));
	if (!before || before.endedAs) return;
	const [after] = await tx
		.update(initiatives)
		.set({ endedAs: outcome, endedOn: decidedOn, version: before.version + 1, updatedAt: new Date() })
		.where(eq(initiatives.id, before.id))
		.returning();
	await recordChange(tx, {
		actorId: recordedBy,
		consortiumId: before.consortiumId,
		action: 'initiative.gate_decided',
		entityType: 'initiative',
		entityId: before.id,
		before: { endedAs: before.endedAs },
		after: { releaseGate: gate.id, outcome, endedAs: after!.endedAs, endedOn: after!.endedOn }
	});
}

export interface ReleaseGateView {
	id: string;
	decisionItemId: string;
	title: string;
	state: GateState;
	outcome: GateOutcome | null;
	presentedAt: Date;
	initiative: { id: string; number: number; title: string } | null;
}

/**
 * A release's gates for its page, newest first, with what the person may do: internal members see
 * them (the supplier gets none: the steering group's deliberation is the consortium's), writers
 * present the release when no gate awaits its decision, choosing among the initiatives.
 */
export async function releaseGatesIn(tx: Transaction, actor: Actor, consortiumId: string, releaseId: string) {
	if (!can(actor, 'internal.read', { consortiumId })) return null;
	const rows = await tx
		.select({
			id: releaseGates.id,
			decisionItemId: releaseGates.decisionItemId,
			title: decisionItems.title,
			status: decisionItems.status,
			result: decisionItems.result,
			outcome: releaseGates.outcome,
			presentedAt: releaseGates.createdAt,
			initiativeId: initiatives.id,
			initiativeNumber: initiatives.number,
			initiativeTitle: initiatives.title
		})
		.from(releaseGates)
		.innerJoin(decisionItems, eq(decisionItems.id, releaseGates.decisionItemId))
		.leftJoin(initiatives, eq(initiatives.id, releaseGates.initiativeId))
		.where(eq(releaseGates.releaseId, releaseId))
		.orderBy(desc(releaseGates.createdAt));
	const gates: ReleaseGateView[] = rows.map((r) => ({
		id: r.id,
		decisionItemId: r.decisionItemId,
		title: r.title,
		state: gateState(r.status, r.result, r.outcome),
		outcome: r.outcome,
		presentedAt: r.presentedAt,
		initiative: r.initiativeId ? { id: r.initiativeId, number: r.initiativeNumber!, title: r.initiativeTitle! } : null
	}));
	const awaiting = gates.some((g) => g.state === 'draft' || g.state === 'open');
	const canPresent = can(actor, 'content.write', { consortiumId }) && !awaiting;
	const choices = canPresent
		? await tx
				.select({ id: initiatives.id, number: initiatives.number, title: initiatives.title })
				.from(initiatives)
				.where(and(eq(initiatives.consortiumId, consortiumId), isNull(initiatives.endedAs)))
				.orderBy(asc(initiatives.number))
		: [];
	return { gates, canPresent, initiatives: choices };
}

/** The gates of a release for its page (null for the supplier). */
export async function gatesOfRelease(person: Who, consortiumId: string, releaseId: string) {
	return withUser(person, async (tx) => releaseGatesIn(tx, await readerFor(tx, person, consortiumId, 'published.read'), consortiumId, releaseId));
}
