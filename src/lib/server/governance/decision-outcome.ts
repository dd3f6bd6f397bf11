/**
 * The outcome of a consortium decision item (beslutspunkt). Pure: it gets the member organisations
 * (municipalities and regions), the position each has stated and the ground rules (spelregler), and
 * says what the rules make of them. Each organisation states one position: for (bifall), against
 * (avslag), abstain (avstår) or, on an item with two or more options, one of the options by id.
 * Positions from anyone who is not a member organisation are ignored; an organisation's last position
 * is the one that counts.
 *
 * The written rules:
 * 1. Abstentions count toward the quorum (an organisation that abstains has taken part) but not among
 *    the votes cast.
 * 2. The quorum is met when at least the rules' percentage of the member organisations have stated a
 *    position (and at least one has). It is counted per organisation, never weighted. Consensus has no
 *    separate quorum: it needs every member organisation to have stated.
 * 3. A single proposal (fewer than two options) is adopted, with the quorum met, when:
 *    consensus: every member has stated, nobody is against and at least one is for;
 *    majority: more than half of the (weighted) votes cast are for;
 *    qualified majority: at least the rules' percentage of the (weighted) votes cast are for.
 *    A position naming an option on a single proposal is cast, but not for the proposal.
 * 4. On an item with several options a position names an option or abstains; for and against name no
 *    option and count as votes cast for none of them (as does an id that is not one of the options).
 *    The leading option is the one with the most weight; when two or more share the top weight it is
 *    a tie and nothing is adopted. Consensus: every member has stated and every organisation that did
 *    not abstain chose the same option. Majority and qualified majority: the leading option's weight
 *    meets the threshold against the weight cast, as in rule 3.
 * 5. A single proposal with as much weight for as against under majority is not adopted (rejected):
 *    a consortium has no chair's casting vote.
 * 6. While the item is open, the result is adopted or rejected only when nothing the organisations
 *    that have not stated can do (state any position, or stay silent until the item closes) changes
 *    it; otherwise it is pending. Under consensus, one against (or a different option) rejects the
 *    item even while it is open. Under majority and qualified majority an item that can no longer be
 *    adopted stays pending while silence could still leave it without a quorum (or a tie between
 *    options could still leave it without a decision), and says so in `reachable`.
 * 7. When the item is closed: without a quorum there is no decision; a tie between options is no
 *    decision; otherwise it is adopted or rejected by rules 3-5. Under consensus, when not everyone has
 *    stated there is no decision, unless someone was against (then it is rejected); when everyone has
 *    stated and all abstained, it is rejected (nobody was for).
 * 8. Population weighting weighs each organisation by its population; an unknown population weighs 0.
 *    When the organisations that cast votes weigh 0 together, nothing is for: the share for is 0 and
 *    the item is rejected (or has no decision, without a quorum or while open).
 *
 * Whether an open item is settled is judged from the extremes: every remaining organisation for the
 * proposal or one option (the best case for adoption), every remaining organisation against (the worst
 * case), and silence (the quorum). That is exact for single proposals and for whether an option can
 * still be adopted or is already; whether a tie between options can still arise or be broken is judged
 * as if organisations' weights could be split, which can leave an item pending that could be called
 * rejected, never the other way round.
 */

import type { GroundRules, VotingOrganisation, Weighting } from './decision-rule';

/** A position: for (bifall), against (avslag), abstain (avstår), or one of the item's options. */
export type Stance = 'for' | 'against' | 'abstain' | 'option';

/** One organisation's stated position; `optionId` names the chosen option when `stance` is `option`. */
export interface Position {
	organisationId: string;
	stance: Stance;
	optionId?: string | null;
}

/** `pending`: the item is open and the result can still change; the others as in the written rules. */
export type DecisionResult = 'adopted' | 'rejected' | 'no_decision' | 'pending';

/** Positions summed by stance, as organisations or as weight. */
export interface WeightedCount {
	for: number;
	against: number;
	abstain: number;
	/** Everything but abstentions: for, against and every option named. */
	cast: number;
	/** Per option of the item (each listed, 0 when nobody chose it). */
	options: Record<string, number>;
}

