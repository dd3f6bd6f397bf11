import { m } from '$lib/paraglide/messages';
import { DATE_MAX, DATE_MIN } from '$lib/date-limits';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '$lib/password-limits';

/** The sentence, in the current language, for a field-error key sent by the server. */
export function errorText(key: string | undefined): string | undefined {
	if (!key) return undefined;
	const sentences: Record<string, () => string> = {
		required: () => m.validation_required(),
		email: () => m.validation_email(),
		too_long: () => m.validation_too_long({ max: '' }).replace(/\s*\(.*\)/, ''),
		invalid: () => m.validation_invalid(),
		date_invalid: () => m.validation_date_invalid(),
		date_out_of_range: () => m.validation_date_out_of_range({ min: DATE_MIN, max: DATE_MAX }),
		out_of_range: () => m.validation_out_of_range(),
		password_too_short: () => m.password_too_short({ min: PASSWORD_MIN_LENGTH }),
		password_too_long: () => m.password_too_long({ max: PASSWORD_MAX_LENGTH }),
		password_common: () => m.password_common(),
		password_is_email: () => m.password_is_email(),
		password_repetitive: () => m.password_repetitive(),
		password_mismatch: () => m.password_mismatch(),
		password_current_wrong: () => m.password_current_wrong(),
		request_unreadable: () => m.request_unreadable(),
		reset_link_invalid: () => m.reset_link_invalid()
	};
	return (sentences[key] ?? sentences.invalid!)();
}

/** "Try again in N minutes", in the current language. */
export function retryText(minutes: number): string {
	return minutes <= 1 ? m.retry_in_one_minute() : m.retry_in_minutes({ minutes });
}
