import { m } from '$lib/paraglide/messages';
import type { LiveChange } from '$lib/live.svelte';

/**
 * What a live change means to someone reading the page, said once through the app's polite live
 * region. Events carry no content (topic, action, ids), so the sentences say what kind of thing
 * changed, never what it now says; the page itself shows that after its refresh.
 */

/** A change as the server sends it: `actorId` is who made it (null for the co-editing server's saves). */
export type AnnouncedChange = LiveChange & { actorId?: string | null };

/** What the page shows: one item (`entityId`) or the list of `topics` in a consortium. */
export interface PageScope {
	consortiumId: string | null;
	topics: readonly string[];
	entityId?: string;
}

/** The lists and item pages whose changes are announced, by route (the rest say nothing). */
const itemRoutes: Record<string, string> = {
	'/(app)/c/[slug=slug]/requirements/[id=uuid]': 'requirement',
	'/(app)/c/[slug=slug]/needs/[id=uuid]': 'need',
	'/(app)/c/[slug=slug]/stories/[id=uuid]': 'story',
	'/(app)/c/[slug=slug]/roadmap/[id=uuid]': 'initiative',
	'/(app)/c/[slug=slug]/governance/risks/[id=uuid]': 'risk',
	'/(app)/c/[slug=slug]/governance/status-reports/[id=uuid]': 'status_report',
	'/(app)/c/[slug=slug]/governance/goals/[id=uuid]': 'effect_goal'
};
/** What the steering group's agenda is assembled from (agenda/sources.ts). */
const agendaSources = ['risk', 'status_report', 'budget', 'initiative', 'question', 'decision_item', 'meeting'] as const;
const listRoutes: Record<string, readonly string[]> = {
	'/(app)/c/[slug=slug]/requirements': ['requirement'],
	'/(app)/c/[slug=slug]/needs': ['need'],
	'/(app)/c/[slug=slug]/stories': ['story'],
	'/(app)/c/[slug=slug]/traceability': ['need', 'story', 'requirement'],
	'/(app)/c/[slug=slug]/portfolio': ['portfolio'],
	'/(app)/c/[slug=slug]/portfolio/candidates': ['portfolio'],
	'/(app)/c/[slug=slug]/roadmap': ['initiative'],
	'/(app)/c/[slug=slug]/members': ['membership', 'invitation', 'organisation', 'mandate', 'delegation'],
	'/(app)/c/[slug=slug]/requirements/impact': ['impact_flag'],
	'/(app)/c/[slug=slug]/documents/tender': ['tender_package'],
	'/(app)/c/[slug=slug]/governance': agendaSources,
	'/(app)/c/[slug=slug]/governance/agenda': agendaSources,
	'/(app)/c/[slug=slug]/governance/risks': ['risk'],
	'/(app)/c/[slug=slug]/governance/status-reports': ['status_report'],
	'/(app)/c/[slug=slug]/governance/budget': ['budget'],
	'/(app)/c/[slug=slug]/governance/goals': ['effect_goal'],
	'/(app)/c/[slug=slug]/governance/goals/benefits': ['effect_goal']
};

/** The scope of the page at `routeId`, or null for a page whose content live changes do not touch. */
export function pageScope(routeId: string | null, params: Partial<Record<string, string>>, consortiumId: string | null): PageScope | null {
	if (!routeId) return null;
	const item = itemRoutes[routeId];
	if (item && params.id) return { consortiumId, topics: [item], entityId: params.id };
	const list = listRoutes[routeId];
	return list ? { consortiumId, topics: list } : null;
}

