import { diffWords } from 'diff';
import type { SpecRequirement } from '../exports/spec';

/** The fields a comparison looks at, in the order a change lists them. */
export const comparedFields = [
	'title',
	'text',
	'rationale',
	'acceptanceCriteria',
	'obligation',
	'weight',
	'type',
	'subtype',
	'verification',
	'scope',
	'localOrganisations',
	'revision'
] as const;
export type ComparedField = (typeof comparedFields)[number];

/** Free-text fields get a word diff; the others are shown as before → after. */
const textFields: readonly ComparedField[] = ['title', 'text', 'rationale', 'acceptanceCriteria'];

export interface DiffPart {
	value: string;
	added?: boolean;
	removed?: boolean;
}

export interface FieldChange {
	field: ComparedField;
	before: string | number | null;
	after: string | number | null;
	/** Word-level diff, for free-text fields only. */
	parts?: DiffPart[];
}

export interface Comparison {
	added: SpecRequirement[];
	removed: SpecRequirement[];
	changed: { before: SpecRequirement; after: SpecRequirement; changes: FieldChange[] }[];
	unchanged: number;
}

const valueOf = (r: SpecRequirement, field: ComparedField): string | number | null =>
	field === 'localOrganisations' ? [...r.localOrganisations].sort().join(', ') : r[field];

/**
 * What changed between two baselines, requirement by requirement (matched by number, so K-007
 * in both is the same requirement even across revisions): added, removed, and changed with each
 * changed field and a word diff of changed texts.
 */
export function compareSpecs(from: readonly SpecRequirement[], to: readonly SpecRequirement[]): Comparison {
	const before = new Map(from.map((r) => [r.number, r]));
	const after = new Map(to.map((r) => [r.number, r]));
	const byNumber = (a: SpecRequirement, b: SpecRequirement) => a.number - b.number;
	const result: Comparison = {
		added: to.filter((r) => !before.has(r.number)).sort(byNumber),
		removed: from.filter((r) => !after.has(r.number)).sort(byNumber),
		changed: [],
		unchanged: 0
	};
	for (const next of [...to].sort(byNumber)) {
		const previous = before.get(next.number);
		if (!previous) continue;
		const changes: FieldChange[] = [];
		for (const field of comparedFields) {
			const a = valueOf(previous, field);
			const b = valueOf(next, field);
			if (a === b) continue;
			const change: FieldChange = { field, before: a, after: b };
			if (textFields.includes(field)) {
				change.parts = diffWords(String(a ?? ''), String(b ?? '')).map((p) => ({
					value: p.value,
					...(p.added ? { added: true } : {}),
					...(p.removed ? { removed: true } : {})
				}));
			}
			changes.push(change);
		}
		if (changes.length) result.changed.push({ before: previous, after: next, changes });
		else result.unchanged++;
	}
	return result;
}
