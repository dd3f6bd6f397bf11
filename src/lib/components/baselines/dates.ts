import { getLocale } from '$lib/paraglide/runtime';

/** A date and time in the reader's language, in Swedish time. */
export function formatDateTime(value: Date | string): string {
	return new Intl.DateTimeFormat(getLocale() === 'en' ? 'en-GB' : 'sv-SE', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Europe/Stockholm'
	}).format(new Date(value));
}
