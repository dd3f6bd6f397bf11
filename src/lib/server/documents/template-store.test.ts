import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog } from '../db/schema';
import { documentTemplates } from '../db/schema/document-templates';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { fieldErrors } from '../form-action';
import { Forbidden, type Role } from '../policy';
import { NotFound } from '../errors';
import { getTemplate, listTemplates, OUTLINE_MAX, resetTemplate, saveTemplate, templateFor, TemplateInput } from './template-store';
import { builtInTemplates } from './templates';

useFreshDatabase();

type Who = { id: string; isOperator: boolean };

/** A consortium with an admin, a member, an observer and the supplier; an admin of another consortium. */
async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const finspang = await buildOrganisation(tx, consortium.id, { name: 'Finspång' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const ydre = await buildOrganisation(tx, other.id, { name: 'Ydre' });
		const people = {} as Record<'admin' | 'member' | 'observer' | 'supplier' | 'outsider', Who>;
		const add = async (key: keyof typeof people, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		await add('admin', convenor.id, 'admin');
		await add('member', finspang.id, 'member');
		await add('observer', finspang.id, 'observer');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', ydre.id, 'admin', other.id);
		return { consortium, other, people };
	});
}

const input = (overrides: Record<string, unknown> = {}) =>
	TemplateInput.parse({
		kind: 'project_directive',
		locale: 'sv',
		title: 'Vårt projektdirektiv',
		outline: '## Bakgrund\r\nVarför?\r\n- En punkt',
		...overrides
	});

const storedRows = (consortiumId: string) => asSystem((tx) => tx.select().from(documentTemplates).where(eq(documentTemplates.consortiumId, consortiumId)));

