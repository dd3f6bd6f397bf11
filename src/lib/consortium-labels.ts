import { m } from '$lib/paraglide/messages';
import type { DecisionRule, MandateKind, MemberTier, OrganisationKind, PublishingRight, Weighting } from '$lib/enums';

export type { DecisionRule, OrganisationKind, PublishingRight, Weighting } from '$lib/enums';

// Each map is keyed by a database enum's values (src/lib/enums.ts): a value added there is a type error here until it has words.
const kinds: Record<OrganisationKind, () => string> = {
	municipality: m.org_kind_municipality,
	region: m.org_kind_region,
	convenor: m.org_kind_convenor,
	supplier: m.org_kind_supplier,
	adviser: m.org_kind_adviser
};
const kindGroups: Record<OrganisationKind, () => string> = {
	municipality: m.org_group_municipality,
	region: m.org_group_region,
	convenor: m.org_group_convenor,
	supplier: m.org_group_supplier,
	adviser: m.org_group_adviser
};
const tiers: Record<MemberTier, () => string> = { active: m.org_tier_active, passive: m.org_tier_passive, sponsor: m.org_tier_sponsor };
const decisionRuleNames: Record<DecisionRule, () => string> = {
	consensus: m.rules_decision_consensus,
	majority: m.rules_decision_majority,
	qualified_majority: m.rules_decision_qualified
};
const weightings: Record<Weighting, () => string> = { per_organisation: m.rules_weighting_per_organisation, by_population: m.rules_weighting_by_population };
const publishing: Record<PublishingRight, () => string> = {
	admins: m.rules_publishing_admins,
	admins_and_representatives: m.rules_publishing_admins_and_representatives,
	representatives: m.rules_publishing_representatives
};
const publishingInWords: Record<PublishingRight, () => string> = {
	admins: m.rules_words_publishing_admins,
	admins_and_representatives: m.rules_words_publishing_admins_and_representatives,
	representatives: m.rules_words_publishing_representatives
};
const mandateKinds: Record<MandateKind, () => string> = { representative: m.role_representative, deputy: m.role_deputy };

/** An organisation kind's name, in the current language. */
export const kindLabel = (kind: OrganisationKind): string => kinds[kind]();

/** The heading for a group of organisations of one kind. */
export const kindGroupLabel = (kind: OrganisationKind): string => kindGroups[kind]();

/** A municipality's membership tier; '' when it has none. */
export const tierLabel = (tier: string | null): string => (tier && tier in tiers ? tiers[tier as MemberTier]() : '');

export const decisionRuleLabel = (rule: DecisionRule): string => decisionRuleNames[rule]();

export const weightingLabel = (weighting: Weighting): string => weightings[weighting]();

export const publishingLabel = (right: PublishingRight): string => publishing[right]();

/** The ground rules as sentences, for the overview. */
export function groundRulesInWords(rules: {
	decisionRule: DecisionRule;
	qualifiedMajorityPercent: number;
	quorumPercent: number;
	weighting: Weighting;
	publishing: PublishingRight;
	questionResponseDays?: number;
}): string[] {
	const decision =
		rules.decisionRule === 'consensus'
			? m.rules_words_consensus()
			: rules.decisionRule === 'majority'
				? m.rules_words_majority()
				: m.rules_words_qualified({ percent: String(rules.qualifiedMajorityPercent) });
	return [
		decision,
		m.rules_words_quorum({ percent: String(rules.quorumPercent) }),
		rules.weighting === 'per_organisation' ? m.rules_words_per_organisation() : m.rules_words_by_population(),
		publishingInWords[rules.publishing](),
		...(rules.questionResponseDays ? [m.rules_words_question_days({ days: String(rules.questionResponseDays) })] : [])
	];
}

export const mandateKindLabel = (kind: MandateKind): string => mandateKinds[kind]();

export function mandateStatusLabel(status: 'current' | 'upcoming' | 'ended'): string {
	return { current: m.mandate_status_current, upcoming: m.mandate_status_upcoming, ended: m.mandate_status_ended }[status]();
}

export function delegationStatusLabel(status: 'in_force' | 'upcoming' | 'ended' | 'revoked'): string {
	return {
		in_force: m.delegation_status_in_force,
		upcoming: m.delegation_status_upcoming,
		ended: m.delegation_status_ended,
		revoked: m.delegation_status_revoked
	}[status]();
}

/** A short description of an audited action; unknown actions show as recorded. */
export function auditActionLabel(action: string): string {
	const labels: Record<string, () => string> = {
		'membership.role_changed': m.audit_action_role_changed,
		'membership.removed': m.audit_action_member_removed,
		'invitation.created': m.audit_action_invitation_created,
		'invitation.revoked': m.audit_action_invitation_revoked,
		'invitation.accepted': m.audit_action_invitation_accepted,
		'mandate.appointed': m.audit_action_mandate_appointed,
		'mandate.ended': m.audit_action_mandate_ended,
		'mandate.withdrawn': m.audit_action_mandate_withdrawn,
		'delegation.granted': m.audit_action_delegation_granted,
		'delegation.revoked': m.audit_action_delegation_revoked,
		'ground_rules.updated': m.audit_action_rules_updated,
		'organisation.created': m.audit_action_organisation_created,
		'organisation.updated': m.audit_action_organisation_updated,
		'consortium.created': m.audit_action_consortium_created
	};
	return labels[action]?.() ?? action;
}
