import type { FieldChange } from './diff-types';
import type { ImpactTargetKind } from './enums';

// The shapes of change impact that pages and components read (the server builds them in
// src/lib/server/impact); kept here so browser code never imports a server module.

/** The fields of a revision a change names, in the order it lists them (the words of the baselines' comparison). */
export const impactFields = ['title', 'text', 'rationale', 'acceptanceCriteria', 'obligation', 'weight', 'type', 'subtype', 'verification', 'scope'] as const;
export type ImpactField = (typeof impactFields)[number];

/** What changed from the baselined revision to a newer one: the changed fields, with old and new values. */
export interface RequirementDiff {
	fromRevision: number;
	toRevision: number;
	changes: FieldChange<ImpactField>[];
}

/** An open flag as the pages show it: what changed, on what, and where its page is. */
export interface OpenImpactFlag {
	id: string;
	identifier: string;
	fromRevision: number;
	toRevision: number;
	fromRevisionId: string;
	toRevisionId: string;
	targetKind: ImpactTargetKind;
	targetId: string;
	targetLabel: string;
	/** The target's page below `/c/<slug>/`, or null when the target is gone. */
	path: string | null;
	diff: RequirementDiff;
	createdAt: Date;
	updatedAt: Date;
}
