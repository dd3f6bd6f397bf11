import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { consortia, priorityRounds, users } from '../db/schema';
import { listRounds, roundDetail } from '../prioritisation/queries';
import { seedDemo } from './seed';

useFreshDatabase();

describe('the Östergötland demo priority rounds', () => {
	it('holds a closed round where seven municipalities ranked twelve stories, disagreeing on three, and an open round with two submissions; seeding again adds nothing', async () => {
		await seedDemo();
		await seedDemo();
		const { consortium, observer, rounds } = await asSystem(async (tx) => {
			const [c] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const [o] = await tx.select().from(users).where(eq(users.email, 'observator@samsyn.demo'));
			return {
				consortium: c!,
				observer: { id: o!.id, isOperator: false },
				rounds: await tx.select().from(priorityRounds).where(eq(priorityRounds.consortiumId, c!.id))
			};
		});
		expect(rounds.map((r) => r.status).sort()).toEqual(['closed', 'open']);
		const closed = await roundDetail(observer, consortium.id, rounds.find((r) => r.status === 'closed')!.id);
		expect(closed.items).toHaveLength(12);
		expect(closed.organisations.filter((o) => o.submitted)).toHaveLength(7);
		const ranking = closed.ranking!;
		// The three contested stories are the ones to discuss, and they stand apart from the rest.
		const contested = [2, 6, 9].map((i) => closed.items[i]!.id);
		expect(new Set(ranking.toDiscuss.slice(0, 3))).toEqual(new Set(contested));
		const iqr = new Map(ranking.items.map((i) => [i.itemId, i.ranks.iqr]));
		const calm = closed.items.filter((i) => !contested.includes(i.id)).map((i) => iqr.get(i.id)!);
		expect(Math.min(...contested.map((id) => iqr.get(id)!))).toBeGreaterThan(Math.max(...calm));
		expect(ranking.kendallW).toBeGreaterThan(0.5);
		expect(ranking.kendallW).toBeLessThan(0.9);
		const open = await roundDetail(observer, consortium.id, rounds.find((r) => r.status === 'open')!.id);
		expect(open.round.method).toBe('points');
		expect(open.organisations.filter((o) => o.submitted).map((o) => o.name)).toEqual(['Kinda', 'Linköping']);
		expect((await listRounds(observer, consortium.id)).rounds).toHaveLength(2);
	});
});
