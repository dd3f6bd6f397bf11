import { and, eq, isNull } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { advisoryLock } from '../db/locks';
import { withUser } from '../db/request';
import { budgetLines, initiatives } from '../db/schema';
import { CommandError, NotFound } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { authorize } from '../policy';
import { ImportRefused, readTable } from '../imports/parse';
import type { BudgetImportInput, BudgetLineInput } from './schemas';
import { BudgetTableRefused, checkBudgetTable, type CellProblem, type SumProblem } from './sums';

type BudgetLineRow = typeof budgetLines.$inferSelect;

async function checkInitiative(tx: Transaction, consortiumId: string, initiativeId: string | null) {
	if (!initiativeId) return;
	const [found] = await tx
		.select({ id: initiatives.id })
		.from(initiatives)
		.where(and(eq(initiatives.id, initiativeId), eq(initiatives.consortiumId, consortiumId)));
	if (!found) throw new CommandError('invalid_choice', 'initiativeId', 422);
}

const scopeOf = (consortiumId: string, initiativeId: string | null) =>
	initiativeId ? eq(budgetLines.initiativeId, initiativeId) : and(eq(budgetLines.consortiumId, consortiumId), isNull(budgetLines.initiativeId));

/**
 * Sets a category's budget and/or outcome for a year, leaving an amount not given as it was; in the
 * caller's transaction, which holds the scope's lock (the commands below, and the demo seed).
 */
export async function setBudgetAmountsIn(
	tx: Transaction,
	actorId: string | null,
	consortiumId: string,
	initiativeId: string | null,
	line: { category: string; year: number; budget?: number | null; outcome?: number | null }
): Promise<{ before: BudgetLineRow | null; after: BudgetLineRow }> {
	const category = line.category.replace(/\s+/g, ' ').trim();
	const [before] = await tx
		.select()
		.from(budgetLines)
		.where(and(scopeOf(consortiumId, initiativeId), eq(budgetLines.year, line.year), eq(budgetLines.category, category)));
	const amounts = {
		...(line.budget !== undefined ? { budget: line.budget } : {}),
		...(line.outcome !== undefined ? { outcome: line.outcome } : {})
	};
	if (before) {
		const [after] = await tx
			.update(budgetLines)
			.set({ ...amounts, updatedBy: actorId, updatedAt: new Date() })
			.where(eq(budgetLines.id, before.id))
			.returning();
		return { before, after: after! };
	}
	const [after] = await tx
		.insert(budgetLines)
		.values({ consortiumId, initiativeId, category, year: line.year, ...amounts, updatedBy: actorId })
		.returning();
	return { before: null, after: after! };
}

/** Saves one category's budget and outcome for a year (a writer's, `content.write`). */
export async function saveBudgetLine(person: Who, consortiumId: string, input: BudgetLineInput): Promise<BudgetLineRow> {
	return withUser(person, async (tx) => {
		authorize(await readerFor(tx, person, consortiumId), 'content.write', { consortiumId });
		const initiativeId = input.initiativeId ?? null;
		await checkInitiative(tx, consortiumId, initiativeId);
		await advisoryLock(tx, `budget:${consortiumId}:${initiativeId ?? 'own'}`);
		const { before, after } = await setBudgetAmountsIn(tx, person.id, consortiumId, initiativeId, {
			category: input.category,
			year: input.year,
			budget: input.budget ?? null,
			outcome: input.outcome ?? null
		});
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'budget.line_saved',
			entityType: 'budget',
			entityId: after.id,
			before,
			after,
			related: initiativeId ? [initiativeId] : []
		});
		return after;
	});
}

/** Removes one category's line for a year. */
export async function deleteBudgetLine(person: Who, consortiumId: string, lineId: string): Promise<void> {
	await withUser(person, async (tx) => {
		authorize(await readerFor(tx, person, consortiumId), 'content.write', { consortiumId });
		const [before] = await tx
			.delete(budgetLines)
			.where(and(eq(budgetLines.id, lineId), eq(budgetLines.consortiumId, consortiumId)))
			.returning();
		if (!before) throw new NotFound();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'budget.line_removed',
			entityType: 'budget',
			entityId: before.id,
			before,
			after: null,
			related: before.initiativeId ? [before.initiativeId] : []
		});
	});
}

export type BudgetImportOutcome =
	{ ok: true; imported: number; periods: number[]; ignoredTotals: number } | { ok: false; cellProblems: CellProblem[]; sumProblems: SumProblem[] };

/**
 * Imports a cost table (CSV or XLSX: a category column, one column per year, optionally a TOTAL
 * column and a total row) into the budget or the outcome column. Nothing is stored while a cell is
 * unreadable, nor while a stated total differs from its sum, unless `ignoreTotals` (then the periods
 * are imported and the stated totals, which are never stored, are ignored). Amounts given replace
 * those of the same category and year; a `-` leaves nothing.
 */
export async function importBudget(
	person: Who,
	consortiumId: string,
	input: BudgetImportInput,
	file: { bytes: Uint8Array; fileName: string }
): Promise<BudgetImportOutcome> {
	return withUser(person, async (tx) => {
		authorize(await readerFor(tx, person, consortiumId), 'content.write', { consortiumId });
		const initiativeId = input.initiativeId ?? null;
		await checkInitiative(tx, consortiumId, initiativeId);
		let checked: ReturnType<typeof checkBudgetTable>;
		try {
			checked = checkBudgetTable((await readTable(file.bytes, file.fileName, input.encoding)).table);
		} catch (e) {
			if (e instanceof BudgetTableRefused) throw new CommandError(e.code, 'file', 422, { column: e.column });
			if (e instanceof ImportRefused) {
				const { code, ...figures } = e.refusal;
				const params = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Array.isArray(v) ? v.join(' / ') : v]));
				throw new CommandError(`import_${code}`, 'file', 422, params as Record<string, string | number>);
			}
			throw e;
		}
		const { periods, lines, cellProblems, sumProblems } = checked;
		if (cellProblems.length || (sumProblems.length && !input.ignoreTotals)) return { ok: false, cellProblems, sumProblems };
		if (lines.length === 0) throw new CommandError('import_no_rows', 'file', 422);
		await advisoryLock(tx, `budget:${consortiumId}:${initiativeId ?? 'own'}`);
		let imported = 0;
		for (const line of lines) {
			for (const [p, amount] of line.amounts.entries()) {
				if (amount === null) continue;
				await setBudgetAmountsIn(tx, person.id, consortiumId, initiativeId, { category: line.category, year: periods[p]!, [input.column]: amount });
				imported++;
			}
		}
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'budget.imported',
			entityType: 'budget',
			entityId: initiativeId,
			before: null,
			after: {
				column: input.column,
				fileName: file.fileName,
				periods,
				categories: lines.map((l) => l.category),
				amounts: imported,
				ignoredTotals: sumProblems
			},
			related: initiativeId ? [initiativeId] : []
		});
		return { ok: true, imported, periods, ignoredTotals: sumProblems.length };
	});
}
