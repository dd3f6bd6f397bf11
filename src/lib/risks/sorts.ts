/** The orders the risk register is listed in: by score (highest first), by number, or by the next review. */
export const riskSorts = ['score', 'number', 'review'] as const;
export type RiskSort = (typeof riskSorts)[number];
