import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { webhookDeliveries, webhooks } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { CommandError, NotFound } from '../errors';
import { Forbidden } from '../policy';
import { hasMessage } from '$lib/forms/messages';
import { closeDecisionItem, communicateDecision, createDecisionItem, openDecisionItem, recordDecision } from '../decisions/commands';
import { DecisionItemInput, RecordInput } from '../decisions/schemas';
import { isPublicAddress, setWebhookAllowPrivate, setWebhookResolver } from './address';
import { createWebhook, deleteWebhook, rotateWebhookSecret, sendTestEvent, setWebhookActive } from './commands';
import { deliverDueWebhooks } from './delivery';
import { enqueueWebhookEvent, type WebhookEnvelope } from './outbox';
import { listWebhooks } from './queries';
import { CreateWebhookInput } from './schemas';
import { verifyWebhookSignature } from './signing';

useFreshDatabase();

/** A real receiver on 127.0.0.1: records every request and answers with the next queued status (200 when none is left). */
interface Received {
	path: string;
	headers: IncomingHttpHeaders;
	body: string;
}
let server: Server;
let port = 0;
const received: Received[] = [];
const answers: number[] = [];

beforeAll(async () => {
	server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (c: Buffer) => chunks.push(c));
		request.on('end', () => {
			received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
			const status = answers.shift() ?? 200;
			response.writeHead(status, status >= 300 && status < 400 ? { location: `http://127.0.0.1:${port}/elsewhere` } : {});
			response.end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
	setWebhookAllowPrivate(null);
	setWebhookResolver(null);
	received.length = 0;
	answers.length = 0;
});

async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const org = await buildOrganisation(tx, consortium.id);
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const mk = async (role: 'admin' | 'member' | 'representative' | 'supplier', consortiumId = consortium.id, organisationId = org.id) => {
			const u = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: u.id, organisationId: role === 'supplier' ? supplierOrg.id : organisationId, role });
			return { id: u.id, isOperator: false };
		};
		return {
			consortium,
			admin: await mk('admin'),
			member: await mk('member'),
			representative: await mk('representative'),
			supplier: await mk('supplier'),
			outsider: await mk('admin', other.id, (await buildOrganisation(tx, other.id)).id)
		};
	});
}

const input = (url: string, events: string[] = ['release.published', 'decision.communicated', 'question.answered']) =>
	CreateWebhookInput.parse({ url, events });
const hook = (path = '/hook') => `http://127.0.0.1:${port}${path}`;

async function refusal(work: Promise<unknown>): Promise<{ key: string; field: string }> {
	const e = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(e).toBeInstanceOf(CommandError);
	return { key: (e as CommandError).key, field: (e as CommandError).field };
}

const deliveriesOf = (webhookId: string) => asSystem((tx) => tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId)));

async function queue(
	consortiumId: string,
	type: 'release.published' | 'question.answered' = 'release.published',
	data: Record<string, unknown> = { number: 1 }
) {
	await asSystem((tx) => enqueueWebhookEvent(tx, consortiumId, type, data));
}

describe('who manages webhooks', () => {
	it('answers someone of another consortium as for a missing thing, and refuses every role but admin', async () => {
		const w = await world();
		setWebhookAllowPrivate(true);
		await expect(createWebhook(w.outsider, w.consortium.id, input(hook()))).rejects.toThrow(NotFound);
		await expect(listWebhooks(w.outsider, w.consortium.id)).rejects.toThrow(NotFound);
		for (const who of [w.member, w.representative, w.supplier]) {
			await expect(createWebhook(who, w.consortium.id, input(hook()))).rejects.toThrow(Forbidden);
			await expect(listWebhooks(who, w.consortium.id)).rejects.toThrow(Forbidden);
		}
		const created = await createWebhook(w.admin, w.consortium.id, input(hook()));
		for (const who of [w.member, w.supplier]) {
			await expect(sendTestEvent(who, w.consortium.id, created.id)).rejects.toThrow(Forbidden);
			await expect(deleteWebhook(who, w.consortium.id, created.id)).rejects.toThrow(Forbidden);
		}
		await expect(setWebhookActive(w.outsider, w.consortium.id, created.id, false)).rejects.toThrow(NotFound);
	});
});

