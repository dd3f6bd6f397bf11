import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { cookieName } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { startAuthHousekeeping } from '$lib/server/auth/housekeeping';
import { startMailDelivery } from '$lib/server/mail/outbox';
import { startDecisionClock } from '$lib/server/decisions/clock';
import { startPriorityClock } from '$lib/server/prioritisation/clock';
import { startWebhookDelivery } from '$lib/server/webhooks/delivery';
import { log, loggablePath } from '$lib/server/log';
import { closeDatabaseOnShutdown, prepareDatabase } from '$lib/server/startup';
import { registerUpgradeHandler } from '$lib/server/realtime/upgrade';
import { registerCollab } from '$lib/server/collab/server';
import { createRequestContext } from '$lib/server/request-context';

export const init: ServerInit = async () => {
	await prepareDatabase();
	closeDatabaseOnShutdown();
	registerCollab();
	registerUpgradeHandler();
	startAuthHousekeeping();
	startMailDelivery();
	startDecisionClock();
	startPriorityClock();
	startWebhookDelivery();
};

const handleRequestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = crypto.randomUUID();
	let status = 500;
	try {
		const response = await resolve(event);
		status = response.status;
		return response;
	} finally {
		log.info(
			{
				requestId: event.locals.requestId,
				method: event.request.method,
				path: loggablePath(event.url.pathname),
				status,
				ms: Math.round((performance.now() - started) * 10) / 10,
				user: event.locals.user?.id
			},
			'request'
		);
	}
};

const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const secure = event.url.protocol === 'https:';
		const { session, user } = await validateSessionToken(token);
		if (session) {
			setSessionCookie(event.cookies, token, session.expiresAt, secure);
			event.locals.user = user;
			event.locals.session = session;
		} else {
			deleteSessionCookie(event.cookies, secure);
		}
	}
	event.locals.context = createRequestContext(event.locals.user);
	return resolve(event);
};

/**
 * PostgreSQL cannot store a NUL character in text, so one in a path or query (`?q=%00`) is refused
 * here, once, before any load or endpoint sees it, with a 400 in the person's language (form
 * bodies are checked by `formAction`, JSON bodies by their schemas).
 */
const handleUnstorableInput: Handle = ({ event, resolve }) => {
	if (!/%00/.test(event.url.pathname + event.url.search)) return resolve(event);
	const locale = event.cookies.get(cookieName) === 'en' ? 'en' : 'sv';
	const text = m.request_nul_character({}, { locale });
	if (!event.request.headers.get('accept')?.includes('text/html')) {
		return new Response(JSON.stringify({ error: text }), { status: 400, headers: { 'content-type': 'application/json' } });
	}
	const page = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${m.error_title({}, { locale })}</title></head><body><main><h1>${m.error_title({}, { locale })}</h1><p>${text}</p><p><a href="/">${m.back_home({}, { locale })}</a></p></main></body></html>`;
	return new Response(page, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' } });
};

const handleParaglide: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

/**
 * SvelteKit answers a form POST with JSON unless the client prefers HTML; `use:enhance` asks
 * for JSON explicitly (with x-sveltekit-action). Plain clients that accept anything (curl,
 * scripts, integrations) get what a browser without JavaScript gets: a real 303 redirect.
 */
const handlePlainFormPosts: Handle = ({ event, resolve }) => {
	const { request } = event;
	const accept = request.headers.get('accept');
	if (request.method === 'POST' && !request.headers.has('x-sveltekit-action') && (!accept || accept === '*/*')) {
		const headers = new Headers(request.headers);
		headers.set('accept', 'text/html');
		event.request = new Request(request, { headers });
	}
	return resolve(event);
};

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	// Whatever answers a request that carries a session (even one that no longer holds, whose answer
	// clears the cookie) is that person's: no shared cache may keep it, and the browser may not keep a
	// copy to show after they sign out. Build assets are content-hashed and the same for everyone.
	// Read before resolving: once the session hook has cleared a stale cookie, `get` no longer sees it.
	const sentSession = event.cookies.get(SESSION_COOKIE) !== undefined;
	const response = await resolve(event);
	const headers = response.headers;
	if ((sentSession || event.locals.session) && !event.url.pathname.startsWith('/_app/immutable/')) {
		headers.set('Cache-Control', 'private, no-store');
	}
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	if (event.url.protocol === 'https:') {
		headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	}
	return response;
};

export const handle = sequence(handleRequestLog, handleSecurityHeaders, handleUnstorableInput, handlePlainFormPosts, handleSession, handleParaglide);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = event.locals.requestId ?? crypto.randomUUID();
	if (status >= 500) log.error({ requestId: id, err: error, path: loggablePath(event.url.pathname) }, 'unhandled error');
	return { message: status >= 500 ? 'Internal error' : message, id };
};
