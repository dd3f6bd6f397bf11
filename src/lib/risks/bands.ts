/**
 * Risk scores and bands (seed 004): R = S×K with S (probability) and K (consequence) from 1 to 5.
 * R below `mediumFrom` is low, from `mediumFrom` medium (the project manager decides), from
 * `highFrom` high (the steering group decides). Shared by the server and the pages.
 */

export const riskBands = ['low', 'medium', 'high'] as const;
export type RiskBand = (typeof riskBands)[number];

export interface RiskBandLimits {
	mediumFrom: number;
	highFrom: number;
}

/** Seed 004's bands: 1–6 low, 8–12 medium, 15–25 high. */
export const defaultBandLimits: RiskBandLimits = { mediumFrom: 8, highFrom: 15 };

export const riskScore = (probability: number, impact: number) => probability * impact;

export function riskBand(score: number, limits: RiskBandLimits): RiskBand {
	if (score >= limits.highFrom) return 'high';
	if (score >= limits.mediumFrom) return 'medium';
	return 'low';
}

/**
 * What an assessment does to a risk's escalation to the steering group: it escalates when the score
 * enters the high band, de-escalates when it leaves it, and otherwise keeps what it had.
 */
export function escalationAfter(before: number | null, after: number, limits: RiskBandLimits): 'escalate' | 'de-escalate' | 'keep' {
	const wasHigh = before !== null && riskBand(before, limits) === 'high';
	const isHigh = riskBand(after, limits) === 'high';
	if (isHigh && !wasHigh) return 'escalate';
	if (wasHigh && !isHigh) return 'de-escalate';
	return 'keep';
}

export interface MatrixCell {
	probability: number;
	impact: number;
	score: number;
	band: RiskBand;
	/** The risks in the cell, by number (R1, R2, …). */
	numbers: number[];
}

/**
 * The 5×5 matrix: rows from probability 5 down to 1 (as drawn on paper, high on top), columns
 * consequence 1 to 5, each cell with its score, band and the risks in it.
 */
export function riskMatrix(risks: readonly { number: number; probability: number; impact: number }[], limits: RiskBandLimits): MatrixCell[][] {
	return [5, 4, 3, 2, 1].map((probability) =>
		[1, 2, 3, 4, 5].map((impact) => {
			const score = riskScore(probability, impact);
			return {
				probability,
				impact,
				score,
				band: riskBand(score, limits),
				numbers: risks
					.filter((r) => r.probability === probability && r.impact === impact)
					.map((r) => r.number)
					.sort((a, b) => a - b)
			};
		})
	);
}
