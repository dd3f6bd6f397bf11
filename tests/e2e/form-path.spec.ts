import { connect } from 'node:net';
import { expect, test, type APIRequestContext, type APIResponse, type PlaywrightWorkerArgs } from '@playwright/test';
import { parse } from 'devalue';
import { DEMO_PASSWORD } from './support/session';

/*
 * The form path over HTTP: real forms posted to real routes of the running app, answered by
 * `formAction` (src/lib/server/form-action.ts) with one mapping everywhere. Each case is posted the
 * way a browser with JavaScript does (`use:enhance`: `POST <page>?/<action>` with
 * `x-sveltekit-action: true`, answered with JSON `{ type, status, data }`) and, where it says
 * something of its own, the way a plain client does (no `x-sveltekit-action`, `accept: *\/*`:
 * what a browser without JavaScript gets, a real status and a page, or a 303 after success).
 * Routes of four kinds: members (?/invite, ?/changeRole), settings (?/rules), a requirement
 * (?/save, ?/comment, ?/deleteComment, ?/submit) and the import (multipart, its own size limit).
 */

const base = '/c/ostergotland';
const members = `${base}/members`;
const settings = `${base}/settings`;
const importPage = `${base}/import`;
const nobody = '00000000-0000-4000-8000-000000000000';

interface ActionAnswer {
	/** The HTTP status of the response itself. */
	http: number;
	type: 'failure' | 'success' | 'redirect' | 'error';
	/** The failure's status (a failure travels in a 200 to a JavaScript client). */
	status?: number;
	location?: string;
	data: {
		form?: string;
		ok?: boolean;
		id?: string;
		errors?: Record<string, { key: string; params?: Record<string, unknown> }>;
		values?: Record<string, unknown>;
		current?: Record<string, unknown>;
	};
	error?: { message: string };
}

let origin: string;
const people: Record<'anonymous' | 'admin' | 'kasamAdmin' | 'member' | 'observer' | 'supplier', APIRequestContext> = {} as never;

/** A fresh cookie jar signed in through the login form, as a plain client. */
async function signedIn(playwright: PlaywrightWorkerArgs['playwright'], email?: string): Promise<APIRequestContext> {
	const context = await playwright.request.newContext({ baseURL: origin });
	if (!email) return context;
	const response = await context.post('/login', { form: { email, password: DEMO_PASSWORD }, headers: { origin, accept: '*/*' }, maxRedirects: 0 });
	expect(response.status(), `sign-in of ${email}`).toBe(303);
	return context;
}

type Body = Record<string, string> | string;

/** A page's named action (`?/invite`), or the page itself for its default action. */
const target = (page: string, action: string) => (action === 'default' ? page : `${page}?/${action}`);

/** Posts a form to `?/<action>` as `use:enhance` does, and reads the answer (devalue-decoded). */
async function act(as: APIRequestContext, page: string, action: string, body: Body, contentType = 'application/x-www-form-urlencoded'): Promise<ActionAnswer> {
	const response = await as.post(target(page, action), {
		headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': contentType },
		data: typeof body === 'string' ? body : new URLSearchParams(body).toString(),
		maxRedirects: 0
	});
	const json = (await response.json()) as { type: ActionAnswer['type']; status?: number; location?: string; data?: string; error?: { message: string } };
	return { http: response.status(), ...json, data: json.data ? (parse(json.data) as ActionAnswer['data']) : {} };
}

/** Posts the same form as a plain client (curl, a script, a browser without JavaScript). */
function plain(as: APIRequestContext, page: string, action: string, body: Record<string, string>): Promise<APIResponse> {
	return as.post(target(page, action), { headers: { origin, accept: '*/*' }, form: body, maxRedirects: 0 });
}

