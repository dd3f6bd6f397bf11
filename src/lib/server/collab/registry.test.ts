import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../testing/database';
import { withUser } from '../db/request';
import { accessIn, resolveAccess } from './access';
import { parseDocumentName, registerDocumentKind } from './registry';
import { personIn } from './testing';

useFreshDatabase();

describe('document names', () => {
	const id = '3f0c1f8e-8a3b-4c6e-9d2a-1b2c3d4e5f60';

	it('parses a registered kind and field', () => {
		expect(parseDocumentName(`consortium/${id}/description`)).toEqual({
			name: `consortium/${id}/description`,
			kind: 'consortium',
			id,
			field: 'description'
		});
	});

	it('refuses unknown kinds and fields, bad ids and extra parts', () => {
		for (const name of [
			`nothing/${id}/description`,
			`consortium/${id}/secret`,
			`consortium/not-a-uuid/description`,
			`consortium/${id.toUpperCase()}/description`,
			`consortium/${id}/description/more`,
			`/consortium/${id}/description`,
			`consortium/${id}/description?x=1`,
			''
		]) {
			expect(parseDocumentName(name), name).toBeNull();
		}
	});

	it('knows kinds registered later, such as a requirement body', () => {
		expect(parseDocumentName(`requirement-test/${id}/body`)).toBeNull();
		registerDocumentKind('requirement-test', {
			fields: ['body'],
			resolve: async () => null
		});
		expect(parseDocumentName(`requirement-test/${id}/body`)?.field).toBe('body');
		expect(() =>
			registerDocumentKind('Bad Kind', {
				fields: [],
				resolve: async () => null
			})
		).toThrow();
	});
});

describe('document access', () => {
	it('refuses someone outside the consortium and unknown ids', async () => {
		const admin = await personIn('admin');
		const stranger = await personIn('admin');
		expect(await resolveAccess(stranger.user, admin.document)).toBeNull();
		expect(await resolveAccess(admin.user, `consortium/${crypto.randomUUID()}/description`)).toBeNull();
		expect(await resolveAccess(admin.user, 'consortium/x/description')).toBeNull();
	});

	it('lets a supplier read only what is published to it', async () => {
		const admin = await personIn('admin');
		const supplier = await personIn('supplier', admin.consortiumId);
		expect(await resolveAccess(supplier.user, admin.document)).toBeNull();
		registerDocumentKind('published-test', {
			fields: ['body'],
			resolve: async () => ({
				consortiumId: admin.consortiumId,
				publishedToSupplier: true
			})
		});
		const name = `published-test/${crypto.randomUUID()}/body`;
		expect((await withUser(supplier.user, (tx) => accessIn(tx, supplier.user, name)))?.level).toBe('read');
		expect((await resolveAccess(admin.user, name))?.level).toBe('edit');
	});

	it('gives edit to those the kind’s action allows and read to other internal members', async () => {
		const admin = await personIn('admin');
		const member = await personIn('member', admin.consortiumId);
		const observer = await personIn('observer', admin.consortiumId);
		expect(await resolveAccess(admin.user, admin.document)).toMatchObject({
			level: 'edit',
			consortiumId: admin.consortiumId
		});
		expect((await resolveAccess(member.user, admin.document))?.level).toBe('read');
		expect((await resolveAccess(observer.user, admin.document))?.level).toBe('read');
	});
});
