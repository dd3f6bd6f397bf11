import { m } from '$lib/paraglide/messages';
import { DATE_MAX, DATE_MIN } from '$lib/date-limits';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '$lib/password-limits';
import type { FieldError } from './types';

type Params = Record<string, string | number>;
const n = (value: string | number | undefined) => String(value ?? '');

/**
 * The sentence for every message key a form or a command answers with, in the current language.
 * One table for the whole app, so a key means the same everywhere and a new area adds its keys here.
 */
const sentences: Record<string, (p: Params) => string> = {
	// input
	required: () => m.validation_required(),
	email: () => m.validation_email(),
	too_long: (p) => (p.max !== undefined ? m.validation_too_long({ max: n(p.max) }) : m.validation_too_long_plain()),
	too_short: (p) => m.validation_too_short({ min: n(p.min) }),
	out_of_range: (p) =>
		p.min !== undefined && p.max !== undefined
			? m.validation_out_of_range({ min: n(p.min), max: n(p.max) })
			: p.max !== undefined
				? m.validation_too_big({ max: n(p.max) })
				: p.min !== undefined
					? m.validation_too_small({ min: n(p.min) })
					: m.validation_not_a_number(),
	too_small: (p) => m.validation_too_small({ min: n(p.min) }),
	too_big: (p) => m.validation_too_big({ max: n(p.max) }),
	not_a_number: () => m.validation_not_a_number(),
	not_a_whole_number: () => m.validation_not_a_whole_number(),
	invalid_choice: () => m.validation_invalid_choice(),
	choose_at_least: (p) => m.validation_choose_at_least({ min: n(p.min) }),
	choose_at_most: (p) => m.validation_choose_at_most({ max: n(p.max) }),
	date_invalid: () => m.validation_date_invalid(),
	date_out_of_range: () => m.validation_date_out_of_range({ min: DATE_MIN, max: DATE_MAX }),
	invalid_format: () => m.validation_invalid_format(),
	nul_character: () => m.validation_nul_character(),
	too_large: (p) => m.validation_too_large({ max: n(p.max) }),
	request_unreadable: () => m.request_unreadable(),
	rate_limited: () => m.validation_rate_limited(),
	invalid: () => m.validation_invalid(),
	// accounts
	password_too_short: () => m.password_too_short({ min: PASSWORD_MIN_LENGTH }),
	password_too_long: () => m.password_too_long({ max: PASSWORD_MAX_LENGTH }),
	password_common: () => m.password_common(),
	password_is_email: () => m.password_is_email(),
	password_repetitive: () => m.password_repetitive(),
	password_mismatch: () => m.password_mismatch(),
	password_current_wrong: () => m.password_current_wrong(),
	reset_link_invalid: () => m.reset_link_invalid(),
	login_failed: () => m.login_failed(),
	// consortia, members, mandates
	before_start: () => m.consortium_error_before_start(),
	slug: () => m.consortium_error_slug(),
	last_admin: () => m.consortium_error_last_admin(),
	role_organisation_mismatch: () => m.consortium_error_role_organisation_mismatch(),
	name_taken: () => m.consortium_error_name_taken(),
	kind_has_members: () => m.consortium_error_kind_has_members(),
	already_member: () => m.consortium_error_already_member(),
	unknown_organisation: () => m.consortium_error_unknown_organisation(),
	unknown_member: () => m.consortium_error_unknown_member(),
	mandate_role: () => m.consortium_error_mandate_role(),
	mandate_overlap: () => m.consortium_error_mandate_overlap(),
	not_a_deputy: () => m.consortium_error_not_a_deputy(),
	invitation_invalid: () => m.invite_invalid(),
	invitation_wrong_account: () => m.consortium_error_wrong_account(),
	account_exists: () => m.consortium_error_account_exists(),
	slug_taken: () => m.consortium_error_slug_taken(),
	// needs, stories, requirements, comments
	stale_write: () => m.error_stale_write(),
	unknown_link: () => m.error_unknown_link(),
	// the supplier's questions
	question_item_unknown: () => m.error_question_item_unknown(),
	question_answered: () => m.error_question_answered(),
	question_no_draft: () => m.error_question_no_draft(),
	question_not_approver: () => m.error_question_not_approver(),
	need_own_organisation: () => m.error_need_own_organisation(),
	requirement_closed: () => m.error_requirement_closed(),
	requirement_body_coedited: () => m.error_requirement_body_coedited(),
	requirement_not_deletable: () => m.error_requirement_not_deletable(),
	requirement_wrong_status: () => m.error_requirement_wrong_status(),
	requirement_not_in_review: () => m.error_requirement_not_in_review(),
	organisation_not_voting: () => m.error_organisation_not_voting(),
	comment_not_yours: () => m.error_comment_not_yours(),
	// decisions
	decision_not_draft: () => m.error_decision_not_draft(),
	decision_not_open: () => m.error_decision_not_open(),
	decision_not_closed: () => m.error_decision_not_closed(),
	decision_settled: () => m.error_decision_settled(),
	decision_conflicted: () => m.error_decision_conflicted(),
	decision_option_required: () => m.error_decision_option_required(),
	decision_not_lost: () => m.error_decision_not_lost(),
	decision_deadline_past: () => m.error_decision_deadline_past(),
	decision_already_recorded: () => m.error_decision_already_recorded(),
	decision_secret_not_communicated: () => m.error_decision_secret_not_communicated(),
	// the backlog, releases and delivery
	backlog_locked: () => m.error_backlog_locked(),
	backlog_not_locked: () => m.error_backlog_not_locked(),
	backlog_line_empty: () => m.error_backlog_line_empty(),
	backlog_line_too_far: (p) => m.error_backlog_line_too_far({ max: n(p.max) }),
	backlog_round_not_closed: () => m.error_backlog_round_not_closed(),
	backlog_round_empty: () => m.error_backlog_round_empty(),
	backlog_item_already_in: () => m.error_backlog_item_already_in(),
	backlog_rank_too_far: (p) => m.error_backlog_rank_too_far({ max: n(p.max) }),
	backlog_rank_unchanged: () => m.error_backlog_rank_unchanged(),
	delivery_not_delivered: () => m.error_delivery_not_delivered(),
	// the portfolio
	portfolio_not_own_organisation: () => m.error_portfolio_not_own_organisation(),
	portfolio_unknown_technology: () => m.error_portfolio_unknown_technology(),
	portfolio_unknown_municipality: () => m.error_portfolio_unknown_municipality(),
	portfolio_category_taken: (p) => m.error_portfolio_category_taken({ name: n(p.name) }),
	portfolio_name_taken: (p) => m.error_portfolio_name_taken({ name: n(p.name), technology: n(p.technology) }),
	portfolio_category_not_empty: () => m.error_portfolio_category_not_empty(),
	roadmap_shift_zero: () => m.error_roadmap_shift_zero(),
	roadmap_not_planned: () => m.error_roadmap_not_planned(),
	roadmap_gate_taken: () => m.error_roadmap_gate_taken(),
	lifecycle_exists: () => m.error_lifecycle_exists(),
	roadmap_dependency_self: () => m.error_roadmap_dependency_self(),
	roadmap_dependency_exists: () => m.error_roadmap_dependency_exists(),
	roadmap_dependency_cycle: (p) => m.error_roadmap_dependency_cycle({ chain: n(p.chain) }),
	roadmap_link_exists: () => m.error_roadmap_link_exists(),
	initiative_not_participant: () => m.error_initiative_not_participant(),
	portfolio_merge_same: () => m.error_portfolio_merge_same(),
	portfolio_import_stale: () => m.portfolio_import_error_stale(),
	// priority rounds
	priority_round_not_draft: () => m.error_priority_round_not_draft(),
	priority_round_not_open: () => m.error_priority_round_not_open(),
	priority_deadline_past: () => m.error_priority_deadline_past(),
	priority_not_speaker: () => m.error_priority_not_speaker(),
	priority_item_not_in_round: () => m.error_priority_item_not_in_round(),
	priority_moscow_missing: () => m.error_priority_moscow_missing(),
	priority_rank_missing: () => m.error_priority_rank_missing(),
	priority_rank_duplicate: (p) => m.error_priority_rank_duplicate({ rank: n(p.rank) }),
	priority_rank_gap: (p) => m.error_priority_rank_gap({ max: n(p.max) }),
	priority_points_sum: (p) => m.error_priority_points_sum({ sum: n(p.sum) }),
	priority_already_submitted: () => m.error_priority_already_submitted(),
	priority_requirement_not_approved: () => m.error_priority_requirement_not_approved(),
	priority_round_too_few_items: (p) => m.error_priority_round_too_few_items({ min: n(p.min) }),
	// meetings
	meetings_not_adjuster: () => m.meetings_error_not_adjuster(),
	meetings_adjusted: () => m.meetings_error_adjusted(),
	meetings_minutes_started: () => m.meetings_error_minutes_started(),
	meetings_date_fixed: () => m.meetings_error_date_fixed(),
	meetings_minutes_not_started: () => m.meetings_error_minutes_not_started(),
	meetings_already_approved: () => m.meetings_error_already_approved(),
	meetings_agenda_empty: () => m.meetings_error_agenda_empty(),
	meetings_unknown_adjuster: () => m.meetings_error_unknown_adjuster(),
	forbidden: () => m.error_forbidden(),
	// baselines, documents, imports
	baseline_name_taken: () => m.baselines_error_name_taken(),
	baseline_empty: () => m.baselines_error_empty(),
	collab_version_name_required: () => m.collab_version_name_required(),
	collab_version_name_too_long: () => m.collab_version_name_too_long(),
	versions_not_found: () => m.versions_not_found(),
	versions_forbidden: () => m.versions_forbidden(),
	file_required: () => m.import_error_file_required(),
	import_nothing_valid: () => m.import_error_nothing_valid(),
	import_empty: () => m.import_refusal_empty(),
	import_too_large: (p) => m.import_refusal_too_large({ size: n(p.size) }),
	import_too_many_rows: (p) => m.import_refusal_too_many_rows({ found: n(p.found), limit: n(p.limit) }),
	import_invalid_utf8: (p) => m.import_refusal_invalid_utf8({ line: n(p.line) }),
	import_utf16: () => m.import_refusal_utf16(),
	import_unreadable_xlsx: () => m.import_refusal_unreadable_xlsx(),
	import_no_rows: () => m.import_refusal_no_rows(),
	import_missing_columns: (p) => m.import_refusal_missing_columns({ columns: n(p.columns) }),
	import_unsupported_format: () => m.import_refusal_unsupported_format(),
	import_unpacked_too_large: (p) => m.import_refusal_unpacked_too_large({ size: n(Math.round(Number(p.limit ?? 0) / 1024 / 1024)) }),
	import_stale: () => m.import_error_stale(),
	// webhooks and API tokens
	webhook_url_invalid: () => m.webhooks_error_url_invalid(),
	webhook_url_https: () => m.webhooks_error_url_https(),
	webhook_url_credentials: () => m.webhooks_error_url_credentials(),
	webhook_url_unresolvable: () => m.webhooks_error_url_unresolvable(),
	webhook_url_private: () => m.webhooks_error_url_private(),
	webhook_events_required: () => m.webhooks_error_events_required(),
	webhook_disabled: () => m.webhooks_error_disabled(),
	api_token_holder_not_supplier: () => m.api_error_holder_not_supplier(),
	// attachments
	attachments_too_large: (p) => m.error_attachments_too_large({ max: n(p.max) }),
	attachments_type_not_allowed: () => m.error_attachments_type_not_allowed(),
	attachments_type_mismatch: (p) => m.error_attachments_type_mismatch({ claimed: n(p.claimed), actual: n(p.actual) }),
	attachments_not_yours: () => m.error_attachments_not_yours(),
	attachments_target_closed: () => m.error_attachments_target_closed(),
	attachments_no_file: () => m.error_attachments_no_file(),
	// documents
	document_approval_pending: () => m.error_document_approval_pending(),
	document_approved_kept: () => m.error_document_approved_kept(),
	document_not_in_approval: () => m.error_document_not_in_approval(),
	document_not_approved: () => m.error_document_not_approved(),
	document_already_published: () => m.error_document_already_published(),
	document_feedback_closed: () => m.error_document_feedback_closed(),
	backlog_gate_pending: () => m.error_backlog_gate_pending(),
	document_round_past_reply_by: () => m.error_document_round_past_reply_by(),
	document_round_reply_by_past: () => m.error_document_round_reply_by_past(),
	document_round_reviewers_required: () => m.error_document_round_reviewers_required(),
	document_round_reviewer_unknown: () => m.error_document_round_reviewer_unknown(),
	document_baseline_only_specification: () => m.error_document_baseline_only_specification(),
	document_version_not_saved: () => m.error_document_version_not_saved(),
	// risks and the steering group's agenda
	risk_bands_order: () => m.risks_error_bands_order(),
	risk_decision_exists: () => m.error_risk_decision_exists(),
	roadmap_not_ended: () => m.error_roadmap_not_ended(),
	agenda_proposals_changed: () => m.agenda_proposals_changed(),
	// effect goals
	goals_target_before_baseline: () => m.goals_error_target_before_baseline(),
	goals_target_equals_baseline: () => m.goals_error_target_equals_baseline(),
	goals_measurement_not_own_organisation: () => m.goals_error_measurement_not_own_organisation(),
	goals_measurement_not_yours: () => m.goals_error_measurement_not_yours(),
	// change impact
	impact_flag_cleared: () => m.impact_error_flag_cleared(),
	// status reports
	status_report_not_yours: () => m.status_report_not_yours(),
	status_report_submitted: () => m.status_report_submitted(),
	status_report_not_submitted: () => m.status_report_not_submitted(),
	tender_version_not_approved: () => m.tender_error_version_not_approved(),
	tender_one_version_per_document: () => m.tender_error_one_version_per_document(),
	status_report_already_acknowledged: () => m.status_report_already_acknowledged(),
	status_report_exists: () => m.status_report_exists(),
	status_report_period_invalid: () => m.status_report_period_invalid(),
	status_report_light_invalid: () => m.status_report_light_invalid(),
	status_report_row_standard: () => m.status_report_row_standard(),
	// budget
	budget_amount_negative: () => m.budget_amount_negative(),
	budget_amount_required: () => m.budget_amount_required(),
	budget_category_duplicate: () => m.budget_category_duplicate(),
	budget_import_no_periods: () => m.budget_import_no_periods(),
	budget_import_period_invalid: (p) => m.budget_import_period_invalid({ column: n(p.column) }),
	budget_import_not_adding_up: (p) => m.budget_import_not_adding_up({ count: n(p.count) })
};

/** The sentence for a form's or a command's error, in the current language. */
export function errorMessage(error: FieldError | string | undefined | null): string | undefined {
	if (!error) return undefined;
	const { key, params = {} } = typeof error === 'string' ? { key: error } : error;
	return (sentences[key] ?? sentences.invalid!)(params);
}

/** Whether a key has a sentence of its own (tests keep every key a command can answer with covered). */
export function hasMessage(key: string): boolean {
	return key in sentences;
}

/** "Try again in N minutes", in the current language. */
export function retryText(minutes: number): string {
	return minutes <= 1 ? m.retry_in_one_minute() : m.retry_in_minutes({ minutes });
}
