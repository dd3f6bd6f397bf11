import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { consortia, needs, requirementApprovals, requirements, userStories, users } from '../db/schema';
import { seedDemo } from './seed';
import { getRequirement } from '../requirements/queries';

useFreshDatabase();

describe('the Östergötland requirements demo', () => {
	it('holds needs, stories and at least 30 requirements, some approved under the ground rules; seeding twice changes nothing', async () => {
		await seedDemo();
		const counts = async () =>
			asSystem(async (tx) => {
				const [c] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
				const n = async (table: typeof needs | typeof userStories | typeof requirements) =>
					(await tx.select({ n: count() }).from(table).where(eq(table.consortiumId, c!.id)))[0]!.n;
				return { consortiumId: c!.id, needs: await n(needs), stories: await n(userStories), requirements: await n(requirements) };
			});
		const first = await counts();
		expect(first.needs).toBeGreaterThanOrEqual(10);
		expect(first.stories).toBeGreaterThanOrEqual(5);
		expect(first.requirements).toBeGreaterThanOrEqual(30);
		await seedDemo();
		expect(await counts()).toEqual(first);

		const [approved] = await asSystem((tx) =>
			tx
				.select()
				.from(requirements)
				.where(and(eq(requirements.consortiumId, first.consortiumId), eq(requirements.status, 'approved')))
				.limit(1)
		);
		const votes = await asSystem((tx) => tx.select().from(requirementApprovals).where(eq(requirementApprovals.requirementId, approved!.id)));
		expect(votes.length).toBeGreaterThanOrEqual(2);
		const [observer] = await asSystem((tx) => tx.select().from(users).where(eq(users.email, 'observator@samsyn.demo')));
		const shown = await getRequirement(observer!, first.consortiumId, approved!.id);
		expect(shown.approval.tally.outcome).toBe('approved');
	});
});
