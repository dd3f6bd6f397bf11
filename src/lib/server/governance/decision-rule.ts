/**
 * Whether a proposal is carried under a consortium's ground rules (spelregler). Pure: it gets the
 * member organisations, their verdicts and the rules, and says what the rules make of them.
 *
 * - Consensus: every member organisation approves and none objects.
 * - Majority: more than half of the (weighted) votes cast approve, and the quorum is met.
 * - Qualified majority: at least the rules' percentage of the (weighted) votes cast approve, and
 *   the quorum is met.
 * - Quorum: the share of member organisations (counted, not weighted) that have voted.
 * - Weighting: one vote per organisation, or votes weighted by population.
 *
 * Only member organisations vote (municipalities and regions); verdicts from anyone else are ignored.
 */

import type { DecisionRule, Verdict, Weighting } from '../../enums';

export type { DecisionRule, Verdict, Weighting };

export interface GroundRules {
	decisionRule: DecisionRule;
	qualifiedMajorityPercent: number;
	quorumPercent: number;
	weighting: Weighting;
}

export interface VotingOrganisation {
	id: string;
	population: number | null;
}

export interface Vote {
	organisationId: string;
	verdict: Verdict;
}

/** `approved`: the rules are met; `rejected`: they can no longer be met; `pending`: not yet. */
export type Outcome = 'approved' | 'rejected' | 'pending';

export interface Tally {
	outcome: Outcome;
	members: number;
	voted: number;
	approvals: number;
	objections: number;
	/** Weighted sums (equal to the counts under per-organisation weighting). */
	approveWeight: number;
	objectWeight: number;
	totalWeight: number;
	/** Percent of member organisations that voted, and whether that meets the quorum. */
	turnoutPercent: number;
	quorumMet: boolean;
	/** Percent of the weighted votes cast that approve (0 when nobody voted). */
	approvePercent: number;
	/** Whether the approving share meets the rule (consensus: everyone approved). */
	thresholdMet: boolean;
}

/** Applies the ground rules to the verdicts of the member organisations. */
export function tally(rules: GroundRules, organisations: readonly VotingOrganisation[], votes: readonly Vote[]): Tally {
	const weightOf = new Map(organisations.map((o) => [o.id, rules.weighting === 'by_population' ? Math.max(0, o.population ?? 0) : 1]));
	const verdicts = new Map<string, Verdict>();
	for (const vote of votes) if (weightOf.has(vote.organisationId)) verdicts.set(vote.organisationId, vote.verdict);

	let approveWeight = 0;
	let objectWeight = 0;
	let approvals = 0;
	let objections = 0;
	for (const [id, verdict] of verdicts) {
		const weight = weightOf.get(id)!;
		if (verdict === 'approve') {
			approvals++;
			approveWeight += weight;
		} else {
			objections++;
			objectWeight += weight;
		}
	}
	const totalWeight = [...weightOf.values()].reduce((sum, w) => sum + w, 0);
	const members = organisations.length;
	const voted = verdicts.size;
	const turnoutPercent = members === 0 ? 0 : (voted / members) * 100;
	const castWeight = approveWeight + objectWeight;
	const approvePercent = castWeight === 0 ? 0 : (approveWeight / castWeight) * 100;
	const base = { members, voted, approvals, objections, approveWeight, objectWeight, totalWeight, turnoutPercent, approvePercent };

	if (members === 0) return { ...base, outcome: 'pending', quorumMet: false, thresholdMet: false };

	if (rules.decisionRule === 'consensus') {
		const thresholdMet = approvals === members;
		const outcome: Outcome = objections > 0 ? 'rejected' : thresholdMet ? 'approved' : 'pending';
		return { ...base, outcome, quorumMet: voted === members, thresholdMet };
	}

	const meets = (approve: number, cast: number) =>
		cast > 0 && (rules.decisionRule === 'majority' ? approve * 2 > cast : approve * 100 >= rules.qualifiedMajorityPercent * cast);
	const quorumMet = voted * 100 >= rules.quorumPercent * members && voted > 0;
	const thresholdMet = meets(approveWeight, castWeight);
	if (quorumMet && thresholdMet) return { ...base, outcome: 'approved', quorumMet, thresholdMet };
	// Further approvals only raise the approving share, so the best case is everyone left approving.
	const remainingWeight = totalWeight - castWeight;
	const reachable = meets(approveWeight + remainingWeight, totalWeight);
	return { ...base, outcome: reachable ? 'pending' : 'rejected', quorumMet, thresholdMet };
}

/** Member organisations vote: municipalities and regions, not convenors, suppliers or advisers. */
export function isVotingKind(kind: string): boolean {
	return kind === 'municipality' || kind === 'region';
}
