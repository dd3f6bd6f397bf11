import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { technologies, technologyCategories, technologyStatuses } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import type { Role } from '../policy';
import { createCategoryIn, createTechnologyIn, setStatusIn } from './commands';

useFreshDatabase();

type Who = { id: string; isOperator: boolean };

/** Two municipalities with a status each for one technology; every role in the first; the supplier; an outsider. */
async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const own = await buildOrganisation(tx, consortium.id, { name: 'Finspång' });
		const neighbour = await buildOrganisation(tx, consortium.id, { name: 'Kinda' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const people = {} as Record<Role | 'outsider', Who>;
		const add = async (key: keyof typeof people, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		for (const role of ['admin', 'representative', 'deputy', 'member', 'observer'] as const) await add(role, own.id, role);
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		const category = await createCategoryIn(tx, consortium.id, null, 'Läkemedel');
		const technology = await createTechnologyIn(tx, consortium.id, null, { categoryId: category.id, name: 'Läkemedelsautomat', description: '', aliases: [] });
		const base = {
			technologyId: technology.id,
			sinceYear: undefined,
			plannedYear: 2027,
			expansionPlanned: false,
			supplier: '',
			contractEnd: undefined,
			intent: 'unknown' as const,
			note: ''
		};
		const mine = await setStatusIn(tx, consortium.id, null, { ...base, organisationId: own.id, status: 'planned' });
		const theirs = await setStatusIn(tx, consortium.id, null, { ...base, organisationId: neighbour.id, status: 'planned' });
		return { consortium, own, neighbour, people, category, technology, mine, theirs };
	});
}

const everything = (tx: Parameters<Parameters<typeof withUser>[1]>[0]) =>
	Promise.all([tx.select().from(technologyCategories), tx.select().from(technologies), tx.select().from(technologyStatuses)]).then(
		([categories, catalogue, statuses]) => ({ categories, catalogue, statuses })
	);

describe('row-level security on the portfolio: what each role can reach with SQL of its own', () => {
	it('shows internal members all of it, the supplier and outsiders nothing', async () => {
		const w = await world();
		for (const who of [w.people.supplier, w.people.outsider]) {
			const nothing = await withUser(who, everything);
			expect(Object.values(nothing).every((rows) => rows.length === 0)).toBe(true);
		}
		const seen = await withUser(w.people.observer, everything);
		expect([seen.categories.length, seen.catalogue.length, seen.statuses.length]).toEqual([1, 1, 2]);
	});

	it('lets a representative, deputy or member change their own municipality’s row only, the observer and supplier none', async () => {
		const w = await world();
		for (const role of ['representative', 'deputy', 'member'] as const) {
			const changed = await withUser(w.people[role], (tx) => tx.update(technologyStatuses).set({ note: role }).returning());
			expect(changed.map((r) => r.id)).toEqual([w.mine.id]);
			await expect(
				withUser(w.people[role], (tx) =>
					tx
						.insert(technologyStatuses)
						.values({ consortiumId: w.consortium.id, technologyId: w.technology.id, organisationId: w.neighbour.id, status: 'in_use' })
				)
			).rejects.toThrow();
			const moved = await withUser(w.people[role], (tx) =>
				tx.update(technologyStatuses).set({ organisationId: w.neighbour.id }).where(eq(technologyStatuses.id, w.mine.id)).returning()
			).catch(() => 'refused');
			expect(moved).toBe('refused');
		}
		for (const who of [w.people.observer, w.people.supplier, w.people.outsider]) {
			const changed = await withUser(who, (tx) => tx.update(technologyStatuses).set({ note: 'x' }).returning());
			expect(changed).toEqual([]);
			const removed = await withUser(who, (tx) => tx.delete(technologyStatuses).returning());
			expect(removed).toEqual([]);
		}
		const admin = await withUser(w.people.admin, (tx) => tx.update(technologyStatuses).set({ note: 'admin' }).returning());
		expect(admin).toHaveLength(2);
	});

	it('lets only admins change the catalogue', async () => {
		const w = await world();
		for (const role of ['representative', 'member', 'observer', 'supplier'] as const) {
			const renamed = await withUser(w.people[role], (tx) => tx.update(technologies).set({ name: 'Medicinrobot' }).returning());
			expect(renamed).toEqual([]);
			await expect(
				withUser(w.people[role], (tx) => tx.insert(technologyCategories).values({ consortiumId: w.consortium.id, name: 'Övrigt' }))
			).rejects.toThrow();
		}
		const renamed = await withUser(w.people.admin, (tx) => tx.update(technologies).set({ name: 'Medicinrobot' }).returning());
		expect(renamed).toHaveLength(1);
	});
});
