import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { auditLog, decisionItems, decisionPositionHistory, decisionPositions, decisions, mailOutbox, notifications, users } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { Forbidden, type Role } from '../policy';
import { CommandError, NotFound } from '../errors';
import {
	acknowledgeDecision,
	closeDecisionItem,
	communicateDecision,
	createDecisionItem,
	declareConflict,
	openDecisionItem,
	recordDecision,
	registerReservation,
	statePosition,
	updateDecisionItem
} from './commands';
import { closeDueItems, remindDueItems } from './clock';
import { decisionItemDetail, decisionLog, verifyDecisionLog } from './queries';
import { DecisionItemInput, PositionInput, RecordInput, UpdateDecisionItemInput } from './schemas';

const db = useFreshDatabase();

type Who = { id: string; isOperator: boolean };
type People = Record<Role | 'outsider' | 'rep2' | 'rep3' | 'rep4' | 'deputy3', Who>;

/** Four municipalities (majority, quorum 50 %), a convenor with the admin, a supplier, and an outsider. */
async function world(rules: Parameters<typeof buildConsortium>[2] = { decisionRule: 'majority', quorumPercent: 50 }) {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx, {}, rules);
		const other = await buildConsortium(tx);
		const a = await buildOrganisation(tx, consortium.id, { name: 'Linköping', population: 167_000 });
		const b = await buildOrganisation(tx, consortium.id, { name: 'Ydre', population: 3747 });
		const c = await buildOrganisation(tx, consortium.id, { name: 'Vadstena', population: 7428 });
		const d = await buildOrganisation(tx, consortium.id, { name: 'Kinda', population: 9940 });
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const people = {} as People;
		const add = async (key: keyof People, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		await add('admin', convenor.id, 'admin');
		await add('representative', a.id, 'representative');
		await add('rep2', b.id, 'representative');
		await add('rep3', c.id, 'representative');
		await add('rep4', d.id, 'representative');
		await add('deputy', a.id, 'deputy');
		await add('deputy3', c.id, 'deputy');
		await add('member', a.id, 'member');
		await add('observer', convenor.id, 'observer');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		return { consortium, people, orgs: { a, b, c, d } };
	});
}

const tomorrow = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
const itemInput = (over: Record<string, unknown> = {}) =>
	DecisionItemInput.parse({
		title: 'MVP-omfattning för läkemedelsautomaten',
		proposal: 'Styrgruppen fastställer MVP enligt bilaga.',
		level: 'steering_group',
		deadline: tomorrow(),
		...over
	});
const position = (stance: string, over: Record<string, unknown> = {}) => PositionInput.parse({ stance, ...over });
const record = (over: Record<string, unknown> = {}) => RecordInput.parse(over);

async function openItem(w: Awaited<ReturnType<typeof world>>, over: Record<string, unknown> = {}) {
	const item = await createDecisionItem(w.people.member, w.consortium.id, itemInput(over));
	await openDecisionItem(w.people.admin, w.consortium.id, item.id);
	return item;
}

describe('decision items: who prepares, opens and closes', () => {
	it('lets writers prepare a draft and admins open it; refuses the observer, the supplier and outsiders', async () => {
		const w = await world();
		await expect(createDecisionItem(w.people.outsider, w.consortium.id, itemInput())).rejects.toBeInstanceOf(NotFound);
		for (const who of [w.people.observer, w.people.supplier])
			await expect(createDecisionItem(who, w.consortium.id, itemInput())).rejects.toBeInstanceOf(Forbidden);
		const item = await createDecisionItem(w.people.member, w.consortium.id, itemInput({ options: 'Alternativ A\nAlternativ B' }));
		await expect(openDecisionItem(w.people.member, w.consortium.id, item.id)).rejects.toBeInstanceOf(Forbidden);
		await expect(openDecisionItem(w.people.outsider, w.consortium.id, item.id)).rejects.toBeInstanceOf(NotFound);
		const opened = await openDecisionItem(w.people.admin, w.consortium.id, item.id);
		expect(opened.status).toBe('open');
		// An open item is no longer a draft: its words stay as the organisations read them.
		await expect(
			updateDecisionItem(w.people.member, w.consortium.id, UpdateDecisionItemInput.parse({ ...itemInput(), id: item.id, version: opened.version }))
		).rejects.toMatchObject({ key: 'decision_not_draft' });
		await expect(openDecisionItem(w.people.admin, w.consortium.id, item.id)).rejects.toMatchObject({ key: 'decision_not_draft' });
	});

	it('refuses a deadline in the past and links to another consortium’s things', async () => {
		const w = await world();
		await expect(createDecisionItem(w.people.member, w.consortium.id, itemInput({ deadline: '2020-01-01' }))).rejects.toMatchObject({
			key: 'decision_deadline_past'
		});
		const foreign = await asSystem(async (tx) => {
			const other = await buildConsortium(tx);
			return other;
		});
		await expect(createDecisionItem(w.people.member, w.consortium.id, itemInput({ baselineIds: [foreign.id] }))).rejects.toMatchObject({ key: 'unknown_link' });
	});
});

