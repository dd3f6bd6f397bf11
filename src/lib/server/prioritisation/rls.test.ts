import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { priorityRoundItems, priorityRounds, prioritySubmissionEntries, prioritySubmissionHistory, prioritySubmissions } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildStory, buildUser } from '../demo/factories';
import type { Role } from '../policy';
import { closeRound, createRound, openRound, saveSubmission } from './commands';
import { RoundInput, SubmissionInput } from './schemas';

useFreshDatabase();

async function world() {
	const w = await asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const a = await buildOrganisation(tx, consortium.id, { name: 'Kinda' });
		const b = await buildOrganisation(tx, consortium.id, { name: 'Ydre' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const people = {} as Record<Role | 'outsider' | 'rep2', { id: string; isOperator: boolean }>;
		const add = async (key: keyof typeof people, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		for (const role of ['admin', 'representative', 'deputy', 'member', 'observer'] as const) await add(role, a.id, role);
		await add('rep2', b.id, 'representative');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		const stories = [await buildStory(tx, consortium.id), await buildStory(tx, consortium.id), await buildStory(tx, consortium.id)];
		return { consortium, people, a, b, stories };
	});
	const deadline = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
	const round = async (title: string) => {
		const r = await createRound(w.people.admin, w.consortium.id, RoundInput.parse({ title, method: 'borda', deadline, storyIds: w.stories.map((s) => s.id) }));
		await openRound(w.people.admin, w.consortium.id, r.id);
		const items = await asSystem((tx) => tx.select().from(priorityRoundItems).where(eq(priorityRoundItems.roundId, r.id)));
		return { round: r, items: items.sort((x, y) => x.position - y.position).map((i) => i.id) };
	};
	const form = (items: string[]) =>
		SubmissionInput.parse({
			...Object.fromEntries(items.map((id, i) => [`rank.${id}`, String(i + 1)])),
			...Object.fromEntries(items.map((id) => [`moscow.${id}`, 'must']))
		});
	const open = await round('Öppen omgång');
	const closed = await round('Stängd omgång');
	await saveSubmission(w.people.representative, w.consortium.id, open.round.id, form(open.items));
	await saveSubmission(w.people.rep2, w.consortium.id, closed.round.id, form(closed.items));
	await closeRound(w.people.admin, w.consortium.id, closed.round.id);
	return { ...w, open, closed };
}

const everything = (tx: Parameters<Parameters<typeof withUser>[1]>[0]) =>
	Promise.all([
		tx.select().from(priorityRounds),
		tx.select().from(priorityRoundItems),
		tx.select().from(prioritySubmissions),
		tx.select().from(prioritySubmissionEntries),
		tx.select().from(prioritySubmissionHistory)
	]).then(([rounds, items, submissions, entries, history]) => ({ rounds, items, submissions, entries, history }));

describe('row-level security on priority rounds: what each role can reach with SQL of its own', () => {
	it('shows the supplier and someone of another consortium nothing of any round', async () => {
		const w = await world();
		for (const who of [w.people.supplier, w.people.outsider]) {
			const seen = await withUser(who, everything);
			expect(Object.values(seen).every((rows) => rows.length === 0)).toBe(true);
		}
		const internal = await withUser(w.people.observer, everything);
		expect(internal.rounds).toHaveLength(2);
		expect(internal.submissions).toHaveLength(2);
		expect(internal.history).toHaveLength(2);
	});

	it('refuses a submission written straight into the tables by someone who does not speak for the organisation, or into a closed round', async () => {
		const w = await world();
		const row = (who: { id: string }, organisationId: string, roundId: string) => ({
			consortiumId: w.consortium.id,
			roundId,
			organisationId,
			userId: who.id,
			actingAs: 'representative' as const
		});
		for (const [who, organisationId] of [
			[w.people.member, w.a.id],
			[w.people.deputy, w.a.id], // no delegation while the representative is in office
			[w.people.representative, w.b.id], // another organisation's voice
			[w.people.admin, w.a.id],
			[w.people.supplier, w.a.id]
		] as const) {
			await expect(withUser(who, (tx) => tx.insert(prioritySubmissions).values(row(who, organisationId, w.closed.round.id)))).rejects.toThrow();
			await expect(withUser(who, (tx) => tx.insert(prioritySubmissions).values(row(who, organisationId, w.open.round.id)))).rejects.toThrow();
		}
		// Ydre's representative may not write into the closed round, not even its own entries.
		await expect(withUser(w.people.rep2, (tx) => tx.insert(prioritySubmissions).values(row(w.people.rep2, w.b.id, w.closed.round.id)))).rejects.toThrow();
		const changed = await withUser(w.people.rep2, (tx) =>
			tx.update(prioritySubmissionEntries).set({ rank: 3 }).where(eq(prioritySubmissionEntries.roundId, w.closed.round.id)).returning()
		);
		expect(changed).toEqual([]);
		const removed = await withUser(w.people.rep2, (tx) =>
			tx.delete(prioritySubmissionEntries).where(eq(prioritySubmissionEntries.roundId, w.closed.round.id)).returning()
		);
		expect(removed).toEqual([]);
		// Another organisation's submission in the open round cannot be changed either.
		const others = await withUser(w.people.rep2, (tx) =>
			tx.update(prioritySubmissions).set({ status: 'draft', submittedAt: null }).where(eq(prioritySubmissions.roundId, w.open.round.id)).returning()
		);
		expect(others).toEqual([]);
		// The speaker writes into the open round.
		await withUser(w.people.rep2, (tx) => tx.insert(prioritySubmissions).values(row(w.people.rep2, w.b.id, w.open.round.id)));
	});

	it('lets only admins write rounds and their items, and nobody change the history', async () => {
		const w = await world();
		for (const who of [w.people.member, w.people.representative]) {
			await expect(
				withUser(who, (tx) => tx.insert(priorityRounds).values({ consortiumId: w.consortium.id, title: 'Egen', deadline: new Date(Date.now() + 86_400_000) }))
			).rejects.toThrow();
			const changed = await withUser(who, (tx) => tx.update(priorityRounds).set({ title: 'Ändrad' }).where(eq(priorityRounds.id, w.open.round.id)).returning());
			expect(changed).toEqual([]);
		}
		// Items of an open round stay as they were, even for an admin.
		const removed = await withUser(w.people.admin, (tx) => tx.delete(priorityRoundItems).where(eq(priorityRoundItems.roundId, w.open.round.id)).returning());
		expect(removed).toEqual([]);
		for (const who of [w.people.admin, w.people.representative]) {
			await expect(
				withUser(who, (tx) => tx.update(prioritySubmissionHistory).set({ version: 9 }).where(eq(prioritySubmissionHistory.roundId, w.open.round.id)))
			).rejects.toThrow();
			await expect(withUser(who, (tx) => tx.delete(prioritySubmissionHistory).where(eq(prioritySubmissionHistory.roundId, w.open.round.id)))).rejects.toThrow();
		}
	});
});
