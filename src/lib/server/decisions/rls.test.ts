import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { rowsOf } from '../db/rows';
import {
	decisionAcknowledgements,
	decisionConflicts,
	decisionItems,
	decisionLinks,
	decisionLogHeads,
	decisionOptions,
	decisionPositionHistory,
	decisionPositions,
	decisionReservations,
	decisions
} from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import type { Role } from '../policy';
import { closeDecisionItem, createDecisionItem, openDecisionItem, recordDecision, registerReservation, statePosition } from './commands';
import { DecisionItemInput, PositionInput, RecordInput } from './schemas';

useFreshDatabase();

async function world() {
	const w = await asSystem(async (tx) => {
		const consortium = await buildConsortium(tx, {}, { decisionRule: 'majority', quorumPercent: 50 });
		const other = await buildConsortium(tx);
		const a = await buildOrganisation(tx, consortium.id, { name: 'Kinda' });
		const b = await buildOrganisation(tx, consortium.id, { name: 'Ydre' });
		const c = await buildOrganisation(tx, consortium.id, { name: 'Boxholm' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const people = {} as Record<Role | 'outsider' | 'rep2' | 'rep3', { id: string; isOperator: boolean }>;
		const add = async (key: keyof typeof people, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		for (const role of ['admin', 'representative', 'deputy', 'member', 'observer'] as const) await add(role, a.id, role);
		await add('rep2', b.id, 'representative');
		await add('rep3', c.id, 'representative');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		return { consortium, people, a, b };
	});
	const deadline = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
	const make = async (title: string, record: Record<string, unknown>) => {
		const item = await createDecisionItem(
			w.people.member,
			w.consortium.id,
			DecisionItemInput.parse({ title, proposal: 'Förslaget.', level: 'steering_group', deadline })
		);
		await openDecisionItem(w.people.admin, w.consortium.id, item.id);
		await statePosition(w.people.representative, w.consortium.id, item.id, PositionInput.parse({ stance: 'for', reason: 'Kinda stöder.' }));
		await statePosition(w.people.rep2, w.consortium.id, item.id, PositionInput.parse({ stance: 'against' }));
		await statePosition(w.people.rep3, w.consortium.id, item.id, PositionInput.parse({ stance: 'for' }));
		await closeDecisionItem(w.people.admin, w.consortium.id, item.id);
		await registerReservation(w.people.rep2, w.consortium.id, item.id, 'Ydre reserverar sig.');
		return { item, entry: await recordDecision(w.people.admin, w.consortium.id, item.id, RecordInput.parse(record)) };
	};
	const communicated = await make('Kommunicerat beslut', { communicated: 'on' });
	const internal = await make('Internt beslut', {});
	const secret = await make('Sekretessmarkerat beslut', { secret: 'on' });
	const draft = await createDecisionItem(
		w.people.member,
		w.consortium.id,
		DecisionItemInput.parse({ title: 'Utkast', proposal: 'Förslaget.', level: 'project_group', deadline })
	);
	return { ...w, communicated, internal, secret, draft };
}

const everything = (tx: Parameters<Parameters<typeof withUser>[1]>[0]) =>
	Promise.all([
		tx.select().from(decisionItems),
		tx.select().from(decisionOptions),
		tx.select().from(decisionLinks),
		tx.select().from(decisionPositions),
		tx.select().from(decisionPositionHistory),
		tx.select().from(decisionConflicts),
		tx.select().from(decisionReservations),
		tx.select().from(decisions),
		tx.select().from(decisionAcknowledgements)
	]).then(([items, options, links, positions, history, conflicts, reservations, log, acknowledgements]) => ({
		items,
		options,
		links,
		positions,
		history,
		conflicts,
		reservations,
		log,
		acknowledgements
	}));

describe('row-level security on decisions: what the supplier and outsiders can reach with SQL of their own', () => {
	it('shows the supplier only the communicated, non-secret entries of the log: no item, position, reservation or other entry', async () => {
		const w = await world();
		const seen = await withUser(w.people.supplier, everything);
		expect(seen.items).toEqual([]);
		expect(seen.positions).toEqual([]);
		expect(seen.history).toEqual([]);
		expect(seen.reservations).toEqual([]);
		expect(seen.conflicts).toEqual([]);
		expect(seen.log.map((e) => e.title)).toEqual(['Kommunicerat beslut']);
		// The entry itself carries the positions for the record; the supplier's pages and exports never show them (decisionLog, exports).
	});

	it('shows someone from another consortium nothing at all', async () => {
		const w = await world();
		const seen = await withUser(w.people.outsider, everything);
		expect(Object.values(seen).every((rows) => rows.length === 0)).toBe(true);
	});

	it('keeps the chain head from every request role, and refuses the supplier an acknowledgement of what it cannot see', async () => {
		const w = await world();
		await expect(withUser(w.people.admin, (tx) => tx.select().from(decisionLogHeads))).rejects.toThrow();
		await expect(
			withUser(w.people.supplier, async (tx) => {
				const [row] = rowsOf<{ organisation_id: string }>(
					await tx.execute(sql`select organisation_id from memberships where user_id = ${w.people.supplier.id}`)
				);
				await tx
					.insert(decisionAcknowledgements)
					.values({ consortiumId: w.consortium.id, decisionId: w.internal.entry.id, organisationId: row!.organisation_id, userId: w.people.supplier.id });
			})
		).rejects.toThrow();
	});

	it('refuses a position written straight into the table by someone who does not speak for the organisation, or on a closed item', async () => {
		const w = await world();
		const item = await createDecisionItem(
			w.people.member,
			w.consortium.id,
			DecisionItemInput.parse({
				title: 'Öppet',
				proposal: 'Förslaget.',
				level: 'steering_group',
				deadline: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)
			})
		);
		await openDecisionItem(w.people.admin, w.consortium.id, item.id);
		const row = (who: { id: string }, organisationId: string, itemId = item.id) => ({
			consortiumId: w.consortium.id,
			itemId,
			organisationId,
			stance: 'for' as const,
			userId: who.id,
			actingAs: 'representative' as const
		});
		for (const [who, organisationId] of [
			[w.people.member, w.a.id],
			[w.people.deputy, w.a.id], // a deputy without delegation while the representative is in office
			[w.people.representative, w.b.id], // another organisation's voice
			[w.people.admin, w.a.id]
		] as const) {
			await expect(withUser(who, (tx) => tx.insert(decisionPositions).values(row(who, organisationId)))).rejects.toThrow();
		}
		await expect(
			withUser(w.people.representative, (tx) => tx.insert(decisionPositions).values(row(w.people.representative, w.a.id, w.internal.item.id)))
		).rejects.toThrow();
		await withUser(w.people.representative, (tx) => tx.insert(decisionPositions).values(row(w.people.representative, w.a.id)));
	});

	it('lets no request role record, change or delete a log entry except an admin recording and communicating', async () => {
		const w = await world();
		for (const who of [w.people.member, w.people.representative, w.people.admin]) {
			const changed = await withUser(who, (tx) =>
				tx.update(decisions).set({ communicated: true }).where(eq(decisions.id, w.secret.entry.id)).returning()
			).catch(() => 'refused');
			expect(changed === 'refused' || (Array.isArray(changed) && changed.length === 0)).toBe(true);
			await expect(withUser(who, (tx) => tx.update(decisions).set({ text: 'Ändrad' }).where(eq(decisions.id, w.internal.entry.id)))).rejects.toThrow();
			const deleted = await withUser(who, (tx) => tx.delete(decisions).where(eq(decisions.id, w.internal.entry.id)).returning()).catch(() => 'refused');
			expect(deleted === 'refused' || (Array.isArray(deleted) && deleted.length === 0)).toBe(true);
		}
		const [still] = await asSystem((tx) => tx.select().from(decisions).where(eq(decisions.id, w.internal.entry.id)));
		expect(still!.text).toBe(w.internal.entry.text);
	});
});