describe('the URL an admin registers', () => {
	it('refuses a malformed URL, another scheme and credentials with a message key beside the URL field', async () => {
		const w = await world();
		for (const url of ['inte en adress', 'https://', 'ftp://example.com/hook', 'javascript:alert(1)', 'https://exa mple.com/']) {
			expect(await refusal(createWebhook(w.admin, w.consortium.id, input(url))), url).toEqual({ key: 'webhook_url_invalid', field: 'url' });
		}
		expect(await refusal(createWebhook(w.admin, w.consortium.id, input('https://user:secret@example.com/hook')))).toEqual({
			key: 'webhook_url_credentials',
			field: 'url'
		});
		expect((await refusal(createWebhook(w.admin, w.consortium.id, input('http://example.com/hook')))).key).toBe('webhook_url_https');
		expect(CreateWebhookInput.safeParse({ url: 'https://example.com', events: [] }).success).toBe(false);
		expect(CreateWebhookInput.safeParse({ url: 'https://example.com', events: ['everything'] }).success).toBe(false);
		for (const key of [
			'webhook_url_invalid',
			'webhook_url_https',
			'webhook_url_credentials',
			'webhook_url_unresolvable',
			'webhook_url_private',
			'webhook_events_required',
			'webhook_disabled'
		]) {
			expect(hasMessage(key), key).toBe(true);
		}
	});

	it('refuses private, loopback, link-local, unique-local, CGNAT, multicast and unspecified addresses unless the operator allows them', async () => {
		const w = await world();
		setWebhookAllowPrivate(false);
		for (const host of [
			'127.0.0.1',
			'localhost',
			'[::1]',
			'10.1.2.3',
			'172.16.0.1',
			'192.168.1.10',
			'169.254.169.254',
			'100.64.0.1',
			'0.0.0.0',
			'224.0.0.1',
			'[fd12:3456::1]',
			'[fe80::1]',
			'[::ffff:127.0.0.1]',
			'[::ffff:10.0.0.1]',
			'[::]'
		]) {
			expect(await refusal(createWebhook(w.admin, w.consortium.id, input(`https://${host}/hook`))), host).toEqual({ key: 'webhook_url_private', field: 'url' });
		}
		// A name with one private address among public ones is refused too.
		setWebhookResolver(async () => [
			{ address: '93.184.216.34', family: 4 },
			{ address: '10.0.0.7', family: 4 }
		]);
		expect((await refusal(createWebhook(w.admin, w.consortium.id, input('https://hooks.example.test/')))).key).toBe('webhook_url_private');
		setWebhookResolver(async () => {
			throw new Error('ENOTFOUND');
		});
		expect((await refusal(createWebhook(w.admin, w.consortium.id, input('https://nowhere.example.test/')))).key).toBe('webhook_url_unresolvable');
		expect(await asSystem((tx) => tx.select().from(webhooks).where(eq(webhooks.consortiumId, w.consortium.id)))).toEqual([]);

		setWebhookResolver(null);
		setWebhookAllowPrivate(true);
		const allowed = await createWebhook(w.admin, w.consortium.id, input(hook()));
		expect(allowed.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
	});

	it('classifies addresses with ipaddr.js: public unicast only', () => {
		expect(isPublicAddress('93.184.216.34')).toBe(true);
		expect(isPublicAddress('2606:4700:4700::1111')).toBe(true);
		expect(isPublicAddress('::ffff:93.184.216.34')).toBe(true);
		for (const a of [
			'127.0.0.1',
			'::1',
			'10.0.0.1',
			'100.100.100.100',
			'fc00::1',
			'fe80::1',
			'::ffff:192.168.0.1',
			'255.255.255.255',
			'2001:db8::1',
			'64:ff9b::a00:1',
			'x'
		])
			expect(isPublicAddress(a), a).toBe(false);
	});
});

describe('delivery', () => {
	it('posts a signed JSON event that a receiver with the secret can verify', async () => {
		const w = await world();
		setWebhookAllowPrivate(true);
		const created = await createWebhook(w.admin, w.consortium.id, input(hook('/samsyn?x=1'), ['release.published']));
		await queue(w.consortium.id, 'release.published', { number: 7, title: 'MVP 1.0' });
		const [outcome] = await deliverDueWebhooks();
		expect(outcome).toMatchObject({ status: 'delivered', httpStatus: 200 });
		expect(received).toHaveLength(1);
		const [request] = received;
		expect(request!.path).toBe('/samsyn?x=1');
		const [row] = await deliveriesOf(created.id);
		expect(request!.headers['content-type']).toBe('application/json');
		expect(request!.headers['x-samsyn-event']).toBe('release.published');
		expect(request!.headers['x-samsyn-delivery']).toBe(row!.id);
		const timestamp = String(request!.headers['x-samsyn-timestamp']);
		expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
		const signature = String(request!.headers['x-samsyn-signature']);
		expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
		expect(verifyWebhookSignature(created.secret, timestamp, request!.body, signature)).toBe(true);
		expect(verifyWebhookSignature('whsec_wrong', timestamp, request!.body, signature)).toBe(false);
		expect(verifyWebhookSignature(created.secret, String(Number(timestamp) + 1), request!.body, signature)).toBe(false);
		const body = JSON.parse(request!.body) as WebhookEnvelope;
		expect(body).toMatchObject({ id: row!.eventId, type: 'release.published', consortium: w.consortium.slug, data: { number: 7, title: 'MVP 1.0' } });
		expect(row).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 200, lastError: null, nextAttemptAt: null });
		expect(row!.deliveredAt).toBeInstanceOf(Date);

		// A new secret signs what follows; the old one no longer verifies.
		const renewed = await rotateWebhookSecret(w.admin, w.consortium.id, created.id);
		await queue(w.consortium.id);
		await deliverDueWebhooks();
		const second = received[1]!;
		const ts = String(second.headers['x-samsyn-timestamp']);
		expect(verifyWebhookSignature(renewed.secret, ts, second.body, String(second.headers['x-samsyn-signature']))).toBe(true);
		expect(verifyWebhookSignature(created.secret, ts, second.body, String(second.headers['x-samsyn-signature']))).toBe(false);
	});

	it('retries a 500 after the backoff and records the success', async () => {
		const w = await world();
		setWebhookAllowPrivate(true);
		const created = await createWebhook(w.admin, w.consortium.id, input(hook()));
		await queue(w.consortium.id);
		answers.push(500, 500, 200);
		const t0 = new Date(Date.now() + 1000);
		const first = await deliverDueWebhooks({ now: t0 });
		expect(first).toMatchObject([{ status: 'pending', httpStatus: 500, error: 'HTTP 500' }]);
		let [row] = await deliveriesOf(created.id);
		expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500' });
		expect(row!.nextAttemptAt!.getTime() - t0.getTime()).toBe(60_000);

		// Not due yet: nothing is sent.
		expect(await deliverDueWebhooks({ now: new Date(t0.getTime() + 59_000) })).toEqual([]);
		expect(received).toHaveLength(1);

		const t1 = new Date(t0.getTime() + 60_000);
		await deliverDueWebhooks({ now: t1 });
		[row] = await deliveriesOf(created.id);
		expect(row).toMatchObject({ status: 'pending', attempts: 2, lastStatus: 500 });
		expect(row!.nextAttemptAt!.getTime() - t1.getTime()).toBe(5 * 60_000);

		const t2 = new Date(t1.getTime() + 5 * 60_000);
		expect(await deliverDueWebhooks({ now: t2 })).toMatchObject([{ status: 'delivered', httpStatus: 200, error: null }]);
		[row] = await deliveriesOf(created.id);
		expect(row).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200, lastError: null, nextAttemptAt: null });
		// The same delivery every time: one id, one event id, the same body.
		expect(new Set(received.map((r) => r.headers['x-samsyn-delivery']))).toEqual(new Set([row!.id]));
		expect(new Set(received.map((r) => r.body)).size).toBe(1);
	});

	it('waits 1 min, 5 min, 30 min, 2 h and 12 h, then marks the delivery failed; a redirect is an answer, not followed', async () => {
		const w = await world();
		setWebhookAllowPrivate(true);
		const created = await createWebhook(w.admin, w.consortium.id, input(hook()));
		await queue(w.consortium.id);
		answers.push(302, 503, 503, 503, 503, 503, 503);
		let now = new Date(Date.now() + 1000);
		const waits: number[] = [];
		for (let attempt = 1; attempt <= 6; attempt++) {
			const [outcome] = await deliverDueWebhooks({ now });
			const [row] = await deliveriesOf(created.id);
			expect(row!.attempts).toBe(attempt);
			if (attempt < 6) {
				expect(outcome!.status).toBe('pending');
				waits.push(row!.nextAttemptAt!.getTime() - now.getTime());
				now = row!.nextAttemptAt!;
			} else {
				expect(outcome).toMatchObject({ status: 'failed', httpStatus: 503 });
				expect(row).toMatchObject({ status: 'failed', nextAttemptAt: null, lastStatus: 503 });
			}
		}
		expect(waits).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 43_200_000]);
		expect(received.map((r) => r.path)).toEqual(Array(6).fill('/hook'));
		expect(await deliverDueWebhooks({ now: new Date(now.getTime() + 86_400_000) })).toEqual([]);
	});

	it('takes an injected backoff, and counts a receiver that does not answer in time as a failed attempt', async () => {
		const w = await world();
		setWebhookAllowPrivate(true);
		const silent = createServer(() => {
			/* never answers */
		});
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		try {
			const created = await createWebhook(w.admin, w.consortium.id, input(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/`));
			await queue(w.consortium.id);
			const now = new Date(Date.now() + 1000);
			const [outcome] = await deliverDueWebhooks({ now, backoff: [10], timeoutMs: 200 });
			expect(outcome).toMatchObject({ status: 'pending', httpStatus: null, error: 'timeout' });
			const [row] = await deliveriesOf(created.id);
			expect(row!.nextAttemptAt!.getTime() - now.getTime()).toBe(10);
			const [last] = await deliverDueWebhooks({ now: row!.nextAttemptAt!, backoff: [10], timeoutMs: 200 });
			expect(last).toMatchObject({ status: 'failed', error: 'timeout' });
		} finally {
			silent.closeAllConnections();
			await new Promise<void>((resolve) => silent.close(() => resolve()));
		}
	});

	it('checks the address again at delivery (a name that now points at a private address is refused) and connects to the address it checked', async () => {
		const w = await world();
		setWebhookAllowPrivate(false);
		let address = '93.184.216.34';
		setWebhookResolver(async () => [{ address, family: 4 }]);
		const created = await createWebhook(w.admin, w.consortium.id, input(`https://hooks.example.test:${port}/hook`));
		await queue(w.consortium.id);
		address = '127.0.0.1';
		const [outcome] = await deliverDueWebhooks();
		expect(outcome).toMatchObject({ status: 'pending', httpStatus: null, error: 'refused: private' });
		expect(received).toHaveLength(0);
		const [row] = await deliveriesOf(created.id);
		expect(row!.lastError).toBe('refused: private');

		// With the allowance, the request goes to the resolved address, with the name as its Host.
		setWebhookAllowPrivate(true);
		const plain = await createWebhook(w.admin, w.consortium.id, input(`http://hooks.example.test:${port}/pinned`));
		await asSystem((tx) => tx.delete(webhookDeliveries));
		await queue(w.consortium.id);
		const outcomes = await deliverDueWebhooks();
		expect(outcomes.filter((o) => o.status === 'delivered')).toHaveLength(1);
		expect(received.map((r) => [r.path, r.headers.host])).toEqual([['/pinned', `hooks.example.test:${port}`]]);
		expect((await deliveriesOf(plain.id))[0]!.status).toBe('delivered');
		// Once the allowance is off again, plain http is refused at delivery too.
		setWebhookAllowPrivate(false);
		await queue(w.consortium.id);
		const refused = await deliverDueWebhooks();
		expect(refused.map((o) => o.error).sort()).toEqual(['refused: https', 'refused: private']);
	});
});

describe('the outbox', () => {
	it('is written only when the transaction commits, for active webhooks that take the event', async () => {
		const w = await world();
		setWebhookAllowPrivate(true);
		const releases = await createWebhook(w.admin, w.consortium.id, input(hook('/releases'), ['release.published']));
		const questions = await createWebhook(w.admin, w.consortium.id, input(hook('/questions'), ['question.answered']));
		const off = await createWebhook(w.admin, w.consortium.id, input(hook('/off'), ['release.published']));
		await setWebhookActive(w.admin, w.consortium.id, off.id, false);

		await expect(
			asSystem(async (tx) => {
				await enqueueWebhookEvent(tx, w.consortium.id, 'release.published', { number: 1 });
				throw new Error('the change failed');
			})
		).rejects.toThrow('the change failed');
		expect(await asSystem((tx) => tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.consortiumId, w.consortium.id)))).toEqual([]);

		await queue(w.consortium.id, 'release.published');
		expect(await deliveriesOf(releases.id)).toHaveLength(1);
		expect(await deliveriesOf(questions.id)).toHaveLength(0);
		expect(await deliveriesOf(off.id)).toHaveLength(0);
		await expect(sendTestEvent(w.admin, w.consortium.id, off.id)).rejects.toMatchObject({ key: 'webhook_disabled' });

		// A disabled webhook's pending deliveries wait; enabled again, they go.
		await queue(w.consortium.id, 'question.answered');
		await setWebhookActive(w.admin, w.consortium.id, questions.id, false);
		await deliverDueWebhooks();
		expect(received.map((r) => r.path)).toEqual(['/releases']);
		await setWebhookActive(w.admin, w.consortium.id, questions.id, true);
		await deliverDueWebhooks();
		expect(received.map((r) => r.path)).toEqual(['/releases', '/questions']);
	});

	it('sends decision.communicated when a decision is recorded as communicated or communicated later', async () => {
		const w = await world();
		setWebhookAllowPrivate(true);
		const created = await createWebhook(w.admin, w.consortium.id, input(hook(), ['decision.communicated']));
		const deadline = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
		const decide = async (title: string, record: Record<string, string>) => {
			const item = await createDecisionItem(
				w.member,
				w.consortium.id,
				DecisionItemInput.parse({ title, proposal: `${title}.`, level: 'steering_group', deadline })
			);
			await openDecisionItem(w.admin, w.consortium.id, item.id);
			await closeDecisionItem(w.admin, w.consortium.id, item.id);
			return recordDecision(w.admin, w.consortium.id, item.id, RecordInput.parse(record));
		};
		const at = await decide('Styrgruppen fastställer MVP', { communicated: 'on' });
		const later = await decide('Styrgruppen väljer testmiljö', {});
		const secret = await decide('Styrgruppen förhandlar pris', { secret: 'on' });
		expect((await deliveriesOf(created.id)).map((d) => (d.payload as WebhookEnvelope).data.number)).toEqual([at.number]);
		await communicateDecision(w.admin, w.consortium.id, later.id);
		await communicateDecision(w.admin, w.consortium.id, later.id); // again: nothing new
		await expect(communicateDecision(w.admin, w.consortium.id, secret.id)).rejects.toThrow(CommandError);
		const rows = await deliveriesOf(created.id);
		expect(rows).toHaveLength(2);
		const data = rows.map((d) => (d.payload as WebhookEnvelope).data).find((d) => d.number === later.number)!;
		expect(data).toEqual({
			id: later.id,
			number: later.number,
			title: 'Styrgruppen väljer testmiljö',
			text: later.text,
			decided_on: later.decidedOn,
			level: 'steering_group',
			link: expect.stringMatching(new RegExp(`/c/${w.consortium.slug}/decisions/log#${later.number}$`))
		});
		await deliverDueWebhooks();
		expect(received.map((r) => r.headers['x-samsyn-event'])).toEqual(['decision.communicated', 'decision.communicated']);
	});
});

