import { describe, expect, it } from 'vitest';
import { parseCsv } from '../imports/parse';
import { BudgetTableRefused, checkBudgetTable, parseAmount } from './sums';

/** Seed 003's cost table (Figur 7), as a project plan states it, rows that do not add up included. */
const seed003 = [
	'Kostnadsslag;2018;2019;2020;TOTAL',
	'Uppskattade kostnader;130;150;90;370',
	'Svårestimerade kostnader;-;75;125;200',
	'Kostnadspåslag för vikarier;-;5;5;15'
].join('\n');

describe('checking a cost table’s sums', () => {
	it('reports seed 003’s surcharge for substitutes: 10 stated as 15', () => {
		const checked = checkBudgetTable(parseCsv(seed003));
		expect(checked.periods).toEqual([2018, 2019, 2020]);
		expect(checked.cellProblems).toEqual([]);
		expect(checked.sumProblems).toEqual([{ line: 4, kind: 'row', label: 'Kostnadspåslag för vikarier', expected: 10, stated: 15, difference: 5 }]);
		expect(checked.lines.map((l) => [l.category, l.amounts])).toEqual([
			['Uppskattade kostnader', [130, 150, 90]],
			['Svårestimerade kostnader', [null, 75, 125]],
			['Kostnadspåslag för vikarier', [null, 5, 5]]
		]);
	});

	it('checks a total row against the column sums, and its TOTAL against the grand total', () => {
		const checked = checkBudgetTable(parseCsv([seed003, 'TOTAL;130;225;215;570'].join('\n')));
		expect(checked.sumProblems.filter((p) => p.kind === 'column')).toEqual([
			{ line: 5, kind: 'column', label: '2019', expected: 230, stated: 225, difference: -5 },
			{ line: 5, kind: 'column', label: '2020', expected: 220, stated: 215, difference: -5 },
			{ line: 5, kind: 'column', label: 'TOTAL', expected: 580, stated: 570, difference: -10 }
		]);
	});

	it('finds every row of the full seed table that does not add up', () => {
		const table = [
			'Kostnadsslag,2018,2019,2020,TOTAL',
			'"Krav, anskaffning & leverantörsstyrning",20,20,5,85',
			'Arkitektur & teknik,20,10,10,40',
			'Initial investering – teknik,45,75,25,105',
			'Datatvätt,-,15,10,20',
			'Certifiering av medarbetare,-,0,5,5'
		].join('\n');
		const checked = checkBudgetTable(parseCsv(table));
		expect(checked.sumProblems.map((p) => [p.label, p.expected, p.stated, p.difference])).toEqual([
			['Krav, anskaffning & leverantörsstyrning', 45, 85, 40],
			['Initial investering – teknik', 145, 105, -40],
			['Datatvätt', 25, 20, -5]
		]);
	});

	it('accepts a table without totals, and refuses unreadable amounts cell by cell', () => {
		const checked = checkBudgetTable(parseCsv('Kostnadsslag;2025;2026\nLicenser;1 200;-\nUtbildning;-5;abc\nKonsulter;10,5;3\nLicenser;1;1'));
		expect(checked.sumProblems).toEqual([]);
		expect(checked.cellProblems.map((p) => [p.line, p.column, p.code])).toEqual([
			[3, '2025', 'budget_amount_negative'],
			[3, '2026', 'not_a_number'],
			[4, '2025', 'not_a_whole_number'],
			[5, 'Kostnadsslag', 'budget_category_duplicate']
		]);
		expect(checked.lines[0]).toMatchObject({ category: 'Licenser', amounts: [1200, null] });
	});

	it('refuses a table whose columns are not years', () => {
		expect(() => checkBudgetTable(parseCsv('Kostnadsslag;TOTAL\nA;1'))).toThrow(BudgetTableRefused);
		expect(() => checkBudgetTable(parseCsv('Kostnadsslag;2025;Q1\nA;1;2'))).toThrowError(
			expect.objectContaining({ code: 'budget_import_period_invalid', column: 'Q1' })
		);
	});

	it('reads amounts as people type them', () => {
		expect(parseAmount('1 500 000')).toEqual({ ok: true, value: 1_500_000 });
		expect(parseAmount('–')).toEqual({ ok: true, value: null });
		expect(parseAmount('')).toEqual({ ok: true, value: null });
		expect(parseAmount('12 kr')).toEqual({ ok: true, value: 12 });
		expect(parseAmount('-1')).toEqual({ ok: false, code: 'budget_amount_negative' });
		expect(parseAmount('10%')).toEqual({ ok: false, code: 'not_a_number' });
	});
});
