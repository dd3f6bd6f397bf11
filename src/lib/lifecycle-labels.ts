import { m } from '$lib/paraglide/messages';
import type { LifecycleActivityStatus } from '$lib/enums';
import { formatDate } from '$lib/components/dates';
import type { DeadlineRule, DeadlineWarning } from '$lib/lifecycle/deadlines';
import type { HolidayKey } from '$lib/lifecycle/holidays';

type Labels<K extends string> = Record<K, () => string>;
const pick = (labels: Record<string, () => string>, key: string | null | undefined) => (key && labels[key] ? labels[key]() : (key ?? ''));

const statuses: Labels<LifecycleActivityStatus> = {
	not_started: () => m.lifecycle_status_not_started(),
	in_progress: () => m.lifecycle_status_in_progress(),
	done: () => m.lifecycle_status_done(),
	not_applicable: () => m.lifecycle_status_not_applicable()
};
const holidays: Labels<HolidayKey> = {
	new_years_day: () => m.holiday_new_years_day(),
	epiphany: () => m.holiday_epiphany(),
	good_friday: () => m.holiday_good_friday(),
	easter_sunday: () => m.holiday_easter_sunday(),
	easter_monday: () => m.holiday_easter_monday(),
	may_day: () => m.holiday_may_day(),
	ascension_day: () => m.holiday_ascension_day(),
	national_day: () => m.holiday_national_day(),
	midsummer_eve: () => m.holiday_midsummer_eve(),
	midsummer_day: () => m.holiday_midsummer_day(),
	all_saints_day: () => m.holiday_all_saints_day(),
	christmas_eve: () => m.holiday_christmas_eve(),
	christmas_day: () => m.holiday_christmas_day(),
	boxing_day: () => m.holiday_boxing_day(),
	new_years_eve: () => m.holiday_new_years_eve()
};
const rules: Labels<DeadlineRule> = {
	tender_period: () => m.lifecycle_rule_tender_period(),
	questions_answered: () => m.lifecycle_rule_questions_answered(),
	question_period: () => m.lifecycle_rule_question_period(),
	standstill: () => m.lifecycle_rule_standstill()
};
const sources: Labels<DeadlineRule> = {
	tender_period: () => m.lifecycle_source_tender_period(),
	questions_answered: () => m.lifecycle_source_questions_answered(),
	question_period: () => m.lifecycle_source_question_period(),
	standstill: () => m.lifecycle_source_standstill()
};

export const lifecycleStatusLabel = (v: string | null | undefined) => pick(statuses, v);
export const holidayLabel = (v: string | null | undefined) => pick(holidays, v);
export const deadlineRuleLabel = (v: string | null | undefined) => pick(rules, v);
export const deadlineSourceLabel = (v: string | null | undefined) => pick(sources, v);

/** What the rule says, with the days it counts. */
export function deadlineRuleText(rule: DeadlineRule, days: number): string {
	const d = String(days);
	switch (rule) {
		case 'tender_period':
			return m.lifecycle_rule_tender_period_text({ days: d });
		case 'questions_answered':
			return m.lifecycle_rule_questions_answered_text({ days: d });
		case 'question_period':
			return m.lifecycle_rule_question_period_text({ days: d });
		case 'standstill':
			return m.lifecycle_rule_standstill_text({ days: d });
	}
}

/** The warning as a sentence that names its rule. */
export function deadlineWarningText(w: DeadlineWarning): string {
	const rule = deadlineRuleLabel(w.rule);
	const date = w.date ? formatDate(w.date) : '';
	switch (w.kind) {
		case 'too_short':
			return m.lifecycle_warning_too_short({ rule, date });
		case 'ends_on_day_off':
			return m.lifecycle_warning_ends_on_day_off({ rule, date });
		case 'extended_past_day_off':
			return m.lifecycle_warning_extended({ rule, date });
		case 'spans_holidays':
			return m.lifecycle_warning_spans_holidays({ rule, holidays: (w.holidays ?? []).map(holidayLabel).join(', ') });
		case 'in_july':
			return m.lifecycle_warning_in_july({ rule });
		case 'contract_in_standstill':
			return m.lifecycle_warning_contract_in_standstill({ date });
	}
}
