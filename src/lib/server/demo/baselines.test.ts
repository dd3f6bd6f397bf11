import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { baselineItems, baselines, consortia, requirements, users } from '../db/schema';
import { DEMO_BASELINE } from './baselines';
import { seedDemo } from './seed';

useFreshDatabase();

describe('the Östergötland demo baseline', () => {
	it('freezes every approved demo requirement once, by the convenor; seeding again adds nothing', async () => {
		await seedDemo();
		await seedDemo();
		const found = await asSystem(async (tx) => {
			const [c] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const rows = await tx.select().from(baselines).where(eq(baselines.consortiumId, c!.id));
			const approved = await tx
				.select({ identifier: requirements.identifier })
				.from(requirements)
				.where(and(eq(requirements.consortiumId, c!.id), eq(requirements.status, 'approved')))
				.orderBy(requirements.number);
			const items = rows[0] ? await tx.select().from(baselineItems).where(eq(baselineItems.baselineId, rows[0].id)).orderBy(baselineItems.number) : [];
			const [admin] = await tx.select().from(users).where(eq(users.email, 'admin@samsyn.demo'));
			return { rows, approved, items, admin };
		});
		expect(found.rows.map((b) => b.name)).toEqual([DEMO_BASELINE.name]);
		expect(found.approved.length).toBeGreaterThan(0);
		expect(found.items.map((i) => i.identifier)).toEqual(found.approved.map((a) => a.identifier));
		expect(found.rows[0]!.createdBy).toBe(found.admin!.id);
	});
});
