import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { backlogs, consortia, users } from '../db/schema';
import { backlogDetail, backlogOverview, releaseDetail } from '../backlog/queries';
import { gatesOfRelease } from '../backlog/gates';
import { seedDemo } from './seed';

useFreshDatabase();

describe('the Östergötland demo backlog', () => {
	it('holds the locked MVP 1.0, release 1 acknowledged, a decided change request and release 2 with delivery on half its items, release 1 awaiting its gate; seeding again adds nothing', async () => {
		await seedDemo();
		await seedDemo();
		const { consortium, observer, supplier, rows } = await asSystem(async (tx) => {
			const [c] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const person = async (email: string) => ({ id: (await tx.select().from(users).where(eq(users.email, email)))[0]!.id, isOperator: false });
			return {
				consortium: c!,
				observer: await person('observator@samsyn.demo'),
				supplier: await person('leverantor@samsyn.demo'),
				rows: await tx.select().from(backlogs).where(eq(backlogs.consortiumId, c!.id))
			};
		});
		expect(rows).toHaveLength(1);
		const detail = await backlogDetail(observer, consortium.id, rows[0]!.id);
		expect(detail.backlog).toMatchObject({ name: 'MVP 1.0', status: 'locked', line: 6 });
		expect(detail.items).toHaveLength(12);
		expect(detail.changes).toHaveLength(1);
		expect(detail.changes[0]).toMatchObject({ number: 1, kind: 'move', status: 'approved' });
		const moved = detail.items.find((i) => i.changedByDecision);
		expect(moved?.changedByDecision).toBe(detail.changes[0]!.decisionNumber);

		const { releases } = await backlogOverview(supplier, consortium.id);
		expect(releases.map((r) => [r.number, Boolean(r.acknowledgedAt)])).toEqual([
			[2, false],
			[1, true]
		]);
		const second = await releaseDetail(supplier, consortium.id, 2);
		expect(second.items).toHaveLength(6);
		expect(second.release.decisionNumber).toBe(detail.changes[0]!.decisionNumber);
		expect(second.diff!.added).toHaveLength(1);
		const reported = second.items.filter((i) => i.delivery.report);
		expect(reported.map((i) => i.delivery.report!.status)).toEqual(['delivered', 'delivered', 'in_progress']);
		expect(reported[0]!.delivery.verdict?.verdict).toBe('accepted');

		// Release 1 is before the steering group for Godkännande av delleverans; the supplier does not see it.
		const first = await releaseDetail(observer, consortium.id, 1);
		const gates = await gatesOfRelease(observer, consortium.id, first.release.id);
		expect(gates!.gates.map((g) => [g.title, g.state])).toEqual([['Godkännande av delleverans: leverans 1 (MVP 1.0)', 'draft']]);
		expect(await gatesOfRelease(supplier, consortium.id, first.release.id)).toBeNull();
	});
});
