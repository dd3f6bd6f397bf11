import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from './form-action';
import { DateString, IntegerBetween, INT4_MAX, OptionalDateString, OptionalIntegerBetween, OptionalText, RequiredText } from './validation';

const keyOf = (schema: z.ZodType, value: unknown) => {
	const result = z.object({ field: schema }).safeParse(value === undefined ? {} : { field: value });
	return result.success ? { ok: result.data.field } : fieldErrors(result.error).field?.key;
};

describe('validation building blocks', () => {
	it.each([
		['DateString', DateString, '2026-11-23', { ok: '2026-11-23' }],
		['DateString', DateString, '2024-02-29', { ok: '2024-02-29' }],
		['DateString', DateString, ' 1900-01-01 ', { ok: '1900-01-01' }],
		['DateString', DateString, '2999-12-31', { ok: '2999-12-31' }],
		['DateString', DateString, '0000-01-01', 'date_out_of_range'],
		['DateString', DateString, '1899-12-31', 'date_out_of_range'],
		['DateString', DateString, '3000-01-01', 'date_out_of_range'],
		['DateString', DateString, '2026-02-30', 'date_invalid'],
		['DateString', DateString, '2025-02-29', 'date_invalid'],
		['DateString', DateString, '2026-13-01', 'date_invalid'],
		['DateString', DateString, '2026-00-10', 'date_invalid'],
		['DateString', DateString, '10000-01-01', 'date_invalid'],
		['DateString', DateString, '23/11/2026', 'date_invalid'],
		['DateString', DateString, '2026-11-23\u0000', 'date_invalid'],
		['DateString', DateString, '', 'required'],
		['DateString', DateString, undefined, 'required'],
		['OptionalDateString', OptionalDateString, '', { ok: undefined }],
		['OptionalDateString', OptionalDateString, '0000-01-01', 'date_out_of_range'],
		['IntegerBetween(1, 100)', IntegerBetween(1, 100), '42', { ok: 42 }],
		['IntegerBetween(1, 100)', IntegerBetween(1, 100), 42, { ok: 42 }],
		['IntegerBetween(1, 100)', IntegerBetween(1, 100), '0', 'out_of_range'],
		['IntegerBetween(1, 100)', IntegerBetween(1, 100), '101', 'out_of_range'],
		['IntegerBetween(1, 100)', IntegerBetween(1, 100), '1.5', 'not_a_whole_number'],
		['IntegerBetween(1, 100)', IntegerBetween(1, 100), 'tio', 'not_a_number'],
		['IntegerBetween(1, 100)', IntegerBetween(1, 100), '', 'required'],
		['IntegerBetween(1, 100)', IntegerBetween(1, 100), undefined, 'required'],
		['IntegerBetween(0, INT4_MAX)', IntegerBetween(0, INT4_MAX), String(INT4_MAX), { ok: INT4_MAX }],
		['IntegerBetween(0, INT4_MAX)', IntegerBetween(0, INT4_MAX), String(2 ** 31), 'out_of_range'],
		['IntegerBetween(0, INT4_MAX)', IntegerBetween(0, INT4_MAX), 2 ** 31, 'out_of_range'],
		['IntegerBetween(0, INT4_MAX)', IntegerBetween(0, INT4_MAX), '9007199254740993', 'out_of_range'],
		['IntegerBetween(0, INT4_MAX)', IntegerBetween(0, INT4_MAX), '-1', 'out_of_range'],
		['OptionalIntegerBetween(1, 100)', OptionalIntegerBetween(1, 100), '', { ok: undefined }],
		['OptionalIntegerBetween(1, 100)', OptionalIntegerBetween(1, 100), undefined, { ok: undefined }],
		['OptionalIntegerBetween(1, 100)', OptionalIntegerBetween(1, 100), '2147483648', 'out_of_range'],
		['RequiredText(5)', RequiredText(5), '  abc  ', { ok: 'abc' }],
		['RequiredText(5)', RequiredText(5), 'a\u0000b', { ok: 'ab' }],
		['RequiredText(5)', RequiredText(5), '\u0000', 'required'],
		['RequiredText(5)', RequiredText(5), '   ', 'required'],
		['RequiredText(5)', RequiredText(5), undefined, 'required'],
		['RequiredText(5)', RequiredText(5), 'abcdef', 'too_long'],
		['RequiredText(5)', RequiredText(5), 'abcde\u0000', { ok: 'abcde' }],
		['OptionalText(5)', OptionalText(5), undefined, { ok: '' }],
		['OptionalText(5)', OptionalText(5), 'a\u0000b', { ok: 'ab' }],
		['OptionalText(5)', OptionalText(5), 'abcdef', 'too_long']
	] as const)('%s: %j → %j', (_name, schema, value, expected) => {
		expect(keyOf(schema, value)).toEqual(expected);
	});

	it('refuses a range that does not fit in int4', () => {
		expect(() => IntegerBetween(0, 2 ** 31)).toThrow(/int4/);
		expect(() => IntegerBetween(-(2 ** 31) - 1, 0)).toThrow(/int4/);
	});
});
