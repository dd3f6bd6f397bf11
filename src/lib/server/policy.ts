/**
 * The one authorisation vocabulary. Loads, actions, endpoints, the event stream and the
 * WebSocket all ask `can` (or `authorize`); row-level security in supabase/migrations mirrors it
 * in the database. The role matrix is the product brief's; per-item rules (whose comment, which
 * status locks a requirement, whose need) live here too, in the spirit of Outline's
 * `allow(User, 'update', Comment, (actor, comment) => …)`, so that no command, page or component
 * decides them on its own.
 */

import { internalRoles, type Role } from '../roles';
import type { BacklogStatus, DecisionItemStatus, DocumentVersionStatus, PriorityRoundStatus, QuestionStatus } from '../enums';
import type { organisationKind, requirementStatus } from './db/schema/enums';
import { CommandError, NotFound } from './errors';

type OrganisationKind = (typeof organisationKind.enumValues)[number];
type RequirementStatus = (typeof requirementStatus.enumValues)[number];

export { roles, type Role } from '../roles';

export const publishingRights = ['admins', 'admins_and_representatives', 'representatives'] as const;
export type PublishingRight = (typeof publishingRights)[number];

/** A person's standing in one consortium. */
export interface Membership {
	consortiumId: string;
	organisationId: string;
	/** Whether the organisation takes part in decisions (municipalities and regions do). */
	organisationKind: OrganisationKind;
	role: Role;
	/**
	 * Whether this person may commit their organisation right now: a representative while their
	 * mandate in the register is in force; a deputy while a delegation to them is in force or the
	 * organisation has no representative in office.
	 */
	speaksForOrganisation: boolean;
}

export interface Actor {
	id: string;
	isOperator: boolean;
	/** The membership in the consortium being acted on; null for someone outside it. */
	membership: Membership | null;
}

// ------------------------------------------------------------------ resources

/** Anything in a consortium: the role matrix decides. */
export interface Resource {
	consortiumId: string;
	/** The ground rules' publishing right, for `supplier.publish`. */
	publishing?: PublishingRight;
	/** The organisation a position, approval or delegation is for; defaults to the actor's own. */
	organisationId?: string;
}

export interface CommentResource {
	consortiumId: string;
	authorId: string | null;
}

export interface NeedResource {
	consortiumId: string;
	capturedByOrganisationId: string | null;
}

export interface RequirementResource {
	consortiumId: string;
	status: RequirementStatus;
	isLatest: boolean;
	revision: number;
}

/** A decision item as the policy needs it: its state and who declared a conflict of interest on it. */
export interface DecisionItemResource {
	consortiumId: string;
	status: DecisionItemStatus;
	/** Whether the acting person declared a conflict of interest (jäv) on the item. */
	actorConflicted: boolean;
	/** Whether the representative of the acting person's organisation declared one: the deputy then speaks. */
	representativeConflicted: boolean;
}

/** A meeting as the policy needs it: how far its minutes are, and whether the acting person adjusts them. */
export interface MeetingResource {
	consortiumId: string;
	minutesStarted: boolean;
	/** Justerat: every adjuster approved, and nothing of the meeting changes again. */
	adjusted: boolean;
	/** The acting person as one of the named adjusters (justerare), or null. */
	adjuster: { approved: boolean } | null;
}

/** A priority round as the policy needs it: its state, and whether its deadline has passed. */
export interface PriorityRoundResource {
	consortiumId: string;
	status: PriorityRoundStatus;
	deadlinePassed: boolean;
}

/** A backlog (the MVP plan) as the policy needs it: planned or locked, and who may speak to the supplier. */
export interface BacklogResource {
	consortiumId: string;
	status: BacklogStatus;
	/** The ground rules' publishing right, for publishing a release of it. */
	publishing: PublishingRight;
}

/** A question from the supplier as the policy needs it: answered or not, whether an answer is drafted, and who may send it. */
export interface QuestionResource {
	consortiumId: string;
	status: QuestionStatus;
	hasDraft: boolean;
	/** The ground rules' publishing right: who may approve and send the answer. */
	publishing: PublishingRight;
}

/** A municipality's row in the portfolio as the policy needs it: whose it is. */
export interface PortfolioStatusResource {
	consortiumId: string;
	organisationId: string;
}

/** An initiative as the policy needs it: the organisations that own it or take part in it. */
export interface InitiativeResource {
	consortiumId: string;
	organisationIds: readonly string[];
}