describe('the page: list, test event, delete', () => {
	it('lists webhooks with their latest deliveries and never their secrets; a ping goes to that webhook only', async () => {
		const w = await world();
		setWebhookAllowPrivate(true);
		const a = await createWebhook(w.admin, w.consortium.id, input(hook('/a')));
		const b = await createWebhook(w.admin, w.consortium.id, input(hook('/b')));
		await sendTestEvent(w.admin, w.consortium.id, a.id);
		answers.push(500);
		await deliverDueWebhooks();
		const list = await listWebhooks(w.admin, w.consortium.id);
		expect(JSON.stringify(list)).not.toContain(a.secret);
		const first = list.find((h) => h.id === a.id)!;
		expect(first.deliveries).toHaveLength(1);
		expect(first.deliveries[0]).toMatchObject({ type: 'ping', status: 'pending', attempts: 1, lastStatus: 500 });
		expect(list.find((h) => h.id === b.id)!.deliveries).toEqual([]);
		expect(received.map((r) => [r.path, r.headers['x-samsyn-event']])).toEqual([['/a', 'ping']]);

		await deleteWebhook(w.admin, w.consortium.id, a.id);
		expect(await deliveriesOf(a.id)).toEqual([]);
		await expect(deleteWebhook(w.admin, w.consortium.id, a.id)).rejects.toThrow(NotFound);
		expect((await listWebhooks(w.admin, w.consortium.id)).map((h) => h.id)).toEqual([b.id]);
	});
});