describe('document templates', () => {
	it('another consortium neither reads nor changes them: row-level security filters the rows, the policy answers NotFound', async () => {
		const w = await world();
		await saveTemplate(w.people.admin, w.consortium.id, input());
		const seen = await withUser(w.people.outsider, (tx) => tx.select().from(documentTemplates).where(eq(documentTemplates.consortiumId, w.consortium.id)));
		expect(seen).toEqual([]);
		// Under its own claims the consortium's override is invisible, so only the built-in one is found.
		const found = await withUser(w.people.outsider, (tx) => templateFor(tx, w.consortium.id, 'project_directive', 'sv'));
		expect(found).toMatchObject({ custom: false, title: builtInTemplates.project_directive.sv.title });
		// The supplier, inside the consortium, does not see them either.
		expect(await withUser(w.people.supplier, (tx) => tx.select().from(documentTemplates).where(eq(documentTemplates.consortiumId, w.consortium.id)))).toEqual(
			[]
		);
		// An internal member does (a new document begins from it in the writer's own transaction).
		expect(await withUser(w.people.member, (tx) => templateFor(tx, w.consortium.id, 'project_directive', 'sv'))).toMatchObject({ custom: true });

		// Someone else's consortium is as missing as one that does not exist.
		await expect(saveTemplate(w.people.outsider, w.consortium.id, input({ title: 'Intrång' }))).rejects.toBeInstanceOf(NotFound);
		await expect(resetTemplate(w.people.outsider, w.consortium.id, { kind: 'project_directive', locale: 'sv' })).rejects.toBeInstanceOf(NotFound);
		await expect(listTemplates(w.people.outsider, w.consortium.id)).rejects.toBeInstanceOf(NotFound);
		// Even past the policy, the database refuses a write into another consortium.
		await expect(
			withUser(w.people.outsider, (tx) =>
				tx.insert(documentTemplates).values({ consortiumId: w.consortium.id, kind: 'other', locale: 'en', title: 'X', outline: '' })
			)
		).rejects.toThrow();
		expect((await storedRows(w.consortium.id)).map((r) => r.title)).toEqual(['Vårt projektdirektiv']);
	});

	it('members who are not admins are refused (Forbidden) and nothing is stored; their reads are the same 404 as a missing page', async () => {
		const w = await world();
		for (const who of [w.people.member, w.people.observer, w.people.supplier]) {
			await expect(saveTemplate(who, w.consortium.id, input())).rejects.toBeInstanceOf(Forbidden);
			await expect(resetTemplate(who, w.consortium.id, { kind: 'project_directive', locale: 'sv' })).rejects.toBeInstanceOf(Forbidden);
			await expect(listTemplates(who, w.consortium.id)).rejects.toBeInstanceOf(NotFound);
			await expect(getTemplate(who, w.consortium.id, 'project_directive', 'sv')).rejects.toBeInstanceOf(NotFound);
		}
		// Row-level security agrees: a member's direct write is refused.
		await expect(
			withUser(w.people.member, (tx) =>
				tx.insert(documentTemplates).values({ consortiumId: w.consortium.id, kind: 'other', locale: 'sv', title: 'X', outline: '' })
			)
		).rejects.toThrow();
		expect(await storedRows(w.consortium.id)).toEqual([]);
	});

	it('bad input is answered with message keys: a blank title, a too long outline, an unknown kind or language', () => {
		const given = { kind: 'nonsense', locale: 'de', title: '   ', outline: 'x'.repeat(OUTLINE_MAX + 1) };
		const parsed = TemplateInput.safeParse(given);
		expect(parsed.success).toBe(false);
		expect(fieldErrors(parsed.error!, TemplateInput, given)).toMatchObject({
			kind: { key: 'invalid_choice' },
			locale: { key: 'invalid_choice' },
			title: { key: 'required' },
			outline: { key: 'too_long', params: { max: OUTLINE_MAX } }
		});
		// A title over 200 characters; an outline of exactly the limit passes, its CRLF line breaks kept as LF.
		const long = TemplateInput.safeParse({ kind: 'other', locale: 'sv', title: 'x'.repeat(201), outline: '' });
		expect(fieldErrors(long.error!, TemplateInput)).toMatchObject({ title: { key: 'too_long', params: { max: 200 } } });
		expect(input({ outline: 'a\r\nb\rc' }).outline).toBe('a\nb\nc');
		expect(input({ outline: 'x'.repeat(OUTLINE_MAX) }).outline).toHaveLength(OUTLINE_MAX);
	});

	it('gives the built-in template while the consortium has saved none', async () => {
		const w = await world();
		const found = await withUser(w.people.admin, (tx) => templateFor(tx, w.consortium.id, 'evaluation_model', 'en'));
		expect(found).toEqual({ ...builtInTemplates.evaluation_model.en, custom: false });
		const list = await listTemplates(w.people.admin, w.consortium.id);
		expect(list).toHaveLength(8 * 2);
		expect(list.every((t) => !t.custom && t.updatedAt === null && t.updatedBy === null)).toBe(true);
		expect(list.find((t) => t.kind === 'contract_terms' && t.locale === 'sv')?.title).toBe(builtInTemplates.contract_terms.sv.title);
		const detail = await getTemplate(w.people.admin, w.consortium.id, 'contract_terms', 'en');
		expect(detail).toMatchObject({ custom: false, ...builtInTemplates.contract_terms.en, builtIn: builtInTemplates.contract_terms.en });
	});

	it("an admin's template replaces the built-in one for its kind and language only, audited and announced with before and after", async () => {
		const w = await world();
		const saved = await saveTemplate(w.people.admin, w.consortium.id, input());
		expect(saved).toMatchObject({ title: 'Vårt projektdirektiv', outline: '## Bakgrund\nVarför?\n- En punkt', updatedBy: w.people.admin.id });

		expect(await withUser(w.people.admin, (tx) => templateFor(tx, w.consortium.id, 'project_directive', 'sv'))).toEqual({
			title: 'Vårt projektdirektiv',
			outline: '## Bakgrund\nVarför?\n- En punkt',
			custom: true
		});
		// The English one, and another consortium's, stay built-in.
		expect(await withUser(w.people.admin, (tx) => templateFor(tx, w.consortium.id, 'project_directive', 'en'))).toMatchObject({ custom: false });
		expect(await asSystem((tx) => templateFor(tx, w.other.id, 'project_directive', 'sv'))).toMatchObject({ custom: false });

		const list = await listTemplates(w.people.admin, w.consortium.id);
		const mine = list.find((t) => t.kind === 'project_directive' && t.locale === 'sv')!;
		expect(mine).toMatchObject({ title: 'Vårt projektdirektiv', custom: true, updatedBy: { id: w.people.admin.id } });
		expect(mine.updatedAt).toBeInstanceOf(Date);
		expect(list.filter((t) => t.custom)).toHaveLength(1);

		// Saving again replaces it; the audit line keeps what it replaced.
		await saveTemplate(w.people.admin, w.consortium.id, input({ title: 'Projektdirektiv, version 2' }));
		const entries = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.consortiumId, w.consortium.id), eq(auditLog.entityType, 'document_template')))
				.orderBy(auditLog.createdAt)
		);
		expect(entries.map((e) => [e.action, e.entityId, e.actorId])).toEqual([
			['document_template.saved', 'project_directive:sv', w.people.admin.id],
			['document_template.saved', 'project_directive:sv', w.people.admin.id]
		]);
		expect(entries[0]!.before).toBeNull();
		expect(entries[0]!.after).toMatchObject({ title: 'Vårt projektdirektiv', kind: 'project_directive', locale: 'sv' });
		expect(entries[1]!.before).toMatchObject({ title: 'Vårt projektdirektiv' });
		expect(entries[1]!.after).toMatchObject({ title: 'Projektdirektiv, version 2' });
		expect(await getTemplate(w.people.admin, w.consortium.id, 'project_directive', 'sv')).toMatchObject({
			title: 'Projektdirektiv, version 2',
			custom: true,
			builtIn: builtInTemplates.project_directive.sv
		});
	});

	it('a reset brings back the built-in template, audited; resetting a built-in one changes nothing', async () => {
		const w = await world();
		await saveTemplate(w.people.admin, w.consortium.id, input({ kind: 'meeting_notes', locale: 'en', title: 'Our notes' }));
		expect(await resetTemplate(w.people.admin, w.consortium.id, { kind: 'meeting_notes', locale: 'en' })).toBe(true);
		expect(await withUser(w.people.admin, (tx) => templateFor(tx, w.consortium.id, 'meeting_notes', 'en'))).toEqual({
			...builtInTemplates.meeting_notes.en,
			custom: false
		});
		expect(await storedRows(w.consortium.id)).toEqual([]);
		const [entry] = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.consortiumId, w.consortium.id), eq(auditLog.action, 'document_template.reset')))
		);
		expect(entry).toMatchObject({ actorId: w.people.admin.id, entityId: 'meeting_notes:en', before: { title: 'Our notes' }, after: null });

		expect(await resetTemplate(w.people.admin, w.consortium.id, { kind: 'meeting_notes', locale: 'en' })).toBe(false);
		const resets = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.consortiumId, w.consortium.id), eq(auditLog.action, 'document_template.reset')))
		);
		expect(resets).toHaveLength(1);
	});
});
