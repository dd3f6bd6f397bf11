import { m } from '$lib/paraglide/messages';

type Labels = Record<string, () => string>;
const pick = (labels: Labels, key: string | null | undefined) => (key && labels[key] ? labels[key]() : (key ?? ''));

const sources: Labels = {
	workshop: m.need_source_workshop,
	interview: m.need_source_interview,
	survey: m.need_source_survey,
	incident: m.need_source_incident,
	other: m.need_source_other
};
const kinds: Labels = { end_user: m.story_kind_end_user, municipality: m.story_kind_municipality };
const obligations: Labels = { mandatory: m.req_obligation_mandatory, criterion: m.req_obligation_criterion };
const types: Labels = {
	functional: m.req_type_functional,
	detailed: m.req_type_detailed,
	data: m.req_type_data,
	non_functional: m.req_type_non_functional,
	general: m.req_type_general
};
const subtypes: Labels = {
	security: m.req_subtype_security,
	accessibility: m.req_subtype_accessibility,
	interoperability: m.req_subtype_interoperability,
	support: m.req_subtype_support,
	training: m.req_subtype_training,
	other: m.req_subtype_other
};
const verifications: Labels = {
	test: m.req_verification_test,
	demonstration: m.req_verification_demonstration,
	inspection: m.req_verification_inspection,
	document: m.req_verification_document
};
const scopes: Labels = { common: m.req_scope_common, local: m.req_scope_local };
const statuses: Labels = {
	draft: m.req_status_draft,
	in_review: m.req_status_in_review,
	approved: m.req_status_approved,
	replaced: m.req_status_replaced,
	withdrawn: m.req_status_withdrawn
};
const verdicts: Labels = { approve: m.verdict_approve, object: m.verdict_object };

export const needSourceLabel = (k: string | null | undefined) => pick(sources, k);
export const storyKindLabel = (k: string | null | undefined) => pick(kinds, k);
export const obligationLabel = (k: string | null | undefined) => pick(obligations, k);
export const typeLabel = (k: string | null | undefined) => pick(types, k);
export const subtypeLabel = (k: string | null | undefined) => pick(subtypes, k);
export const verificationLabel = (k: string | null | undefined) => pick(verifications, k);
export const scopeLabel = (k: string | null | undefined) => pick(scopes, k);
export const statusLabel = (k: string | null | undefined) => pick(statuses, k);
export const verdictLabel = (k: string | null | undefined) => pick(verdicts, k);

export const needSourceKeys = Object.keys(sources);
export const storyKindKeys = Object.keys(kinds);
export const obligationKeys = Object.keys(obligations);
export const typeKeys = Object.keys(types);
export const subtypeKeys = Object.keys(subtypes);
export const verificationKeys = Object.keys(verifications);
export const scopeKeys = Object.keys(scopes);
export const statusKeys = Object.keys(statuses);

/** "Jag som …, vill kunna …, för att …" in the current language. */
export const storyText = (s: { role: string; goal: string; purpose: string }) => m.stories_sentence({ role: s.role, goal: s.goal, purpose: s.purpose });
