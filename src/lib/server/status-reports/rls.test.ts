import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { budgetLines, statusReportRows, statusReports } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import type { Role } from '../policy';
import { saveBudgetLine } from '../budget/commands';
import { BudgetLineInput } from '../budget/schemas';
import { createStatusReport, submitStatusReport } from './commands';
import { StatusReportInput } from './schemas';

useFreshDatabase();

async function world() {
	const w = await asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const org = await buildOrganisation(tx, consortium.id);
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const people = {} as Record<Role | 'member2' | 'outsider', { id: string; isOperator: boolean }>;
		const add = async (key: keyof typeof people, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		for (const role of ['admin', 'representative', 'member', 'observer'] as const) await add(role, org.id, role);
		await add('member2', org.id, 'member');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		return { consortium, people };
	});
	const draft = await createStatusReport(w.people.member, w.consortium.id, StatusReportInput.parse({ period: '2026-01' }));
	const submitted = await createStatusReport(w.people.member, w.consortium.id, StatusReportInput.parse({ period: '2026-02' }));
	await submitStatusReport(w.people.member, w.consortium.id, submitted.id, submitted.version);
	await saveBudgetLine(w.people.member, w.consortium.id, BudgetLineInput.parse({ category: 'Projektledning', year: '2026', budget: '100000' }));
	return { ...w, draft, submitted };
}

const everything = (tx: Parameters<Parameters<typeof withUser>[1]>[0]) =>
	Promise.all([tx.select().from(statusReports), tx.select().from(statusReportRows), tx.select().from(budgetLines)]).then(([reports, rows, lines]) => ({
		reports,
		rows,
		lines
	}));

describe('row-level security on status reports and the budget: what each role can reach with SQL of its own', () => {
	it('shows the supplier and someone of another consortium nothing; internal members everything', async () => {
		const w = await world();
		for (const who of [w.people.supplier, w.people.outsider]) {
			const seen = await withUser(who, everything);
			expect(Object.values(seen).every((rows) => rows.length === 0)).toBe(true);
		}
		const internal = await withUser(w.people.observer, everything);
		expect(internal.reports).toHaveLength(2);
		expect(internal.rows).toHaveLength(6);
		expect(internal.lines).toHaveLength(1);
	});

	it('refuses writes straight into the tables that the policy refuses', async () => {
		const w = await world();
		const changedBy = async (who: { id: string }, id: string, set: Partial<typeof statusReports.$inferInsert>) =>
			(await withUser(who, (tx) => tx.update(statusReports).set(set).where(eq(statusReports.id, id)).returning())).length;
		// Another member may not change someone else's draft; the supplier and an observer nothing.
		expect(await changedBy(w.people.member2, w.draft.id, { summary: 'ändrat' })).toBe(0);
		expect(await changedBy(w.people.observer, w.draft.id, { summary: 'ändrat' })).toBe(0);
		expect(await changedBy(w.people.supplier, w.draft.id, { summary: 'ändrat' })).toBe(0);
		expect(await changedBy(w.people.member, w.draft.id, { summary: 'ändrat' })).toBe(1);
		// A submitted report's rows are locked, even for its author and an admin.
		const rowsChanged = async (who: { id: string }) =>
			(await withUser(who, (tx) => tx.update(statusReportRows).set({ light: 'red' }).where(eq(statusReportRows.reportId, w.submitted.id)).returning())).length;
		expect(await rowsChanged(w.people.member)).toBe(0);
		expect(await rowsChanged(w.people.admin)).toBe(0);
		// The supplier may not write a report or a budget line of its own.
		await expect(
			withUser(w.people.supplier, (tx) => tx.insert(statusReports).values({ consortiumId: w.consortium.id, period: '2026-05', authorId: w.people.supplier.id }))
		).rejects.toThrow();
		await expect(
			withUser(w.people.observer, (tx) => tx.insert(budgetLines).values({ consortiumId: w.consortium.id, category: 'Smuggel', year: 2026, budget: 1 }))
		).rejects.toThrow();
	});
});
