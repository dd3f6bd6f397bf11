import { describe, expect, it } from 'vitest';
import { computeDeadlines, defaultDeadlineSettings, touchesJuly, type KeyDates } from './deadlines';

const none: KeyDates = { advertisedOn: null, tenderDeadline: null, awardNoticeOn: null, awardElectronic: true, contractOn: null };

describe('the deadlines of a procurement', () => {
	it('computes nothing while no key date is known', () => {
		expect(computeDeadlines(none)).toEqual({ deadlines: [], warnings: [] });
	});

	it('gives the earliest tender deadline, the last day to answer questions and the question period, and warns of nothing in a clean spring', () => {
		const { deadlines, warnings } = computeDeadlines({ ...none, advertisedOn: '2027-02-01', tenderDeadline: '2027-03-10' });
		expect(deadlines).toEqual([
			{ rule: 'tender_period', date: '2027-03-03', days: 30 },
			{ rule: 'questions_answered', date: '2027-03-04', days: 6 },
			{ rule: 'question_period', date: '2027-02-11', days: 10 }
		]);
		expect(warnings).toEqual([]);
	});

	it('warns of a tender period that is too short, ends on a holiday and spans Easter', () => {
		const { warnings } = computeDeadlines({ ...none, advertisedOn: '2026-03-27', tenderDeadline: '2026-04-06' });
		expect(warnings).toContainEqual({ rule: 'tender_period', kind: 'too_short', date: '2026-04-06' });
		expect(warnings).toContainEqual({ rule: 'tender_period', kind: 'ends_on_day_off', date: '2026-04-06' });
		expect(warnings).toContainEqual({ rule: 'tender_period', kind: 'spans_holidays', holidays: ['good_friday', 'easter_sunday', 'easter_monday'] });
		expect(warnings).toContainEqual({ rule: 'question_period', kind: 'too_short', date: '2026-03-31' });
	});

	it('moves the last day to answer back to a working day', () => {
		// 6 days before 2026-06-25 is 2026-06-19, midsommarafton: answer by Thursday 18 June.
		const { deadlines } = computeDeadlines({ ...none, tenderDeadline: '2026-06-25' });
		expect(deadlines).toEqual([{ rule: 'questions_answered', date: '2026-06-18', days: 6 }]);
	});

	it('ends a standstill that would end on midsommarafton on the Monday after, and says so', () => {
		const { deadlines, warnings } = computeDeadlines({ ...none, awardNoticeOn: '2026-06-09', contractOn: '2026-06-22' });
		expect(deadlines).toEqual([{ rule: 'standstill', date: '2026-06-22', days: 10 }]);
		expect(warnings).toEqual([
			{ rule: 'standstill', kind: 'extended_past_day_off', date: '2026-06-19' },
			{ rule: 'standstill', kind: 'spans_holidays', holidays: ['midsummer_eve', 'midsummer_day'] },
			{ rule: 'standstill', kind: 'contract_in_standstill', date: '2026-06-22' }
		]);
	});

	it('counts 15 days when the award notice is not sent electronically, and carries a standstill over Christmas', () => {
		const { deadlines, warnings } = computeDeadlines({ ...none, awardNoticeOn: '2026-12-09', awardElectronic: false });
		// 9 + 15 = 24 December (julafton); 25, 26 (Saturday), 27 (Sunday) are off too: Monday 28 December.
		expect(deadlines).toEqual([{ rule: 'standstill', date: '2026-12-28', days: 15 }]);
		expect(warnings[0]).toEqual({ rule: 'standstill', kind: 'extended_past_day_off', date: '2026-12-24' });
		expect(warnings[1]).toEqual({ rule: 'standstill', kind: 'spans_holidays', holidays: ['christmas_eve', 'christmas_day', 'boxing_day'] });
	});

	it('warns of a period in July unless the consortium turned that off', () => {
		const dates = { ...none, advertisedOn: '2026-06-22', tenderDeadline: '2026-08-10' };
		expect(computeDeadlines(dates).warnings).toContainEqual({ rule: 'tender_period', kind: 'in_july' });
		expect(computeDeadlines(dates, { ...defaultDeadlineSettings, warnJuly: false }).warnings).not.toContainEqual({ rule: 'tender_period', kind: 'in_july' });
		const standstill = computeDeadlines({ ...none, awardNoticeOn: '2026-06-29' }).warnings;
		expect(standstill).toContainEqual({ rule: 'standstill', kind: 'in_july' });
		expect(touchesJuly('2026-08-01', '2027-06-30')).toBe(false);
		expect(touchesJuly('2026-08-01', '2027-07-01')).toBe(true);
	});

	it('uses the consortium’s own days', () => {
		const { deadlines } = computeDeadlines(
			{ ...none, advertisedOn: '2027-02-01', tenderDeadline: '2027-03-15', awardNoticeOn: '2027-04-05' },
			{ ...defaultDeadlineSettings, minTenderDays: 35, questionDays: 10, standstillElectronicDays: 12 }
		);
		expect(deadlines.find((d) => d.rule === 'tender_period')?.date).toBe('2027-03-08');
		expect(deadlines.find((d) => d.rule === 'questions_answered')?.date).toBe('2027-03-05');
		expect(deadlines.find((d) => d.rule === 'standstill')?.date).toBe('2027-04-19');
	});
});
