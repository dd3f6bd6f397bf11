import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { backlogChanges, backlogItems, backlogReleaseItems, backlogReleases, backlogs, deliveryAcceptances, deliveryReports, groundRules } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildStory, buildUser } from '../demo/factories';
import type { Role } from '../policy';
import { createBacklogIn, lockScopeIn, publishReleaseIn, reportDeliveryIn } from './commands';

useFreshDatabase();

type Who = { id: string; isOperator: boolean };

/** A locked backlog of three stories with the line after two, release 1 published, delivery reported on its first item. */
async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const org = await buildOrganisation(tx, consortium.id, { name: 'Kinda' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const people = {} as Record<Role | 'outsider' | 'otherSupplier', Who>;
		const add = async (key: keyof typeof people, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		for (const role of ['admin', 'representative', 'deputy', 'member', 'observer'] as const) await add(role, org.id, role);
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		await add('otherSupplier', (await buildOrganisation(tx, other.id, { kind: 'supplier' })).id, 'supplier', other.id);
		const stories = [await buildStory(tx, consortium.id), await buildStory(tx, consortium.id), await buildStory(tx, consortium.id)];
		const backlog = await createBacklogIn(
			tx,
			consortium.id,
			people.admin.id,
			{ roundId: null, name: 'MVP 1.0', capacity: 10, capacityUnit: 'story_points' },
			stories.map((s) => ({ kind: 'story' as const, id: s.id, moscow: 'must' as const, acceptanceCriteria: '', estimate: 3 }))
		);
		const [lined] = await tx.update(backlogs).set({ line: 2 }).where(eq(backlogs.id, backlog.id)).returning();
		const locked = await lockScopeIn(tx, lined!, people.admin.id);
		const release = await publishReleaseIn(tx, locked, people.admin.id, '', null);
		const items = await tx.select().from(backlogItems).where(eq(backlogItems.backlogId, backlog.id));
		const byRank = items.sort((a, b) => a.rank! - b.rank!);
		await reportDeliveryIn(tx, consortium.id, byRank[0]!.id, people.supplier.id, { status: 'in_progress', note: '' });
		return { consortium, people, backlog: locked, release, items: byRank };
	});
}

const everything = (tx: Parameters<Parameters<typeof withUser>[1]>[0]) =>
	Promise.all([
		tx.select().from(backlogs),
		tx.select().from(backlogItems),
		tx.select().from(backlogChanges),
		tx.select().from(backlogReleases),
		tx.select().from(backlogReleaseItems),
		tx.select().from(deliveryReports),
		tx.select().from(deliveryAcceptances)
	]).then(([plans, items, changes, releases, releaseItems, reports, verdicts]) => ({ plans, items, changes, releases, releaseItems, reports, verdicts }));

describe('row-level security on the backlog: what each role can reach with SQL of its own', () => {
	it('shows the supplier releases and the items they carried, never the plan, the items below the line or change requests', async () => {
		const w = await world();
		const seen = await withUser(w.people.supplier, everything);
		expect(seen.plans).toEqual([]);
		expect(seen.changes).toEqual([]);
		expect(seen.releases).toHaveLength(1);
		expect(seen.releaseItems).toHaveLength(2);
		expect(seen.items.map((i) => i.rank).sort()).toEqual([1, 2]);
		expect(seen.reports).toHaveLength(1);
		for (const who of [w.people.outsider, w.people.otherSupplier]) {
			const nothing = await withUser(who, everything);
			expect(Object.values(nothing).every((rows) => rows.length === 0)).toBe(true);
		}
		const internal = await withUser(w.people.observer, everything);
		expect(internal.plans).toHaveLength(1);
		expect(internal.items).toHaveLength(3);
	});

	it('lets the supplier report delivery only on released items and acknowledge only, never publish or judge', async () => {
		const w = await world();
		const below = w.items[2]!;
		await expect(
			withUser(w.people.supplier, (tx) =>
				tx.insert(deliveryReports).values({ consortiumId: w.consortium.id, backlogItemId: below.id, status: 'delivered', reportedBy: w.people.supplier.id })
			)
		).rejects.toThrow();
		await withUser(w.people.supplier, (tx) =>
			tx.insert(deliveryReports).values({ consortiumId: w.consortium.id, backlogItemId: w.items[1]!.id, status: 'delivered', reportedBy: w.people.supplier.id })
		);
		await expect(
			withUser(w.people.supplier, (tx) =>
				tx
					.insert(deliveryAcceptances)
					.values({ consortiumId: w.consortium.id, backlogItemId: w.items[1]!.id, verdict: 'accepted', decidedBy: w.people.supplier.id })
			)
		).rejects.toThrow();
		await expect(
			withUser(w.people.supplier, (tx) =>
				tx.insert(backlogReleases).values({
					consortiumId: w.consortium.id,
					backlogId: w.backlog.id,
					number: 9,
					version: 'X',
					capacity: 0,
					capacityUnit: 'sek',
					publishedBy: w.people.supplier.id
				})
			)
		).rejects.toThrow();
		// The release's words cannot change; only its acknowledgement can be written.
		await expect(
			withUser(w.people.supplier, (tx) => tx.update(backlogReleases).set({ note: 'Ändrad' }).where(eq(backlogReleases.id, w.release.id)))
		).rejects.toThrow();
		const acknowledged = await withUser(w.people.supplier, (tx) =>
			tx
				.update(backlogReleases)
				.set({ acknowledgedAt: new Date(), acknowledgedBy: w.people.supplier.id })
				.where(eq(backlogReleases.id, w.release.id))
				.returning()
		);
		expect(acknowledged).toHaveLength(1);
		const changed = await withUser(w.people.supplier, (tx) => tx.update(backlogItems).set({ estimate: 1 }).returning());
		expect(changed).toEqual([]);
	});

	it('lets only admins plan, writers propose, and whoever the ground rules name publish; nobody rewrites a release', async () => {
		const w = await world();
		for (const who of [w.people.member, w.people.representative, w.people.observer]) {
			const changed = await withUser(who, (tx) => tx.update(backlogs).set({ line: 3 }).where(eq(backlogs.id, w.backlog.id)).returning());
			expect(changed).toEqual([]);
		}
		const release = () =>
			({
				consortiumId: w.consortium.id,
				backlogId: w.backlog.id,
				number: 2,
				version: 'MVP 1.0',
				capacity: 10,
				capacityUnit: 'story_points' as const
			}) as const;
		await expect(
			withUser(w.people.representative, (tx) => tx.insert(backlogReleases).values({ ...release(), publishedBy: w.people.representative.id }))
		).rejects.toThrow();
		await asSystem((tx) => tx.update(groundRules).set({ publishing: 'admins_and_representatives' }).where(eq(groundRules.consortiumId, w.consortium.id)));
		await withUser(w.people.representative, (tx) => tx.insert(backlogReleases).values({ ...release(), publishedBy: w.people.representative.id }));
		for (const who of [w.people.admin, w.people.representative]) {
			await expect(withUser(who, (tx) => tx.delete(backlogReleases).where(eq(backlogReleases.id, w.release.id)))).rejects.toThrow();
			await expect(withUser(who, (tx) => tx.update(backlogReleaseItems).set({ rank: 9 }))).rejects.toThrow();
			await expect(withUser(who, (tx) => tx.delete(deliveryReports))).rejects.toThrow();
		}
	});
});
