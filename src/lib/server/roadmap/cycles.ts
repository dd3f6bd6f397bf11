/**
 * Dependencies between initiatives: `from` starts after `to` has finished. A new edge that would
 * close a loop (A after B after … after A) can never be planned, so the commands refuse it; this
 * finds the loop it would close, to name it in the refusal.
 */
export interface Edge {
	initiativeId: string;
	dependsOnId: string;
}

/** The chain from `dependsOnId` back to `initiativeId` that the new edge would close, or null. */
export function cycleThrough(edges: readonly Edge[], initiativeId: string, dependsOnId: string): string[] | null {
	if (initiativeId === dependsOnId) return [initiativeId];
	const after = new Map<string, string[]>();
	for (const e of edges) after.set(e.initiativeId, [...(after.get(e.initiativeId) ?? []), e.dependsOnId]);
	// Walk what `dependsOnId` waits for; reaching `initiativeId` means the new edge closes a loop.
	const seen = new Set<string>([dependsOnId]);
	const queue: string[][] = [[dependsOnId]];
	while (queue.length > 0) {
		const path = queue.shift()!;
		for (const next of after.get(path[path.length - 1]!) ?? []) {
			if (next === initiativeId) return [initiativeId, ...path, initiativeId];
			if (!seen.has(next)) {
				seen.add(next);
				queue.push([...path, next]);
			}
		}
	}
	return null;
}
