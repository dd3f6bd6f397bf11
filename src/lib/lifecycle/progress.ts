import type { LifecycleActivityStatus } from '../enums';
import { lifecycleTemplate } from './template';

export interface PhaseProgress {
	phase: number;
	/** Activities done. */
	done: number;
	/** Activities that count: all but those marked not applicable. */
	total: number;
}

/**
 * Each phase's "x of y done", the six phases in order (a phase with no activities is 0 of 0).
 * Activities marked not applicable count in neither figure. Pure, for the initiative page and the roadmap list.
 */
export function phaseProgress(lifecycle: { activities: readonly { phase: number; status: LifecycleActivityStatus }[] }): PhaseProgress[] {
	return lifecycleTemplate.map((_, i) => {
		const phase = i + 1;
		const counted = lifecycle.activities.filter((a) => a.phase === phase && a.status !== 'not_applicable');
		return { phase, done: counted.filter((a) => a.status === 'done').length, total: counted.length };
	});
}

/** Whether an activity is overdue on `today`: its due date has passed and it is neither done nor not applicable. */
export const isOverdue = (a: { due: string | null; status: LifecycleActivityStatus }, today: string) =>
	!!a.due && a.due < today && a.status !== 'done' && a.status !== 'not_applicable';

/**
 * Where a lifecycle stands, in one line for the roadmap: the phase work has reached (the furthest
 * with something done, or the next once that one is complete; the first while nothing is done) with
 * its figures, and the whole lifecycle's. An activity left behind in an earlier phase does not hold
 * the line back: the initiative's page lists it as overdue. Null for a lifecycle with nothing to count.
 */
export function lifecycleStanding(progress: readonly PhaseProgress[]): { phase: number; done: number; total: number; allDone: number; all: number } | null {
	const counted = progress.filter((p) => p.total > 0);
	if (counted.length === 0) return null;
	const reached = counted.findLastIndex((p) => p.done > 0);
	const at = reached < 0 ? 0 : counted[reached]!.done === counted[reached]!.total && reached + 1 < counted.length ? reached + 1 : reached;
	const current = counted[at]!;
	return {
		phase: current.phase,
		done: current.done,
		total: current.total,
		allDone: counted.reduce((sum, p) => sum + p.done, 0),
		all: counted.reduce((sum, p) => sum + p.total, 0)
	};
}
