import { m } from '../../paraglide/messages';
import { needSources, obligations, requirementSubtypes, requirementTypes, scopes, statuses, verificationMethods } from '../requirements/schemas';
import { stockholmDate } from '../../decisions/deadline';

export type Locale = 'sv' | 'en';
export type Obligation = (typeof obligations)[number];
export type RequirementType = (typeof requirementTypes)[number];
export type RequirementSubtype = (typeof requirementSubtypes)[number];
export type VerificationMethod = (typeof verificationMethods)[number];
export type Scope = (typeof scopes)[number];
export type Status = (typeof statuses)[number];
export type NeedSource = (typeof needSources)[number];

/** One requirement as the exports see it: plain values, independent of the database. */
export interface SpecRequirement {
	/** Stable id of the frozen revision (used for ReqIF identifiers); any unique string. */
	id: string;
	identifier: string;
	number: number;
	revision: number;
	title: string;
	text: string;
	rationale: string;
	acceptanceCriteria: string;
	obligation: Obligation;
	weight: number | null;
	type: RequirementType;
	subtype: RequirementSubtype | null;
	verification: VerificationMethod;
	scope: Scope;
	localOrganisations: string[];
	status: Status;
}

/** A frozen specification: a baseline and its requirements, in number order. */
export interface SpecDocument {
	id: string;
	consortiumName: string;
	name: string;
	description: string;
	frozenAt: Date;
	frozenBy: string | null;
	requirements: SpecRequirement[];
}

const opts = (locale: Locale) => ({ locale });

/** The vocabulary of requirements in one language: enum values and column headings. */
export function vocabulary(locale: Locale) {
	const o = opts(locale);
	return {
		obligation: {
			mandatory: m.spec_obligation_mandatory({}, o),
			criterion: m.spec_obligation_criterion({}, o)
		} satisfies Record<Obligation, string>,
		type: {
			functional: m.spec_type_functional({}, o),
			detailed: m.spec_type_detailed({}, o),
			data: m.spec_type_data({}, o),
			non_functional: m.spec_type_non_functional({}, o),
			general: m.spec_type_general({}, o)
		} satisfies Record<RequirementType, string>,
		group: {
			functional: m.spec_group_functional({}, o),
			detailed: m.spec_group_detailed({}, o),
			data: m.spec_group_data({}, o),
			non_functional: m.spec_group_non_functional({}, o),
			general: m.spec_group_general({}, o)
		} satisfies Record<RequirementType, string>,
		subtype: {
			security: m.spec_subtype_security({}, o),
			accessibility: m.spec_subtype_accessibility({}, o),
			interoperability: m.spec_subtype_interoperability({}, o),
			support: m.spec_subtype_support({}, o),
			training: m.spec_subtype_training({}, o),
			other: m.spec_subtype_other({}, o)
		} satisfies Record<RequirementSubtype, string>,
		verification: {
			test: m.spec_verification_test({}, o),
			demonstration: m.spec_verification_demonstration({}, o),
			inspection: m.spec_verification_inspection({}, o),
			document: m.spec_verification_document({}, o)
		} satisfies Record<VerificationMethod, string>,
		scope: {
			common: m.spec_scope_common({}, o),
			local: m.spec_scope_local({}, o)
		} satisfies Record<Scope, string>,
		status: {
			draft: m.spec_status_draft({}, o),
			in_review: m.spec_status_in_review({}, o),
			approved: m.spec_status_approved({}, o),
			replaced: m.spec_status_replaced({}, o),
			withdrawn: m.spec_status_withdrawn({}, o)
		} satisfies Record<Status, string>,
		source: {
			workshop: m.spec_source_workshop({}, o),
			interview: m.spec_source_interview({}, o),
			survey: m.spec_source_survey({}, o),
			incident: m.spec_source_incident({}, o),
			other: m.spec_source_other({}, o)
		} satisfies Record<NeedSource, string>
	};
}
export type Vocabulary = ReturnType<typeof vocabulary>;

/** The order requirement types appear in a specification. */
export const typeOrder: readonly RequirementType[] = ['general', 'functional', 'detailed', 'data', 'non_functional'];

/** Requirements grouped by type in `typeOrder`, each group in number order; empty groups left out. */
export function groupByType(requirements: readonly SpecRequirement[]): { type: RequirementType; requirements: SpecRequirement[] }[] {
	return typeOrder
		.map((type) => ({
			type,
			requirements: requirements.filter((r) => r.type === type).sort((a, b) => a.number - b.number)
		}))
		.filter((g) => g.requirements.length > 0);
}

/** A date as the documents print it: 2026-11-23 in both languages (ISO 8601, Swedish practice), Swedish time. */
export const printDate = (date: Date): string => stockholmDate(date);

/** A file name for a download: the baseline's name, with characters that trouble file systems removed. */
export function exportFileName(name: string, extension: string): string {
	const base = name
		.normalize('NFC')
		.replace(/[\\/:*?"<>|]+/g, ' ')
		.replace(/\p{Cc}+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 120);
	return `${base || 'export'}.${extension}`;
}