/** The hidden fields of a page's forms (`name="version" value="3"`), read from its HTML. */
async function hiddenValue(as: APIRequestContext, page: string, name: string): Promise<string> {
	const html = await (await as.get(page)).text();
	const found = html.match(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`));
	expect(found, `${name} on ${page}`).not.toBeNull();
	return found![1]!;
}

let approved: { id: string; page: string };
let mine: { id: string; page: string };
let observerMembershipId: string;

test.beforeAll(async ({ playwright }) => {
	origin = test.info().project.use.baseURL!;
	people.anonymous = await signedIn(playwright);
	people.admin = await signedIn(playwright, 'admin@samsyn.demo');
	people.kasamAdmin = await signedIn(playwright, 'kasam.admin@samsyn.demo');
	people.member = await signedIn(playwright, 'deltagare.motala@samsyn.demo');
	people.observer = await signedIn(playwright, 'observator@samsyn.demo');
	people.supplier = await signedIn(playwright, 'leverantor@samsyn.demo');

	// An approved demo requirement, found through the API
	const list = (await (await people.admin.get(`/api/v1${base}/requirements?status=approved&limit=1`)).json()) as { items: { id: string }[] };
	approved = { id: list.items[0]!.id, page: `${base}/requirements/${list.items[0]!.id}` };
	// A draft of this spec's own, created by a plain client: success is a 303 to the new page
	const created = await plain(people.member, `${base}/requirements/new`, 'default', { title: `Formvägens krav ${Date.now()}` });
	expect(created.status()).toBe(303);
	const location = created.headers()['location']!;
	expect(location).toMatch(new RegExp(`^${base}/requirements/[0-9a-f-]{36}$`));
	mine = { id: location.split('/').pop()!, page: location };
	// The observer's membership, as the members page names it to an admin
	const html = await (await people.admin.get(members)).text();
	observerMembershipId = html.match(/name="membershipId" value="([0-9a-f-]{36})"[^]*?aria-label="Ändra roll för Upphandlare \(observatör\)"/)?.[1] ?? '';
	expect(observerMembershipId).toMatch(/^[0-9a-f-]{36}$/);
});

test.afterAll(async () => {
	for (const context of Object.values(people)) await context?.dispose();
});

/** One form of each kind, with input that would be valid. */
const routes = (): { page: string; action: string; body: Record<string, string> }[] => [
	{ page: members, action: 'invite', body: { email: 'ny.person@kommun.test', organisationId: nobody, role: 'member' } },
	{ page: members, action: 'changeRole', body: { membershipId: observerMembershipId, role: 'member' } },
	{
		page: settings,
		action: 'rules',
		body: { decisionRule: 'majority', qualifiedMajorityPercent: '67', quorumPercent: '50', weighting: 'per_organisation', publishing: 'admins' }
	},
	{ page: mine.page, action: 'save', body: { id: mine.id, version: '1', title: 'Ändrad rubrik' } },
	{ page: mine.page, action: 'comment', body: { body: 'En kommentar' } }
];

test('not signed in: 401 from every form, before the body is looked at', async () => {
	for (const { page, action, body } of routes()) {
		const answer = await act(people.anonymous, page, action, body);
		expect(answer.http, `${page}?/${action}`).toBe(401);
		expect(answer.type).toBe('error');
		expect((await plain(people.anonymous, page, action, body)).status(), `${page}?/${action} (plain)`).toBe(401);
	}
});

test('another consortium’s admin: 404, the same answer as for a consortium that does not exist', async () => {
	for (const { page, action, body } of routes()) {
		const answer = await act(people.kasamAdmin, page, action, body);
		expect(answer.http, `${page}?/${action}`).toBe(404);
		expect(answer).toMatchObject({ type: 'error', error: { message: 'Not found' } });
		expect((await plain(people.kasamAdmin, page, action, body)).status(), `${page}?/${action} (plain)`).toBe(404);
	}
	const missing = await act(people.kasamAdmin, '/c/finns-inte/members', 'invite', routes()[0]!.body);
	expect(missing.http).toBe(404);
	expect(missing.error).toEqual((await act(people.kasamAdmin, members, 'invite', routes()[0]!.body)).error);
});

test('a role that does not allow it: 403 with the key forbidden, keeping what was typed', async () => {
	const cases: { as: APIRequestContext; page: string; action: string; body: Record<string, string> }[] = [
		{ as: people.observer, page: mine.page, action: 'comment', body: { body: 'Observatören har en åsikt' } },
		{ as: people.member, page: members, action: 'invite', body: { email: 'van@kommun.test', organisationId: nobody, role: 'admin' } },
		{ as: people.member, page: members, action: 'changeRole', body: { membershipId: observerMembershipId, role: 'admin' } },
		{ as: people.observer, page: mine.page, action: 'save', body: { id: mine.id, version: '1', title: 'Observatörens rubrik' } }
	];
	for (const { as, page, action, body } of cases) {
		const answer = await act(as, page, action, body);
		expect(answer, `${page}?/${action}`).toMatchObject({
			http: 200,
			type: 'failure',
			status: 403,
			data: { form: action, ok: false, errors: { form: { key: 'forbidden' } } }
		});
		expect(answer.data.values).toMatchObject(body);
		expect((await plain(as, page, action, body)).status(), `${page}?/${action} (plain)`).toBe(403);
	}
	// nothing of it happened
	const comments = await (await people.admin.get(mine.page)).text();
	expect(comments).not.toContain('Observatören har en åsikt');
	expect(await hiddenValue(people.admin, mine.page, 'version')).toBe('1');
});

// A page that does not exist for the person (the settings page for anyone but an admin; every
// internal page for the supplier) answers a post to it as it answers the page itself: 404, with and
// without JavaScript, so existence does not leak and both clients hear the same.
test('a page that is not theirs: 404 with and without JavaScript, not 403', async () => {
	const cases = [
		{ as: people.member, page: settings, action: 'rules', body: routes()[2]!.body },
		{ as: people.supplier, page: mine.page, action: 'comment', body: { body: 'Leverantören skriver' } }
	];
	for (const { as, page, action, body } of cases) {
		const withJavaScript = await act(as, page, action, body);
		expect(withJavaScript.http, `${page}?/${action}`).toBe(404);
		expect(withJavaScript).toMatchObject({ type: 'error', error: { message: 'Not found' } });
		expect((await plain(as, page, action, body)).status(), `${page}?/${action} (plain)`).toBe(404);
	}
});

test('malformed input: 400 with an error per field and what was typed sent back, never a password', async () => {
	// members: invite with an address that is none, an unknown role and no organisation
	const invite = await act(people.admin, members, 'invite', { email: 'inte-en-adress', name: 'Anna Andersson', role: 'boss' });
	expect(invite).toMatchObject({
		type: 'failure',
		status: 400,
		data: { form: 'invite', errors: { email: { key: 'email' }, role: { key: 'invalid_choice' } } }
	});
	expect(Object.keys(invite.data.errors!).sort()).toEqual(['email', 'organisationId', 'role']);
	expect(invite.data.values).toEqual({ email: 'inte-en-adress', name: 'Anna Andersson', role: 'boss' });
	// members: a role change for a row that is no id
	const changeRole = await act(people.admin, members, 'changeRole', { target: 'rad-1', membershipId: 'inte-ett-id', role: 'member' });
	expect(changeRole).toMatchObject({ type: 'failure', status: 400, data: { form: 'changeRole', errors: { membershipId: { key: 'invalid_choice' } } } });
	expect(changeRole.data).toMatchObject({ target: 'rad-1' });
	// settings: figures out of range come with the range, an unknown rule is an invalid choice
	const rules = await act(people.admin, settings, 'rules', { ...routes()[2]!.body, quorumPercent: '150', decisionRule: 'lottery' });
	expect(rules).toMatchObject({
		type: 'failure',
		status: 400,
		data: {
			errors: { quorumPercent: { key: 'out_of_range', params: { min: 0, max: 100 } }, decisionRule: { key: 'invalid_choice' } },
			values: { quorumPercent: '150' }
		}
	});
	// a requirement: an empty title and a version that is no number
	const save = await act(people.member, mine.page, 'save', { id: mine.id, version: 'x', title: '   ', rationale: 'Motivering som inte får gå förlorad' });
	expect(save).toMatchObject({
		type: 'failure',
		status: 400,
		data: { errors: { title: { key: 'required' }, version: {} }, values: { rationale: 'Motivering som inte får gå förlorad' } }
	});
	const comment = await act(people.member, mine.page, 'comment', { body: '' });
	expect(comment).toMatchObject({ type: 'failure', status: 400, data: { errors: { body: { key: 'required' } } } });
	// a body that is no form at all
	const unreadable = await act(people.member, mine.page, 'comment', 'inte ett formulär', 'text/plain');
	expect(unreadable).toMatchObject({ type: 'failure', status: 400, data: { errors: { form: { key: 'request_unreadable' } } } });
	// sign-in: the address comes back, the password never does
	const login = await act(people.anonymous, '/login', 'default', { email: 'nobody@samsyn.test', password: 'ett hemligt lösenord' });
	expect(login).toMatchObject({ type: 'failure', status: 400, data: { errors: { form: { key: 'login_failed' } }, values: { email: 'nobody@samsyn.test' } } });
	expect(login.data.values).not.toHaveProperty('password');
	const badLogin = await act(people.anonymous, '/login', 'default', { email: 'inte-en-adress', password: 'ett hemligt lösenord' });
	expect(badLogin).toMatchObject({ type: 'failure', status: 400, data: { errors: { email: { key: 'email' } } } });
	expect(JSON.stringify(badLogin.data)).not.toContain('hemligt');

	// a plain client gets the page with a real 400, the error beside the field and the value kept
	const page400 = await plain(people.admin, members, 'invite', { email: 'inte-en-adress', name: 'Anna Andersson', role: 'member' });
	expect(page400.status()).toBe(400);
	const html = await page400.text();
	expect(html).toContain('Ange en giltig e-postadress.');
	expect(html).toMatch(/name="email"[^>]*value="inte-en-adress"/);
});

/**
 * Sends a form body over a raw socket at `chunkBytes` every `everyMs`, as a slow client keeps
 * sending, and records when the answer came and when the server closed the connection (its FIN, or
 * a reset on the next write). Nothing on the client side closes the socket before the server does.
 */
async function slowUpload(options: {
	path: string;
	cookie: string;
	contentType: string;
	/** The Content-Length to declare; without it the body is sent chunked. */
	declared?: number;
	total: number;
	chunkBytes: number;
	everyMs: number;
}): Promise<{ head: string; body: string; answeredMs: number; closedMs: number; sentWhenAnswered: number; sentWhenClosed: number }> {
	const url = new URL(origin);
	const socket = connect(Number(url.port), url.hostname);
	const started = performance.now();
	let sent = 0;
	let response = '';
	let answeredMs = -1;
	let sentWhenAnswered = -1;
	const chunked = options.declared === undefined;
	const write = (data: Buffer | string) =>
		socket.write(chunked ? Buffer.concat([Buffer.from(`${Buffer.byteLength(data).toString(16)}\r\n`), Buffer.from(data), Buffer.from('\r\n')]) : data);
	return new Promise((resolve, reject) => {
		let timer: NodeJS.Timeout | undefined;
		const finish = () => {
			clearInterval(timer);
			const closedMs = performance.now() - started;
			const [head = '', body = ''] = response.split('\r\n\r\n');
			socket.destroy();
			resolve({ head, body, answeredMs, closedMs, sentWhenAnswered, sentWhenClosed: sent });
		};
		socket.once('connect', () => {
			socket.write(
				[
					`POST ${options.path} HTTP/1.1`,
					`host: ${url.host}`,
					`origin: ${origin}`,
					`cookie: ${options.cookie}`,
					`content-type: ${options.contentType}`,
					'accept: application/json',
					'x-sveltekit-action: true',
					'connection: keep-alive',
					chunked ? 'transfer-encoding: chunked' : `content-length: ${options.declared}`,
					'',
					''
				].join('\r\n')
			);
			const chunk = Buffer.alloc(options.chunkBytes, 'a');
			timer = setInterval(() => {
				if (socket.destroyed || !socket.writable) return;
				if (sent >= options.total) {
					clearInterval(timer);
					if (chunked) socket.write('0\r\n\r\n');
					return;
				}
				write(chunk);
				sent += chunk.length;
			}, options.everyMs);
		});
		socket.on('data', (data) => {
			if (answeredMs < 0) {
				answeredMs = performance.now() - started;
				sentWhenAnswered = sent;
			}
			response += data.toString('utf8');
		});
		// The server's FIN, or a reset when a write meets the closed connection: either way, closed by the server.
		socket.once('end', finish);
		socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? finish() : reject(e)));
	});
}

/** The session cookie of a signed-in request context, for a raw request. */
async function cookieOf(as: APIRequestContext): Promise<string> {
	const { cookies } = await as.storageState();
	return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** The failure inside a raw action answer (JSON, possibly in one chunk of a chunked response). */
function failureIn(body: string): ActionAnswer['data'] & { status: number } {
	const json = JSON.parse(body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1)) as { type: string; status: number; data: string };
	expect(json.type).toBe('failure');
	return { status: json.status, ...(parse(json.data) as ActionAnswer['data']) };
}

test('a body over the limit: 413 too_large at once, and the connection closed while the client would keep sending', async () => {
	const cookie = await cookieOf(people.member);
	const mb = 1024 * 1024;
	// 6 MB declared to a form of the 1 MB default, sent at 640 KB/s: all of it would take over 9 s
	const declared = await slowUpload({
		path: `${mine.page}?/comment`,
		cookie,
		contentType: 'application/x-www-form-urlencoded',
		declared: 6 * mb,
		total: 6 * mb,
		chunkBytes: 64 * 1024,
		everyMs: 100
	});
	expect(declared.head).toMatch(/^HTTP\/1\.1 200/);
	expect(declared.head).toMatch(/\r\nconnection: close\r\n/i);
	expect(failureIn(declared.body)).toMatchObject({ status: 413, form: 'comment', errors: { form: { key: 'too_large', params: { max: 1 } } }, values: {} });
	expect(declared.answeredMs).toBeLessThan(3000);
	expect(declared.closedMs).toBeLessThan(4000);
	expect(declared.sentWhenClosed).toBeLessThan(2 * mb);

	// Chunked, so the length is unknown: read to the limit, then refused and closed
	const streamed = await slowUpload({
		path: `${mine.page}?/comment`,
		cookie,
		contentType: 'application/x-www-form-urlencoded',
		total: 6 * mb,
		chunkBytes: 64 * 1024,
		everyMs: 25
	});
	expect(failureIn(streamed.body)).toMatchObject({ status: 413, errors: { form: { key: 'too_large' } } });
	expect(streamed.head).toMatch(/\r\nconnection: close\r\n/i);
	expect(streamed.sentWhenAnswered).toBeGreaterThanOrEqual(1_000_000);
	expect(streamed.sentWhenClosed).toBeLessThan(3 * mb);
	expect(streamed.closedMs).toBeLessThan(5000);

	// The import names its own limit, 5 MB and 64 KB of form around the file: a 6 MB upload is refused at once
	const boundary = 'samsynformpath';
	const upload = await slowUpload({
		path: importPage,
		cookie,
		contentType: `multipart/form-data; boundary=${boundary}`,
		declared: 6 * mb,
		total: 6 * mb,
		chunkBytes: 64 * 1024,
		everyMs: 100
	});
	expect(failureIn(upload.body)).toMatchObject({ status: 413, form: 'default', errors: { form: { key: 'too_large', params: { max: 5 } } } });
	expect(upload.head).toMatch(/\r\nconnection: close\r\n/i);
	expect(upload.closedMs).toBeLessThan(4000);
	expect(upload.sentWhenClosed).toBeLessThan(2 * mb);
	// …and one just over it, whatever its declared length, when the body is streamed
	const justOver = await slowUpload({
		path: importPage,
		cookie,
		contentType: `multipart/form-data; boundary=${boundary}`,
		total: 6 * mb,
		chunkBytes: 256 * 1024,
		everyMs: 10
	});
	expect(failureIn(justOver.body)).toMatchObject({ status: 413, errors: { form: { key: 'too_large', params: { max: 5 } } } });
	expect(justOver.sentWhenAnswered).toBeGreaterThan(5 * mb + 64 * 1024);
	expect(justOver.sentWhenClosed).toBeLessThan(6 * mb);

	// A plain client gets a real 413 with the sentence on the page
	const big = await people.member.post(`${mine.page}?/comment`, {
		headers: { origin, accept: '*/*', 'content-type': 'application/x-www-form-urlencoded' },
		data: `body=${'a'.repeat(1_100_000)}`,
		maxRedirects: 0
	});
	expect(big.status()).toBe(413);
	expect(big.headers()['connection']).toBe('close');
	expect(await big.text()).toContain('för stort (högst 1 MB)');
});

test('a conflict: a second save of the same version is 409 stale_write with the current values and the typed ones', async () => {
	const version = await hiddenValue(people.member, mine.page, 'version');
	const first = await act(people.member, mine.page, 'save', { id: mine.id, version, title: 'Först sparad rubrik', rationale: 'Den första' });
	expect(first).toMatchObject({ type: 'success', status: 200, data: { form: 'save', ok: true } });
	const second = await act(people.admin, mine.page, 'save', { id: mine.id, version, title: 'Sent sparad rubrik', rationale: 'Den andra' });
	expect(second).toMatchObject({
		type: 'failure',
		status: 409,
		data: {
			form: 'save',
			errors: { form: { key: 'stale_write' } },
			current: { title: 'Först sparad rubrik', rationale: 'Den första', version: Number(version) + 1 },
			values: { title: 'Sent sparad rubrik', rationale: 'Den andra' }
		}
	});
	expect((await plain(people.admin, mine.page, 'save', { id: mine.id, version, title: 'Sent sparad rubrik' })).status()).toBe(409);
});

test('a NUL character: 400 nul_character beside its field, and a NUL in the address is 400, never 500', async () => {
	const version = await hiddenValue(people.member, mine.page, 'version');
	const save = await act(people.member, mine.page, 'save', `id=${mine.id}&version=${version}&title=a%00b`);
	expect(save).toMatchObject({ type: 'failure', status: 400, data: { errors: { title: { key: 'nul_character' } } } });
	const comment = await act(people.member, mine.page, 'comment', 'body=hej%00d%C3%A5');
	expect(comment).toMatchObject({ type: 'failure', status: 400, data: { errors: { body: { key: 'nul_character' } } } });

	for (const accept of ['text/html', 'application/json', '*/*']) {
		const response = await people.member.get(`${base}/requirements?q=%00`, { headers: { accept } });
		expect(response.status(), accept).toBe(400);
		expect(await response.text()).toContain('NUL-tecken');
	}
	expect((await people.member.get(`/api/v1${base}/requirements?q=%00`)).status()).toBe(400);
});

test('an item rule: someone else’s comment is 403 comment_not_yours, an approved requirement is 409 requirement_wrong_status', async () => {
	const comment = await act(people.admin, mine.page, 'comment', { body: 'Administratörens kommentar' });
	expect(comment).toMatchObject({ type: 'success', data: { form: 'comment', ok: true } });
	const commentId = comment.data.id!;
	const refused = await act(people.member, mine.page, 'deleteComment', { id: commentId });
	expect(refused).toMatchObject({ type: 'failure', status: 403, data: { form: 'deleteComment', errors: { form: { key: 'comment_not_yours' } } } });
	expect(await (await people.member.get(mine.page)).text()).toContain('Administratörens kommentar');
	// the author may
	expect(await act(people.admin, mine.page, 'deleteComment', { id: commentId })).toMatchObject({ type: 'success', data: { form: 'deleteComment', ok: true } });

	const version = await hiddenValue(people.member, approved.page, 'version');
	const submit = await act(people.member, approved.page, 'submit', { id: approved.id, version });
	expect(submit).toMatchObject({ type: 'failure', status: 409, data: { form: 'submit', errors: { form: { key: 'requirement_wrong_status' } } } });
	expect((await plain(people.member, approved.page, 'submit', { id: approved.id, version })).status()).toBe(409);
	// a missing thing is the error page's 404, not a failure
	expect((await act(people.member, mine.page, 'deleteComment', { id: nobody })).http).toBe(404);
});
