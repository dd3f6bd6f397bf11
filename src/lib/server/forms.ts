import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** Largest form body we read; anything bigger is refused before parsing. */
const MAX_FORM_BYTES = 1_000_000;

export class FormTooLarge extends Error {}
export class NotAForm extends Error {}

/**
 * Reads a form submission into a plain object (last value wins; `name[]` fields become arrays).
 * Refuses a body that is not a form or is larger than 1 MB.
 */
export async function readForm(request: Request): Promise<Record<string, string | string[]>> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) throw new NotAForm();
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > MAX_FORM_BYTES) throw new FormTooLarge();
	let data: FormData;
	try {
		data = await request.formData();
	} catch {
		throw new NotAForm();
	}
	const out: Record<string, string | string[]> = {};
	for (const [key, value] of data) {
		if (typeof value !== 'string') continue;
		if (key.endsWith('[]')) {
			const list = (out[key.slice(0, -2)] as string[] | undefined) ?? [];
			list.push(value);
			out[key.slice(0, -2)] = list;
		} else {
			out[key] = value;
		}
	}
	return out;
}

/**
 * Zod issues as one message key per field (the first issue wins). Schemas put a short key in each
 * issue's message (`required`, `email`, `too_long`); the page turns keys into sentences.
 */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = issue.path.join('.') || 'form';
		errors[field] ??= messageKey(issue);
	}
	return errors;
}

/**
 * A schema's own message is a snake_case key (`required`, `password_too_short`); zod's built-in
 * messages are sentences and become `required` (a missing field) or `invalid`.
 */
function messageKey(issue: z.core.$ZodIssue): string {
	if (/^[a-z][a-z0-9_]{0,63}$/.test(issue.message)) return issue.message;
	if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'required';
	return 'invalid';
}

/** Form values to send back to the page so nothing typed is lost (never passwords). */
export function keepValues(values: Record<string, unknown>): Record<string, string> {
	const kept: Record<string, string> = {};
	for (const [key, value] of Object.entries(values)) {
		if (/password|token/i.test(key)) continue;
		if (typeof value === 'string') kept[key] = value.slice(0, 10_000);
	}
	return kept;
}

/**
 * Reads and parses a form in one go for an action: a body that is not a form, is too large or
 * does not match the schema becomes a 400 failure with field errors (and the typed values, minus
 * secrets), never an exception.
 */
export async function parseForm<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<
	| { ok: true; data: z.output<S>; values: Record<string, string> }
	| { ok: false; failure: ActionFailure<{ errors: FieldErrors; values: Record<string, string> }> }
> {
	let form: Record<string, string | string[]>;
	try {
		form = await readForm(request);
	} catch (error) {
		if (error instanceof NotAForm || error instanceof FormTooLarge) {
			return { ok: false, failure: fail(error instanceof FormTooLarge ? 413 : 400, { errors: { form: 'request_unreadable' }, values: {} }) };
		}
		throw error;
	}
	const parsed = schema.safeParse(form);
	if (!parsed.success) return { ok: false, failure: fail(400, { errors: fieldErrors(parsed.error), values: keepValues(form) }) };
	return { ok: true, data: parsed.data, values: keepValues(form) };
}
