import { m } from '$lib/paraglide/messages';

/** What happened, as the front page names it. */
export const activityKinds = [
	'decision_recorded',
	'decision_opened',
	'decision_closed',
	'requirement_submitted',
	'requirement_approved',
	'baseline_created',
	'meeting_created',
	'minutes_adjusted',
	'priority_round_opened',
	'priority_round_closed',
	'need_created',
	'story_created'
] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** What happened, in a few words, before the thing's name on the front page: "Beslut registrerat: …". */
export function activityLabel(kind: ActivityKind): string {
	return {
		decision_recorded: m.activity_decision_recorded,
		decision_opened: m.activity_decision_opened,
		decision_closed: m.activity_decision_closed,
		requirement_submitted: m.activity_requirement_submitted,
		requirement_approved: m.activity_requirement_approved,
		baseline_created: m.activity_baseline_created,
		meeting_created: m.activity_meeting_created,
		minutes_adjusted: m.activity_minutes_adjusted,
		priority_round_opened: m.activity_priority_round_opened,
		priority_round_closed: m.activity_priority_round_closed,
		need_created: m.activity_need_created,
		story_created: m.activity_story_created
	}[kind]();
}

/** The page of the thing an activity concerns, under the consortium's path. */
export function activityPath(kind: ActivityKind, id: string): string {
	if (kind.startsWith('decision_')) return `decisions/${id}`;
	if (kind.startsWith('requirement_')) return `requirements/${id}`;
	if (kind === 'baseline_created') return `baselines/${id}`;
	if (kind === 'need_created') return `needs/${id}`;
	if (kind.startsWith('priority_round_')) return `prioritisation/${id}`;
	if (kind === 'story_created') return `stories/${id}`;
	return `meetings/${id}`;
}