/**
 * A procurement document as the policy needs it: whether a version of it is in approval now,
 * whether one was ever approved, and who may speak to the supplier.
 */
export interface DocumentResource {
	consortiumId: string;
	inApproval: boolean;
	everApproved: boolean;
	publishing: PublishingRight;
}

/**
 * A named version of a document as the policy needs it, for one audience: the supplier (whether the
 * version was published to it, and that publication takes comments), or one reviewer round (whether
 * it exists, takes comments, who is named in it and whether its last day has passed).
 */
export type DocumentVersionResource = {
	consortiumId: string;
	status: DocumentVersionStatus;
	published: boolean;
	openForComments: boolean;
	publishing: PublishingRight;
} & ({ audience: 'supplier' } | { audience: 'reviewers'; reviewerIds: readonly string[]; replyByPassed: boolean });

/** What an attachment hangs on, as the policy needs it: the target's kind and its own state. */
export type AttachmentTargetResource =
	| { consortiumId: string; kind: 'document' }
	| { consortiumId: string; kind: 'decision_item'; status: DecisionItemStatus }
	| { consortiumId: string; kind: 'meeting'; adjusted: boolean }
	| ({ kind: 'requirement' } & RequirementResource)
	| ({ kind: 'initiative' } & InitiativeResource);

/** An attachment as its readers need it: whether what it hangs on reached the supplier. */
export interface AttachmentReadResource {
	consortiumId: string;
	/** A meeting, or a decision item whose decision was communicated to the supplier and is not secret. */
	publishedToSupplier: boolean;
}

/** An attachment as the policy needs it to remove it: who uploaded it, and what it hangs on. */
export interface AttachmentResource {
	consortiumId: string;
	uploadedBy: string | null;
	target: AttachmentTargetResource;
}

/**
 * A measurement of an effect goal as the policy needs it: the municipality it is for (null: the
 * consortium as a whole) and who recorded it (null for one not yet recorded).
 */
export interface GoalMeasurementResource {
	consortiumId: string;
	organisationId: string | null;
	recordedBy: string | null;
}

/** A status report as the policy needs it: draft or submitted, who wrote it, and whether the steering group noted it. */
export interface StatusReportResource {
	consortiumId: string;
	status: 'draft' | 'submitted';
	authorId: string | null;
	acknowledged: boolean;
}

/** A flag on something a changed baselined requirement affects, as the policy needs it: whether it was cleared. */
export interface ImpactFlagResource {
	consortiumId: string;
	cleared: boolean;
}

export interface DelegationResource {
	consortiumId: string;
	organisationId: string;
}

/** The resource each per-item action is decided on. */
export interface ItemResources {
	'comment.delete': CommentResource;
	'need.join': NeedResource;
	'requirement.update': RequirementResource;
	'requirement.edit_text': RequirementResource;
	'requirement.delete': RequirementResource;
	'requirement.submit': RequirementResource;
	'requirement.return': RequirementResource;
	'requirement.withdraw': RequirementResource;
	'requirement.verdict': RequirementResource;
	'delegation.revoke': DelegationResource;
	'decision_item.edit': DecisionItemResource;
	'decision_item.open': DecisionItemResource;
	'decision_item.close': DecisionItemResource;
	'decision_item.record': DecisionItemResource;
	'decision_item.withdraw': DecisionItemResource;
	'decision_item.position': DecisionItemResource;
	'decision_item.declare_conflict': DecisionItemResource;
	'decision_item.reserve': DecisionItemResource;
	'meeting.read_minutes': MeetingResource;
	'meeting.edit': MeetingResource;
	'meeting.start_minutes': MeetingResource;
	'meeting.write_paragraph': MeetingResource;
	'meeting.record_decision': MeetingResource;
	'meeting.approve': MeetingResource;
	'priority_round.edit': PriorityRoundResource;
	'priority_round.open': PriorityRoundResource;
	'priority_round.close': PriorityRoundResource;
	'priority_round.submit': PriorityRoundResource;
	'question.note': QuestionResource;
	'question.draft': QuestionResource;
	'question.approve': QuestionResource;
	'backlog.plan': BacklogResource;
	'backlog.lock': BacklogResource;
	'backlog.request_change': BacklogResource;
	'backlog.publish': BacklogResource;
	'portfolio_status.edit': PortfolioStatusResource;
	'initiative.edit': InitiativeResource;
	'attachment.add': AttachmentTargetResource;
	'attachment.read': AttachmentReadResource;
	'attachment.delete': AttachmentResource;
	'document.edit': DocumentResource;
	'document.send': DocumentResource;
	'document.delete': DocumentResource;
	'document.verdict': DocumentVersionResource;
	'document.publish': DocumentVersionResource;
	'document.read_published': DocumentVersionResource;
	'document.feedback': DocumentVersionResource;
	'goal_measurement.record': GoalMeasurementResource;
	'goal_measurement.change': GoalMeasurementResource;
	'status_report.edit': StatusReportResource;
	'status_report.submit': StatusReportResource;
	'status_report.acknowledge': StatusReportResource;
	'impact_flag.clear': ImpactFlagResource;
}
export type ItemAction = keyof ItemResources;