describe('positions by mandate', () => {
	it('takes one position per organisation from whoever speaks for it, with capacity, history and audit', async () => {
		const w = await world();
		const item = await openItem(w);
		await expect(statePosition(w.people.member, w.consortium.id, item.id, position('for'))).rejects.toBeInstanceOf(Forbidden);
		await expect(statePosition(w.people.admin, w.consortium.id, item.id, position('for'))).rejects.toBeInstanceOf(Forbidden);
		await expect(statePosition(w.people.supplier, w.consortium.id, item.id, position('for'))).rejects.toBeInstanceOf(Forbidden);
		// A deputy without a delegation, while the representative is in office, does not speak.
		await expect(statePosition(w.people.deputy, w.consortium.id, item.id, position('for'))).rejects.toBeInstanceOf(Forbidden);
		await statePosition(w.people.representative, w.consortium.id, item.id, position('for'));
		await statePosition(w.people.representative, w.consortium.id, item.id, position('against', { reason: 'Kostnaden är för hög.' }));
		const rows = await asSystem((tx) => tx.select().from(decisionPositions).where(eq(decisionPositions.itemId, item.id)));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ stance: 'against', actingAs: 'representative', organisationId: w.orgs.a.id });
		const history = await asSystem((tx) => tx.select().from(decisionPositionHistory).where(eq(decisionPositionHistory.itemId, item.id)));
		expect(history.map((h) => h.stance).sort()).toEqual(['against', 'for']);
		const audit = await asSystem((tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, item.id)));
		expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['decision_item.position_stated', 'decision_item.position_changed']));
	});

	it('keeps one row when the same organisation states two positions at once (the later wins)', async () => {
		const w = await world();
		const item = await openItem(w);
		await Promise.all([
			statePosition(w.people.representative, w.consortium.id, item.id, position('for')),
			statePosition(w.people.representative, w.consortium.id, item.id, position('against'))
		]);
		const rows = await asSystem((tx) => tx.select().from(decisionPositions).where(eq(decisionPositions.itemId, item.id)));
		expect(rows).toHaveLength(1);
	});

	it('lets the deputy speak on an item where the representative declared a conflict of interest, and not the representative', async () => {
		const w = await world();
		const item = await openItem(w);
		await declareConflict(w.people.representative, w.consortium.id, item.id, 'Närstående arbetar hos en anbudsgivare.');
		await expect(statePosition(w.people.representative, w.consortium.id, item.id, position('for'))).rejects.toMatchObject({ key: 'decision_conflicted' });
		const row = await statePosition(w.people.deputy, w.consortium.id, item.id, position('for'));
		expect(row.actingAs).toBe('deputy');
		const detail = await decisionItemDetail(w.people.member, w.consortium.id, item.id);
		expect(detail.conflicts).toHaveLength(1);
	});

	it('asks for one of the options on an item with alternatives', async () => {
		const w = await world();
		const item = await openItem(w, { options: 'Leverantör A\nLeverantör B' });
		await expect(statePosition(w.people.representative, w.consortium.id, item.id, position('for'))).rejects.toMatchObject({ key: 'invalid_choice' });
		await expect(statePosition(w.people.representative, w.consortium.id, item.id, position('option'))).rejects.toMatchObject({
			key: 'decision_option_required'
		});
		const detail = await decisionItemDetail(w.people.member, w.consortium.id, item.id);
		await statePosition(w.people.representative, w.consortium.id, item.id, position('option', { optionId: detail.options[1]!.id }));
	});

	it('refuses positions once the item is closed', async () => {
		const w = await world();
		const item = await openItem(w);
		await closeDecisionItem(w.people.admin, w.consortium.id, item.id);
		await expect(statePosition(w.people.rep2, w.consortium.id, item.id, position('for'))).rejects.toMatchObject({ key: 'decision_not_open' });
		await expect(closeDecisionItem(w.people.admin, w.consortium.id, item.id)).rejects.toMatchObject({ key: 'decision_not_open' });
	});
});

