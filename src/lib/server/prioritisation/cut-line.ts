import type { ItemStanding } from './ranking';

/**
 * The proposed MVP cut line (issue 11), pure: down the combined ranking, items go above the line while
 * their estimates (story points or budget, from the supplier) fit in the capacity. The line is one
 * cut, not a packing: the first item that does not fit, and everything after it, is below, so a
 * smaller item further down never jumps the queue past a bigger one the members put first. An item
 * without an estimate stops the line too: the capacity it would take is unknown.
 *
 * Each item carries its reason in data (the page puts it in words): above the line, how many
 * organisations said Måste of the whole number that submitted, or its place when none did; below,
 * that the capacity does not stretch (with what the first such item needs and what is left), or that
 * it has no estimate.
 */
export type CutReason =
	| { kind: 'must'; count: number; of: number }
	| { kind: 'fits'; place: number }
	| { kind: 'capacity'; needs: number; left: number }
	| { kind: 'after_capacity' }
	| { kind: 'no_estimate' }
	| { kind: 'after_no_estimate' };

export interface CutItem {
	itemId: string;
	above: boolean;
	/** Sum of the estimates of this item and all above it in the ranking (null once one is missing). */
	cumulative: number | null;
	reason: CutReason;
}

export interface CutLine {
	/** How many items, from the top of the combined ranking, are above the line. */
	above: number;
	/** Capacity taken by the items above, and what is left. */
	used: number;
	left: number;
	items: CutItem[];
}

/**
 * Draws the proposed line over `standings` (in ranking order, best first) for `capacity`; `estimates`
 * by item (a missing or null estimate is unknown), `organisations` the number that submitted.
 */
export function proposeCutLine(
	standings: readonly Pick<ItemStanding, 'itemId' | 'place' | 'mix'>[],
	estimates: ReadonlyMap<string, number | null>,
	capacity: number,
	organisations: number
): CutLine {
	if (!Number.isFinite(capacity) || capacity < 0) throw new RangeError('capacity must be a number of at least 0');
	const items: CutItem[] = [];
	let used = 0;
	let cumulative: number | null = 0;
	let stopped: 'capacity' | 'no_estimate' | null = null;
	for (const standing of standings) {
		const estimate = estimates.get(standing.itemId) ?? null;
		if (estimate !== null && (!Number.isFinite(estimate) || estimate < 0)) throw new RangeError(`estimate of ${standing.itemId} must be at least 0`);
		cumulative = cumulative === null || estimate === null ? null : cumulative + estimate;
		if (stopped) {
			items.push({ itemId: standing.itemId, above: false, cumulative, reason: { kind: stopped === 'capacity' ? 'after_capacity' : 'after_no_estimate' } });
			continue;
		}
		if (estimate === null) {
			stopped = 'no_estimate';
			items.push({ itemId: standing.itemId, above: false, cumulative, reason: { kind: 'no_estimate' } });
			continue;
		}
		if (used + estimate > capacity) {
			stopped = 'capacity';
			items.push({ itemId: standing.itemId, above: false, cumulative, reason: { kind: 'capacity', needs: estimate, left: capacity - used } });
			continue;
		}
		used += estimate;
		const must = standing.mix.must;
		items.push({
			itemId: standing.itemId,
			above: true,
			cumulative,
			reason: must > 0 ? { kind: 'must', count: must, of: organisations } : { kind: 'fits', place: standing.place }
		});
	}
	return { above: items.filter((i) => i.above).length, used, left: capacity - used, items };
}
