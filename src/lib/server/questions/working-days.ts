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

import * as holidays from '../../lifecycle/holidays';
import { parseDate } from '../../roadmap/dates';

/** Easter Sunday of a Gregorian year (the computus in `lifecycle/holidays`), as [month, day]. */
export function easterSunday(year: number): [month: number, day: number] {
	const { month, day } = parseDate(holidays.easterSunday(year));
	return [month, day];
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

const names: Record<holidays.HolidayKey, string> = {
	new_years_day: 'nyårsdagen',
	epiphany: 'trettondedag jul',
	good_friday: 'långfredagen',
	easter_sunday: 'påskdagen',
	easter_monday: 'annandag påsk',
	may_day: 'första maj',
	ascension_day: 'Kristi himmelsfärdsdag',
	national_day: 'Sveriges nationaldag',
	midsummer_eve: 'midsommarafton',
	midsummer_day: 'midsommardagen',
	all_saints_day: 'alla helgons dag',
	christmas_eve: 'julafton',
	christmas_day: 'juldagen',
	boxing_day: 'annandag jul',
	new_years_eve: 'nyårsafton'
};

/**
 * The days of a year that are not working days besides weekends, in date order, with their Swedish
 * names: the table of `lifecycle/holidays`. The eves (midsommarafton, julafton, nyårsafton) are not
 * public holidays in law, but Swedish public administration closes on them by collective agreement and
 * custom, so a response time skips them. Sunday holidays (påskdagen, pingstdagen) are weekends anyway;
 * påskdagen is listed for completeness.
 */
export function swedishHolidays(year: number): Map<string, string> {
	return new Map(holidays.holidaysOf(year).map((h) => [h.date, names[h.key]]));
}

const parse = (date: string) => new Date(`${date}T00:00:00Z`);

/** Whether `date` (YYYY-MM-DD) is a Swedish working day: a weekday that is not a holiday or a closed eve. */
export function isWorkingDay(date: string): boolean {
	return holidays.isWorkingDay(date);
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
