import { diffWords } from 'diff';
import type { FieldChange } from '../../diff-types';
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
const textFields: readonly string[] = ['title', 'text', 'rationale', 'acceptanceCriteria'];

/** A field's value as a comparison reads it. */
export type FieldValue = string | number | null;

/**
 * The fields that differ between two sets of values, in the order of `fields`, with a word diff of
 * each changed free text. With `trimTexts`, white space around a text is neither a change nor diffed.
 */
export function diffFields<F extends string>(
	from: Readonly<Record<F, FieldValue>>,
	to: Readonly<Record<F, FieldValue>>,
	fields: readonly F[],
	{ trimTexts = false }: { trimTexts?: boolean } = {}
): FieldChange<F>[] {
	const changes: FieldChange<F>[] = [];
	for (const field of fields) {
		const a = from[field];
		const b = to[field];
		const isText = textFields.includes(field);
		const text = (v: FieldValue) => (trimTexts ? String(v ?? '').trim() : String(v ?? ''));
		if (isText && trimTexts ? text(a) === text(b) : a === b) continue;
		const change: FieldChange<F> = { field, before: a, after: b };
		if (isText) {
			change.parts = diffWords(text(a), text(b)).map((p) => ({
				value: p.value,
				...(p.added ? { added: true } : {}),
				...(p.removed ? { removed: true } : {})
			}));
		}
		changes.push(change);
	}
	return changes;
}

export interface Comparison {
	added: SpecRequirement[];
	removed: SpecRequirement[];
	changed: { before: SpecRequirement; after: SpecRequirement; changes: FieldChange<ComparedField>[] }[];
	unchanged: number;
}

const valuesOf = (r: SpecRequirement): Record<ComparedField, FieldValue> => ({
	...r,
	localOrganisations: [...r.localOrganisations].sort().join(', ')
});

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
		const changes = diffFields(valuesOf(previous), valuesOf(next), comparedFields);
		if (changes.length) result.changed.push({ before: previous, after: next, changes });
		else result.unchanged++;
	}
	return result;
}