export const consortiumActions = [
	'consortium.view',
	'internal.read',
	'content.write',
	'organisation.state_position',
	'organisation.approve',
	'delegation.manage',
	'members.manage',
	'rules.manage',
	'decisions.manage',
	'priorities.manage',
	'webhooks.manage',
	'portfolio.manage',
	'audit.read',
	'supplier.publish',
	'published.read',
	'documents.read',
	'supplier.interact',
	'platform.operate'
] as const;
export type ConsortiumAction = (typeof consortiumActions)[number];

/** Consortium-wide actions, as the role matrix lists them. */
export const actions = consortiumActions;
export type Action = ConsortiumAction | ItemAction;

export type ResourceOf<A extends Action> = A extends ItemAction ? ItemResources[A] : Resource;

// ------------------------------------------------------------------ decisions

/**
 * Why the answer is no: `outside` (not in the consortium: answered like a missing thing, 404),
 * `forbidden` (the role does not allow it: 403), or `locked` (allowed in general, but the item's
 * state does not allow it now: 409). `key` is the message key the person is shown.
 */
export type Refusal = { kind: 'outside' | 'forbidden' | 'locked'; key: string };
export type Decision = true | Refusal;

const deny = (key = 'forbidden'): Refusal => ({ kind: 'forbidden', key });
const locked = (key: string): Refusal => ({ kind: 'locked', key });
const outside: Refusal = { kind: 'outside', key: 'not_found' };

const writers: readonly Role[] = ['admin', 'representative', 'deputy', 'member'];

type Rule<R> = (membership: Membership, resource: R, actor: Actor) => boolean | Refusal;

const speaksFor = (m: Membership, organisationId: string | undefined) =>
	(m.role === 'representative' || m.role === 'deputy') && m.speaksForOrganisation && (organisationId === undefined || organisationId === m.organisationId);

/**
 * Who speaks for the organisation on one decision item: its representative in office unless they
 * declared a conflict of interest on it; its deputy while delegated, while no representative is in
 * office, or while the representative declared a conflict on the item. Only voting organisations.
 */
const speaksOnItem = (m: Membership, d: DecisionItemResource): boolean | Refusal => {
	if (m.organisationKind !== 'municipality' && m.organisationKind !== 'region')
		return m.role === 'representative' || m.role === 'deputy' ? deny('organisation_not_voting') : false;
	if (m.role === 'representative') return m.speaksForOrganisation ? !d.actorConflicted || deny('decision_conflicted') : false;
	if (m.role === 'deputy') return m.speaksForOrganisation || d.representativeConflicted;
	return false;
};

/** Who speaks for the organisation in a priority round: whoever speaks for it by mandate, for a voting organisation. */
const speaksInRound = (m: Membership): boolean | Refusal => {
	const speaker = m.role === 'representative' || m.role === 'deputy';
	if (m.organisationKind !== 'municipality' && m.organisationKind !== 'region') return speaker ? deny('organisation_not_voting') : deny('priority_not_speaker');
	return speaksFor(m, undefined) || deny('priority_not_speaker');
};

/** The first answer unless it is yes, then the second (a refusal is an object, so `&&` would pass it over). */
const then = (first: boolean | Refusal, second: boolean | Refusal): boolean | Refusal => (first === true ? second : first);

