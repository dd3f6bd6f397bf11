import { dateTimeFormat } from '$lib/intl-formats';

/** Decisions keep Swedish time: a deadline date closes at the end of that day in Stockholm. */
const ZONE = 'Europe/Stockholm';

/** Minutes Stockholm is ahead of UTC at `instant`. */
function offsetMinutes(instant: Date): number {
	const parts = dateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'longOffset' }).formatToParts(instant);
	const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
	const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
	if (!match) return 0;
	return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/** 23:59:59 Stockholm time on `date` (YYYY-MM-DD), as an instant. */
export function endOfDayInStockholm(date: string): Date {
	const naive = new Date(`${date}T23:59:59.000Z`);
	return new Date(naive.getTime() - offsetMinutes(naive) * 60_000);
}

/** The Stockholm calendar date (YYYY-MM-DD) of an instant. */
export function stockholmDate(instant: Date): string {
	return dateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
