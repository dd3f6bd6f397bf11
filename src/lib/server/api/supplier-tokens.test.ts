import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { apiTokens, memberships } from '../db/schema';
import { buildConsortium, buildMembership, buildNeed, buildOrganisation, buildRequirement, buildUser } from '../demo/factories';
import { CommandError, NotFound } from '../errors';
import { Forbidden } from '../policy';
import { authenticateApiToken, createApiToken, CreateTokenInput, listApiTokens, listTokenHolders, revokeApiToken } from './tokens';
import { listDecisions, listResource } from './v1';

useFreshDatabase();

async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const org = await buildOrganisation(tx, consortium.id);
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier', name: 'Leverantören AB' });
		const mk = async (role: 'admin' | 'member' | 'supplier', consortiumId = consortium.id, organisationId = role === 'supplier' ? supplierOrg.id : org.id) => {
			const u = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: u.id, organisationId, role });
			return { id: u.id, name: u.name, isOperator: false };
		};
		const admin = await mk('admin');
		const member = await mk('member');
		const supplier = await mk('supplier');
		const foreignSupplier = await mk('supplier', other.id, (await buildOrganisation(tx, other.id, { kind: 'supplier' })).id);
		await buildNeed(tx, consortium.id, { title: 'Digital nattillsyn' });
		await buildRequirement(tx, consortium.id, { title: 'Kameran ska ha mörkerseende', status: 'approved' });
		return { consortium, admin, member, supplier, foreignSupplier };
	});
}

async function get(slug: string, path: string, token: string) {
	const url = new URL(`http://samsyn.test/api/v1/c/${slug}/${path}`);
	const event = { url, request: new Request(url, { headers: { authorization: `Bearer ${token}` } }), locals: { user: null } } as unknown as RequestEvent;
	const response = path === 'decisions' ? await listDecisions(event, slug) : await listResource(event, slug, path as 'requirements' | 'needs' | 'stories');
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('API tokens issued to the supplier', () => {
	it('may be issued only by an admin, and only to a supplier member of the consortium', async () => {
		const w = await world();
		await expect(createApiToken(w.member, w.consortium.id, 'Leverantörens nyckel', w.supplier.id)).rejects.toBeInstanceOf(Forbidden);
		await expect(createApiToken(w.supplier, w.consortium.id, 'Egen nyckel', w.supplier.id)).rejects.toBeInstanceOf(Forbidden);
		await expect(listTokenHolders(w.member, w.consortium.id)).rejects.toBeInstanceOf(Forbidden);
		for (const holder of [w.member.id, w.admin.id, w.foreignSupplier.id, crypto.randomUUID()]) {
			const refused = await createApiToken(w.admin, w.consortium.id, 'Fel innehavare', holder).catch((e: unknown) => e);
			expect(refused).toBeInstanceOf(CommandError);
			expect(refused).toMatchObject({ key: 'api_token_holder_not_supplier', field: 'holderId' });
		}
		expect(await listTokenHolders(w.admin, w.consortium.id)).toEqual([{ id: w.supplier.id, name: w.supplier.name, organisation: 'Leverantören AB' }]);
		expect(CreateTokenInput.parse({ name: 'Utan innehavare', holderId: '' }).holderId).toBeNull();
		expect(CreateTokenInput.safeParse({ name: 'Trasig', holderId: 'inte-ett-id' }).success).toBe(false);

		// The database refuses a holder who is not the consortium's supplier, whatever the command does.
		await expect(
			withUser(w.admin, (tx) =>
				tx.insert(apiTokens).values({
					consortiumId: w.consortium.id,
					name: 'Direkt',
					tokenHash: 'x'.repeat(64),
					prefix: 'smsn_xxxx',
					createdBy: w.admin.id,
					holderId: w.member.id
				})
			)
		).rejects.toThrow();
		const { id } = await createApiToken(w.admin, w.consortium.id, 'Leverantörens nyckel', w.supplier.id);
		// ... and an admin cannot move a token to another holder afterwards.
		await expect(withUser(w.admin, (tx) => tx.update(apiTokens).set({ holderId: w.member.id }).where(eq(apiTokens.id, id)))).rejects.toThrow();
		const [listed] = await listApiTokens(w.admin, w.consortium.id);
		expect(listed).toMatchObject({ name: 'Leverantörens nyckel', holder: w.supplier.name, createdBy: expect.any(String) });
	});

	it('reads with the supplier’s rights: the internal lists answer 404, the admin’s token still reads them, revoked is 401', async () => {
		const w = await world();
		const supplierToken = await createApiToken(w.admin, w.consortium.id, 'Leverantörens nyckel', w.supplier.id);
		const adminToken = await createApiToken(w.admin, w.consortium.id, 'Upphandlingssystem');
		const found = await authenticateApiToken(supplierToken.token, w.consortium.slug);
		expect(found?.person.id).toBe(w.supplier.id);
		expect((await authenticateApiToken(adminToken.token, w.consortium.slug))?.person.id).toBe(w.admin.id);

		for (const path of ['requirements', 'needs', 'stories', 'decisions']) {
			const supplier = await get(w.consortium.slug, path, supplierToken.token);
			expect(supplier.status, path).toBe(404);
			expect(supplier.body, path).toEqual({ error: 'not found' });
			expect((await get(w.consortium.slug, path, adminToken.token)).status, path).toBe(200);
		}
		// Row-level security agrees: the holder's rights see no internal rows either.
		await expect(withUser(found!.person, (tx) => tx.select().from(apiTokens))).resolves.toEqual([]);

		await revokeApiToken(w.admin, w.consortium.id, supplierToken.id);
		expect((await get(w.consortium.slug, 'requirements', supplierToken.token)).status).toBe(401);
		expect((await get(w.consortium.slug, 'requirements', adminToken.token)).status).toBe(200);
		await expect(revokeApiToken(w.admin, w.consortium.id, supplierToken.id)).rejects.toBeInstanceOf(NotFound);
	});

	it('stops working when its holder is no longer a supplier member of the consortium', async () => {
		const w = await world();
		const { token } = await createApiToken(w.admin, w.consortium.id, 'Leverantörens nyckel', w.supplier.id);
		expect(await authenticateApiToken(token, w.consortium.slug)).not.toBeNull();
		await asSystem((tx) => tx.delete(memberships).where(and(eq(memberships.consortiumId, w.consortium.id), eq(memberships.userId, w.supplier.id))));
		expect(await authenticateApiToken(token, w.consortium.slug)).toBeNull();
		expect((await get(w.consortium.slug, 'requirements', token)).status).toBe(401);
	});
});
