import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { FieldError, FieldErrors, FormFailure, FormValues } from '$lib/forms/types';
import type { SessionUser } from './auth/session';
import { RateLimited } from './auth/rate-limit';
import { CommandError, NotFound, StaleWrite } from './errors';
import { can, Forbidden, type ConsortiumAction } from './policy';
import { inConsortium, signedIn, type InConsortium } from './request-context';

/*
 * The one way from a form to a command. Every form action of every page is a `formAction`: it
 * authenticates, resolves the consortium (404 for a missing one or someone else's), reads the body
 * within a size limit, parses it with zod, runs the command and answers every expected failure the
 * same way everywhere:
 *
 *   not signed in           401 (error page)
 *   other consortium        404 (error page; the same as a missing one)
 *   a page not theirs       404 (error page: the page's `visibleTo` right, internal members by default)
 *   body not a form         400  form: request_unreadable
 *   body too large          413  form: too_large (and the connection closes)
 *   NUL character           400  <field>: nul_character
 *   invalid input           400  <field>: required | too_long | out_of_range | …  (with figures)
 *   Forbidden (role)        403  form: forbidden, or the rule's own key
 *   missing thing           404 (error page)
 *   StaleWrite              409  form: stale_write, with the current values
 *   CommandError            its status, its key beside its field
 *   RateLimited             429  form: rate_limited, with the minutes to wait (and Retry-After)
 *
 * Failures carry the form's name (and row), its field errors and everything typed but secrets, so
 * the page shows them beside the right fields and nothing typed is lost.
 */

/** Largest form body read by default; file uploads name their own limit. */
export const MAX_FORM_BYTES = 1_000_000;

type Access = 'consortium' | 'user' | 'public';

interface BaseContext {
	event: RequestEvent;
	/** Files of a multipart form, by field name (uploads). */
	files: Record<string, File>;
}
export type ContextOf<A extends Access> = A extends 'consortium'
	? BaseContext & InConsortium
	: A extends 'user'
		? BaseContext & { user: SessionUser }
		: BaseContext & { user: SessionUser | null };

export interface FormActionOptions<A extends Access> {
	/** Who may post: members of the route's consortium (default), any signed-in person, or anyone. */
	access?: A;
	/** The form's name on the page (defaults to the action's name in `?/name`, else `default`). */
	form?: string;
	/** Body size limit in bytes. */
	maxBytes?: number;
	/**
	 * The consortium-wide right without which the page itself does not exist for the person (default
	 * `internal.read`: the supplier sees no internal page; the settings page: `rules.manage`): a post
	 * to it is answered 404, as the page is, rather than 403, so existence does not leak and a browser
	 * with or without JavaScript gets the same answer. A page for the supplier says `published.read`.
	 */
	visibleTo?: ConsortiumAction;
}

class Unreadable extends Error {}
class TooLarge extends Error {}

/** Reads a form body within `max` bytes, whatever Content-Length claims. */
async function readBody(request: Request, max: number): Promise<{ fields: FormValues; files: Record<string, File> }> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) throw new Unreadable();
	if (Number(request.headers.get('content-length') ?? 0) > max) throw new TooLarge();
	const chunks: Uint8Array[] = [];
	let size = 0;
	if (request.body) {
		const reader = request.body.getReader();
		for (;;) {
			let part: ReadableStreamReadResult<Uint8Array>;
			try {
				part = await reader.read();
			} catch (e) {
				if (e && typeof e === 'object' && 'status' in e && e.status === 413) throw new TooLarge();
				throw new Unreadable();
			}
			if (part.done) break;
			size += part.value.byteLength;
			if (size > max) throw new TooLarge();
			chunks.push(part.value);
		}
	}
	let data: FormData;
	try {
		data = await new Response(new Blob(chunks as BlobPart[]), { headers: { 'content-type': type } }).formData();
	} catch {
		throw new Unreadable();
	}
	const fields: FormValues = {};
	const files: Record<string, File> = {};
	for (const [key, value] of data) {
		if (typeof value !== 'string') {
			files[key] = value;
			continue;
		}
		if (key.endsWith('[]')) {
			const name = key.slice(0, -2);
			const list = Array.isArray(fields[name]) ? (fields[name] as string[]) : [];
			list.push(value);
			fields[name] = list;
		} else {
			fields[key] = value;
		}
	}
	return { fields, files };
}

/** What the page gets back of what was typed: strings and lists, never passwords or tokens. */
export function keepValues(values: FormValues): FormValues {
	const kept: FormValues = {};
	for (const [key, value] of Object.entries(values)) {
		if (/password|token/i.test(key)) continue;
		kept[key] = Array.isArray(value) ? value.slice(0, 500).map((v) => v.slice(0, 60_000)) : value.slice(0, 60_000);
	}
	return kept;
}

