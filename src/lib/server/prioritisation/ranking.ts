/**
 * The consortium's combined priority ranking (issue 11), pure: from each member organisation's
 * submission to one ranking, by a method the round names and shows on the page.
 *
 * - `borda`: each organisation's rank order gives an item as many points as items it ranked below it;
 *   items it ranked equal share (average) the points of their places; items it left out share the
 *   places below everything it ranked.
 * - `points`: the sum of the organisation's points (a 100-point allocation).
 * - `moscow`: Måste 3, Bör 2, Kan 1, Inte nu 0.
 *
 * Each method is computed with equal weight per organisation and weighted by population (an
 * organisation's weight is its share of the population of those who submitted; an unknown population
 * weighs 0). Disagreement is shown, not hidden: per item the spread of the organisations' ranks (min,
 * max, median, interquartile range) and the MoSCoW mix; over the round, Kendall's coefficient of
 * concordance W (0: no agreement, 1: every organisation ranks alike), with the correction for ties.
 */

export const moscowValues = ['must', 'should', 'could', 'wont'] as const;
export type Moscow = (typeof moscowValues)[number];
export type RankingMethod = 'borda' | 'points' | 'moscow';

export interface Submission {
	organisationId: string;
	population: number | null;
	/** Best first; an inner array holds items ranked equal. Items left out rank below all that are in. */
	order?: readonly (string | readonly string[])[];
	points?: Readonly<Record<string, number>>;
	moscow?: Readonly<Record<string, Moscow>>;
}

export interface ItemStanding {
	itemId: string;
	/** The method's score: equal weight per organisation (a sum), and by population (a population-weighted mean). */
	score: number;
	populationScore: number;
	/** 1-based place under each weighting; equal scores share the best place. */
	place: number;
	populationPlace: number;
	/** Where the two weightings put the item in different places. */
	weightingsDisagree: boolean;
	/** The organisations' own ranks of the item (1 = their first; ties averaged). */
	ranks: { min: number; max: number; median: number; q1: number; q3: number; iqr: number };
	mix: Record<Moscow, number>;
}

export interface CombinedRanking {
	method: RankingMethod;
	items: ItemStanding[];
	/** Items by disagreement, most first: interquartile range of ranks, then the full range. */
	toDiscuss: string[];
	/** Kendall's W over the organisations' rankings, with the tie correction; null with fewer than two organisations or items. */
	kendallW: number | null;
	organisations: number;
}

const MOSCOW_SCORE: Record<Moscow, number> = { must: 3, should: 2, could: 1, wont: 0 };

/** The organisation's rank of each item (1 = best), equal items sharing the average of their places. */
export function ranksOf(submission: Submission, itemIds: readonly string[], method: RankingMethod): Map<string, number> {
	const groups: string[][] = [];
	const known = new Set(itemIds);
	if (method === 'points' && submission.points) {
		const byScore = new Map<number, string[]>();
		for (const id of itemIds) {
			const p = submission.points[id] ?? 0;
			byScore.set(p, [...(byScore.get(p) ?? []), id]);
		}
		for (const score of [...byScore.keys()].sort((a, b) => b - a)) groups.push(byScore.get(score)!);
	} else if (method === 'moscow' && submission.moscow) {
		for (const value of moscowValues) groups.push(itemIds.filter((id) => (submission.moscow![id] ?? 'wont') === value));
	} else {
		const seen = new Set<string>();
		for (const entry of submission.order ?? []) {
			const group = (typeof entry === 'string' ? [entry] : [...entry]).filter((id) => known.has(id) && !seen.has(id));
			group.forEach((id) => seen.add(id));
			if (group.length) groups.push(group);
		}
		const rest = itemIds.filter((id) => !seen.has(id));
		if (rest.length) groups.push(rest);
	}
	const ranks = new Map<string, number>();
	let next = 1;
	for (const group of groups) {
		if (group.length === 0) continue;
		const average = next + (group.length - 1) / 2;
		for (const id of group) ranks.set(id, average);
		next += group.length;
	}
	return ranks;
}

function scoreOf(submission: Submission, itemId: string, ranks: Map<string, number>, n: number, method: RankingMethod): number {
	if (method === 'points') return submission.points?.[itemId] ?? 0;
	if (method === 'moscow') return MOSCOW_SCORE[submission.moscow?.[itemId] ?? 'wont'];
	return n - ranks.get(itemId)!; // Borda: the places below it (ties share them)
}

