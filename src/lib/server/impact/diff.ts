import { diffWords } from 'diff';
import { impactFields, type ImpactField, type ImpactFieldChange, type RequirementDiff } from '../../impact-types';

export type { ImpactFieldChange, RequirementDiff };

/** Free-text fields get a word diff; the coded ones are shown as before → after. */
const textFields: readonly ImpactField[] = ['title', 'text', 'rationale', 'acceptanceCriteria'];

/** A revision's content as the diff reads it. */
export interface RevisionContent {
	title: string;
	bodyText: string;
	rationale: string;
	acceptanceCriteria: string;
	obligation: string;
	weight: number | null;
	type: string;
	subtype: string | null;
	verification: string;
	scope: string;
}

const valueOf = (r: RevisionContent, field: ImpactField): string | number | null => (field === 'text' ? r.bodyText : r[field]);

/** Compares two revisions of one requirement field by field, with a word diff of each changed text (trailing white space ignored). */
export function diffRevisions(from: RevisionContent & { revision: number }, to: RevisionContent & { revision: number }): RequirementDiff {
	const changes: ImpactFieldChange[] = [];
	for (const field of impactFields) {
		const a = valueOf(from, field);
		const b = valueOf(to, field);
		const same = textFields.includes(field) ? String(a ?? '').trim() === String(b ?? '').trim() : a === b;
		if (same) continue;
		const change: ImpactFieldChange = { field, before: a, after: b };
		if (textFields.includes(field)) {
			change.parts = diffWords(String(a ?? '').trim(), String(b ?? '').trim()).map((p) => ({
				value: p.value,
				...(p.added ? { added: true } : {}),
				...(p.removed ? { removed: true } : {})
			}));
		}
		changes.push(change);
	}
	return { fromRevision: from.revision, toRevision: to.revision, changes };
}
