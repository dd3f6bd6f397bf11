/*
 * The dates a procurement's rules fix, computed from the lifecycle's key dates and the consortium's
 * settings, with warnings where a period is too short, ends on a day off, spans public holidays or
 * falls in July. The defaults and their sources are in docs/decisions.md. Samsyn warns; it does not
 * give legal advice, and the pages say so.
 */
import { addDays } from '../roadmap/dates';
import { holidaysBetween, isWorkingDay, type HolidayKey } from './holidays';
import { daysBetween } from '../roadmap/dates';

export interface DeadlineSettings {
	/** Days before the tender deadline by which questions are answered (LOU 12 kap. 10 §: six days). */
	questionDays: number;
	/** Days suppliers have for questions from the advertisement (seed 001: "ca 10 dagar"). */
	questionPeriodDays: number;
	/** Shortest tender period, open procedure above the threshold, tenders by electronic means (LOU 11 kap. 2 och 8 §§: 35 − 5). */
	minTenderDays: number;
	/** Standstill after an award notice sent electronically (LOU 20 kap. 1–2 §§). */
	standstillElectronicDays: number;
	/** Standstill after an award notice sent otherwise (LOU 20 kap. 1–2 §§). */
	standstillOtherDays: number;
	/** Warn when a period falls in July (semester; seed 001: never advertise during holidays). */
	warnJuly: boolean;
}

export const defaultDeadlineSettings: DeadlineSettings = {
	questionDays: 6,
	questionPeriodDays: 10,
	minTenderDays: 30,
	standstillElectronicDays: 10,
	standstillOtherDays: 15,
	warnJuly: true
};

/** The lifecycle's key dates, any of which may be unknown yet. */
export interface KeyDates {
	advertisedOn: string | null;
	tenderDeadline: string | null;
	awardNoticeOn: string | null;
	/** Whether the award notice is sent electronically (the standstill is then the shorter one). */
	awardElectronic: boolean;
	contractOn: string | null;
}

export const deadlineRules = ['tender_period', 'questions_answered', 'question_period', 'standstill'] as const;
export type DeadlineRule = (typeof deadlineRules)[number];

export interface Deadline {
	rule: DeadlineRule;
	/** The day the rule fixes: the earliest tender deadline, the last day to answer, the last day of the standstill. */
	date: string;
	/** The length in days the rule counts with. */
	days: number;
}

export type WarningKind = 'too_short' | 'ends_on_day_off' | 'extended_past_day_off' | 'spans_holidays' | 'in_july' | 'contract_in_standstill';

export interface DeadlineWarning {
	rule: DeadlineRule;
	kind: WarningKind;
	/** The day concerned (the day off, the standstill's end). */
	date?: string;
	holidays?: HolidayKey[];
}

const previousWorkingDay = (iso: string) => {
	let d = iso;
	while (!isWorkingDay(d)) d = addDays(d, -1);
	return d;
};
const nextWorkingDay = (iso: string) => {
	let d = iso;
	while (!isWorkingDay(d)) d = addDays(d, 1);
	return d;
};

/** Whether `from`..`to` (inclusive) has a day in July. */
export function touchesJuly(from: string, to: string): boolean {
	if (to < from) return false;
	for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
		if (from <= `${y}-07-31` && to >= `${y}-07-01`) return true;
	}
	return false;
}

function periodWarnings(rule: DeadlineRule, from: string, to: string, settings: DeadlineSettings): DeadlineWarning[] {
	const out: DeadlineWarning[] = [];
	const holidays = holidaysBetween(from, to);
	if (holidays.length) out.push({ rule, kind: 'spans_holidays', holidays: holidays.map((h) => h.key) });
	if (settings.warnJuly && touchesJuly(from, to)) out.push({ rule, kind: 'in_july' });
	return out;
}

/**
 * The rules' dates and the warnings about them. Each rule needs its own key dates and is left out
 * while they are unknown. The standstill ends, as statutory periods do (lagen 1930:173), on the next
 * working day when its last day is a Saturday, Sunday, public holiday or midsommar-, jul- or nyårsafton.
 */
export function computeDeadlines(
	dates: KeyDates,
	settings: DeadlineSettings = defaultDeadlineSettings
): { deadlines: Deadline[]; warnings: DeadlineWarning[] } {
	const deadlines: Deadline[] = [];
	const warnings: DeadlineWarning[] = [];
	const { advertisedOn, tenderDeadline, awardNoticeOn, contractOn } = dates;
	if (advertisedOn) {
		const earliest = addDays(advertisedOn, settings.minTenderDays);
		deadlines.push({ rule: 'tender_period', date: earliest, days: settings.minTenderDays });
		if (tenderDeadline) {
			if (tenderDeadline < earliest) warnings.push({ rule: 'tender_period', kind: 'too_short', date: tenderDeadline });
			if (!isWorkingDay(tenderDeadline)) warnings.push({ rule: 'tender_period', kind: 'ends_on_day_off', date: tenderDeadline });
			warnings.push(...periodWarnings('tender_period', advertisedOn, tenderDeadline, settings));
		}
	}
	if (tenderDeadline) {
		const lastAnswer = previousWorkingDay(addDays(tenderDeadline, -settings.questionDays));
		deadlines.push({ rule: 'questions_answered', date: lastAnswer, days: settings.questionDays });
		if (advertisedOn) {
			const period = daysBetween(advertisedOn, lastAnswer);
			deadlines.push({ rule: 'question_period', date: addDays(advertisedOn, settings.questionPeriodDays), days: settings.questionPeriodDays });
			if (period < settings.questionPeriodDays) warnings.push({ rule: 'question_period', kind: 'too_short', date: lastAnswer });
		}
	}
	if (awardNoticeOn) {
		const days = dates.awardElectronic ? settings.standstillElectronicDays : settings.standstillOtherDays;
		const counted = addDays(awardNoticeOn, days);
		const end = nextWorkingDay(counted);
		deadlines.push({ rule: 'standstill', date: end, days });
		if (end !== counted) warnings.push({ rule: 'standstill', kind: 'extended_past_day_off', date: counted });
		warnings.push(...periodWarnings('standstill', awardNoticeOn, end, settings));
		if (contractOn && contractOn <= end) warnings.push({ rule: 'standstill', kind: 'contract_in_standstill', date: end });
	}
	return { deadlines, warnings };
}
