import { error, fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { CommandError, NotFound, StaleWrite } from './errors';
import { fieldErrors, FormTooLarge, NotAForm, readForm } from './forms';
import { Forbidden } from './policy';
import type { SessionUser } from './auth/session';
import { loadConsortiumActor } from './consortia/actor';

type FormValues = Record<string, string | string[]>;

/** What a form sends back so nothing typed is lost: strings and lists (never passwords or tokens). */
export function keepInput(values: Record<string, unknown>): FormValues {
	const kept: FormValues = {};
	for (const [key, value] of Object.entries(values)) {
		if (/password|token/i.test(key)) continue;
		if (typeof value === 'string') kept[key] = value.slice(0, 60_000);
		else if (Array.isArray(value)) kept[key] = value.filter((v): v is string => typeof v === 'string').slice(0, 500);
	}
	return kept;
}

/** Reads and parses a form; a failure is already the 400 answer to return. */
export async function parseForm<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<{ ok: true; data: z.infer<S>; values: FormValues } | { ok: false; failure: ReturnType<typeof fail> }> {
	let form: Record<string, string | string[]>;
	try {
		form = await readForm(request);
	} catch (e) {
		if (e instanceof NotAForm || e instanceof FormTooLarge) return { ok: false, failure: fail(400, { errors: { form: 'invalid' }, values: {} }) };
		throw e;
	}
	const parsed = schema.safeParse(form);
	if (!parsed.success) return { ok: false, failure: fail(400, { errors: fieldErrors(parsed.error), values: keepInput(form) }) };
	return { ok: true, data: parsed.data, values: keepInput(form) };
}

/**
 * Turns a command's expected refusal into the form's answer: a conflict carries the current
 * values, a broken rule its message key beside the field; nothing typed is lost.
 */
export function commandFailure(e: unknown, values: FormValues) {
	if (e instanceof StaleWrite) return fail(409, { errors: { form: 'stale_write' }, values, current: e.current });
	if (e instanceof NotFound) error(404, 'Not found');
	if (e instanceof CommandError) return fail(e.status, { errors: { [e.field]: e.key }, values });
	if (e instanceof Forbidden) return fail(403, { errors: { form: 'forbidden' }, values });
	throw e;
}

/** For loads: a refusal or a missing thing is the same 404. */
export function notFoundOn(e: unknown): never {
	if (e instanceof NotFound || e instanceof Forbidden) error(404, 'Not found');
	throw e;
}

/** For form actions (which no layout load guards): the signed-in person and the consortium, or 404. */
export async function actionContext(user: SessionUser | null, slug: string) {
	if (!user) error(401, 'Sign in first');
	const found = await loadConsortiumActor(user, slug);
	if (!found) error(404, 'Not found');
	return { user, consortium: found.consortium, actor: found.actor };
}
