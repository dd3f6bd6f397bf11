import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { consortia, effectGoals, organisations, users } from '../db/schema';
import { benefitsView, goalPage, goalsServedBy, listGoals } from '../goals/queries';
import { seedDemo } from './seed';

useFreshDatabase();

describe('the demo effect goals', () => {
	it('gives Östergötland seed 003’s goals with baselines, measurements for Linköping and Finspång and the night-supervision chain; seeding again adds nothing', async () => {
		await seedDemo();
		await seedDemo();
		const { ostergotland, count, person, org } = await asSystem(async (tx) => {
			const [o] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const ids = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
			const orgs = new Map((await tx.select().from(organisations).where(eq(organisations.consortiumId, o!.id))).map((x) => [x.name, x.id]));
			return {
				ostergotland: o!,
				count: (await tx.select().from(effectGoals).where(eq(effectGoals.consortiumId, o!.id))).length,
				person: (email: string) => ({ id: ids.get(email)!, isOperator: false }),
				org: (name: string) => orgs.get(name)!
			};
		});
		expect(count).toBe(4);
		const observer = person('observator@samsyn.demo');
		const list = await listGoals(observer, ostergotland.id);
		expect(list.categories.map((c) => c.name)).toEqual(['Effektiviseringar', 'Invånarupplevelse']);

		// Linköping's representative sees Linköping by default: on track on both measured goals.
		const linkoping = await benefitsView(person('ombud.linkoping@samsyn.demo'), ostergotland.id, undefined);
		expect(linkoping.selected).toBe(org('Linköping'));
		expect(linkoping.rows.map((r) => [r.title, r.standing])).toEqual([
			['Färre fysiska tillsynsbesök nattetid', 'on_track'],
			['Minskat antal telefonsamtal om status i handläggningen', 'not_measured'],
			['Kortare tid från ansökan till beslut', 'on_track']
		]);
		const finspang = await benefitsView(observer, ostergotland.id, org('Finspång'));
		expect(finspang.totals).toEqual({ achieved: 0, onTrack: 0, behind: 2, notMeasured: 0 });

		const night = list.categories.flatMap((c) => c.goals).find((g) => g.title === 'Färre fysiska tillsynsbesök nattetid')!;
		const page = await goalPage(observer, ostergotland.id, night.id, 'sv');
		expect(page.initiative?.title).toBe('Nattlig tillsyn via kamera');
		expect(page.chain.initiatives.map((i) => i.title)).toEqual(['Nattlig tillsyn via kamera']);
		expect(page.chain.requirements.map((r) => r.title).sort()).toEqual(['Digital tillsyn nattetid via kamera', 'Tillsyn via sensor utan bild']);
		expect(page.municipalities.map((o) => o.name)).toEqual(['Finspång', 'Kinda', 'Linköping']);
		expect(page.chart?.columns).toEqual(['Datum', 'Baslinje', 'Finspång', 'Linköping']);
		// The requirement's page names the goal it serves.
		const served = await goalsServedBy(observer, ostergotland.id, page.chain.requirements[0]!.id);
		expect(served.map((g) => g.title)).toEqual(['Färre fysiska tillsynsbesök nattetid']);

		// The supplier never reaches them.
		await expect(listGoals(person('leverantor@samsyn.demo'), ostergotland.id)).rejects.toThrow();
	});
});
