import { m } from '$lib/paraglide/messages';

export type OrganisationKind = 'municipality' | 'region' | 'convenor' | 'supplier' | 'adviser';
export type DecisionRule = 'consensus' | 'majority' | 'qualified_majority';
export type Weighting = 'per_organisation' | 'by_population';
export type PublishingRight = 'admins' | 'admins_and_representatives' | 'representatives';

/** An organisation kind's name, in the current language. */
export function kindLabel(kind: OrganisationKind): string {
	return {
		municipality: m.org_kind_municipality,
		region: m.org_kind_region,
		convenor: m.org_kind_convenor,
		supplier: m.org_kind_supplier,
		adviser: m.org_kind_adviser
	}[kind]();
}

/** The heading for a group of organisations of one kind. */
export function kindGroupLabel(kind: OrganisationKind): string {
	return {
		municipality: m.org_group_municipality,
		region: m.org_group_region,
		convenor: m.org_group_convenor,
		supplier: m.org_group_supplier,
		adviser: m.org_group_adviser
	}[kind]();
}

export function tierLabel(tier: string | null): string {
	if (tier === 'active') return m.org_tier_active();
	if (tier === 'passive') return m.org_tier_passive();
	if (tier === 'sponsor') return m.org_tier_sponsor();
	return '';
}

export function decisionRuleLabel(rule: DecisionRule): string {
	return { consensus: m.rules_decision_consensus, majority: m.rules_decision_majority, qualified_majority: m.rules_decision_qualified }[rule]();
}

export function weightingLabel(weighting: Weighting): string {
	return { per_organisation: m.rules_weighting_per_organisation, by_population: m.rules_weighting_by_population }[weighting]();
}

export function publishingLabel(right: PublishingRight): string {
	return {
		admins: m.rules_publishing_admins,
		admins_and_representatives: m.rules_publishing_admins_and_representatives,
		representatives: m.rules_publishing_representatives
	}[right]();
}

/** The ground rules as sentences, for the overview. */
export function groundRulesInWords(rules: {
	decisionRule: DecisionRule;
	qualifiedMajorityPercent: number;
	quorumPercent: number;
	weighting: Weighting;
	publishing: PublishingRight;
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
		{
			admins: m.rules_words_publishing_admins,
			admins_and_representatives: m.rules_words_publishing_admins_and_representatives,
			representatives: m.rules_words_publishing_representatives
		}[rules.publishing]()
	];
}

export function mandateKindLabel(kind: 'representative' | 'deputy'): string {
	return kind === 'representative' ? m.role_representative() : m.role_deputy();
}

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
