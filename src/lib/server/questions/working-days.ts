/**
 * Swedish working days, for response times counted "in working days" (arbetsdagar): Monday to
 * Friday, less the public holidays (allmänna helgdagar) and the eves that public administration in
 * Sweden treats as days off. Dates are calendar dates in Stockholm (YYYY-MM-DD).
 *
 * Our own few lines rather than a library: `date-holidays` knows Sweden (its types `public` and
 * `bank` give exactly this list) but installs 12 MB of every country's data with lodash and js-yaml;
 * `swedish-holidays` also lists eves that are working days (trettondagsafton, valborgsmässoafton,
 * allhelgonaafton). The tests check dates by hand; the list was also compared once with date-holidays
 * (types public and bank) for 2020–2040, identical but for pingstdagen, a Sunday.
 */

import { easterSunday as easterDate } from '../../lifecycle/holidays';
import { parseDate } from '../../roadmap/dates';

/** Easter Sunday of a Gregorian year (the computus in `lifecycle/holidays`), as [month, day]. */
export function easterSunday(year: number): [month: number, day: number] {
	const { month, day } = parseDate(easterDate(year));
	return [month, day];
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
/** The first date from `from` (inclusive) that falls on `weekday` (0 Sunday … 6 Saturday). */
const firstWeekdayFrom = (from: Date, weekday: number) => plusDays(from, (weekday - from.getUTCDay() + 7) % 7);

const cache = new Map<number, Map<string, string>>();

/**
 * The days of a year that are not working days besides weekends, by date, with their Swedish names.
 * The eves (midsommarafton, julafton, nyårsafton) are not public holidays in law, but Swedish public
 * administration closes on them by collective agreement and custom, so a response time skips them.
 * Sunday holidays (påskdagen, pingstdagen) are weekends anyway; påskdagen is listed for completeness.
 */
export function swedishHolidays(year: number): Map<string, string> {
	const known = cache.get(year);
	if (known) return known;
	const [month, day] = easterSunday(year);
	const easter = utc(year, month, day);
	const midsummerEve = firstWeekdayFrom(utc(year, 6, 19), 5);
	const allSaints = firstWeekdayFrom(utc(year, 10, 31), 6);
	const days: [Date, string][] = [
		[utc(year, 1, 1), 'nyårsdagen'],
		[utc(year, 1, 6), 'trettondedag jul'],
		[plusDays(easter, -2), 'långfredagen'],
		[easter, 'påskdagen'],
		[plusDays(easter, 1), 'annandag påsk'],
		[utc(year, 5, 1), 'första maj'],
		[plusDays(easter, 39), 'Kristi himmelsfärdsdag'],
		[utc(year, 6, 6), 'Sveriges nationaldag'],
		[midsummerEve, 'midsommarafton'],
		[plusDays(midsummerEve, 1), 'midsommardagen'],
		[allSaints, 'alla helgons dag'],
		[utc(year, 12, 24), 'julafton'],
		[utc(year, 12, 25), 'juldagen'],
		[utc(year, 12, 26), 'annandag jul'],
		[utc(year, 12, 31), 'nyårsafton']
	];
	const map = new Map(days.map(([date, name]) => [iso(date), name]));
	cache.set(year, map);
	return map;
}

const parse = (date: string) => new Date(`${date}T00:00:00Z`);

/** Whether `date` (YYYY-MM-DD) is a Swedish working day: a weekday that is not a holiday or a closed eve. */
export function isWorkingDay(date: string): boolean {
	const day = parse(date).getUTCDay();
	if (day === 0 || day === 6) return false;
	return !swedishHolidays(Number(date.slice(0, 4))).has(date);
}

/** The `count`th working day after `date` (the day itself not counted, whatever it is). */
export function addWorkingDays(date: string, count: number): string {
	let current = parse(date);
	for (let left = count; left > 0;) {
		current = plusDays(current, 1);
		if (isWorkingDay(iso(current))) left--;
	}
	return iso(current);
}

/** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
	let count = 0;
	for (let current = plusDays(parse(from), 1), end = parse(to); current <= end; current = plusDays(current, 1)) {
		if (isWorkingDay(iso(current))) count++;
	}
	return count;
}