describe('row-level security on webhooks: what each role can reach with SQL of its own', () => {
	it('shows webhooks and deliveries to the consortium admins only, and their secrets to nobody', async () => {
		const { withUser } = await import('../db/request');
		const w = await world();
		setWebhookAllowPrivate(true);
		const created = await createWebhook(w.admin, w.consortium.id, input(hook()));
		await queue(w.consortium.id);
		const seen = (who: { id: string }) =>
			withUser(who, async (tx) => ({
				hooks: await tx.select({ id: webhooks.id, url: webhooks.url }).from(webhooks),
				deliveries: await tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries)
			}));
		for (const who of [w.supplier, w.member, w.representative, w.outsider]) {
			expect(await seen(who)).toEqual({ hooks: [], deliveries: [] });
		}
		const admin = await seen(w.admin);
		expect(admin.hooks).toHaveLength(1);
		expect(admin.deliveries).toHaveLength(1);
		await expect(withUser(w.admin, (tx) => tx.select({ secret: webhooks.secret }).from(webhooks))).rejects.toThrow();

		// Nobody but the server queues or changes deliveries, nor writes webhooks outside the policy.
		for (const who of [w.admin, w.supplier]) {
			await expect(
				withUser(who, (tx) =>
					tx.insert(webhookDeliveries).values({ consortiumId: w.consortium.id, webhookId: created.id, eventId: crypto.randomUUID(), type: 'ping', payload: {} })
				)
			).rejects.toThrow();
			await expect(withUser(who, (tx) => tx.update(webhookDeliveries).set({ status: 'delivered' }))).rejects.toThrow();
		}
		for (const who of [w.supplier, w.member]) {
			await expect(
				withUser(who, (tx) =>
					tx.insert(webhooks).values({ consortiumId: w.consortium.id, url: 'https://example.com/', secret: 'x', events: ['release.published'] })
				)
			).rejects.toThrow();
			expect(await withUser(who, (tx) => tx.update(webhooks).set({ active: false }).returning({ id: webhooks.id }))).toEqual([]);
			expect(await withUser(who, (tx) => tx.delete(webhooks).returning({ id: webhooks.id }))).toEqual([]);
		}
		// The database refuses an event type outside the list.
		await expect(
			asSystem((tx) =>
				tx.execute(sql`insert into webhooks (consortium_id, url, secret, events) values (${w.consortium.id}, 'https://example.com', 'x', array['everything'])`)
			)
		).rejects.toThrow();
	});
});
