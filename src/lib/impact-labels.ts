import { m } from '$lib/paraglide/messages';
import { impactTargetKinds, type ImpactTargetKind } from '$lib/enums';

const kinds: Record<ImpactTargetKind, () => string> = {
	backlog_item: () => m.impact_kind_backlog_item(),
	release: () => m.impact_kind_release(),
	question: () => m.impact_kind_question(),
	decision_item: () => m.impact_kind_decision_item(),
	document: () => m.impact_kind_document(),
	priority_round: () => m.impact_kind_priority_round(),
	story: () => m.impact_kind_story(),
	need: () => m.impact_kind_need(),
	effect_goal: () => m.impact_kind_effect_goal()
};
const groups: Record<ImpactTargetKind, () => string> = {
	backlog_item: () => m.impact_group_backlog_item(),
	release: () => m.impact_group_release(),
	question: () => m.impact_group_question(),
	decision_item: () => m.impact_group_decision_item(),
	document: () => m.impact_group_document(),
	priority_round: () => m.impact_group_priority_round(),
	story: () => m.impact_group_story(),
	need: () => m.impact_group_need(),
	effect_goal: () => m.impact_group_effect_goal()
};

/** What a flagged thing is, in words ("Fråga från leverantören"). */
export const impactKindLabel = (kind: ImpactTargetKind) => kinds[kind]();
/** The heading of a group of affected things ("Frågor från leverantören"). */
export const impactGroupLabel = (kind: ImpactTargetKind) => groups[kind]();
/** The kinds in the order the impact view groups them. */
export const impactKindOrder = impactTargetKinds;