/** The figures a field's schema allows (min/max of a number or a text's length), for the message. */
function boundsOf(schema: z.ZodType, path: PropertyKey[]): { min?: number; max?: number } {
	let current: unknown = schema;
	for (const step of path) {
		current = unwrap(current);
		const shape = (current as { shape?: Record<string, unknown> })?.shape;
		if (!shape || typeof step !== 'string') return {};
		current = shape[step];
	}
	current = unwrap(current);
	const c = current as { minValue?: number | null; maxValue?: number | null; minLength?: number | null; maxLength?: number | null };
	const min = c?.minValue ?? c?.minLength ?? undefined;
	const max = c?.maxValue ?? c?.maxLength ?? undefined;
	return { ...(Number.isFinite(min) ? { min: min! } : {}), ...(Number.isFinite(max) ? { max: max! } : {}) };
}

function unwrap(schema: unknown): unknown {
	let s = schema as { def?: { type?: string; innerType?: unknown; in?: unknown; out?: unknown } } | undefined;
	for (let i = 0; i < 10 && s?.def; i++) {
		const { type } = s.def;
		if (type === 'optional' || type === 'default' || type === 'nullable' || type === 'catch' || type === 'prefault') s = s.def.innerType as typeof s;
		else if (type === 'pipe') s = (s.def.out as { def?: { type?: string } })?.def?.type === 'transform' ? (s.def.in as typeof s) : (s.def.out as typeof s);
		else break;
	}
	return s;
}

/**
 * One zod issue as a message key and figures. A schema's own message is already a key (`slug`,
 * `before_start`); zod's built-in issues become keys that say what is wrong.
 */
export function issueError(issue: z.core.$ZodIssue, schema?: z.ZodType, given?: Record<string, unknown>): FieldError {
	// A refinement may name its figures (`params: { min, max }`); otherwise they come from the schema.
	const named = issue.code === 'custom' && issue.params ? (issue.params as Record<string, unknown>) : {};
	const figures = Object.fromEntries(Object.entries(named).filter(([, v]) => typeof v === 'number' || typeof v === 'string')) as { min?: number; max?: number };
	const bounds = { ...(schema ? boundsOf(schema, issue.path) : {}), ...figures };
	const withBounds = (key: string): FieldError => (Object.keys(bounds).length ? { key, params: bounds } : { key });
	// A schema's own key says more than zod's code, except the catch-all `invalid`.
	if (/^[a-z][a-z0-9_]{0,63}$/.test(issue.message) && issue.message !== 'invalid') return withBounds(issue.message);
	switch (issue.code) {
		case 'invalid_type':
			// zod leaves the input out of its issues: whether anything was given is read from the form itself.
			if (/received undefined/.test(issue.message) || (given && issue.path.length === 1 && [undefined, ''].includes(given[String(issue.path[0])] as string)))
				return { key: 'required' };
			return issue.expected === 'number' || issue.expected === 'int' ? { key: 'not_a_number' } : { key: 'invalid' };
		case 'too_small':
			if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { key: 'required' } : { key: 'too_short', params: { min: Number(issue.minimum) } };
			if (issue.origin === 'array' || issue.origin === 'set') return { key: 'choose_at_least', params: { min: Number(issue.minimum) } };
			return withBounds(bounds.max !== undefined ? 'out_of_range' : 'too_small');
		case 'too_big':
			if (issue.origin === 'string') return { key: 'too_long', params: { max: Number(issue.maximum) } };
			if (issue.origin === 'array' || issue.origin === 'set') return { key: 'choose_at_most', params: { max: Number(issue.maximum) } };
			return withBounds(bounds.min !== undefined ? 'out_of_range' : 'too_big');
		case 'invalid_format':
			if (issue.format === 'email') return { key: 'email' };
			if (issue.format === 'date' || issue.format === 'datetime') return { key: 'date_invalid' };
			if (issue.format === 'uuid' || issue.format === 'guid') return { key: 'invalid_choice' };
			return { key: 'invalid_format' };
		case 'invalid_value':
		case 'invalid_union':
			if (given && issue.path.length === 1 && [undefined, ''].includes(given[String(issue.path[0])] as string)) return { key: 'required' };
			return { key: 'invalid_choice' };
		case 'not_multiple_of':
			return { key: 'not_a_whole_number' };
		default:
			return { key: 'invalid' };
	}
}

/** Zod's issues as one error per field (the first issue wins); `given` is what was posted. */
export function fieldErrors(error: z.ZodError, schema?: z.ZodType, given?: Record<string, unknown>): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = issue.path.join('.') || 'form';
		errors[field] ??= issueError(issue, schema, given);
	}
	return errors;
}

