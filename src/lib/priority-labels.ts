import { m } from '$lib/paraglide/messages';
import type { MoscowPriority, PriorityItemKind, PriorityMethod, PriorityRoundStatus, PrioritySubmissionStatus, PriorityWeighting } from '$lib/enums';

type Labels<K extends string> = Record<K, () => string>;
const pick = (labels: Record<string, () => string>, key: string | null | undefined) => (key && labels[key] ? labels[key]() : (key ?? ''));

const methods: Labels<PriorityMethod> = {
	borda: () => m.prio_method_borda(),
	points: () => m.prio_method_points(),
	moscow: () => m.prio_method_moscow()
};
const methodExplanations: Labels<PriorityMethod> = {
	borda: () => m.prio_explain_borda(),
	points: () => m.prio_explain_points(),
	moscow: () => m.prio_explain_moscow()
};
const weightings: Labels<PriorityWeighting> = {
	equal: () => m.prio_weighting_equal(),
	population: () => m.prio_weighting_population()
};
const statuses: Labels<PriorityRoundStatus> = {
	draft: () => m.prio_status_draft(),
	open: () => m.prio_status_open(),
	closed: () => m.prio_status_closed()
};
const submissionStatuses: Labels<PrioritySubmissionStatus> = {
	draft: () => m.prio_submission_draft(),
	submitted: () => m.prio_submission_submitted()
};
const itemKinds: Labels<PriorityItemKind> = {
	story: () => m.prio_item_story(),
	requirement: () => m.prio_item_requirement()
};
const moscows: Labels<MoscowPriority> = {
	must: () => m.prio_moscow_must(),
	should: () => m.prio_moscow_should(),
	could: () => m.prio_moscow_could(),
	wont: () => m.prio_moscow_wont()
};

export const methodLabel = (value: PriorityMethod | string) => pick(methods, value);
/** The method in words, for the round's page: how the combined ranking is made. */
export const methodExplanation = (value: PriorityMethod | string) => pick(methodExplanations, value);
export const priorityWeightingLabel = (value: PriorityWeighting | string) => pick(weightings, value);
export const roundStatusLabel = (value: PriorityRoundStatus | string) => pick(statuses, value);
export const submissionStatusLabel = (value: PrioritySubmissionStatus | string | null) => pick(submissionStatuses, value);
export const itemKindLabel = (value: PriorityItemKind | string) => pick(itemKinds, value);
export const moscowLabel = (value: MoscowPriority | string | null) => pick(moscows, value);
