import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { buildConsortium, buildMembership, buildNeed, buildOrganisation, buildRequirement, buildStory, buildUser } from '../demo/factories';
import { Forbidden } from '../policy';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens';
import { closeDecisionItem, createDecisionItem, openDecisionItem, recordDecision } from '../decisions/commands';
import { DecisionItemInput, RecordInput } from '../decisions/schemas';
import { listDecisions, listResource } from './v1';

useFreshDatabase();

async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const org = await buildOrganisation(tx, consortium.id);
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const mk = async (role: 'admin' | 'member' | 'supplier') => {
			const u = await buildUser(tx);
			await buildMembership(tx, { consortiumId: consortium.id, userId: u.id, organisationId: role === 'supplier' ? supplierOrg.id : org.id, role });
			return { ...u, locale: 'sv', isOperator: false };
		};
		const admin = await mk('admin');
		const member = await mk('member');
		const supplier = await mk('supplier');
		const need = await buildNeed(tx, consortium.id, { title: 'Digital nattillsyn' });
		await buildStory(tx, consortium.id, { needIds: [need.id] });
		for (let i = 1; i <= 5; i++) {
			await buildRequirement(tx, consortium.id, {
				title: i === 3 ? 'Kameran ska ha mörkerseende' : `Krav nummer ${i}`,
				status: i <= 2 ? 'approved' : 'draft',
				type: i === 5 ? 'data' : 'functional'
			});
		}
		return { consortium, admin, member, supplier };
	});
}

type Caller = { user?: { id: string; email: string; name: string; locale: string; isOperator: boolean } | null; token?: string };

async function get(slug: string, path: string, who: Caller) {
	const url = new URL(`http://samsyn.test/api/v1/c/${slug}/${path}`);
	const headers = new Headers(who.token ? { authorization: `Bearer ${who.token}` } : {});
	const event = { url, request: new Request(url, { headers }), locals: { user: who.user ?? null } } as unknown as RequestEvent;
	const resource = path.split('?')[0] as 'requirements' | 'needs' | 'stories';
	const response = await listResource(event, slug, resource);
	return { status: response.status, body: (await response.json()) as Record<string, unknown> & { items: Record<string, unknown>[] } };
}

