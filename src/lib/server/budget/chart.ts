import type { ChartData } from '$lib/charts';
import { renderChart } from '../charts/render';
import type { BudgetCategory } from './queries';

export interface BudgetChartWords {
	budget: string;
	outcome: string;
	category: string;
	/** The text alternative, given the number of categories and the totals. */
	summary: (figures: { categories: number; budget: string; outcome: string }) => string;
	/** An amount as the reader writes it. */
	amount: (n: number) => string;
}

/** Budget against outcome per category, summed over the years, as a bar chart with its text alternative and table. */
export function budgetChart(categories: BudgetCategory[], words: BudgetChartWords): ChartData | null {
	if (categories.length === 0) return null;
	const svg = renderChart({
		kind: 'bar',
		categories: categories.map((c) => c.category),
		series: [
			{ name: words.budget, values: categories.map((c) => c.budget) },
			{ name: words.outcome, values: categories.map((c) => c.outcome) }
		],
		yMin: 0
	});
	const budget = categories.reduce((s, c) => s + c.budget, 0);
	const outcome = categories.reduce((s, c) => s + c.outcome, 0);
	return {
		svg,
		summary: words.summary({ categories: categories.length, budget: words.amount(budget), outcome: words.amount(outcome) }),
		columns: [words.category, words.budget, words.outcome],
		rows: categories.map((c) => [c.category, words.amount(c.budget), words.amount(c.outcome)])
	};
}