const consortiumRules: Record<Exclude<ConsortiumAction, 'platform.operate'>, Rule<Resource>> = {
	'consortium.view': () => true,
	'internal.read': (m) => internalRoles.includes(m.role),
	'content.write': (m) => writers.includes(m.role),
	'organisation.state_position': (m, r) => speaksFor(m, r.organisationId),
	'organisation.approve': (m, r) => speaksFor(m, r.organisationId),
	'delegation.manage': (m, r) =>
		m.role === 'admin' || (m.role === 'representative' && (r.organisationId === undefined || r.organisationId === m.organisationId)),
	'members.manage': (m) => m.role === 'admin',
	'rules.manage': (m) => m.role === 'admin',
	'decisions.manage': (m) => m.role === 'admin',
	'priorities.manage': (m) => m.role === 'admin',
	'webhooks.manage': (m) => m.role === 'admin',
	'portfolio.manage': (m) => m.role === 'admin',
	'audit.read': (m) => m.role === 'admin',
	'supplier.publish': (m, r) => {
		const right = r.publishing ?? 'admins';
		if (m.role === 'admin') return right !== 'representatives';
		if (m.role === 'representative') return right !== 'admins';
		return false;
	},
	// What reaches the supplier (decisions, releases, answers, meetings): everyone but a reviewer, who
	// reads nothing of the consortium but the document versions of its rounds.
	'published.read': (m) => m.role !== 'reviewer',
	// The documents area: internal members all of it, the supplier and reviewers what was published to
	// them (decided per version by 'document.read_published').
	'documents.read': () => true,
	'supplier.interact': (m) => m.role === 'supplier'
};

const editable = (r: RequirementResource) => r.isLatest && (r.status === 'draft' || r.status === 'in_review');
/** A rule that first needs a writer, then the item's own condition. */
const forWriters =
	<R>(rule: Rule<R>): Rule<R> =>
	(m, r, a) =>
		writers.includes(m.role) ? rule(m, r, a) : false;

/** Whether an attachment's target still takes changes from this writer: its own rule, or its state. */
function attachmentTargetOpen(m: Membership, t: AttachmentTargetResource): boolean | Refusal {
	switch (t.kind) {
		case 'document':
			return true;
		case 'decision_item':
			return t.status === 'draft' || t.status === 'open' || t.status === 'closed' || locked('attachments_target_closed');
		case 'meeting':
			return !t.adjusted || locked('meetings_adjusted');
		case 'requirement':
			return (t.isLatest && t.status !== 'replaced' && t.status !== 'withdrawn') || locked('attachments_target_closed');
		case 'initiative':
			return m.role === 'admin' || t.organisationIds.includes(m.organisationId) || deny('initiative_not_participant');
	}
}