const saved: Record<string, () => string> = {
	requirement: m.live_requirement_saved,
	need: m.live_need_saved,
	story: m.live_story_saved,
	risk: m.live_risk_saved,
	effect_goal: m.live_goal_saved
};
const deleted: Record<string, () => string> = {
	requirement: m.live_requirement_deleted,
	need: m.live_need_deleted,
	story: m.live_story_deleted
};
const added: Record<string, () => string> = {
	requirement: m.live_requirement_added,
	need: m.live_need_added,
	story: m.live_story_added
};
/** Actions on the item being viewed, by action name. */
const onItem: Record<string, () => string> = {
	'comment.created': m.live_comment_added,
	'comment.deleted': m.live_comment_deleted,
	'requirement.submitted': m.live_requirement_submitted,
	'requirement.returned': m.live_requirement_returned,
	'requirement.withdrawn': m.live_requirement_withdrawn,
	'requirement.approved': m.live_requirement_approved,
	'requirement.approved_by': m.live_verdict_approve,
	'requirement.objected_by': m.live_verdict_object,
	'need.joined': m.live_need_joined,
	'need.left': m.live_need_left,
	'lifecycle.started': m.live_lifecycle_started,
	'lifecycle.activity_added': m.live_lifecycle_activity_added,
	'lifecycle.activity_updated': m.live_lifecycle_activity_updated,
	'lifecycle.activity_status_set': m.live_lifecycle_activity_updated,
	'lifecycle.dates_set': m.live_lifecycle_dates_set,
	'attachment.added': m.live_attachment_added,
	'attachment.removed': m.live_attachment_removed,
	'risk.assessed': m.live_risk_assessed,
	'risk.escalated': m.live_risk_escalated,
	'risk.raised_as_decision': m.live_risk_raised_as_decision,
	'risk.action_added': m.live_risk_actions_changed,
	'risk.action_done': m.live_risk_actions_changed,
	'risk.action_removed': m.live_risk_actions_changed,
	'status_report.saved': m.live_status_report_saved,
	'status_report.row_added': m.live_status_report_rows_changed,
	'status_report.row_removed': m.live_status_report_rows_changed,
	'status_report.submitted': m.live_status_report_submitted,
	'status_report.acknowledged': m.live_status_report_acknowledged,
	'effect_goal.measurement_recorded': m.live_goal_measurement_recorded,
	'effect_goal.measurement_corrected': m.live_goal_measurement_changed,
	'effect_goal.measurement_removed': m.live_goal_measurement_changed,
	'effect_goal.links_set': m.live_goal_links_changed
};
/** Actions on a list that say more than "the list has changed", by action name. */
const onList: Record<string, () => string> = {
	'risk.raised': m.live_risk_added,
	'risk.escalated': m.live_risk_entered_high,
	'risk.bands_set': m.live_risk_bands_set,
	'status_report.created': m.live_status_report_added,
	'status_report.submitted': m.live_status_report_submitted_list,
	'budget.line_saved': m.live_budget_changed,
	'budget.line_removed': m.live_budget_changed,
	'budget.imported': m.live_budget_imported,
	'effect_goal.created': m.live_goal_added,
	'effect_goal.measurement_recorded': m.live_goal_measured_list
};

/**
 * The sentence for `change` on a page with `scope`, or null when it is not said: made by the
 * person themselves, by no known person (the co-editing server saving text the editor already
 * shows, perhaps typed by this very person), or about something the page does not show.
 */
export function describeChange(change: AnnouncedChange, scope: PageScope | null, userId: string): string | null {
	if (!scope || !change.actorId || change.actorId === userId) return null;
	if (scope.consortiumId && change.consortiumId !== scope.consortiumId) return null;
	if (!scope.topics.includes(change.topic)) return null;
	if (scope.entityId) {
		if (change.entityId !== scope.entityId) return null;
		const sentence = onItem[change.action] ?? (change.action === `${change.topic}.updated` ? saved[change.topic] : undefined);
		if (sentence) return sentence();
		if (change.action === `${change.topic}.deleted`) return (deleted[change.topic] ?? m.live_item_changed)();
		return m.live_item_changed();
	}
	// A comment or an attachment does not change a list.
	if (change.action.startsWith('comment.') || change.action.startsWith('attachment.')) return null;
	// The agenda's proposals are assembled from many lists: one sentence says they were brought up to date.
	if (scope.topics === agendaSources) return m.live_agenda_changed();
	if (onList[change.action]) return onList[change.action]!();
	if (change.action === `${change.topic}.created` && added[change.topic]) return added[change.topic]!();
	return m.live_list_changed();
}

/** "You have 3 unread notifications". */
export function unreadSentence(count: number): string {
	return count === 1 ? m.live_unread_one() : m.live_unread_many({ count: String(count) });
}

/**
 * Says messages at most once per `intervalMs`: what arrives in between is said together when the
 * interval is over (each distinct sentence once), so a burst of changes is one announcement.
 */
export function throttledSay(
	say: (text: string) => void,
	intervalMs = 1000,
	now: () => number = Date.now
): { say: (message: string) => void; stop: () => void } {
	let last = -Infinity;
	let pending: string[] = [];
	let timer: ReturnType<typeof setTimeout> | undefined;
	const flush = () => {
		timer = undefined;
		last = now();
		const text = pending.join('. ');
		pending = [];
		if (text) say(text);
	};
	return {
		say(message) {
			if (!pending.includes(message)) pending.push(message);
			timer ??= setTimeout(flush, Math.max(0, last + intervalMs - now()));
		},
		stop() {
			clearTimeout(timer);
			timer = undefined;
			pending = [];
		}
	};
}
