/**
 * Pages of uneven size for views whose cost is in what they draw (a matrix's cells, a roadmap's
 * bars), not in how many rows they have: consecutive items go on one page until their weights
 * would pass the budget. An item heavier than the budget gets a page of its own, so nothing is
 * ever left out.
 */
export function pagesByWeight<T>(items: readonly T[], weight: (item: T) => number, budget: number): T[][] {
	const pages: T[][] = [];
	let current: T[] = [];
	let used = 0;
	for (const item of items) {
		const w = Math.max(1, weight(item));
		if (current.length > 0 && used + w > budget) {
			pages.push(current);
			current = [];
			used = 0;
		}
		current.push(item);
		used += w;
	}
	if (current.length > 0) pages.push(current);
	return pages;
}

/** The page asked for (1-based), kept within the pages there are; 1 when there are none. */
export const pageWithin = (asked: number | undefined, pages: number): number => Math.min(Math.max(1, asked ?? 1), Math.max(1, pages));

/** What a page link says: its first and last names, or the one name when they are the same. */
export const spanLabel = (first: string, last: string): string => (first === last ? first : `${first} – ${last}`);