export interface DecisionTally {
	/** Under the rules' own weighting. */
	result: DecisionResult;
	/** The option adopted, for items with several options; null otherwise. */
	optionId: string | null;
	/** Member organisations, and how many of them stated a position (abstentions included); counted, not weighted. */
	members: number;
	stated: number;
	/** Percent of member organisations that stated, and whether that meets the quorum (consensus: everyone stated). */
	turnoutPercent: number;
	quorumMet: boolean;
	/** One organisation one vote. */
	counts: WeightedCount;
	/** By population (an unknown population weighs 0). */
	weights: WeightedCount;
	/** Percent of the weight cast (rules' weighting) for the proposal, or for the leading option; 0 when nothing is cast. */
	forPercent: number;
	/** 100 for consensus, 50 for majority (strictly more than), the rules' percentage for qualified majority (at least). */
	thresholdPercent: number;
	/** The result under the other weighting, and whether it differs. */
	otherWeighting: { weighting: Weighting; result: DecisionResult; optionId: string | null; forPercent: number };
	weightingsDisagree: boolean;
	/** While open and pending: whether the remaining organisations can still bring each result about; false once settled either way, and once closed. */
	reachable: { adopted: boolean; rejected: boolean };
	/**
	 * Whether the tally as it stands is a tie: two or more options share the top weight (majority or
	 * qualified majority), or a single proposal has as much weight for as against (majority).
	 */
	tie: boolean;
}

/** A stated position reduced to what the rules need: whether it is cast, and which candidate (the proposal or an option, by index) it supports. */
interface Ballot {
	cast: boolean;
	supports: number | null;
}

interface Evaluation {
	result: DecisionResult;
	optionId: string | null;
	forPercent: number;
	tie: boolean;
	reachable: { adopted: boolean; rejected: boolean };
}

/** Nothing left to bring about: the item is settled, or closed. */
const settled = () => ({ adopted: false, rejected: false });

