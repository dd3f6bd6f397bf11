/** How the roadmap groups its initiatives into swimlanes: by category, by municipality taking part, or by current phase. */
export type LaneMode = 'category' | 'municipality' | 'phase';

export interface LaneItem {
	owner: { id: string; name: string };
	participants: { id: string; name: string }[];
	category: { id: string; name: string; position: number } | null;
	currentPhase: number;
	phases: { position: number; name: string }[];
}

/**
 * The swimlanes, in order: categories by their position, municipalities and phases by name (phases
 * by position first). An initiative appears in the lane of each municipality taking part; with
 * `only`, in that municipality's lane alone. `none` names the lane of what has no category or phase.
 */
export function lanesOf<T extends LaneItem>(
	items: readonly T[],
	mode: LaneMode,
	none: { category: string; phase: string },
	only?: { id: string; name: string } | null
): { key: string; name: string; initiatives: T[] }[] {
	const lanes = new Map<string, { key: string; name: string; order: string; initiatives: T[] }>();
	const put = (key: string, name: string, order: string, item: T) => {
		const lane = lanes.get(key) ?? { key, name, order, initiatives: [] };
		lane.initiatives.push(item);
		lanes.set(key, lane);
	};
	for (const i of items) {
		if (mode === 'municipality') {
			const who = only ? [only] : [i.owner, ...i.participants.filter((p) => p.id !== i.owner.id)];
			for (const o of who) put(o.id, o.name, o.name, i);
		} else if (mode === 'phase') {
			const phase = i.phases.find((p) => p.position === i.currentPhase);
			put(phase?.name ?? '-', phase?.name ?? none.phase, `${String(i.currentPhase).padStart(2, '0')}${phase?.name ?? ''}`, i);
		} else if (i.category) put(i.category.id, i.category.name, String(i.category.position).padStart(4, '0'), i);
		else put('-', none.category, '9999', i);
	}
	return [...lanes.values()].sort((a, b) => a.order.localeCompare(b.order, 'sv')).map(({ key, name, initiatives }) => ({ key, name, initiatives }));
}
