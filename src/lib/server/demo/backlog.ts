import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { backlogItems, backlogReleases, backlogs, decisionItems, decisionPositionHistory, decisionPositions, priorityRounds, releaseGates } from '../db/schema';
import { organisationNamed, userIdByEmail } from './factories';
import { ostergotlandRepresented, representativeEmail } from './data';
import {
	acknowledgeReleaseIn,
	createBacklogIn,
	itemsFromRoundIn,
	judgeDeliveryIn,
	lockScopeIn,
	publishReleaseIn,
	reportDeliveryIn,
	requestChangeIn
} from '../backlog/commands';
import { lockBacklog } from '../backlog/state';
import { closeItemIn, recordIn } from '../decisions/commands';
import { ChangeRequestInput } from '../backlog/schemas';
import { presentReleaseIn } from '../backlog/gates';

/** The supplier's estimates in story points, in the order of the combined ranking. */
const estimates = [8, 5, 13, 5, 8, 3, 8, 5, 13, 8, 5, 3];
const capacity = 40;

/**
 * The demo's MVP in Östergötland, built from the closed round: the supplier's estimates against a
 * capacity of 40 points give the line (the first five items), MVP 1.0 is locked, release 1 is
 * published and acknowledged; then a change request (ändringsbegäran Ä-1: move the ranking's sixth
 * story into the MVP, as Vadstena and Ydre asked, at three more points than the capacity) is decided by the steering group, which changes the
 * backlog, and release 2 carries the change and is not yet acknowledged. The supplier has reported
 * delivery on half of release 2's items: one accepted, one delivered awaiting the consortium's
 * verdict, one in progress. All through the commands' own steps. Idempotent.
 */
export async function ensureBacklogDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [existing] = await tx.select({ n: count() }).from(backlogs).where(eq(backlogs.consortiumId, consortiumId));
	if ((existing?.n ?? 0) > 0) return;
	const [round] = await tx
		.select()
		.from(priorityRounds)
		.where(and(eq(priorityRounds.consortiumId, consortiumId), eq(priorityRounds.status, 'closed')))
		.orderBy(asc(priorityRounds.createdAt))
		.limit(1);
	if (!round) return;
	const admin = await userIdByEmail(tx, 'admin@samsyn.demo');
	const supplier = await userIdByEmail(tx, 'leverantor@samsyn.demo');
	const member = await userIdByEmail(tx, 'deltagare.motala@samsyn.demo');
	if (!admin || !supplier) return;

	const items = await itemsFromRoundIn(tx, consortiumId, round);
	const created = await createBacklogIn(
		tx,
		consortiumId,
		admin,
		{ roundId: round.id, name: 'MVP 1.0', capacity, capacityUnit: 'story_points' },
		items.map((item, i) => ({ ...item, estimate: estimates[i] ?? 5 }))
	);
	// The proposed line: down the ranking while the estimates fit (8 + 5 + 13 + 5 + 8 = 39 of 40).
	let line = 0;
	for (let used = 0; line < items.length && used + (estimates[line] ?? 5) <= capacity; line++) used += estimates[line] ?? 5;
	const [lined] = await tx.update(backlogs).set({ line }).where(eq(backlogs.id, created.id)).returning();
	const locked = await lockScopeIn(tx, lined!, admin);
	const release1 = await publishReleaseIn(tx, locked, admin, 'Första leveransen av MVP 1.0, efter styrgruppens beslut om omfattningen.', null);
	await acknowledgeReleaseIn(tx, release1, supplier);

	// Ä-1: the sixth item into the MVP, decided by the steering group.
	const [sixth] = await tx
		.select({ id: backlogItems.id })
		.from(backlogItems)
		.where(and(eq(backlogItems.backlogId, locked.id), isNotNull(backlogItems.rank), eq(backlogItems.rank, line + 1)));
	const change = await requestChangeIn(
		tx,
		await lockBacklog(tx, consortiumId, locked.id),
		member ?? admin,
		ChangeRequestInput.parse({
			kind: 'move',
			backlogItemId: sixth!.id,
			targetRank: String(line),
			motivation: 'Vadstena och Ydre har nattillsyn med kamera i drift sedan i våras och behöver funktionen i första versionen för att kunna byta system.',
			impact: 'Tre storypoäng till, 42 av 40. Leverantören har bekräftat att det ryms om testautomatiseringen skjuts till leverans 3.'
		})
	);
	const [item] = await tx.update(decisionItems).set({ status: 'open', openedAt: new Date() }).where(eq(decisionItems.id, change.decisionItemId)).returning();
	for (const name of ostergotlandRepresented) {
		const userId = await userIdByEmail(tx, representativeEmail(name));
		if (!userId) continue;
		const organisationId = (await organisationNamed(tx, consortiumId, name)).id;
		const values = { consortiumId, itemId: item!.id, organisationId, stance: 'for' as const, reason: '', userId, actingAs: 'representative' as const };
		await tx.insert(decisionPositions).values(values);
		await tx.insert(decisionPositionHistory).values(values);
	}
	const closed = await closeItemIn(tx, item!, admin);
	const decision = await recordIn(tx, admin, closed, {
		registrationNumber: '',
		meetingParagraph: '',
		secret: false,
		communicated: false,
		supersedesId: undefined
	});

	const changed = await lockBacklog(tx, consortiumId, locked.id);
	await publishReleaseIn(tx, changed, admin, 'Leverans 2: ändringsbegäran Ä-1 är beslutad och genomförd.', { id: decision.id, number: decision.number });
	const carried = await tx
		.select({ id: backlogItems.id })
		.from(backlogItems)
		.where(and(eq(backlogItems.backlogId, changed.id), isNotNull(backlogItems.rank)))
		.orderBy(asc(backlogItems.rank))
		.limit(changed.line);
	const [first, second, third] = carried;
	await reportDeliveryIn(tx, consortiumId, first!.id, supplier, { status: 'delivered', note: 'Finns i version 2.3 i testmiljön.' });
	await judgeDeliveryIn(tx, consortiumId, first!.id, admin, { verdict: 'accepted', reason: '' });
	await reportDeliveryIn(tx, consortiumId, second!.id, supplier, { status: 'delivered', note: 'Klar för acceptanstest.' });
	await reportDeliveryIn(tx, consortiumId, third!.id, supplier, { status: 'in_progress', note: 'Beräknas klar i sprint 14.' });
}

/**
 * Godkännande av delleverans in the demo: release 1 of MVP 1.0, with two of its items reported
 * delivered (one accepted), presented by Linköping's representative to the steering group, whose
 * decision item awaits the next meeting. Idempotent.
 */
export async function ensureReleaseGateDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [existing] = await tx.select({ id: releaseGates.id }).from(releaseGates).where(eq(releaseGates.consortiumId, consortiumId)).limit(1);
	if (existing) return;
	const [release] = await tx
		.select()
		.from(backlogReleases)
		.where(and(eq(backlogReleases.consortiumId, consortiumId), eq(backlogReleases.number, 1)));
	if (!release) return;
	const presenter = (await userIdByEmail(tx, 'ombud.linkoping@samsyn.demo')) ?? null;
	await presentReleaseIn(tx, presenter, release, {
		initiativeId: undefined,
		note: 'Leverantören visade de levererade funktionerna i testmiljön för projektgruppen. Larmvisningen i mobilen är godkänd; signeringen väntar på acceptanstest i Linköping.'
	});
}