/** The fields holding a NUL character, which PostgreSQL cannot store in text. */
function nulFields(fields: FormValues): FieldErrors {
	const errors: FieldErrors = {};
	for (const [key, value] of Object.entries(fields)) {
		if ((Array.isArray(value) ? value : [value]).some((v) => v.includes('\u0000'))) errors[key] = { key: 'nul_character' };
	}
	return errors;
}

/** The action's name from `?/name`, which is also the form's name on the page. */
function actionName(url: URL): string {
	for (const key of url.searchParams.keys()) if (key.startsWith('/')) return key.slice(1) || 'default';
	return 'default';
}

/**
 * A form action: `formAction(Schema, async (input, { actor, consortium }) => command(...))`.
 * Returns the command's result (as `{ form, ok: true, ...result }`) or the failure described above.
 */
export function formAction<S extends z.ZodType, R extends Record<string, unknown> | void, A extends Access = 'consortium'>(
	schema: S | ((context: Omit<ContextOf<A>, 'event' | 'files'> & { event: RequestEvent }) => S | Promise<S>),
	run: (input: z.output<S>, context: ContextOf<A>) => Promise<R>,
	options: FormActionOptions<A> = {}
) {
	return async (event: RequestEvent) => {
		const access = options.access ?? 'consortium';
		const form = options.form ?? actionName(event.url);
		// Authenticate, then authorise the consortium, before reading a byte of the body.
		const base = access === 'consortium' ? await inConsortium(event) : access === 'user' ? { user: signedIn(event) } : { user: event.locals.user };
		if ('actor' in base && !can(base.actor, options.visibleTo ?? 'internal.read', { consortiumId: base.consortium.id })) error(404, 'Not found');
		const refuse = (status: number, failure: Omit<FormFailure, 'form' | 'ok'>) => fail(status, { form, ok: false as const, ...failure });

		let body: Awaited<ReturnType<typeof readBody>>;
		try {
			body = await readBody(event.request, options.maxBytes ?? MAX_FORM_BYTES);
		} catch (e) {
			if (e instanceof TooLarge) {
				// The rest of the body is never read: close the connection rather than leave the client sending into it.
				event.setHeaders({ connection: 'close' });
				return refuse(413, {
					errors: { form: { key: 'too_large', params: { max: Math.floor((options.maxBytes ?? MAX_FORM_BYTES) / 1_000_000) || 1 } } },
					values: {}
				});
			}
			if (e instanceof Unreadable) return refuse(400, { errors: { form: { key: 'request_unreadable' } }, values: {} });
			throw e;
		}
		const values = keepValues(body.fields);
		const target = typeof body.fields.target === 'string' ? body.fields.target.slice(0, 64) : undefined;
		const nul = nulFields(body.fields);
		if (Object.keys(nul).length) return refuse(400, { target, errors: nul, values });
		try {
			// A schema can depend on who asks (a new password may not be the person's own address).
			const rules = typeof schema === 'function' ? await schema({ ...base, event } as Omit<ContextOf<A>, 'event' | 'files'> & { event: RequestEvent }) : schema;
			const parsed = rules.safeParse(body.fields);
			if (!parsed.success) return refuse(400, { target, errors: fieldErrors(parsed.error, rules, body.fields), values });
			const result = await run(parsed.data, { ...base, event, files: body.files } as ContextOf<A>);
			return { form, ok: true as const, ...(target ? { target } : {}), ...(result ?? {}) };
		} catch (e) {
			if (e instanceof StaleWrite) return refuse(409, { target, errors: { form: { key: 'stale_write' } }, values, current: e.current });
			if (e instanceof NotFound) error(404, 'Not found');
			if (e instanceof CommandError)
				return refuse(e.status, { target, errors: { [e.field]: { key: e.key, ...(e.params ? { params: e.params } : {}) } }, values });
			if (e instanceof Forbidden) return refuse(403, { target, errors: { form: { key: e.key } }, values });
			if (e instanceof RateLimited) {
				event.setHeaders({ 'retry-after': String(Math.ceil(e.retryAfterMs / 1000)) });
				return refuse(429, { target, errors: { form: { key: 'rate_limited' } }, values, retryMinutes: e.retryAfterMinutes });
			}
			throw e;
		} finally {
			// The action may have changed the person's own standing; the page's loads resolve it again.
			event.locals.context.forget();
		}
	};
}

/** For loads: a refusal or a missing thing is the same 404. */
export function notFoundOn(e: unknown): never {
	if (e instanceof NotFound || e instanceof Forbidden) error(404, 'Not found');
	throw e;
}
