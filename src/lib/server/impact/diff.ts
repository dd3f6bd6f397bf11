import { impactFields, type RequirementDiff } from '../../impact-types';
import { diffFields } from '../baselines/compare';

export type { RequirementDiff };

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

/** Compares two revisions of one requirement field by field, with a word diff of each changed text (trailing white space ignored). */
export function diffRevisions(from: RevisionContent & { revision: number }, to: RevisionContent & { revision: number }): RequirementDiff {
	const changes = diffFields({ ...from, text: from.bodyText }, { ...to, text: to.bodyText }, impactFields, { trimTexts: true });
	return { fromRevision: from.revision, toRevision: to.revision, changes };
}
