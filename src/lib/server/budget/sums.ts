import type { RawTable } from '../imports/parse';

/*
 * Reading a cost table (Kostnadsslag × years, as in a project plan) and checking its sums. The first
 * column names the category; each further column is a year; a column headed TOTAL (Totalt, Summa)
 * states each row's total, and a row named so states each column's total. Stated totals are checked
 * against the sums of the periods and never stored: the periods are the data.
 */

/** Amounts larger than this (kronor) are refused: beyond any consortium's budget, and within bigint. */
export const MAX_AMOUNT = 1_000_000_000_000;

const TOTAL = /^(total|totalt|summa|sum|totalsumma)$/i;
const YEAR = /^\d{4}$/;
/** A dash (or nothing) means no amount: 0 in sums, nothing stored. */
const NOTHING = /^[-–—]?$/;

export type CellCode = 'required' | 'not_a_number' | 'not_a_whole_number' | 'budget_amount_negative' | 'too_big' | 'budget_category_duplicate' | 'column_count';

export interface CellProblem {
	/** The row as a spreadsheet numbers it (the heading is 1). */
	line: number;
	/** The column's heading. */
	column: string;
	value: string;
	code: CellCode;
}

/** A stated total that is not the sum of what it totals. */
export interface SumProblem {
	line: number;
	/** `row`: a row's TOTAL against its periods; `column`: the total row against a column's rows. */
	kind: 'row' | 'column';
	/** The row's category (kind `row`) or the column's heading (kind `column`). */
	label: string;
	expected: number;
	stated: number;
	difference: number;
}

export interface BudgetTableLine {
	line: number;
	category: string;
	/** One amount per period; null where the table has none (`-` or blank). */
	amounts: (number | null)[];
}

export interface CheckedBudgetTable {
	periods: number[];
	lines: BudgetTableLine[];
	cellProblems: CellProblem[];
	sumProblems: SumProblem[];
}

/** Why a table cannot be read as a cost table at all. */
export class BudgetTableRefused extends Error {
	constructor(
		readonly code: 'budget_import_no_periods' | 'budget_import_period_invalid',
		readonly column = ''
	) {
		super(code);
		this.name = 'BudgetTableRefused';
	}
}

type Parsed = { ok: true; value: number | null } | { ok: false; code: CellCode };

/** An amount as people type it: `1 200`, `1200`, `-` (none); negative, fractional and other text refused. */
export function parseAmount(text: string): Parsed {
	const t = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(kr|sek)$/i, '');
	if (NOTHING.test(t)) return { ok: true, value: null };
	if (!/^[-−]?\d+([.,]\d+)?$/.test(t)) return { ok: false, code: 'not_a_number' };
	const value = Number(t.replace('−', '-').replace(',', '.'));
	if (value < 0) return { ok: false, code: 'budget_amount_negative' };
	if (!Number.isInteger(value)) return { ok: false, code: 'not_a_whole_number' };
	if (value > MAX_AMOUNT) return { ok: false, code: 'too_big' };
	return { ok: true, value };
}

/** Reads a cost table and checks its stated totals; refuses one without year columns. */
export function checkBudgetTable(table: RawTable): CheckedBudgetTable {
	const headings = table.headings.map((h) => h.trim());
	const totalColumn = headings.findIndex((h, i) => i > 0 && TOTAL.test(h));
	const periodColumns = headings.map((h, i) => ({ h, i })).filter(({ h, i }) => i > 0 && i !== totalColumn && h !== '');
	if (periodColumns.length === 0) throw new BudgetTableRefused('budget_import_no_periods');
	const invalid = periodColumns.find(({ h }) => !YEAR.test(h) || Number(h) < 1900 || Number(h) > 2999);
	if (invalid) throw new BudgetTableRefused('budget_import_period_invalid', invalid.h);
	const periods = periodColumns.map(({ h }) => Number(h));

	const cellProblems: CellProblem[] = [];
	const sumProblems: SumProblem[] = [];
	const lines: BudgetTableLine[] = [];
	const seen = new Set<string>();
	let totalRow: { line: number; stated: (number | null)[]; statedTotal: number | null } | null = null;

	for (const row of table.rows) {
		const category = (row.cells[0] ?? '').replace(/\s+/g, ' ').trim();
		if (row.problem === 'column_count') {
			cellProblems.push({ line: row.line, column: headings[0] ?? '', value: category, code: 'column_count' });
			continue;
		}
		const read = (i: number): number | null | undefined => {
			const text = (row.cells[i] ?? '').trim();
			const parsed = parseAmount(text);
			if (parsed.ok) return parsed.value;
			cellProblems.push({ line: row.line, column: headings[i] ?? '', value: text, code: parsed.code });
			return undefined;
		};
		const amounts = periodColumns.map(({ i }) => read(i));
		const statedTotal = totalColumn > 0 ? read(totalColumn) : null;
		if (amounts.some((a) => a === undefined) || statedTotal === undefined) continue;
		const values = amounts as (number | null)[];
		if (TOTAL.test(category)) {
			totalRow = { line: row.line, stated: values, statedTotal };
			continue;
		}
		if (!category) {
			cellProblems.push({ line: row.line, column: headings[0] ?? '', value: '', code: 'required' });
			continue;
		}
		const key = category.toLocaleLowerCase('sv');
		if (seen.has(key)) {
			cellProblems.push({ line: row.line, column: headings[0] ?? '', value: category, code: 'budget_category_duplicate' });
			continue;
		}
		seen.add(key);
		const sum = values.reduce<number>((s, v) => s + (v ?? 0), 0);
		if (statedTotal !== null && statedTotal !== sum)
			sumProblems.push({ line: row.line, kind: 'row', label: category, expected: sum, stated: statedTotal, difference: statedTotal - sum });
		lines.push({ line: row.line, category, amounts: values });
	}

	if (totalRow) {
		periodColumns.forEach(({ h }, p) => {
			const stated = totalRow!.stated[p];
			if (stated === null || stated === undefined) return;
			const expected = lines.reduce((s, l) => s + (l.amounts[p] ?? 0), 0);
			if (stated !== expected) sumProblems.push({ line: totalRow!.line, kind: 'column', label: h, expected, stated, difference: stated - expected });
		});
		if (totalRow.statedTotal !== null) {
			const expected = lines.reduce((s, l) => s + l.amounts.reduce<number>((t, v) => t + (v ?? 0), 0), 0);
			if (totalRow.statedTotal !== expected)
				sumProblems.push({
					line: totalRow.line,
					kind: 'column',
					label: headings[totalColumn] ?? 'TOTAL',
					expected,
					stated: totalRow.statedTotal,
					difference: totalRow.statedTotal - expected
				});
		}
	}
	return { periods, lines, cellProblems, sumProblems };
}
