import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { consortia, decisionItems, users } from '../db/schema';
import { decisionItemDetail, decisionLog, verifyDecisionLog } from '../decisions/queries';
import { seedDemo } from './seed';

useFreshDatabase();

describe('the Östergötland demo decisions', () => {
	it('holds three recorded decisions (one with a reservation, one communicated and unacknowledged), an open item with five positions (one by a deputy) and a draft; seeding again adds nothing', async () => {
		await seedDemo();
		await seedDemo();
		const { consortium, admin, supplier, items } = await asSystem(async (tx) => {
			const [c] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const person = async (email: string) => ({ id: (await tx.select().from(users).where(eq(users.email, email)))[0]!.id, isOperator: false });
			return {
				consortium: c!,
				admin: await person('admin@samsyn.demo'),
				supplier: await person('leverantor@samsyn.demo'),
				items: await tx.select().from(decisionItems).where(eq(decisionItems.consortiumId, c!.id))
			};
		});
		// The fourth recorded item is the backlog demo's change request Ä-1 (demo/backlog.ts), decided after the other three;
		// the second draft is the night supervision initiative's pending gate (demo/roadmap.ts), the third
		// release 1's Godkännande av delleverans (demo/backlog.ts).
		expect(items.map((i) => i.status).sort()).toEqual(['draft', 'draft', 'draft', 'open', 'recorded', 'recorded', 'recorded', 'recorded']);
		const log = await decisionLog(admin, consortium.id);
		const year = log.entries[0]!.number.slice(2, 6);
		expect(log.entries.map((e) => e.number)).toEqual([`B-${year}-004`, `B-${year}-003`, `B-${year}-002`, `B-${year}-001`]);
		expect(log.entries.filter((e) => e.communicated && !e.acknowledgedAt)).toHaveLength(1);
		expect(await verifyDecisionLog(admin, consortium.id)).toEqual({ ok: true, entries: 4 });
		const withReservation = await decisionItemDetail(admin, consortium.id, log.entries[2]!.itemId!);
		expect(withReservation.reservations.map((r) => r.organisation)).toEqual(['Vadstena']);
		const open = await decisionItemDetail(admin, consortium.id, items.find((i) => i.status === 'open')!.id);
		const stated = open.positions.filter((p) => p.stance);
		expect(stated).toHaveLength(5);
		expect(stated.filter((p) => p.actingAs === 'deputy').map((p) => p.name)).toEqual(['Ydre']);
		expect((await decisionLog(supplier, consortium.id)).entries.map((e) => e.title)).toEqual(['Tidplan: avtalsstart 1 mars 2027']);
	});
});