describe('closing, reservations and the log', () => {
	it('closes with the ground rules’ outcome, takes a reservation from the loser, and records B-<year>-001, -002 without gaps', async () => {
		const w = await world();
		const item = await openItem(w);
		await statePosition(w.people.representative, w.consortium.id, item.id, position('for'));
		await statePosition(w.people.rep2, w.consortium.id, item.id, position('for'));
		await statePosition(w.people.rep3, w.consortium.id, item.id, position('against', { reason: 'För tidigt.' }));
		const closed = await closeDecisionItem(w.people.admin, w.consortium.id, item.id);
		expect(closed.result).toBe('adopted');
		await expect(registerReservation(w.people.rep2, w.consortium.id, item.id, 'Vi vill reservera oss.')).rejects.toMatchObject({ key: 'decision_not_lost' });
		await registerReservation(w.people.rep3, w.consortium.id, item.id, 'Vadstena reserverar sig: kostnaden är inte utredd.');
		await expect(recordDecision(w.people.member, w.consortium.id, item.id, record())).rejects.toBeInstanceOf(Forbidden);
		const entry = await recordDecision(w.people.admin, w.consortium.id, item.id, record({ registrationNumber: 'KS 2026/123', meetingParagraph: '§ 4' }));
		const year = entry.year;
		expect(entry.number).toBe(`B-${year}-001`);
		expect(entry.explanation).toContain('3 av 4 organisationer har tagit ställning');
		expect(JSON.stringify(entry.reservations)).toContain('Vadstena');
		await expect(recordDecision(w.people.admin, w.consortium.id, item.id, record())).rejects.toMatchObject({ key: 'decision_not_closed' });

		const second = await openItem(w, { title: 'Andra ärendet' });
		await closeDecisionItem(w.people.admin, w.consortium.id, second.id);
		const next = await recordDecision(w.people.admin, w.consortium.id, second.id, record());
		expect(next.number).toBe(`B-${year}-002`);
		expect(next.result).toBe('no_decision');
		expect(next.previousHash).toBe(entry.hash);
	});

	it('corrects a decision with a new one that supersedes it: both stay, linked both ways; another consortium’s entry cannot be superseded', async () => {
		const w = await world();
		const first = await openItem(w, { title: 'Val av larmplattform' });
		await closeDecisionItem(w.people.admin, w.consortium.id, first.id);
		const old = await recordDecision(w.people.admin, w.consortium.id, first.id, record());
		const correction = await openItem(w, { title: 'Rättelse: val av larmplattform' });
		await closeDecisionItem(w.people.admin, w.consortium.id, correction.id);
		expect((await decisionItemDetail(w.people.admin, w.consortium.id, correction.id)).supersedable.map((d) => d.number)).toEqual([old.number]);
		expect((await decisionItemDetail(w.people.member, w.consortium.id, correction.id)).supersedable).toEqual([]);

		const elsewhere = await world();
		const foreign = await openItem(elsewhere);
		await closeDecisionItem(elsewhere.people.admin, elsewhere.consortium.id, foreign.id);
		const foreignEntry = await recordDecision(elsewhere.people.admin, elsewhere.consortium.id, foreign.id, record());
		await expect(recordDecision(w.people.admin, w.consortium.id, correction.id, record({ supersedesId: foreignEntry.id }))).rejects.toMatchObject({
			key: 'unknown_link',
			field: 'supersedesId'
		});

		const entry = await recordDecision(w.people.admin, w.consortium.id, correction.id, record({ supersedesId: old.id }));
		expect(entry.supersedesId).toBe(old.id);
		const log = await decisionLog(w.people.observer, w.consortium.id);
		expect(log.entries.map((e) => [e.number, e.supersedes, e.supersededBy])).toEqual([
			[entry.number, old.number, null],
			[old.number, null, entry.number]
		]);
		const [kept] = await asSystem((tx) => tx.select().from(decisions).where(eq(decisions.id, old.id)));
		expect(kept!.hash).toBe(old.hash);
		expect((await verifyDecisionLog(w.people.admin, w.consortium.id)).ok).toBe(true);
	});

	it('gives one number when the same item is recorded twice at once', async () => {
		const w = await world();
		const item = await openItem(w);
		await closeDecisionItem(w.people.admin, w.consortium.id, item.id);
		const results = await Promise.allSettled([
			recordDecision(w.people.admin, w.consortium.id, item.id, record()),
			recordDecision(w.people.admin, w.consortium.id, item.id, record())
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(refused.reason).toBeInstanceOf(CommandError);
		const rows = await asSystem((tx) => tx.select().from(decisions).where(eq(decisions.consortiumId, w.consortium.id)));
		expect(rows).toHaveLength(1);
	});

	it('never changes or deletes a recorded decision, not even on the server’s own connection', async () => {
		const w = await world();
		const item = await openItem(w);
		await closeDecisionItem(w.people.admin, w.consortium.id, item.id);
		const entry = await recordDecision(w.people.admin, w.consortium.id, item.id, record());
		await expect(asSystem((tx) => tx.update(decisions).set({ text: 'Något annat' }).where(eq(decisions.id, entry.id)))).rejects.toThrow();
		await expect(asSystem((tx) => tx.delete(decisions).where(eq(decisions.id, entry.id)))).rejects.toThrow();
		await expect(asSystem((tx) => tx.execute(sql`truncate decisions cascade`))).rejects.toThrow();
		await expect(asSystem((tx) => tx.update(decisionItems).set({ title: 'Annat' }).where(eq(decisionItems.id, item.id)))).rejects.toThrow();
		const [still] = await asSystem((tx) => tx.select().from(decisions).where(eq(decisions.id, entry.id)));
		expect(still!.text).toBe(entry.text);
	});

	it('verifies the chain, and names the entry a superuser changed behind the application’s back', async () => {
		const w = await world();
		const numbers: string[] = [];
		for (const title of ['Ett', 'Två', 'Tre']) {
			const item = await openItem(w, { title });
			await closeDecisionItem(w.people.admin, w.consortium.id, item.id);
			numbers.push((await recordDecision(w.people.admin, w.consortium.id, item.id, record())).number);
		}
		expect(await verifyDecisionLog(w.people.member, w.consortium.id)).toEqual({ ok: true, entries: 3 });
		// As a superuser, with the trigger out of the way for this one statement.
		await asSystem(async (tx) => {
			await tx.execute(sql`set local session_replication_role = replica`);
			await tx.execute(sql`update decisions set text = 'Ändrad i efterhand' where consortium_id = ${w.consortium.id} and number = ${numbers[1]!}`);
		});
		expect(await verifyDecisionLog(w.people.member, w.consortium.id)).toMatchObject({ ok: false, brokenNumber: numbers[1], reason: 'content' });
	});
});

describe('the supplier’s view', () => {
	it('shows the supplier communicated decisions that are not secret, without positions, and takes its receipt', async () => {
		const w = await world();
		const entries: Awaited<ReturnType<typeof recordDecision>>[] = [];
		for (const [title, over] of [
			['Kommunicerat', { communicated: 'on' }],
			['Internt', {}],
			['Sekretess', { secret: 'on' }]
		] as const) {
			const item = await openItem(w, { title });
			await statePosition(w.people.representative, w.consortium.id, item.id, position('for'));
			await closeDecisionItem(w.people.admin, w.consortium.id, item.id);
			entries.push(await recordDecision(w.people.admin, w.consortium.id, item.id, record(over)));
		}
		const seen = await decisionLog(w.people.supplier, w.consortium.id);
		expect(seen.entries.map((e) => e.title)).toEqual(['Kommunicerat']);
		expect(JSON.stringify(seen)).not.toContain('Linköping');
		await expect(decisionItemDetail(w.people.supplier, w.consortium.id, entries[0]!.itemId!)).rejects.toBeInstanceOf(NotFound);
		await expect(acknowledgeDecision(w.people.supplier, w.consortium.id, entries[1]!.id)).rejects.toBeInstanceOf(NotFound);
		await expect(communicateDecision(w.people.admin, w.consortium.id, entries[2]!.id)).rejects.toMatchObject({ key: 'decision_secret_not_communicated' });
		await communicateDecision(w.people.admin, w.consortium.id, entries[1]!.id);
		expect((await decisionLog(w.people.supplier, w.consortium.id)).entries).toHaveLength(2);
		await acknowledgeDecision(w.people.supplier, w.consortium.id, entries[0]!.id);
		await acknowledgeDecision(w.people.supplier, w.consortium.id, entries[0]!.id);
		const internal = await decisionLog(w.people.member, w.consortium.id);
		expect(internal.entries.find((e) => e.id === entries[0]!.id)!.acknowledgedAt).not.toBeNull();
		expect(internal.entries.find((e) => e.id === entries[1]!.id)!.acknowledgedAt).toBeNull();
		expect(await verifyDecisionLog(w.people.member, w.consortium.id)).toMatchObject({ ok: true, entries: 3 });
	});
});

describe('the automatic close at the deadline', () => {
	it('closes each due item exactly once when two sweeps run at the same time, and leaves the rest open', async () => {
		const w = await world();
		const due = await openItem(w, { title: 'Förfallet' });
		const later = await openItem(w, { title: 'Senare' });
		await statePosition(w.people.representative, w.consortium.id, due.id, position('for'));
		await asSystem((tx) =>
			tx
				.update(decisionItems)
				.set({ deadline: new Date(Date.now() - 60_000) })
				.where(eq(decisionItems.id, due.id))
		);
		const [one, two] = await Promise.all([closeDueItems(), closeDueItems()]);
		expect([...one!, ...two!].filter((id) => id === due.id)).toHaveLength(1);
		expect([...one!, ...two!]).not.toContain(later.id);
		const closings = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(sql`${auditLog.entityId} = ${due.id} and ${auditLog.action} = 'decision_item.closed_at_deadline'`)
		);
		expect(closings).toHaveLength(1);
		expect(closings[0]!.actorId).toBeNull();
		const detail = await decisionItemDetail(w.people.member, w.consortium.id, due.id);
		expect(detail.item.status).toBe('closed');
		expect(detail.item.result).toBe('no_decision'); // 1 of 4 stated: the 50 % quorum was missed
		expect(await closeDueItems()).not.toContain(due.id);
	});
});

describe('reminders before the deadline', () => {
	it('reminds the people who speak for each silent organisation once, in the app and by mail, with two sweeps at once', async () => {
		const w = await world();
		const item = await openItem(w, { reminderHours: 720 });
		const later = await openItem(w, { title: 'Inte dags än', reminderHours: 0 });
		await statePosition(w.people.representative, w.consortium.id, item.id, position('for'));
		const [one, two] = await Promise.all([remindDueItems(), remindDueItems()]);
		expect([...one!, ...two!].filter((id) => id === item.id)).toHaveLength(1);
		expect([...one!, ...two!]).not.toContain(later.id);
		expect(await remindDueItems()).not.toContain(item.id);
		const reminded = await asSystem((tx) => tx.select().from(notifications).where(eq(notifications.targetId, item.id)));
		const who = new Set(reminded.map((n) => n.userId));
		// Linköping stated: neither its representative nor its deputy is reminded; the three silent municipalities' people are, once each
		expect(who.has(w.people.representative.id)).toBe(false);
		expect(who.has(w.people.deputy.id)).toBe(false);
		for (const p of [w.people.rep2, w.people.rep3, w.people.rep4, w.people.deputy3]) expect(reminded.filter((n) => n.userId === p.id)).toHaveLength(1);
		expect(reminded.every((n) => n.kind === 'decision_reminder' && n.targetKind === 'decision_item')).toBe(true);
		const emails = await asSystem(async (tx) => {
			const [rep2] = await tx.select({ email: users.email }).from(users).where(eq(users.id, w.people.rep2.id));
			return tx.select().from(mailOutbox).where(eq(mailOutbox.toEmail, rep2!.email));
		});
		expect(emails).toHaveLength(1);
		expect(emails[0]!.subject).toContain('MVP-omfattning för läkemedelsautomaten');
	});
});

void db;
