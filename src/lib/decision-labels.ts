import { m } from '$lib/paraglide/messages';
import type { DecisionItemStatus, DecisionLevel, DecisionLinkKind, DecisionResultKind, Stance } from '$lib/enums';

type Labels<K extends string> = Record<K, () => string>;
const pick = (labels: Record<string, () => string>, key: string | null | undefined) => (key && labels[key] ? labels[key]() : (key ?? ''));

const levels: Labels<DecisionLevel> = { project_group: () => m.decision_level_project_group(), steering_group: () => m.decision_level_steering_group() };
const statuses: Labels<DecisionItemStatus> = {
	draft: () => m.decision_status_draft(),
	open: () => m.decision_status_open(),
	closed: () => m.decision_status_closed(),
	recorded: () => m.decision_status_recorded(),
	withdrawn: () => m.decision_status_withdrawn()
};
const stances: Labels<Stance> = {
	for: () => m.decision_stance_for(),
	against: () => m.decision_stance_against(),
	abstain: () => m.decision_stance_abstain(),
	option: () => m.decision_stance_option()
};
const results: Labels<DecisionResultKind | 'pending'> = {
	adopted: () => m.decision_result_adopted(),
	rejected: () => m.decision_result_rejected(),
	no_decision: () => m.decision_result_no_decision(),
	pending: () => m.decision_result_pending()
};
const linkKinds: Labels<DecisionLinkKind> = {
	need: () => m.decision_link_need(),
	story: () => m.decision_link_story(),
	requirement: () => m.decision_link_requirement(),
	baseline: () => m.decision_link_baseline()
};

export const levelLabel = (value: DecisionLevel | string) => pick(levels, value);
export const itemStatusLabel = (value: DecisionItemStatus | string) => pick(statuses, value);
export const stanceLabel = (value: Stance | string | null) => pick(stances, value);
export const resultLabel = (value: DecisionResultKind | 'pending' | string | null) => pick(results, value);
export const linkKindLabel = (value: DecisionLinkKind | string) => pick(linkKinds, value);
