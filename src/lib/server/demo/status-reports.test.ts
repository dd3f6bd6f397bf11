import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { consortia, initiatives, statusReports, users } from '../db/schema';
import { budgetPage } from '../budget/queries';
import { initiativesWithRedRow, statusReportPage, submittedSince } from '../status-reports/queries';
import { attentionFor } from '../home/attention';
import { seedDemo } from './seed';

useFreshDatabase();

describe('the demo status reports and budget', () => {
	it('gives the night supervision three submitted months, the latest with a red Budget row; a budget with outcome; seeding again adds nothing', async () => {
		await seedDemo();
		await seedDemo();
		const { ostergotland, night, person, count } = await asSystem(async (tx) => {
			const [o] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const [n] = await tx
				.select()
				.from(initiatives)
				.where(and(eq(initiatives.consortiumId, o!.id), eq(initiatives.title, 'Nattlig tillsyn via kamera')));
			const ids = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
			return {
				ostergotland: o!,
				night: n!,
				count: (await tx.select().from(statusReports)).length,
				person: (email: string) => ({ id: ids.get(email)!, isOperator: false })
			};
		});
		expect(count).toBe(3);
		const admin = person('admin@samsyn.demo');
		const [submitted, red] = await withUser(admin, async (tx) => [
			await submittedSince(tx, ostergotland.id, null),
			await initiativesWithRedRow(tx, ostergotland.id)
		]);
		expect(submitted.map((r) => [r.scopeTitle, r.hasRed])).toEqual([
			['Nattlig tillsyn via kamera', false],
			['Nattlig tillsyn via kamera', false],
			['Nattlig tillsyn via kamera', true]
		]);
		expect(red).toEqual([{ initiativeId: night.id, reportId: submitted[2]!.id, redRows: ['budget'] }]);
		const latest = await statusReportPage(person('observator@samsyn.demo'), ostergotland.id, submitted[2]!.id);
		expect(latest.report.acknowledgedAt).toBeNull();
		expect(latest.trend.rows.map((r) => [r.kind, r.lights])).toEqual([
			['budget', ['green', 'green', 'red']],
			['time', ['green', 'yellow', 'yellow']],
			['staff', ['green', 'green', 'green']]
		]);
		const budget = await budgetPage(admin, ostergotland.id, null);
		expect(budget.categories.length).toBeGreaterThanOrEqual(3);
		expect(budget.categories.every((c) => c.budget > 0 && c.outcome > 0)).toBe(true);
		// The admin's home page lists the latest report, not yet noted; the author has no draft left.
		const home = await attentionFor(admin, ostergotland.id);
		expect(home?.kind === 'internal' && home.unreadReports.map((r) => r.id)).toEqual([submitted[2]!.id]);
		const author = await attentionFor(person('ombud.linkoping@samsyn.demo'), ostergotland.id);
		expect(author?.kind === 'internal' && [author.draftReports, author.unreadReports]).toEqual([[], []]);
		// The supplier sees none of it.
		await expect(budgetPage(person('leverantor@samsyn.demo'), ostergotland.id, null)).rejects.toThrow();
	});
});
