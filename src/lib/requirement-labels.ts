import { m } from '$lib/paraglide/messages';
import {
	needSources,
	obligations,
	requirementSubtypes,
	requirementTypes,
	scopes,
	statuses,
	storyKinds,
	verificationMethods,
	type NeedSource,
	type Obligation,
	type RequirementStatus,
	type RequirementSubtype,
	type RequirementType,
	type Scope,
	type StoryKind,
	type Verdict,
	type VerificationMethod
} from '$lib/enums';

type Labels<K extends string> = Record<K, () => string>;
const pick = (labels: Record<string, () => string>, key: string | null | undefined) => (key && labels[key] ? labels[key]() : (key ?? ''));

/*
 * One set of words per vocabulary, keyed by the database enum's values: the pages, the exported
 * specifications (exports/spec.ts) and the imports that read them back all use these `spec_*` words,
 * so a requirement is "Dokumentgranskning" in the form and in the document alike.
 */
const sources: Labels<NeedSource> = {
	workshop: m.spec_source_workshop,
	interview: m.spec_source_interview,
	survey: m.spec_source_survey,
	incident: m.spec_source_incident,
	other: m.spec_source_other
};
const kinds: Labels<StoryKind> = { end_user: m.story_kind_end_user, municipality: m.story_kind_municipality };
const obligationLabels: Labels<Obligation> = { mandatory: m.spec_obligation_mandatory, criterion: m.spec_obligation_criterion };
const types: Labels<RequirementType> = {
	functional: m.spec_type_functional,
	detailed: m.spec_type_detailed,
	data: m.spec_type_data,
	non_functional: m.spec_type_non_functional,
	general: m.spec_type_general
};
const subtypes: Labels<RequirementSubtype> = {
	security: m.spec_subtype_security,
	accessibility: m.spec_subtype_accessibility,
	interoperability: m.spec_subtype_interoperability,
	support: m.spec_subtype_support,
	training: m.spec_subtype_training,
	other: m.spec_subtype_other
};
const verifications: Labels<VerificationMethod> = {
	test: m.spec_verification_test,
	demonstration: m.spec_verification_demonstration,
	inspection: m.spec_verification_inspection,
	document: m.spec_verification_document
};
const scopeLabels: Labels<Scope> = { common: m.spec_scope_common, local: m.spec_scope_local };
const statusLabels: Labels<RequirementStatus> = {
	draft: m.spec_status_draft,
	in_review: m.spec_status_in_review,
	approved: m.spec_status_approved,
	replaced: m.spec_status_replaced,
	withdrawn: m.spec_status_withdrawn
};
const verdictLabels: Labels<Verdict> = { approve: m.verdict_approve, object: m.verdict_object };

export const needSourceLabel = (k: string | null | undefined) => pick(sources, k);
export const storyKindLabel = (k: string | null | undefined) => pick(kinds, k);
export const obligationLabel = (k: string | null | undefined) => pick(obligationLabels, k);
export const typeLabel = (k: string | null | undefined) => pick(types, k);
export const subtypeLabel = (k: string | null | undefined) => pick(subtypes, k);
export const verificationLabel = (k: string | null | undefined) => pick(verifications, k);
export const scopeLabel = (k: string | null | undefined) => pick(scopeLabels, k);
export const statusLabel = (k: string | null | undefined) => pick(statusLabels, k);
export const verdictLabel = (k: string | null | undefined) => pick(verdictLabels, k);

/** The values of each vocabulary, in the database enum's order, for selects and filters (copies: components take plain arrays). */
export const needSourceKeys: NeedSource[] = [...needSources];
export const storyKindKeys: StoryKind[] = [...storyKinds];
export const obligationKeys: Obligation[] = [...obligations];
export const typeKeys: RequirementType[] = [...requirementTypes];
export const subtypeKeys: RequirementSubtype[] = [...requirementSubtypes];
export const verificationKeys: VerificationMethod[] = [...verificationMethods];
export const scopeKeys: Scope[] = [...scopes];
export const statusKeys: RequirementStatus[] = [...statuses];

/** "Jag som …, vill kunna …, för att …" in the current language. */
export const storyText = (s: { role: string; goal: string; purpose: string }) => m.stories_sentence({ role: s.role, goal: s.goal, purpose: s.purpose });
