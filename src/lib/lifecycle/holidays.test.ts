import { describe, expect, it } from 'vitest';
import { easterSunday, holidayOn, holidaysBetween, holidaysOf, isWorkingDay, workingDaysBetween } from './holidays';

describe('Easter by the computus', () => {
	it.each([
		[2024, '2024-03-31'],
		[2025, '2025-04-20'],
		[2026, '2026-04-05'],
		[2027, '2027-03-28'],
		[2019, '2019-04-21'],
		[2038, '2038-04-25'],
		[2285, '2285-03-22']
	])('%i: %s', (year, date) => {
		expect(easterSunday(year)).toBe(date);
	});
});

describe('the Swedish holidays of a year', () => {
	it('lists 2026 in order, the eves as days off but not holidays in law', () => {
		expect(holidaysOf(2026).map((h) => [h.date, h.key, h.official])).toEqual([
			['2026-01-01', 'new_years_day', true],
			['2026-01-06', 'epiphany', true],
			['2026-04-03', 'good_friday', true],
			['2026-04-05', 'easter_sunday', true],
			['2026-04-06', 'easter_monday', true],
			['2026-05-01', 'may_day', true],
			['2026-05-14', 'ascension_day', true],
			['2026-06-06', 'national_day', true],
			['2026-06-19', 'midsummer_eve', false],
			['2026-06-20', 'midsummer_day', true],
			['2026-10-31', 'all_saints_day', true],
			['2026-12-24', 'christmas_eve', false],
			['2026-12-25', 'christmas_day', true],
			['2026-12-26', 'boxing_day', true],
			['2026-12-31', 'new_years_eve', false]
		]);
	});

	it('puts midsommardagen on the Saturday 20–26 June and alla helgons dag on the Saturday 31 October–6 November', () => {
		expect(holidayOn('2025-06-21')?.key).toBe('midsummer_day');
		expect(holidayOn('2025-06-20')?.key).toBe('midsummer_eve');
		expect(holidayOn('2027-06-26')?.key).toBe('midsummer_day');
		expect(holidayOn('2024-06-21')?.key).toBe('midsummer_eve');
		expect(holidayOn('2025-11-01')?.key).toBe('all_saints_day');
		expect(holidayOn('2027-11-06')?.key).toBe('all_saints_day');
		expect(holidayOn('2024-05-09')?.key).toBe('ascension_day');
	});

	it('treats weekends, holidays and the eves as days off', () => {
		expect(isWorkingDay('2026-06-19')).toBe(false); // midsommarafton, a Friday
		expect(isWorkingDay('2026-06-18')).toBe(true);
		expect(isWorkingDay('2026-06-06')).toBe(false); // a Saturday anyway
		expect(isWorkingDay('2026-12-24')).toBe(false);
		expect(isWorkingDay('2026-12-28')).toBe(true);
		expect(isWorkingDay('2026-11-29')).toBe(false); // a Sunday
	});

	it('finds the holidays in a period across a new year, and counts its working days', () => {
		expect(holidaysBetween('2026-12-20', '2027-01-07').map((h) => h.key)).toEqual([
			'christmas_eve',
			'christmas_day',
			'boxing_day',
			'new_years_eve',
			'new_years_day',
			'epiphany'
		]);
		expect(holidaysBetween('2026-02-01', '2026-02-28')).toEqual([]);
		// 21 Dec 2026 (Mon) – 8 Jan 2027 (Fri): 15 weekdays less julafton, juldagen, nyårsafton, nyårsdagen, trettondedag jul.
		expect(workingDaysBetween('2026-12-21', '2027-01-08')).toBe(10);
	});
});
