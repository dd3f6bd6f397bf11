import { and, asc, eq, isNull } from 'drizzle-orm';
import { withUser } from '../db/request';
import { budgetLines, initiatives } from '../db/schema';
import { NotFound } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { can } from '../policy';

export interface BudgetCell {
	id: string;
	budget: number | null;
	outcome: number | null;
}

export interface BudgetCategory {
	category: string;
	/** By year; a year the category has no line for is missing. */
	years: Record<number, BudgetCell>;
	budget: number;
	outcome: number;
}

/**
 * The budget against outcome of the consortium (or, with `initiativeId`, of one initiative): each
 * category's budget and outcome per year and in total, the years, and what the person may do.
 * The supplier gets NotFound.
 */
export async function budgetPage(person: Who, consortiumId: string, initiativeId: string | null) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const choices = await tx
			.select({ id: initiatives.id, title: initiatives.title })
			.from(initiatives)
			.where(eq(initiatives.consortiumId, consortiumId))
			.orderBy(asc(initiatives.number));
		const initiative = initiativeId ? choices.find((c) => c.id === initiativeId) : null;
		if (initiativeId && !initiative) throw new NotFound();
		const lines = await tx
			.select()
			.from(budgetLines)
			.where(
				initiativeId
					? and(eq(budgetLines.consortiumId, consortiumId), eq(budgetLines.initiativeId, initiativeId))
					: and(eq(budgetLines.consortiumId, consortiumId), isNull(budgetLines.initiativeId))
			)
			.orderBy(asc(budgetLines.year));
		const years = [...new Set(lines.map((l) => l.year))].sort((a, b) => a - b);
		const byCategory = new Map<string, BudgetCategory>();
		for (const l of lines) {
			const entry = byCategory.get(l.category) ?? { category: l.category, years: {}, budget: 0, outcome: 0 };
			entry.years[l.year] = { id: l.id, budget: l.budget, outcome: l.outcome };
			entry.budget += l.budget ?? 0;
			entry.outcome += l.outcome ?? 0;
			byCategory.set(l.category, entry);
		}
		const categories = [...byCategory.values()].sort((a, b) => a.category.localeCompare(b.category, 'sv'));
		return {
			initiative: initiative ?? null,
			initiatives: choices,
			years,
			categories,
			totals: {
				budget: categories.reduce((s, c) => s + c.budget, 0),
				outcome: categories.reduce((s, c) => s + c.outcome, 0)
			},
			canEdit: can(actor, 'content.write', { consortiumId })
		};
	});
}