/** Applies the written rules to the positions of the member organisations. */
export function decisionOutcome(
	rules: GroundRules,
	organisations: readonly VotingOrganisation[],
	positions: readonly Position[],
	options: { final: boolean; optionIds?: readonly string[] }
): DecisionTally {
	const optionIds = options.optionIds ?? [];
	const multi = optionIds.length >= 2;
	const members = new Map(organisations.map((o) => [o.id, o]));
	const latest = new Map<string, Position>();
	for (const position of positions) if (members.has(position.organisationId)) latest.set(position.organisationId, position);

	const ballots = new Map<string, Ballot>();
	for (const [id, position] of latest) {
		const optionIndex = position.stance === 'option' && position.optionId != null ? optionIds.indexOf(position.optionId) : -1;
		const supports = position.stance === 'abstain' ? null : multi ? (optionIndex >= 0 ? optionIndex : null) : position.stance === 'for' ? 0 : null;
		ballots.set(id, { cast: position.stance !== 'abstain', supports });
	}

	const memberCount = members.size;
	const stated = ballots.size;
	const turnoutPercent = memberCount === 0 ? 0 : (stated / memberCount) * 100;
	const quorumAt = (n: number) => n > 0 && n * 100 >= rules.quorumPercent * memberCount;
	const consensus = rules.decisionRule === 'consensus';
	const quorumMet = consensus ? stated > 0 && stated === memberCount : quorumAt(stated);
	const thresholdPercent = consensus ? 100 : rules.decisionRule === 'majority' ? 50 : rules.qualifiedMajorityPercent;

	const weightFor = (weighting: Weighting) => (o: VotingOrganisation) => (weighting === 'by_population' ? Math.max(0, o.population ?? 0) : 1);

	const count = (weightOf: (o: VotingOrganisation) => number): WeightedCount => {
		const sum: WeightedCount = { for: 0, against: 0, abstain: 0, cast: 0, options: Object.fromEntries(optionIds.map((id) => [id, 0])) };
		for (const [id, position] of latest) {
			const weight = weightOf(members.get(id)!);
			if (position.stance === 'abstain') sum.abstain += weight;
			else sum.cast += weight;
			if (position.stance === 'for') sum.for += weight;
			else if (position.stance === 'against') sum.against += weight;
			else if (position.stance === 'option' && position.optionId != null && optionIds.includes(position.optionId))
				sum.options[position.optionId] = (sum.options[position.optionId] ?? 0) + weight;
		}
		return sum;
	};

	const evaluate = (weighting: Weighting): Evaluation => {
		const weightOf = weightFor(weighting);
		const candidates = multi ? optionIds.length : 1;
		const support = new Array<number>(candidates).fill(0);
		let cast = 0;
		let remaining = 0;
		let smallestRemaining = Infinity;
		for (const o of members.values()) {
			const weight = weightOf(o);
			const ballot = ballots.get(o.id);
			if (!ballot) {
				remaining += weight;
				if (weight > 0) smallestRemaining = Math.min(smallestRemaining, weight);
			} else if (ballot.cast) {
				cast += weight;
				if (ballot.supports !== null) support[ballot.supports] = (support[ballot.supports] ?? 0) + weight;
			}
		}
		const top = Math.max(...support);
		const leaders = support.flatMap((w, i) => (w === top ? [i] : []));
		const forPercent = cast === 0 ? 0 : (top / cast) * 100;
		const optionOf = (index: number | null) => (multi && index !== null ? (optionIds[index] ?? null) : null);

		if (consensus) {
			const chosen = new Set([...ballots.values()].filter((b) => b.cast).map((b) => b.supports));
			const [agreed = null] = chosen;
			const unresolved = memberCount - stated;
			const base = { forPercent, tie: false, reachable: settled() };
			if (chosen.has(null) || chosen.size > 1) return { ...base, result: 'rejected', optionId: null };
			if (stated > 0 && unresolved === 0)
				return agreed === null ? { ...base, result: 'rejected', optionId: null } : { ...base, result: 'adopted', optionId: optionOf(agreed) };
			if (options.final) return { ...base, result: 'no_decision', optionId: null };
			return { ...base, result: 'pending', optionId: null, reachable: { adopted: unresolved > 0, rejected: unresolved > 0 } };
		}

		const meets = (f: number, c: number) => f > 0 && c > 0 && (rules.decisionRule === 'majority' ? f * 2 > c : f * 100 >= rules.qualifiedMajorityPercent * c);
		const strongestBesides = (...skip: number[]) => Math.max(0, ...support.filter((_, i) => !skip.includes(i)));
		const tieNow = multi ? top > 0 && leaders.length > 1 : rules.decisionRule === 'majority' && cast > 0 && top * 2 === cast;
		/** The result at close with the given cast weight, given the quorum is met. */
		const closed = (c: number): { result: DecisionResult; supports: number | null } => {
			if (multi && top > 0 && leaders.length > 1) return { result: 'no_decision', supports: null };
			return meets(top, c) ? { result: 'adopted', supports: leaders[0] ?? null } : { result: 'rejected', supports: null };
		};
		const base = { forPercent, tie: tieNow };

		if (options.final) {
			const { result, supports } = quorumMet ? closed(cast) : { result: 'no_decision' as const, supports: null };
			return { ...base, result, optionId: optionOf(supports), reachable: settled() };
		}

		// Adopted for good: the quorum is met already, and every remaining organisation against (or for the
		// strongest rival option) still leaves the leader ahead and over the threshold.
		const leader = leaders.length === 1 ? (leaders[0] ?? null) : null;
		const adoptedForGood = leader !== null && quorumMet && meets(top, cast + remaining) && (!multi || top > strongestBesides(leader) + remaining);
		if (adoptedForGood) return { ...base, result: 'adopted', optionId: optionOf(leader), reachable: settled() };

		// Best case for a candidate: every remaining organisation for it, so everyone has stated.
		const quorumReachable = quorumAt(memberCount);
		const adoptionReachable =
			quorumReachable && support.some((w, i) => meets(w + remaining, cast + remaining) && (!multi || w + remaining > strongestBesides(i)));
		// Worst case: every remaining organisation against; with a tie at the top, the lightest one breaks it.
		const rejectionReachable =
			quorumReachable &&
			(closed(cast + remaining).result === 'rejected' ||
				(multi && tieNow && smallestRemaining < Infinity && !meets(top + smallestRemaining, cast + remaining)));
		// Without a decision: silence keeps the quorum from being met, or two options can still end level at the top.
		const tieReachable =
			multi &&
			support.some((wi, i) =>
				support.some((wj, j) => {
					if (j <= i) return false;
					const level = Math.max(wi, wj, strongestBesides(i, j)) || smallestRemaining;
					return 2 * level - wi - wj <= remaining;
				})
			);
		const noDecisionReachable = !quorumMet || tieReachable;

		if (!adoptionReachable && !noDecisionReachable) return { ...base, result: 'rejected', optionId: null, reachable: settled() };
		return { ...base, result: 'pending', optionId: null, reachable: { adopted: adoptionReachable, rejected: rejectionReachable } };
	};

	const own = evaluate(rules.weighting);
	const otherWeighting: Weighting = rules.weighting === 'by_population' ? 'per_organisation' : 'by_population';
	const other = evaluate(otherWeighting);

	return {
		result: own.result,
		optionId: own.optionId,
		members: memberCount,
		stated,
		turnoutPercent,
		quorumMet,
		counts: count(weightFor('per_organisation')),
		weights: count(weightFor('by_population')),
		forPercent: own.forPercent,
		thresholdPercent,
		otherWeighting: { weighting: otherWeighting, result: other.result, optionId: other.optionId, forPercent: other.forPercent },
		weightingsDisagree: own.result !== other.result || own.optionId !== other.optionId,
		reachable: own.reachable,
		tie: own.tie
	};
}
