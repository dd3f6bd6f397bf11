import { error, fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { CommandError } from '../errors';
import { FormTooLarge, NotAForm, keepValues, readForm, type FieldErrors } from '../forms';
import { Forbidden } from '../policy';
import type { SessionUser } from '../auth/session';
import { loadConsortiumActor, type ConsortiumRef } from './actor';

/** Message keys the consortium schemas and commands put in their errors; anything else reads "invalid". */
const knownKeys = new Set([
	'required',
	'email',
	'too_long',
	'invalid',
	'out_of_range',
	'before_start',
	'slug',
	'password_too_short',
	'password_too_long',
	'password_common',
	'password_is_email',
	'password_repetitive',
	'password_mismatch'
]);

export interface ActionProblem {
	/** Which form on the page failed, so its errors appear beside its fields. */
	form: string;
	/** The row the form belongs to, for forms repeated per row. */
	target?: string;
	errors: FieldErrors;
	values: Record<string, string>;
}

function zodErrors(issues: z.core.$ZodIssue[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const field = issue.path.join('.') || 'form';
		errors[field] ??= knownKeys.has(issue.message) ? issue.message : 'invalid';
	}
	return errors;
}

/**
 * A form action in one call: reads the form, parses it with `schema`, runs the command and maps
 * what can go wrong to a 4xx the page shows beside the right field: a body that is not a form
 * (400/413), invalid input (400), a refusal by the command (its status), or the policy's no (404,
 * the same answer as for something that does not exist).
 */
export async function runAction<S extends z.ZodType, R>(
	request: Request,
	form: string,
	schema: S,
	run: (input: z.output<S>) => Promise<R>
): Promise<R | ActionFailure<ActionProblem>> {
	let raw: Record<string, string | string[]>;
	try {
		raw = await readForm(request);
	} catch (e) {
		if (e instanceof NotAForm || e instanceof FormTooLarge) {
			return fail(e instanceof FormTooLarge ? 413 : 400, { form, errors: { form: 'invalid' }, values: {} });
		}
		throw e;
	}
	const values = keepValues(raw);
	const target = typeof raw.target === 'string' ? raw.target.slice(0, 64) : undefined;
	const parsed = schema.safeParse(raw);
	if (!parsed.success) return fail(400, { form, target, errors: zodErrors(parsed.error.issues), values });
	try {
		return await run(parsed.data);
	} catch (e) {
		if (e instanceof Forbidden) error(404, 'Not found');
		if (e instanceof CommandError) {
			if (e.status === 404 && e.field === 'form' && e.key === 'not_found') error(404, 'Not found');
			return fail(e.status, { form, target, errors: { [e.field]: e.key }, values });
		}
		throw e;
	}
}

/** The consortium behind a page's slug for an action; 404 when it does not exist or is not visible. */
export async function consortiumOf(user: SessionUser | null, slug: string): Promise<ConsortiumRef> {
	const found = user ? await loadConsortiumActor(user, slug) : null;
	if (!found) error(404, 'Not found');
	return found.consortium;
}
