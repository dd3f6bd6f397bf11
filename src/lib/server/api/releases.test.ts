import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { backlogItems, backlogs } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildStory, buildUser } from '../demo/factories';
import { createBacklogIn, lockScopeIn, publishReleaseIn, reportDeliveryIn } from '../backlog/commands';
import { createApiToken, revokeApiToken } from './tokens';
import { getRelease, listReleases } from './v1';

useFreshDatabase();

/** A consortium with a locked backlog of three stories (the line after two) and release 1 published. */
async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const org = await buildOrganisation(tx, consortium.id);
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const mk = async (role: 'admin' | 'member' | 'supplier', organisationId: string, consortiumId = consortium.id) => {
			const u = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: u.id, organisationId, role });
			return { ...u, locale: 'sv', isOperator: false };
		};
		const admin = await mk('admin', org.id);
		const supplier = await mk('supplier', supplierOrg.id);
		const other = await buildConsortium(tx);
		const stranger = await mk('admin', (await buildOrganisation(tx, other.id)).id, other.id);
		const stories = [];
		for (const goal of ['se larm', 'signera läkemedel', 'boka besök']) stories.push(await buildStory(tx, consortium.id, { goal }));
		const created = await createBacklogIn(
			tx,
			consortium.id,
			admin.id,
			{ roundId: null, name: 'MVP 1.0', capacity: 10, capacityUnit: 'story_points' },
			stories.map((s, i) => ({ kind: 'story' as const, id: s.id, moscow: 'must' as const, acceptanceCriteria: `Kriterium ${i + 1}`, estimate: 3 }))
		);
		const [lined] = await tx.update(backlogs).set({ line: 2 }).where(eq(backlogs.id, created.id)).returning();
		const locked = await lockScopeIn(tx, lined!, admin.id);
		await publishReleaseIn(tx, locked, admin.id, 'Första', null);
		const [first] = await tx
			.select()
			.from(backlogItems)
			.where(and(eq(backlogItems.backlogId, created.id), eq(backlogItems.rank, 1)));
		await reportDeliveryIn(tx, consortium.id, first!.id, supplier.id, { status: 'in_progress', note: 'Sprint 3' });
		return { consortium, admin, supplier, stranger };
	});
}

type Caller = { user?: { id: string; email: string; name: string; locale: string; isOperator: boolean } | null; token?: string };

async function get(slug: string, path: string, who: Caller) {
	const url = new URL(`http://samsyn.test/api/v1/c/${slug}/${path}`);
	const headers = new Headers(who.token ? { authorization: `Bearer ${who.token}` } : {});
	const event = { url, request: new Request(url, { headers }), locals: { user: who.user ?? null } } as unknown as RequestEvent;
	const [resource, number] = url.pathname.split('/').slice(-2);
	const response = resource === 'releases' ? await getRelease(event, slug, Number(number)) : await listReleases(event, slug);
	return { status: response.status, body: (await response.json()) as Record<string, unknown> & { items: Record<string, unknown>[] } };
}

describe('GET /api/v1/c/<slug>/releases', () => {
	it('gives the supplier, through a token an admin issued to it, the releases and their items with delivery status', async () => {
		const w = await world();
		const { id, token } = await createApiToken(w.admin, w.consortium.id, 'Leverantörens Jira', w.supplier.id);
		const list = await get(w.consortium.slug, 'releases', { token });
		expect(list.status).toBe(200);
		expect(list.body.items).toEqual([expect.objectContaining({ number: 1, version: 'MVP 1.0', note: 'Första', acknowledged_at: null })]);
		const one = await get(w.consortium.slug, 'releases/1', { token });
		expect(one.status).toBe(200);
		expect(one.body.items.map((i) => [i.rank, i.title, i.acceptance_criteria])).toEqual([
			[1, 'se larm', 'Kriterium 1'],
			[2, 'signera läkemedel', 'Kriterium 2']
		]);
		expect(one.body.items[0]!.delivery).toMatchObject({ status: 'in_progress', note: 'Sprint 3' });
		// The same token reaches nothing internal.
		expect((await get(w.consortium.slug, 'releases/2', { token })).status).toBe(404);
		await revokeApiToken(w.admin, w.consortium.id, id);
		expect((await get(w.consortium.slug, 'releases', { token })).status).toBe(401);
	});

	it('answers 401 without credentials, 404 to another consortium, and 400 to unknown parameters', async () => {
		const w = await world();
		expect((await get(w.consortium.slug, 'releases', {})).status).toBe(401);
		expect((await get(w.consortium.slug, 'releases', { user: w.stranger })).status).toBe(404);
		expect((await get(w.consortium.slug, 'releases/1', { user: w.stranger })).status).toBe(404);
		expect((await get(w.consortium.slug, 'releases?x=1', { user: w.supplier })).status).toBe(400);
		expect((await get(w.consortium.slug, 'releases', { user: w.supplier })).status).toBe(200);
		expect((await get(w.consortium.slug, 'releases/1', { user: w.admin })).status).toBe(200);
	});
});
