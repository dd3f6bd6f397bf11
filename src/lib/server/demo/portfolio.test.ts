import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { consortia, technologies, technologyStatuses, users } from '../db/schema';
import { portfolioCandidates, portfolioMatrix } from '../portfolio/queries';
import { seedDemo } from './seed';
import { table4 } from './portfolio-data';

useFreshDatabase();

describe('the Östergötland demo portfolio', () => {
	it('holds the catalogue and every row of Table 4 (Boxholm missing), the dispenser as the first joint candidate; seeding again adds nothing', async () => {
		await seedDemo();
		await seedDemo();
		const { consortium, observer, catalogue, statuses } = await asSystem(async (tx) => {
			const [c] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const [o] = await tx.select().from(users).where(eq(users.email, 'observator@samsyn.demo'));
			return {
				consortium: c!,
				observer: { id: o!.id, isOperator: false },
				catalogue: await tx.select().from(technologies).where(eq(technologies.consortiumId, c!.id)),
				statuses: await tx.select().from(technologyStatuses).where(eq(technologyStatuses.consortiumId, c!.id))
			};
		});
		expect(catalogue).toHaveLength(33);
		expect(statuses).toHaveLength(table4.reduce((n, m) => n + m.inUse.length + m.planned.length, 0));
		const matrix = await portfolioMatrix(observer, consortium.id);
		expect(matrix.categories.map((c) => c.name)).toEqual([
			'Trygghet och larm',
			'Tillsyn',
			'Läkemedel',
			'Lås och åtkomst',
			'Kommunikation',
			'Stöd för personal',
			'Aktivering',
			'Övrigt'
		]);
		const boxholm = matrix.municipalities.find((m) => m.name === 'Boxholm')!;
		expect(matrix.categories.flatMap((c) => c.technologies).every((t) => !t.cells[boxholm.id])).toBe(true);
		const [first] = await portfolioCandidates(observer, consortium.id);
		expect(first).toMatchObject({
			technology: { name: 'Läkemedelsautomat' },
			planning: ['Mjölby', 'Motala', 'Norrköping', 'Söderköping'],
			using: ['Kinda', 'Mjölby', 'Vadstena', 'Åtvidaberg']
		});
	});
});
