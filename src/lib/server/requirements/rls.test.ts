import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { rowsOf } from '../db/rows';
import { comments, needs, requirementApprovals, requirements, userStories } from '../db/schema';
import { buildConsortium, buildMembership, buildNeed, buildOrganisation, buildRequirement, buildStory, buildUser } from '../demo/factories';
import type { Role } from '../policy';
import { nextRequirementNumber } from './numbering';

useFreshDatabase();

async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const municipality = await buildOrganisation(tx, consortium.id);
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const people = {} as Record<Role | 'outsider', { id: string }>;
		for (const role of ['admin', 'representative', 'deputy', 'member', 'observer', 'supplier'] as const) {
			const user = await buildUser(tx);
			await buildMembership(tx, {
				consortiumId: consortium.id,
				userId: user.id,
				organisationId: role === 'supplier' ? supplierOrg.id : municipality.id,
				role
			});
			people[role] = user;
		}
		const outsider = await buildUser(tx);
		await buildMembership(tx, {
			consortiumId: other.id,
			userId: outsider.id,
			organisationId: (await buildOrganisation(tx, other.id)).id,
			role: 'admin'
		});
		people.outsider = outsider;
		const need = await buildNeed(tx, consortium.id, { title: 'Nattillsyn via kamera' });
		const story = await buildStory(tx, consortium.id, { needIds: [need.id] });
		const requirement = await buildRequirement(tx, consortium.id, { status: 'in_review', storyIds: [story.id], needIds: [need.id] });
		return { consortium, municipality, people, need, story, requirement };
	});
}

describe('row-level security on needs, stories and requirements', () => {
	it('shows none of it to someone from another consortium, even with no WHERE clause', async () => {
		const { people } = await world();
		const seen = await withUser(people.outsider, async (tx) => ({
			needs: await tx.select().from(needs),
			stories: await tx.select().from(userStories),
			requirements: await tx.select().from(requirements)
		}));
		expect(seen).toEqual({ needs: [], stories: [], requirements: [] });
	});

	it('shows none of it to the supplier, while the superuser connection sees the rows', async () => {
		const { people, consortium } = await world();
		const seen = await withUser(people.supplier, async (tx) => ({
			needs: await tx.select().from(needs),
			requirements: await tx.select().from(requirements)
		}));
		expect(seen).toEqual({ needs: [], requirements: [] });
		const all = await asSystem((tx) =>
			tx
				.select()
				.from(needs)
				.where(sql`${needs.consortiumId} = ${consortium.id}`)
		);
		expect(all).toHaveLength(1);
	});

	it('lets the observer read but not write', async () => {
		const { people, consortium, need } = await world();
		const read = await withUser(people.observer, (tx) =>
			tx
				.select()
				.from(needs)
				.where(sql`${needs.id} = ${need.id}`)
		);
		expect(read).toHaveLength(1);
		await expect(withUser(people.observer, (tx) => tx.insert(needs).values({ consortiumId: consortium.id, title: 'Nej' }))).rejects.toThrow();
		const updated = await withUser(people.observer, (tx) =>
			tx
				.update(needs)
				.set({ title: 'Ändrad' })
				.where(sql`${needs.id} = ${need.id}`)
				.returning()
		);
		expect(updated).toEqual([]);
	});

	it('lets a member write needs, stories and requirements, and draw numbers', async () => {
		const { people, consortium } = await world();
		const made = await withUser(people.member, async (tx) => {
			const need = await buildNeed(tx, consortium.id);
			const story = await buildStory(tx, consortium.id, { needIds: [need.id] });
			return buildRequirement(tx, consortium.id, { storyIds: [story.id] });
		});
		expect(made.identifier).toMatch(/^K-\d{3}$/);
	});

	it('records a verdict only for the organisation the person holds a mandate for, in their own name', async () => {
		const { people, consortium, requirement, municipality } = await world();
		const values = {
			consortiumId: consortium.id,
			requirementId: requirement.id,
			organisationId: municipality.id,
			verdict: 'approve' as const,
			actingAs: 'representative' as const
		};
		await expect(withUser(people.member, (tx) => tx.insert(requirementApprovals).values({ ...values, userId: people.member.id }))).rejects.toThrow();
		await expect(withUser(people.representative, (tx) => tx.insert(requirementApprovals).values({ ...values, userId: people.admin.id }))).rejects.toThrow();
		const [row] = await withUser(people.representative, (tx) =>
			tx
				.insert(requirementApprovals)
				.values({ ...values, userId: people.representative.id })
				.returning()
		);
		expect(row?.verdict).toBe('approve');
	});

	it('keeps comments to the consortium and in the author’s own name', async () => {
		const { people, consortium, need } = await world();
		const base = { consortiumId: consortium.id, targetKind: 'need' as const, targetId: need.id, body: 'Hej' };
		await expect(withUser(people.member, (tx) => tx.insert(comments).values({ ...base, authorId: people.admin.id }))).rejects.toThrow();
		await withUser(people.member, (tx) => tx.insert(comments).values({ ...base, authorId: people.member.id }));
		expect(await withUser(people.supplier, (tx) => tx.select().from(comments))).toEqual([]);
		expect(await withUser(people.observer, (tx) => tx.select().from(comments))).toHaveLength(1);
	});
});

describe('requirement numbers', () => {
	it('are distinct under concurrent allocation and render as K-001', async () => {
		const { consortium } = await world();
		const numbers = await Promise.all(Array.from({ length: 8 }, () => asSystem((tx) => nextRequirementNumber(tx, consortium.id))));
		expect(new Set(numbers).size).toBe(8);
		const [row] = await asSystem(async (tx) =>
			rowsOf<{ a: string; b: string }>(
				await tx.execute(
					sql`select 'K-' || lpad(7::text, 3, '0') as a, (select identifier from requirements where consortium_id = ${consortium.id} order by number limit 1) as b`
				)
			)
		);
		expect(row).toEqual({ a: 'K-007', b: 'K-001' });
	});

	it('finds requirements by Swedish full-text search over the title and the body', async () => {
		const { consortium, people } = await world();
		await asSystem((tx) => buildRequirement(tx, consortium.id, { title: 'Läkemedelsautomaten larmar', bodyText: 'Automaterna ska larma nattpersonalen.' }));
		const hits = await withUser(people.member, (tx) =>
			tx
				.select({ title: requirements.title })
				.from(requirements)
				.where(sql`${requirements.search} @@ websearch_to_tsquery('swedish', ${'läkemedelsautomaten larm'})`)
		);
		expect(hits).toEqual([{ title: 'Läkemedelsautomaten larmar' }]);
	});
});