const itemRules: { [A in ItemAction]: Rule<ItemResources[A]> } = {
	'comment.delete': forWriters((m, c, a) => c.authorId === a.id || m.role === 'admin' || deny('comment_not_yours')),
	'need.join': forWriters((m, n) => n.capturedByOrganisationId !== m.organisationId || locked('need_own_organisation')),
	'requirement.update': forWriters((_m, r) => (r.isLatest && r.status !== 'replaced' && r.status !== 'withdrawn') || locked('requirement_closed')),
	'requirement.edit_text': forWriters((_m, r) => editable(r) || locked('requirement_closed')),
	'requirement.delete': forWriters((_m, r) => (r.status === 'draft' && r.revision === 1) || locked('requirement_not_deletable')),
	'requirement.submit': forWriters((_m, r) => (r.isLatest && r.status === 'draft') || locked('requirement_wrong_status')),
	'requirement.return': forWriters((_m, r) => (r.isLatest && r.status === 'in_review') || locked('requirement_wrong_status')),
	'requirement.withdraw': forWriters(
		(_m, r) => r.status === 'draft' || r.status === 'in_review' || r.status === 'approved' || locked('requirement_wrong_status')
	),
	'requirement.verdict': (m, r) => {
		if (!speaksFor(m, undefined)) return false;
		if (m.organisationKind !== 'municipality' && m.organisationKind !== 'region') return deny('organisation_not_voting');
		return r.status === 'in_review' || locked('requirement_not_in_review');
	},
	'decision_item.edit': forWriters((_m, d) => d.status === 'draft' || locked('decision_not_draft')),
	'decision_item.open': (m, d) => m.role === 'admin' && (d.status === 'draft' || locked('decision_not_draft')),
	'decision_item.close': (m, d) => m.role === 'admin' && (d.status === 'open' || locked('decision_not_open')),
	'decision_item.record': (m, d) => m.role === 'admin' && (d.status === 'closed' || locked('decision_not_closed')),
	'decision_item.withdraw': (m, d) =>
		m.role === 'admin' && (d.status === 'draft' || d.status === 'open' || d.status === 'closed' || locked('decision_settled')),
	'decision_item.position': (m, d) => then(speaksOnItem(m, d), d.status === 'open' || locked('decision_not_open')),
	'decision_item.declare_conflict': (m, d) =>
		m.role === 'representative' && ((d.status === 'draft' || d.status === 'open') && !d.actorConflicted ? true : locked('decision_not_open')),
	'decision_item.reserve': (m, d) => then(speaksOnItem(m, d), d.status === 'closed' || locked('decision_not_closed')),
	// Meetings: internal members read the minutes; admins run the meeting until it is justerat; writers
	// draft the paragraphs once the minutes are started; only a named adjuster approves, once.
	'meeting.read_minutes': (m) => internalRoles.includes(m.role),
	'meeting.edit': (m, r) => m.role === 'admin' && (!r.adjusted || locked('meetings_adjusted')),
	'meeting.start_minutes': (m, r) => m.role === 'admin' && (r.adjusted ? locked('meetings_adjusted') : !r.minutesStarted || locked('meetings_minutes_started')),
	'meeting.write_paragraph': forWriters((_m, r) => (r.adjusted ? locked('meetings_adjusted') : r.minutesStarted || locked('meetings_minutes_not_started'))),
	'meeting.record_decision': (m, r) => m.role === 'admin' && (r.minutesStarted || locked('meetings_minutes_not_started')),
	'meeting.approve': (m, r) =>
		then(
			internalRoles.includes(m.role) && r.adjuster !== null ? true : deny('meetings_not_adjuster'),
			r.adjusted || r.adjuster?.approved ? locked('meetings_already_approved') : r.minutesStarted || locked('meetings_minutes_not_started')
		),
	// Priority rounds: admins prepare, open and close; whoever speaks for a voting organisation submits
	// its priorities while the round is open and its deadline has not passed.
	'priority_round.edit': (m, r) => m.role === 'admin' && (r.status === 'draft' || locked('priority_round_not_draft')),
	'priority_round.open': (m, r) =>
		m.role === 'admin' && (r.status !== 'draft' ? locked('priority_round_not_draft') : !r.deadlinePassed || locked('priority_deadline_past')),
	'priority_round.close': (m, r) => m.role === 'admin' && (r.status === 'open' || locked('priority_round_not_open')),
	'priority_round.submit': (m, r) =>
		then(
			internalRoles.includes(m.role) ? speaksInRound(m) : false,
			r.status !== 'open' ? locked('priority_round_not_open') : !r.deadlinePassed || locked('priority_deadline_past')
		),
	// The backlog: admins plan it and lock its scope; after the lock only a change request (a decision
	// item any writer may propose) changes it; whoever may speak to the supplier publishes releases of a locked one.
	'backlog.plan': (m, b) => m.role === 'admin' && (b.status === 'planning' || locked('backlog_locked')),
	'backlog.lock': (m, b) => m.role === 'admin' && (b.status === 'planning' || locked('backlog_locked')),
	'backlog.request_change': forWriters((_m, b) => b.status === 'locked' || locked('backlog_not_locked')),
	'backlog.publish': (m, b, a) => then(consortiumRules['supplier.publish'](m, b, a), b.status === 'locked' || locked('backlog_not_locked')),
	// The supplier's questions: writers triage them in internal notes and draft the answer while it is
	// open; whoever may speak to the supplier under the ground rules approves a draft, which sends it.
	'question.note': forWriters(() => true),
	'question.draft': forWriters((_m, q) => q.status === 'open' || locked('question_answered')),
	'question.approve': (m, q, a) =>
		then(
			consortiumRules['supplier.publish'](m, q, a) || deny('question_not_approver'),
			q.status !== 'open' ? locked('question_answered') : q.hasDraft || locked('question_no_draft')
		),
	// The portfolio: each municipality's representative, deputy or member keeps its own rows; an admin
	// may keep any municipality's (the convenor often fills in what a municipality reported by mail).
	'portfolio_status.edit': forWriters((m, r) => m.role === 'admin' || r.organisationId === m.organisationId || deny('portfolio_not_own_organisation')),
	// An initiative: planned, rescheduled and gated by those who take part in it (the owning or a
	// participating organisation's representative, deputy or member) or an admin.
	'initiative.edit': forWriters((m, i) => m.role === 'admin' || i.organisationIds.includes(m.organisationId) || deny('initiative_not_participant')),
	// Attachments: writers attach to what they may change, while it still takes changes; the uploader
	// or an admin removes one. Whoever reads the target reads them: the supplier only a meeting's and a
	// communicated decision's, and to it the others do not exist (404).
	'attachment.add': forWriters((m, t) => attachmentTargetOpen(m, t)),
	'attachment.read': (m, r) => internalRoles.includes(m.role) || (m.role === 'supplier' && r.publishedToSupplier) || outside,
	'attachment.delete': (m, r, a) => {
		if (!internalRoles.includes(m.role)) return outside;
		if (!writers.includes(m.role)) return false;
		return then(r.uploadedBy === a.id || m.role === 'admin' || deny('attachments_not_yours'), attachmentTargetOpen(m, r.target));
	},
	// Procurement documents: writers co-write the draft and name versions at any time (a version is a
	// frozen copy, so approving one never locks the draft); one version at a time is in approval;
	// whoever speaks for a voting organisation approves or objects; whoever may speak to the supplier
	// publishes an approved version, which the supplier then reads (and comments on, if the round allows).
	'document.edit': forWriters(() => true),
	'document.send': forWriters((_m, d) => !d.inApproval || locked('document_approval_pending')),
	'document.delete': (m, d) => m.role === 'admin' && (!d.everApproved || locked('document_approved_kept')),
	'document.verdict': (m, v) => {
		if (!speaksFor(m, undefined)) return internalRoles.includes(m.role) ? false : outside;
		if (m.organisationKind !== 'municipality' && m.organisationKind !== 'region') return deny('organisation_not_voting');
		return v.status === 'in_approval' || locked('document_not_in_approval');
	},
	// The same right publishes to a round of external reviewers (remiss), any number of rounds per version.
	'document.publish': (m, v, a) =>
		then(
			consortiumRules['supplier.publish'](m, v, a),
			v.status !== 'approved' ? locked('document_not_approved') : v.audience === 'reviewers' || !v.published || locked('document_already_published')
		),
	'document.read_published': (m, v, a) => internalRoles.includes(m.role) || (v.published && isAudience(m, v, a)) || outside,
	'document.feedback': (m, v, a) => {
		if (!isAudience(m, v, a)) return internalRoles.includes(m.role) ? false : outside;
		if (!v.published) return outside;
		if (!v.openForComments) return locked('document_feedback_closed');
		return v.audience === 'supplier' || !v.replyByPassed || locked('document_round_past_reply_by');
	},
	// Effect goals: a municipality's measurement is recorded by that municipality's writers or an admin,
	// one for the consortium as a whole by any writer; its recorder or an admin corrects or removes it.
	'goal_measurement.record': forWriters(
		(m, r) => r.organisationId === null || m.role === 'admin' || r.organisationId === m.organisationId || deny('goals_measurement_not_own_organisation')
	),
	'goal_measurement.change': forWriters((m, r, a) => r.recordedBy === a.id || m.role === 'admin' || deny('goals_measurement_not_yours')),
	// Status reports: the project manager (its author, any writer) or an admin writes and submits the
	// draft; a submitted report is locked; an admin or a representative notes it as read, once.
	'status_report.edit': forWriters((m, r, a) =>
		then(r.authorId === a.id || m.role === 'admin' || deny('status_report_not_yours'), r.status === 'draft' || locked('status_report_submitted'))
	),
	'status_report.submit': forWriters((m, r, a) =>
		then(r.authorId === a.id || m.role === 'admin' || deny('status_report_not_yours'), r.status === 'draft' || locked('status_report_submitted'))
	),
	'status_report.acknowledge': (m, r) =>
		(m.role === 'admin' || m.role === 'representative') &&
		(r.status !== 'submitted' ? locked('status_report_not_submitted') : !r.acknowledged || locked('status_report_already_acknowledged')),
	// Change impact: internal members read the flags (`internal.read`); a writer who reviewed the flagged
	// thing clears its flag with a note, once.
	'impact_flag.clear': forWriters((_m, f) => !f.cleared || locked('impact_flag_cleared')),
	// The organisation's representative (also one appointed after the delegation was given) or an admin.
	'delegation.revoke': (m, d) => m.role === 'admin' || (m.role === 'representative' && d.organisationId === m.organisationId)
};

