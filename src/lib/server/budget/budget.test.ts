import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { NotFound } from '../errors';
import { fieldErrors } from '../form-action';
import { Forbidden, type Role } from '../policy';
import { importBudget, saveBudgetLine } from './commands';
import { budgetPage } from './queries';
import { BudgetImportInput, BudgetLineInput } from './schemas';

useFreshDatabase();

async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const org = await buildOrganisation(tx, consortium.id);
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const people = {} as Record<Role, { id: string; isOperator: boolean }>;
		for (const [role, organisationId] of [
			['member', org.id],
			['observer', org.id],
			['supplier', supplierOrg.id]
		] as const) {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId: consortium.id, userId: user.id, organisationId, role });
			people[role] = { id: user.id, isOperator: false };
		}
		return { consortium, people };
	});
}

const csv = (text: string) => ({ bytes: new TextEncoder().encode(text), fileName: 'budget.csv' });
const seed003 =
	'Kostnadsslag;2018;2019;2020;TOTAL\nUppskattade kostnader;130;150;90;370\nSvårestimerade kostnader;-;75;125;200\nKostnadspåslag för vikarier;-;5;5;15\n';

describe('the budget', () => {
	it('is the internal members’: the supplier gets NotFound, an observer reads but may not write', async () => {
		const w = await world();
		const line = BudgetLineInput.parse({ category: 'Licenser', year: '2026', budget: '100 000' });
		await expect(saveBudgetLine(w.people.supplier, w.consortium.id, line)).rejects.toBeInstanceOf(NotFound);
		await expect(budgetPage(w.people.supplier, w.consortium.id, null)).rejects.toBeInstanceOf(NotFound);
		await expect(saveBudgetLine(w.people.observer, w.consortium.id, line)).rejects.toBeInstanceOf(Forbidden);
		await saveBudgetLine(w.people.member, w.consortium.id, line);
		await saveBudgetLine(w.people.member, w.consortium.id, BudgetLineInput.parse({ category: 'Licenser', year: '2026', budget: '100000', outcome: '120000' }));
		const page = await budgetPage(w.people.observer, w.consortium.id, null);
		expect(page.canEdit).toBe(false);
		expect(page.categories).toEqual([
			{ category: 'Licenser', years: { 2026: expect.objectContaining({ budget: 100_000, outcome: 120_000 }) }, budget: 100_000, outcome: 120_000 }
		]);
	});

	it('refuses negative, fractional and non-numeric amounts with a message key', () => {
		const errors = (input: Record<string, string>) => {
			const parsed = BudgetLineInput.safeParse({ category: 'A', year: '2026', ...input });
			return parsed.success ? {} : fieldErrors(parsed.error, BudgetLineInput);
		};
		expect(errors({ budget: '-5' })).toMatchObject({ budget: { key: 'budget_amount_negative' } });
		expect(errors({ budget: 'tio' })).toMatchObject({ budget: { key: 'not_a_number' } });
		expect(errors({ outcome: '1,5' })).toMatchObject({ outcome: { key: 'not_a_whole_number' } });
		expect(errors({})).toMatchObject({ budget: { key: 'budget_amount_required' } });
		expect(errors({ year: '20x6', budget: '1' })).toMatchObject({ year: { key: 'not_a_number' } });
	});

	it('stores nothing from seed 003’s table until its sums add up, or the person chooses to ignore the stated totals', async () => {
		const w = await world();
		const input = (ignoreTotals: boolean) => BudgetImportInput.parse({ column: 'budget', ...(ignoreTotals ? { ignoreTotals: 'on' } : {}) });
		const refused = await importBudget(w.people.member, w.consortium.id, input(false), csv(seed003));
		expect(refused).toEqual({
			ok: false,
			cellProblems: [],
			sumProblems: [{ line: 4, kind: 'row', label: 'Kostnadspåslag för vikarier', expected: 10, stated: 15, difference: 5 }]
		});
		expect((await budgetPage(w.people.member, w.consortium.id, null)).categories).toEqual([]);
		const fixed = await importBudget(w.people.member, w.consortium.id, input(false), csv(seed003.replace(';5;5;15', ';5;5;10')));
		expect(fixed).toEqual({ ok: true, imported: 7, periods: [2018, 2019, 2020], ignoredTotals: 0 });
		const ignored = await importBudget(w.people.member, w.consortium.id, input(true), csv(seed003));
		expect(ignored).toMatchObject({ ok: true, imported: 7, ignoredTotals: 1 });
		const outcome = await importBudget(
			w.people.member,
			w.consortium.id,
			BudgetImportInput.parse({ column: 'outcome' }),
			csv('Kostnadsslag;2018\nUppskattade kostnader;140\n')
		);
		expect(outcome).toMatchObject({ ok: true, imported: 1 });
		const page = await budgetPage(w.people.member, w.consortium.id, null);
		expect(page.categories.map((c) => [c.category, c.budget, c.outcome])).toEqual([
			['Kostnadspåslag för vikarier', 10, 0],
			['Svårestimerade kostnader', 200, 0],
			['Uppskattade kostnader', 370, 140]
		]);
		await expect(importBudget(w.people.member, w.consortium.id, input(false), csv('Kostnadsslag;Q1\nA;1\n'))).rejects.toMatchObject({
			key: 'budget_import_period_invalid',
			field: 'file'
		});
	});
});

describe('the budget from a spreadsheet', () => {
	it('reads an XLSX cost table as it reads a CSV one, sums checked the same way', async () => {
		const ExcelJS = (await import('exceljs')).default;
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Kostnader');
		sheet.addRows([
			['Kostnadsslag', 2018, 2019, 2020, 'TOTAL'],
			['Uppskattade kostnader', 130, 150, 90, 370],
			['Svårestimerade kostnader', '-', 75, 125, 200],
			['Kostnadspåslag för vikarier', '-', 5, 5, 15]
		]);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const w = await world();
		const refused = await importBudget(w.people.member, w.consortium.id, BudgetImportInput.parse({ column: 'budget' }), { bytes, fileName: 'budget.xlsx' });
		expect(refused).toMatchObject({ ok: false, sumProblems: [{ label: 'Kostnadspåslag för vikarier', expected: 10, stated: 15, difference: 5 }] });
	});
});
