/*
 * Calendar dates as ISO strings (`2027-03-31`), the way PostgreSQL's `date` and the forms carry them.
 * A roadmap moves by whole months, so the arithmetic here is on year, month and day, never on time.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function parseDate(iso: string): { year: number; month: number; day: number } {
	const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
	return { year, month, day };
}

export const formatDate = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The date `months` months later (earlier when negative); the 31st becomes the month's last day. */
export function addMonths(iso: string, months: number): string {
	const { year, month, day } = parseDate(iso);
	const index = year * 12 + (month - 1) + months;
	const y = Math.floor(index / 12);
	const m = (index % 12) + 1;
	// A month's last day stays its last day (an end of March moved a month is the end of April).
	const last = day === daysInMonth(year, month);
	return formatDate(y, m, last ? daysInMonth(y, m) : Math.min(day, daysInMonth(y, m)));
}

/** The day before (for phases that end the day before the next starts). */
export function previousDay(iso: string): string {
	const { year, month, day } = parseDate(iso);
	const d = new Date(Date.UTC(year, month - 1, day - 1));
	return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The first day of the quarter `iso` falls in. */
export function quarterStart(iso: string): string {
	const { year, month } = parseDate(iso);
	return formatDate(year, Math.floor((month - 1) / 3) * 3 + 1, 1);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	const a = parseDate(from);
	const b = parseDate(to);
	return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Whole months from the month of `from` to the month of `to`. */
export function monthsBetween(from: string, to: string): number {
	const a = parseDate(from);
	const b = parseDate(to);
	return (b.year - a.year) * 12 + (b.month - a.month);
}

/** The quarter as shown on the timeline: "K1 2027" / "Q1 2027" is the caller's words; this gives its number and year. */
export function quarterOf(iso: string): { quarter: number; year: number } {
	const { year, month } = parseDate(iso);
	return { quarter: Math.floor((month - 1) / 3) + 1, year };
}

/** The date `days` days later (earlier when negative). */
export function addDays(iso: string, days: number): string {
	const { year, month, day } = parseDate(iso);
	const d = new Date(Date.UTC(year, month - 1, day + days));
	return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