/** Whether the person is the publication's audience: the supplier for the supplier's, a reviewer named in a reviewer round. */
function isAudience(m: Membership, v: DocumentVersionResource, a: Actor): boolean {
	return v.audience === 'supplier' ? m.role === 'supplier' : m.role === 'reviewer' && v.reviewerIds.includes(a.id);
}

const isItemAction = (action: Action): action is ItemAction => action in itemRules;

/** Whether `actor` may do `action` to `resource`, and if not, why. Nobody outside a consortium may do anything in it. */
export function decide<A extends Action>(actor: Actor | null, action: A, resource?: ResourceOf<A>): Decision {
	if (!actor) return outside;
	if (action === 'platform.operate') return actor.isOperator || deny();
	const membership = actor.membership;
	if (!membership || !resource || membership.consortiumId !== resource.consortiumId) return outside;
	const rule = (isItemAction(action) ? itemRules[action] : consortiumRules[action as Exclude<ConsortiumAction, 'platform.operate'>]) as Rule<ResourceOf<A>>;
	const answer = rule(membership, resource, actor);
	return answer === true ? true : answer === false ? deny() : answer;
}

/** Whether `actor` may do `action` to `resource`. */
export function can<A extends Action>(actor: Actor | null, action: A, resource?: ResourceOf<A>): boolean {
	return decide(actor, action, resource) === true;
}