describe('GET /api/v1/c/<slug>/requirements', () => {
	it('refuses the unauthenticated, a wrong token, another consortium and the supplier', async () => {
		const { consortium, supplier } = await world();
		const other = await world();
		expect((await get(consortium.slug, 'requirements', {})).status).toBe(401);
		expect((await get(consortium.slug, 'requirements', { token: 'smsn_' + 'a'.repeat(32) })).status).toBe(401);
		expect((await get(consortium.slug, 'requirements', { user: other.member })).status).toBe(404);
		expect((await get(consortium.slug, 'requirements', { user: supplier })).status).toBe(404);
		const otherToken = await createApiToken(other.admin, other.consortium.id, 'Annan');
		expect((await get(consortium.slug, 'requirements', { token: otherToken.token })).status).toBe(401);
	});

	it('answers malformed parameters with 400 and a message', async () => {
		const { consortium, member } = await world();
		for (const [query, message] of [
			['limit=0', /limit/],
			['limit=abc', /limit/],
			['limit=501', /limit/],
			['offset=-1', /offset/],
			['status=done', /status must be one of/],
			['type=x', /type/],
			['cursor=%%%', /cursor/],
			['cursor=abc&offset=1', /either cursor or offset/],
			['colour=blue', /unknown parameter: colour/]
		] as const) {
			const r = await get(consortium.slug, `requirements?${query}`, { user: member });
			expect(r.status, query).toBe(400);
			expect(String(r.body.error), query).toMatch(message);
		}
	});

	it('authenticates, then authorises, and only then looks at the parameters', async () => {
		const { consortium, supplier } = await world();
		const other = await world();
		const bad = 'requirements?colour=blue&limit=0&offset=-1';
		expect(await get(consortium.slug, bad, {})).toMatchObject({ status: 401, body: { error: expect.stringMatching(/sign in/) } });
		expect((await get(consortium.slug, bad, { token: 'smsn_' + 'a'.repeat(32) })).status).toBe(401);
		expect((await get(consortium.slug, bad, { token: 'not-a-token' })).status).toBe(401);
		expect(await get(consortium.slug, bad, { user: other.member })).toMatchObject({ status: 404, body: { error: 'not found' } });
		expect((await get(consortium.slug, bad, { user: supplier })).status).toBe(404);
		expect((await get('no-such-consortium', bad, { user: other.member })).status).toBe(404);
	});

	it('bounds offset, cursor and limit to what the lists accept, with a 400 saying so', async () => {
		const { consortium, member } = await world();
		const cursor = (o: number) => Buffer.from(JSON.stringify({ o })).toString('base64url');
		for (const [query, message] of [
			['offset=9007199254740993', /^offset: offset must be an integer from 0 to 2147483647$/],
			['offset=2147483648', /offset must be an integer from 0 to 2147483647/],
			[`offset=${'9'.repeat(400)}`, /offset must be an integer from 0 to 2147483647/],
			['limit=99999999999999999999', /limit must be an integer from 1 to 500/],
			[`cursor=${cursor(2 ** 53 + 2)}`, /^cursor: malformed cursor$/],
			[`cursor=${cursor(1e300)}`, /cursor/],
			[`cursor=${cursor(2147483648)}`, /cursor/],
			[`cursor=${'a'.repeat(201)}`, /cursor/]
		] as const) {
			const r = await get(consortium.slug, `requirements?${query}`, { user: member });
			expect(r.status, query).toBe(400);
			expect(String(r.body.error), query).toMatch(message);
		}
		const furthest = await get(consortium.slug, 'requirements?offset=2147483647&limit=500', { user: member });
		expect(furthest).toMatchObject({ status: 200, body: { items: [], total: 5, offset: 2147483647, next_cursor: null } });
		expect((await get(consortium.slug, `needs?cursor=${cursor(2147483647)}`, { user: member })).status).toBe(200);
	});

	it('pages with limit and cursor or offset, filters by q, status and type, and names each item’s document', async () => {
		const { consortium, member } = await world();
		const first = await get(consortium.slug, 'requirements?limit=2', { user: member });
		expect(first.status).toBe(200);
		expect(first.body).toMatchObject({ total: 5, limit: 2, offset: 0 });
		expect(first.body.items.map((i) => i.identifier)).toEqual(['K-001', 'K-002']);
		expect(first.body.items[0]!.document).toBe(`requirement/${first.body.items[0]!.id}/body`);
		const second = await get(consortium.slug, `requirements?limit=2&cursor=${first.body.next_cursor}`, { user: member });
		expect(second.body.items.map((i) => i.identifier)).toEqual(['K-003', 'K-004']);
		const last = await get(consortium.slug, 'requirements?limit=2&offset=4', { user: member });
		expect(last.body.items.map((i) => i.identifier)).toEqual(['K-005']);
		expect(last.body.next_cursor).toBeNull();
		expect((await get(consortium.slug, 'requirements?status=approved', { user: member })).body.total).toBe(2);
		expect((await get(consortium.slug, 'requirements?type=data', { user: member })).body.items.map((i) => i.identifier)).toEqual(['K-005']);
		expect((await get(consortium.slug, `requirements?q=${encodeURIComponent('mörkerseende')}`, { user: member })).body.items.map((i) => i.identifier)).toEqual([
			'K-003'
		]);
		const needs = await get(consortium.slug, 'needs', { user: member });
		expect(needs.body.items.map((n) => n.title)).toEqual(['Digital nattillsyn']);
		expect((await get(consortium.slug, 'stories', { user: member })).body.total).toBe(1);
		expect((await get(consortium.slug, 'needs?status=draft', { user: member })).status).toBe(400);
	});
});

describe('API tokens', () => {
	it('only admins create, list and revoke them; a revoked token stops working', async () => {
		const { consortium, admin, member } = await world();
		await expect(createApiToken(member, consortium.id, 'Nej')).rejects.toBeInstanceOf(Forbidden);
		const { id, token } = await createApiToken(admin, consortium.id, 'Upphandlingssystem');
		expect(token).toMatch(/^smsn_[a-z2-7]{32}$/);
		const ok = await get(consortium.slug, 'requirements?limit=1', { token });
		expect(ok.status).toBe(200);
		expect(ok.body.total).toBe(5);
		const [listed] = await listApiTokens(admin, consortium.id);
		expect(listed).toMatchObject({ name: 'Upphandlingssystem', prefix: token.slice(0, 9), revokedAt: null });
		expect(JSON.stringify(listed)).not.toContain(token);
		expect(listed!.lastUsedAt).not.toBeNull();
		await expect(revokeApiToken(member, consortium.id, id)).rejects.toBeInstanceOf(Forbidden);
		await revokeApiToken(admin, consortium.id, id);
		expect((await get(consortium.slug, 'requirements', { token })).status).toBe(401);
	});
});

/** Records one decision per level in the world's consortium (no positions: each closes as no decision), the first communicated. */
async function recordDecisions({ consortium, admin, member }: Awaited<ReturnType<typeof world>>) {
	const deadline = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
	const recorded = [];
	for (const [title, level, record] of [
		['Styrgruppen fastställer MVP', 'steering_group', { meetingParagraph: '§ 4', registrationNumber: 'KS 2026/123', communicated: 'on' }],
		['Projektgruppen väljer testmiljö', 'project_group', {}]
	] as const) {
		const item = await createDecisionItem(member, consortium.id, DecisionItemInput.parse({ title, proposal: `${title}.`, level, deadline }));
		await openDecisionItem(admin, consortium.id, item.id);
		await closeDecisionItem(admin, consortium.id, item.id);
		recorded.push(await recordDecision(admin, consortium.id, item.id, RecordInput.parse(record)));
	}
	return recorded;
}

