import { describe, expect, it } from 'vitest';
import { addWorkingDays, easterSunday, isWorkingDay, swedishHolidays, workingDaysBetween } from './working-days';

describe('Swedish holidays', () => {
	it('finds Easter by the computus (hand-checked against the almanac)', () => {
		expect(easterSunday(2024)).toEqual([3, 31]);
		expect(easterSunday(2025)).toEqual([4, 20]);
		expect(easterSunday(2026)).toEqual([4, 5]);
		expect(easterSunday(2027)).toEqual([3, 28]);
		expect(easterSunday(2038)).toEqual([4, 25]); // the latest possible date
		expect(easterSunday(2285)).toEqual([3, 22]); // the earliest possible date
	});

	it('lists 2026 as the Swedish almanac does, eves of public administration included', () => {
		expect([...swedishHolidays(2026)]).toEqual([
			['2026-01-01', 'nyårsdagen'],
			['2026-01-06', 'trettondedag jul'],
			['2026-04-03', 'långfredagen'],
			['2026-04-05', 'påskdagen'],
			['2026-04-06', 'annandag påsk'],
			['2026-05-01', 'första maj'],
			['2026-05-14', 'Kristi himmelsfärdsdag'],
			['2026-06-06', 'Sveriges nationaldag'],
			['2026-06-19', 'midsommarafton'],
			['2026-06-20', 'midsommardagen'],
			['2026-10-31', 'alla helgons dag'],
			['2026-12-24', 'julafton'],
			['2026-12-25', 'juldagen'],
			['2026-12-26', 'annandag jul'],
			['2026-12-31', 'nyårsafton']
		]);
	});

	it('puts midsommarafton on the Friday between 19 and 25 June and alla helgons dag on the Saturday between 31 October and 6 November', () => {
		for (let year = 2020; year <= 2040; year++) {
			const days = [...swedishHolidays(year)];
			const eve = days.find(([, name]) => name === 'midsommarafton')![0];
			const allSaints = days.find(([, name]) => name === 'alla helgons dag')![0];
			expect(new Date(eve).getUTCDay()).toBe(5);
			expect(eve >= `${year}-06-19` && eve <= `${year}-06-25`).toBe(true);
			expect(new Date(allSaints).getUTCDay()).toBe(6);
			expect(allSaints >= `${year}-10-31` && allSaints <= `${year}-11-06`).toBe(true);
		}
		expect(swedishHolidays(2025).get('2025-06-20')).toBe('midsommarafton');
		expect(swedishHolidays(2025).get('2025-11-01')).toBe('alla helgons dag');
		expect(swedishHolidays(2025).get('2025-05-29')).toBe('Kristi himmelsfärdsdag');
	});
});

describe('working days', () => {
	it('skips weekends, public holidays and the closed eves', () => {
		expect(isWorkingDay('2026-11-30')).toBe(true); // a Monday
		expect(isWorkingDay('2026-11-28')).toBe(false); // a Saturday
		expect(isWorkingDay('2026-06-19')).toBe(false); // midsommarafton
		expect(isWorkingDay('2026-12-24')).toBe(false); // julafton
		expect(isWorkingDay('2026-04-02')).toBe(true); // skärtorsdagen is a working day
		expect(isWorkingDay('2026-04-30')).toBe(true); // valborgsmässoafton too
	});

	it('counts a response time of five working days around Easter, midsummer and Christmas', () => {
		// Asked Tuesday 31 March 2026: Wed 1, Thu 2, (Good Friday, Easter) Tue 7, Wed 8, Thu 9.
		expect(addWorkingDays('2026-03-31', 5)).toBe('2026-04-09');
		// Asked Wednesday 17 June 2026: Thu 18, (midsommarafton) Mon 22 … Thu 25.
		expect(addWorkingDays('2026-06-17', 5)).toBe('2026-06-25');
		// Asked Monday 21 December 2026: Tue 22, Wed 23, (24–27) Mon 28, Tue 29, Wed 30 (nyårsafton, nyårsdagen next).
		expect(addWorkingDays('2026-12-21', 5)).toBe('2026-12-30');
		expect(addWorkingDays('2026-12-22', 5)).toBe('2027-01-04');
		// Asked on a Saturday: the five working days start on Monday.
		expect(addWorkingDays('2026-11-28', 5)).toBe('2026-12-04');
		// Asked Monday 11 May 2026: Tue 12, Wed 13, (Kristi himmelsfärdsdag) Fri 15, Mon 18, Tue 19.
		expect(addWorkingDays('2026-05-11', 5)).toBe('2026-05-19');
	});

	it('counts the working days between two dates, after the first up to the second', () => {
		expect(workingDaysBetween('2026-03-31', '2026-04-09')).toBe(5);
		expect(workingDaysBetween('2026-11-30', '2026-11-30')).toBe(0);
		expect(workingDaysBetween('2026-12-04', '2026-11-30')).toBe(0);
		expect(workingDaysBetween('2026-11-27', '2026-11-30')).toBe(1);
	});
});
