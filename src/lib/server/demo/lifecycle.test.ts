import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { consortia, initiatives, lifecycles, users } from '../db/schema';
import { lifecycleOf } from '../lifecycle/queries';
import { roadmapPage } from '../roadmap/queries';
import { attentionFor } from '../home/attention';
import { seedDemo } from './seed';

useFreshDatabase();

describe('the demo procurement lifecycle', () => {
	it('puts the night supervision in phase 3 with phases 1–2 mostly done and overdue activities on their owner’s home page; seeding again adds nothing', async () => {
		await seedDemo();
		await seedDemo();
		const { ostergotland, night, count, person } = await asSystem(async (tx) => {
			const [o] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const [n] = await tx
				.select()
				.from(initiatives)
				.where(and(eq(initiatives.consortiumId, o!.id), eq(initiatives.title, 'Nattlig tillsyn via kamera')));
			const ids = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
			return {
				ostergotland: o!,
				night: n!,
				count: (await tx.select().from(lifecycles)).length,
				person: (email: string) => ({ id: ids.get(email)!, isOperator: false })
			};
		});
		expect(count).toBe(1);
		const { lifecycle } = await lifecycleOf(person('observator@samsyn.demo'), ostergotland.id, night.id);
		expect(lifecycle?.phases.slice(0, 3).map((p) => [p.done, p.total])).toEqual([
			[6, 7],
			[5, 6],
			[1, 8]
		]);
		expect(lifecycle?.activities.filter((a) => a.overdue).map((a) => a.title)).toEqual(['Förankring', 'Sammanställning', 'Riskanalys']);
		expect(lifecycle?.deadlines.map((d) => d.rule)).toEqual(['tender_period', 'questions_answered', 'question_period', 'standstill']);
		const linkoping = await attentionFor(person('ombud.linkoping@samsyn.demo'), ostergotland.id);
		expect(linkoping?.kind === 'internal' && linkoping.overdueActivities.map((a) => a.title)).toEqual(['Förankring', 'Sammanställning', 'Riskanalys']);
		const finspang = await attentionFor(person('ombud.finspang@samsyn.demo'), ostergotland.id);
		expect(finspang?.kind === 'internal' && finspang.overdueActivities).toEqual([]);
		// The roadmap shows it as phase progress: phase 3 is where the work is.
		const { lifecycles: standings } = await roadmapPage(
			person('observator@samsyn.demo'),
			ostergotland.id,
			{ lanes: 'category' },
			{ category: '-', phase: '-' }
		);
		expect(standings[night.id]).toEqual({ phase: 3, done: 1, total: 8, allDone: 12, all: 36 });
		// The supplier never reaches it.
		await expect(lifecycleOf(person('leverantor@samsyn.demo'), ostergotland.id, night.id)).rejects.toThrow();
	});
});
