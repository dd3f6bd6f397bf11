/*
 * Swedish public holidays (allmänna helgdagar, lagen 1989:253) and the eves that workplaces treat as
 * days off, computed here rather than taken from a package: the rules are few, and a deadline
 * warning must not depend on a list someone forgot to extend. Dates are ISO strings, as elsewhere.
 */
import { addDays, formatDate, parseDate } from '../roadmap/dates';

export type HolidayKey =
	| 'new_years_day'
	| 'epiphany'
	| 'good_friday'
	| 'easter_sunday'
	| 'easter_monday'
	| 'may_day'
	| 'ascension_day'
	| 'national_day'
	| 'midsummer_eve'
	| 'midsummer_day'
	| 'all_saints_day'
	| 'christmas_eve'
	| 'christmas_day'
	| 'boxing_day'
	| 'new_years_eve';

export interface Holiday {
	date: string;
	key: HolidayKey;
	/** False for the eves (midsommarafton, julafton, nyårsafton): not holidays in law, but days off in practice. */
	official: boolean;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return formatDate(year, month, day);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
	const { year, month, day } = parseDate(iso);
	return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The Saturday in the inclusive range `from`..`from + 6` (midsommardagen, alla helgons dag). */
function saturdayFrom(from: string): string {
	return addDays(from, (6 - weekday(from) + 7) % 7);
}

const cache = new Map<number, Holiday[]>();

/** The year's holidays and days-off eves, in date order. */
export function holidaysOf(year: number): Holiday[] {
	const cached = cache.get(year);
	if (cached) return cached;
	const easter = easterSunday(year);
	const midsummerDay = saturdayFrom(formatDate(year, 6, 20));
	const list: Holiday[] = [
		{ date: formatDate(year, 1, 1), key: 'new_years_day', official: true },
		{ date: formatDate(year, 1, 6), key: 'epiphany', official: true },
		{ date: addDays(easter, -2), key: 'good_friday', official: true },
		{ date: easter, key: 'easter_sunday', official: true },
		{ date: addDays(easter, 1), key: 'easter_monday', official: true },
		{ date: formatDate(year, 5, 1), key: 'may_day', official: true },
		{ date: addDays(easter, 39), key: 'ascension_day', official: true },
		{ date: formatDate(year, 6, 6), key: 'national_day', official: true },
		{ date: addDays(midsummerDay, -1), key: 'midsummer_eve', official: false },
		{ date: midsummerDay, key: 'midsummer_day', official: true },
		{ date: saturdayFrom(formatDate(year, 10, 31)), key: 'all_saints_day', official: true },
		{ date: formatDate(year, 12, 24), key: 'christmas_eve', official: false },
		{ date: formatDate(year, 12, 25), key: 'christmas_day', official: true },
		{ date: formatDate(year, 12, 26), key: 'boxing_day', official: true },
		{ date: formatDate(year, 12, 31), key: 'new_years_eve', official: false }
	];
	list.sort((x, y) => x.date.localeCompare(y.date));
	cache.set(year, list);
	return list;
}

/** The holiday (or days-off eve) on `iso`, if any. */
export function holidayOn(iso: string): Holiday | undefined {
	return holidaysOf(parseDate(iso).year).find((h) => h.date === iso);
}

/** Whether `iso` is a Saturday or Sunday. */
export const isWeekend = (iso: string) => weekday(iso) === 0 || weekday(iso) === 6;

/** Whether `iso` is a working day: not a weekend, a public holiday or a days-off eve. */
export const isWorkingDay = (iso: string) => !isWeekend(iso) && !holidayOn(iso);

/** The holidays and eves from `from` to `to`, both inclusive. */
export function holidaysBetween(from: string, to: string): Holiday[] {
	if (to < from) return [];
	const out: Holiday[] = [];
	for (let y = parseDate(from).year; y <= parseDate(to).year; y++) out.push(...holidaysOf(y).filter((h) => h.date >= from && h.date <= to));
	return out;
}

/** Working days from `from` to `to`, both inclusive. */
export function workingDaysBetween(from: string, to: string): number {
	let n = 0;
	for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
	return n;
}
