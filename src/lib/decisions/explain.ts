import { m } from '$lib/paraglide/messages';
import type { DecisionResult, DecisionTally } from '$lib/server/governance/decision-outcome';
import type { GroundRules } from '$lib/server/governance/decision-rule';

type Locale = 'sv' | 'en';
const percent = (value: number) => String(Math.round(value));

/** The result's name (bifall, avslag, inget beslut, ännu inte avgjort). */
export function resultName(result: DecisionResult, locale?: Locale): string {
	const options = locale ? { locale } : undefined;
	return {
		adopted: m.decision_result_adopted({}, options),
		rejected: m.decision_result_rejected({}, options),
		no_decision: m.decision_result_no_decision({}, options),
		pending: m.decision_result_pending({}, options)
	}[result];
}

/**
 * The outcome in words beside the figures: turnout, how the votes fell, the share, the quorum, the
 * rule, the result, and the other weighting's result where it differs. In the page's language, or
 * in `locale` (the decision log keeps the consortium's content language).
 */
export function explainOutcome(
	tally: DecisionTally,
	rules: GroundRules,
	{ locale, optionLabel = () => '' }: { locale?: Locale; optionLabel?: (id: string | null) => string } = {}
): string {
	const o = locale ? { locale } : undefined;
	const several = Object.keys(tally.counts.options).length >= 2;
	const counts = several
		? Object.entries(tally.counts.options)
				.map(([id, count]) => m.decision_explain_option_count({ label: optionLabel(id), count }, o))
				.join(', ')
		: m.decision_explain_counts({ for: tally.counts.for, against: tally.counts.against, abstain: tally.counts.abstain }, o);
	const share = several
		? m.decision_explain_share_option({ percent: percent(tally.forPercent) }, o)
		: m.decision_explain_share({ percent: percent(tally.forPercent) }, o);
	const weighted = rules.weighting === 'by_population' ? ` ${m.decision_explain_by_population({}, o)}` : '';
	const quorum =
		rules.decisionRule === 'consensus'
			? ''
			: `; ${tally.quorumMet ? m.decision_explain_quorum_met({ quorum: rules.quorumPercent }, o) : m.decision_explain_quorum_missed({ quorum: rules.quorumPercent }, o)}`;
	const rule =
		rules.decisionRule === 'consensus'
			? m.decision_explain_rule_consensus({}, o)
			: rules.decisionRule === 'majority'
				? m.decision_explain_rule_majority({}, o)
				: m.decision_explain_rule_qualified({ percent: rules.qualifiedMajorityPercent }, o);
	const parts = [
		`${m.decision_explain_turnout({ stated: tally.stated, members: tally.members }, o)}; ${counts}; ${share}${weighted}${quorum}.`,
		rule,
		tally.tie && tally.result !== 'pending' ? m.decision_explain_tie({}, o) : '',
		tally.optionId && tally.result === 'adopted'
			? m.decision_explain_result_option({ result: resultName(tally.result, locale), option: optionLabel(tally.optionId) }, o)
			: m.decision_explain_result({ result: resultName(tally.result, locale) }, o)
	];
	if (tally.weightingsDisagree) {
		const other = tally.otherWeighting;
		const weighting = other.weighting === 'by_population' ? m.decision_weighting_by_population({}, o) : m.decision_weighting_per_organisation({}, o);
		parts.push(m.decision_explain_other({ weighting, result: resultName(other.result, locale), percent: percent(other.forPercent) }, o));
	}
	return parts.filter(Boolean).join(' ');
}