async function getDecisions(slug: string, query: string, who: Caller) {
	const url = new URL(`http://samsyn.test/api/v1/c/${slug}/decisions${query ? `?${query}` : ''}`);
	const headers = new Headers(who.token ? { authorization: `Bearer ${who.token}` } : {});
	const event = { url, request: new Request(url, { headers }), locals: { user: who.user ?? null } } as unknown as RequestEvent;
	const response = await listDecisions(event, slug);
	return { status: response.status, body: (await response.json()) as Record<string, unknown> & { items: Record<string, unknown>[] } };
}

describe('GET /api/v1/c/<slug>/decisions', () => {
	it('refuses the unauthenticated and a wrong token (401), another consortium and the supplier (404), before it reads the filters', async () => {
		const w = await world();
		const other = await world();
		const bad = 'year=abc&level=board';
		expect(await getDecisions(w.consortium.slug, bad, {})).toMatchObject({ status: 401, body: { error: expect.stringMatching(/sign in/) } });
		expect((await getDecisions(w.consortium.slug, bad, { token: 'smsn_' + 'a'.repeat(32) })).status).toBe(401);
		const otherToken = await createApiToken(other.admin, other.consortium.id, 'Annan');
		expect((await getDecisions(w.consortium.slug, '', { token: otherToken.token })).status).toBe(401);
		expect(await getDecisions(w.consortium.slug, bad, { user: other.member })).toMatchObject({ status: 404, body: { error: 'not found' } });
		expect(await getDecisions(w.consortium.slug, '', { user: w.supplier })).toMatchObject({ status: 404, body: { error: 'not found' } });
		expect((await getDecisions('no-such-consortium', '', { user: w.member })).status).toBe(404);
	});

	it('answers malformed filters and paging with 400 and a message', async () => {
		const { consortium, member } = await world();
		for (const [query, message] of [
			['year=abc', /^year: year must be an integer from 2000 to 2999$/],
			['year=1999', /year must be an integer from 2000 to 2999/],
			['year=20260', /year must be an integer from 2000 to 2999/],
			['year=2026.5', /year/],
			['level=board', /^level: level must be one of project_group, steering_group$/],
			['level=', /level must be one of/],
			['limit=0', /limit/],
			['offset=-1', /offset/],
			['cursor=%%%', /cursor/],
			['cursor=abc&offset=1', /either cursor or offset/],
			['q=budget', /unknown parameter: q/],
			['status=approved', /unknown parameter: status/]
		] as const) {
			const r = await getDecisions(consortium.slug, query, { user: member });
			expect(r.status, query).toBe(400);
			expect(String(r.body.error), query).toMatch(message);
		}
	});

	it('lists the log whole, oldest first, to an internal member and to a token; pages, and filters by year and level', async () => {
		const w = await world();
		const [steering, project] = await recordDecisions(w);
		const year = steering!.year;
		const all = await getDecisions(w.consortium.slug, '', { user: w.member });
		expect(all.status).toBe(200);
		expect(all.body).toMatchObject({ total: 2, limit: 50, offset: 0, next_cursor: null });
		expect(all.body.items.map((i) => i.number)).toEqual([`B-${year}-001`, `B-${year}-002`]);
		expect(all.body.items[0]).toMatchObject({
			id: steering!.id,
			title: 'Styrgruppen fastställer MVP',
			level: 'steering_group',
			decidedOn: steering!.decidedOn,
			result: 'no_decision',
			meetingParagraph: '§ 4',
			registrationNumber: 'KS 2026/123',
			communicated: true,
			secret: false,
			positions: expect.any(Array),
			reservations: [],
			hash: steering!.hash
		});
		expect(String(all.body.items[0]!.explanation)).toContain('Utfall');

		const { token } = await createApiToken(w.admin, w.consortium.id, 'Diariet');
		const byToken = await getDecisions(w.consortium.slug, 'limit=1', { token });
		expect(byToken).toMatchObject({ status: 200, body: { total: 2, limit: 1 } });
		expect(byToken.body.items.map((i) => i.id)).toEqual([steering!.id]);
		const next = await getDecisions(w.consortium.slug, `limit=1&cursor=${String(byToken.body.next_cursor)}`, { token });
		expect(next.body.items.map((i) => i.id)).toEqual([project!.id]);
		expect(next.body.next_cursor).toBeNull();

		expect((await getDecisions(w.consortium.slug, `year=${year}`, { user: w.member })).body.total).toBe(2);
		expect(await getDecisions(w.consortium.slug, `year=${year - 1}`, { user: w.member })).toMatchObject({ status: 200, body: { items: [], total: 0 } });
		const projectOnly = await getDecisions(w.consortium.slug, `level=project_group&year=${year}`, { user: w.member });
		expect(projectOnly.body.items.map((i) => i.id)).toEqual([project!.id]);
		expect((await getDecisions(w.consortium.slug, 'level=steering_group', { token })).body.items.map((i) => i.id)).toEqual([steering!.id]);
	});
});