/** Quantile by linear interpolation between closest ranks (the method spreadsheets call QUARTILE.INC). */
export function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return 0;
	const position = (sorted.length - 1) * q;
	const low = Math.floor(position);
	const high = Math.ceil(position);
	return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

function places(scores: Map<string, number>): Map<string, number> {
	const sorted = [...scores.values()].sort((a, b) => b - a);
	return new Map([...scores].map(([id, s]) => [id, sorted.findIndex((x) => x === s) + 1]));
}

/**
 * Kendall's W for m rankings of n items: 12·S / (m²(n³ − n) − m·ΣT), S the sum of squared deviations
 * of the items' rank sums from their mean, T = Σ(t³ − t) over each ranking's groups of t tied items.
 */
export function kendallW(rankings: readonly Map<string, number>[], itemIds: readonly string[]): number | null {
	const m = rankings.length;
	const n = itemIds.length;
	if (m < 2 || n < 2) return null;
	const sums = itemIds.map((id) => rankings.reduce((sum, r) => sum + (r.get(id) ?? 0), 0));
	const mean = sums.reduce((a, b) => a + b, 0) / n;
	const s = sums.reduce((acc, x) => acc + (x - mean) ** 2, 0);
	let ties = 0;
	for (const r of rankings) {
		const counts = new Map<number, number>();
		for (const id of itemIds) counts.set(r.get(id)!, (counts.get(r.get(id)!) ?? 0) + 1);
		for (const t of counts.values()) ties += t ** 3 - t;
	}
	const denominator = m * m * (n ** 3 - n) - m * ties;
	return denominator === 0 ? null : (12 * s) / denominator;
}

/** Combines the organisations' submissions by `method`, with both weightings and the disagreement shown. */
export function combine(itemIds: readonly string[], submissions: readonly Submission[], method: RankingMethod): CombinedRanking {
	const n = itemIds.length;
	const rankings = submissions.map((s) => ranksOf(s, itemIds, method));
	const totalPopulation = submissions.reduce((sum, s) => sum + Math.max(0, s.population ?? 0), 0);
	const equal = new Map<string, number>();
	const weighted = new Map<string, number>();
	for (const id of itemIds) {
		let sum = 0;
		let weightedSum = 0;
		submissions.forEach((s, i) => {
			const score = scoreOf(s, id, rankings[i]!, n, method);
			sum += score;
			weightedSum += totalPopulation > 0 ? (score * Math.max(0, s.population ?? 0)) / totalPopulation : 0;
		});
		equal.set(id, sum);
		weighted.set(id, weightedSum);
	}
	const equalPlaces = places(equal);
	const weightedPlaces = places(weighted);
	const items: ItemStanding[] = itemIds.map((id) => {
		const ranks = rankings.map((r) => r.get(id)!).sort((a, b) => a - b);
		const q1 = quantile(ranks, 0.25);
		const q3 = quantile(ranks, 0.75);
		const mix = { must: 0, should: 0, could: 0, wont: 0 } as Record<Moscow, number>;
		for (const s of submissions) if (s.moscow?.[id]) mix[s.moscow[id]]++;
		return {
			itemId: id,
			score: equal.get(id)!,
			populationScore: weighted.get(id)!,
			place: equalPlaces.get(id)!,
			populationPlace: weightedPlaces.get(id)!,
			weightingsDisagree: equalPlaces.get(id) !== weightedPlaces.get(id),
			ranks: { min: ranks[0] ?? 0, max: ranks.at(-1) ?? 0, median: quantile(ranks, 0.5), q1, q3, iqr: q3 - q1 },
			mix
		};
	});
	items.sort((a, b) => a.place - b.place || b.populationScore - a.populationScore || itemIds.indexOf(a.itemId) - itemIds.indexOf(b.itemId));
	const toDiscuss = [...items].sort((a, b) => b.ranks.iqr - a.ranks.iqr || b.ranks.max - b.ranks.min - (a.ranks.max - a.ranks.min)).map((i) => i.itemId);
	return { method, items, toDiscuss, kendallW: kendallW(rankings, itemIds), organisations: submissions.length };
}
