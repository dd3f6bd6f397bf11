import { getLocale } from '$lib/paraglide/runtime';
import { dateTimeFormat } from '$lib/intl-formats';

// How the pages show dates: in the reader's language, always in Swedish time (the consortium's).

const locale = () => (getLocale() === 'en' ? 'en-GB' : 'sv-SE');

/** A calendar date in the reader's language, in Swedish time. */
export function formatDate(value: Date | string): string {
	return dateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'Europe/Stockholm' }).format(new Date(value));
}

/** A date and time in the reader's language, in Swedish time. */
export function formatDateTime(value: Date | string): string {
	return dateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(value));
}
