/*
 * Whether an effect goal is on track, in one place (the goal's page, the benefit view, the home page).
 *
 *   progress = (latest − baseline) / (target − baseline)
 *
 * The sign of (target − baseline) carries the direction: for a goal where lower is better the target
 * lies below the baseline, and a fall in the value is progress. 0 is the baseline, 1 the target.
 *
 *   elapsed = (measured on − baseline date) / (target date − baseline date), clamped to 0…1
 *
 * The share of the goal's time that had passed when the latest measurement was taken: a measurement
 * is judged by what could be expected on its own date, not by what is expected today.
 *
 *   no measurement          → not_measured
 *   progress ≥ 1            → achieved
 *   progress ≥ elapsed      → on_track
 *   otherwise               → behind (also when the value moved the wrong way)
 */

export type GoalStanding = 'not_measured' | 'achieved' | 'on_track' | 'behind';

export interface GoalLine {
	baselineValue: number;
	/** YYYY-MM-DD */
	baselineOn: string;
	targetValue: number;
	/** YYYY-MM-DD, after `baselineOn` */
	targetOn: string;
}

export interface Measured {
	value: number;
	/** YYYY-MM-DD */
	measuredOn: string;
}

export interface GoalProgress {
	standing: GoalStanding;
	/** Share of the way from baseline to target (may be negative or above 1); null without a measurement. */
	progress: number | null;
	/** Share of the goal's time passed at the measurement's date (0…1); null without a measurement. */
	elapsed: number | null;
}

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** The latest of some measurements: the one measured last (the last recorded among those of the same date). */
export function latestOf<M extends Measured>(measurements: readonly M[]): M | null {
	let latest: M | null = null;
	for (const m of measurements) if (!latest || m.measuredOn >= latest.measuredOn) latest = m;
	return latest;
}

/** How far a goal has come by its latest measurement, and whether that is on track (see above). */
export function goalProgress(goal: GoalLine, latest: Measured | null): GoalProgress {
	if (!latest) return { standing: 'not_measured', progress: null, elapsed: null };
	const span = goal.targetValue - goal.baselineValue;
	const progress = span === 0 ? 0 : (latest.value - goal.baselineValue) / span;
	const days = day(goal.targetOn) - day(goal.baselineOn);
	const elapsed = days <= 0 ? 1 : Math.min(1, Math.max(0, (day(latest.measuredOn) - day(goal.baselineOn)) / days));
	const standing: GoalStanding = progress >= 1 ? 'achieved' : progress >= elapsed ? 'on_track' : 'behind';
	return { standing, progress, elapsed };
}