export type Abilities = Record<ConsortiumAction, boolean>;

/** Every consortium-wide action's answer at once, for the UI to show or hide controls. */
export function abilities(actor: Actor | null, resource?: Resource): Abilities {
	return Object.fromEntries(consortiumActions.map((action) => [action, can(actor, action, resource)])) as Abilities;
}

type Verb<K extends string> = ItemAction extends infer A ? (A extends `${K}.${infer V}` ? V : never) : never;
export type ItemKind = ItemAction extends `${infer K}.${string}` ? K : never;
export type ItemAbilities<K extends ItemKind> = Record<Verb<K>, boolean>;

/** What the actor may do with one item (`itemAbilities(actor, 'requirement', row).submit`), for the UI. */
export function itemAbilities<K extends ItemKind>(actor: Actor | null, kind: K, resource: ItemResources[`${K}.${Verb<K>}` & ItemAction]): ItemAbilities<K> {
	const entries = (Object.keys(itemRules) as ItemAction[])
		.filter((action) => action.startsWith(`${kind}.`))
		.map((action) => [action.slice(kind.length + 1), can(actor, action, resource as never)]);
	return Object.fromEntries(entries) as ItemAbilities<K>;
}

/** Thrown when the role does not allow an action (403), with the message key to show. */
export class Forbidden extends Error {
	constructor(
		readonly action: Action,
		readonly key = 'forbidden'
	) {
		super(`forbidden: ${action}`);
		this.name = 'Forbidden';
	}
}

/**
 * Throws unless `can(actor, action, resource)`: NotFound for someone outside the consortium (the
 * same answer as for a missing thing), Forbidden when the role does not allow it, and a 409
 * CommandError with the lock's message when the item's state does not allow it now.
 */
export function authorize<A extends Action>(actor: Actor | null, action: A, resource?: ResourceOf<A>): asserts actor is Actor {
	const decision = decide(actor, action, resource);
	if (decision === true) return;
	if (decision.kind === 'outside') throw new NotFound();
	if (decision.kind === 'locked') throw new CommandError(decision.key, 'form', 409);
	throw new Forbidden(action, decision.key);
}

/** The shape of a live event that matters for who may receive it. */
export interface EventAddress {
	consortiumId: string | null;
	audience: 'internal' | 'everyone' | 'admins' | 'user';
	userId: string | null;
}

/** Whether a person, with their actor per consortium, may receive a live event. */
export function canReceiveEvent(userId: string, actors: Map<string, Actor>, event: EventAddress): boolean {
	if (event.audience === 'user') return event.userId === userId;
	if (!event.consortiumId) return false;
	const actor = actors.get(event.consortiumId) ?? null;
	const resource = { consortiumId: event.consortiumId };
	if (event.audience === 'internal') return can(actor, 'internal.read', resource);
	if (event.audience === 'admins') return can(actor, 'members.manage', resource);
	return can(actor, 'published.read', resource);
}
