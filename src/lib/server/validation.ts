import { z } from 'zod';
import { DATE_MAX, DATE_MIN } from '../date-limits';

/*
 * Building blocks for every zod schema that takes input: what passes here is what PostgreSQL accepts,
 * so a bad value is a field error with a key saying what is wrong, never a failed statement (500).
 * Keys: `required`, `too_long`, `date_invalid`, `date_out_of_range`, `out_of_range`, `invalid`.
 */

/** The largest value of a PostgreSQL `integer` (int4): every whole number the app accepts fits in one. */
export const INT4_MAX = 2_147_483_647;
/** The smallest value of a PostgreSQL `integer` (int4). */
export const INT4_MIN = -2_147_483_648;

export { DATE_MAX, DATE_MIN };

/** Form fields arrive as strings: an empty one means "not given". */
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

// PostgreSQL's text cannot hold U+0000 (the statement fails). Nobody types it; it arrives in pasted or
// imported bytes, so it is removed rather than refused: nothing a person meant is lost.
const withoutNul = (text: string) => (text.includes('\u0000') ? text.replaceAll('\u0000', '') : text);

/** Trimmed text of at most `max` characters, without NUL. */
export const Text = (max: number) => z.string({ message: 'required' }).overwrite(withoutNul).trim().max(max, 'too_long');

/** Trimmed text of 1 to `max` characters, without NUL. */
export const RequiredText = (max: number) => z.string({ message: 'required' }).overwrite(withoutNul).trim().min(1, 'required').max(max, 'too_long');

/** Trimmed text of at most `max` characters, without NUL; '' when not given. */
export const OptionalText = (max: number) => Text(max).optional().default('');

/** Trimmed text of at most `max` characters, without NUL; undefined when not given or blank (filters). */
export const OptionalFilterText = (max: number) => z.preprocess(blankToUndefined, Text(max).optional());

function isCalendarDate(text: string): boolean {
	const [year, month, day] = text.split('-').map(Number) as [number, number, number];
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0–99 as they are
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date as `YYYY-MM-DD` (2026-02-30 is not one) from 1900-01-01 to 2999-12-31. */
export const DateString = z
	.string({ message: 'required' })
	.trim()
	.min(1, { message: 'required', abort: true })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_invalid', abort: true })
	.refine(isCalendarDate, { message: 'date_invalid', abort: true })
	.refine((text) => text >= DATE_MIN && text <= DATE_MAX, { message: 'date_out_of_range' });

/** An optional date: blank or absent is undefined. */
export const OptionalDateString = z.preprocess(blankToUndefined, DateString.optional());

// Numbers from forms arrive as strings; blank is "not given". Anything else goes to z.number as it is.
const toNumber = (v: unknown) => {
	const given = blankToUndefined(v);
	return typeof given === 'string' ? Number(given.trim()) : given;
};

function wholeNumber(min: number, max: number) {
	if (!Number.isInteger(min) || !Number.isInteger(max) || min < INT4_MIN || max > INT4_MAX || min > max) {
		throw new Error(`IntegerBetween(${min}, ${max}) must lie within int4`);
	}
	// Not z.number().int(): that refuses integers beyond 2^53 as `invalid`, and 2^60 is out of range.
	return z
		.number({ error: (issue) => (issue.input === undefined ? 'required' : 'not_a_number') })
		.refine(Number.isInteger, { message: 'not_a_whole_number', abort: true })
		.refine((n) => n >= min && n <= max, { message: 'out_of_range', params: { min, max } });
}

/**
 * A whole number from `min` to `max` (both within int4), from a number or a form's string.
 * Blank: `required`; not a number: `not_a_number`; not whole: `not_a_whole_number`; outside: `out_of_range` (with min and max).
 */
export const IntegerBetween = (min: number, max: number) => z.preprocess(toNumber, wholeNumber(min, max));

/** As IntegerBetween, but blank or absent is undefined. */
export const OptionalIntegerBetween = (min: number, max: number) => z.preprocess(toNumber, wholeNumber(min, max).optional());

/** As IntegerBetween, but blank or absent is `fallback`. */
export const IntegerBetweenOr = (min: number, max: number, fallback: number) => z.preprocess(toNumber, wholeNumber(min, max).default(fallback));
