import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../../testing/database';
import { asSystem } from '../../db/request';
import { requirementApprovals, requirements, needs } from '../../db/schema';
import { buildConsortium, buildMembership, buildNeed, buildOrganisation, buildRequirement, buildUser } from '../../demo/factories';
import { resolveAccess } from '../access';
import { documentKind } from '../registry';
import { closeAllDocuments, openDocument } from '../documents';
import { renderDocument } from '../render';
import { readOrSeedDocument } from '../store';
import { collabUpdates } from '../../db/schema';
import '../kinds';

useFreshDatabase();

async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const org = await buildOrganisation(tx, consortium.id);
		const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
		const mk = async (role: 'member' | 'observer' | 'supplier' | 'representative') => {
			const u = await buildUser(tx);
			await buildMembership(tx, { consortiumId: consortium.id, userId: u.id, organisationId: role === 'supplier' ? supplierOrg.id : org.id, role });
			return { id: u.id, isOperator: false };
		};
		const people = { member: await mk('member'), observer: await mk('observer'), supplier: await mk('supplier'), rep: await mk('representative') };
		const draft = await buildRequirement(tx, consortium.id, { title: 'Utkast' });
		const approved = await buildRequirement(tx, consortium.id, { title: 'Godkänt', status: 'approved' });
		const inReview = await buildRequirement(tx, consortium.id, { title: 'Granskas', status: 'in_review', bodyText: 'Gammal text' });
		await tx.insert(requirementApprovals).values({
			consortiumId: consortium.id,
			requirementId: inReview.id,
			organisationId: org.id,
			verdict: 'approve',
			userId: people.rep.id,
			actingAs: 'representative'
		});
		const need = await buildNeed(tx, consortium.id);
		return { consortium, people, draft, approved, inReview, need };
	});
}

describe('co-edited documents of needs, stories and requirements', () => {
	it('lets writers edit, observers read, and the supplier nothing; an approved revision is read-only', async () => {
		const w = await world();
		const doc = (id: string) => `requirement/${id}/body`;
		expect((await resolveAccess(w.people.member, doc(w.draft.id)))?.level).toBe('edit');
		expect((await resolveAccess(w.people.observer, doc(w.draft.id)))?.level).toBe('read');
		expect(await resolveAccess(w.people.supplier, doc(w.draft.id))).toBeNull();
		expect((await resolveAccess(w.people.member, doc(w.approved.id)))?.level).toBe('read');
		expect((await resolveAccess(w.people.member, `need/${w.need.id}/description`))?.level).toBe('edit');
		expect(await resolveAccess(w.people.supplier, `need/${w.need.id}/description`)).toBeNull();
		expect(await resolveAccess(w.people.member, `requirement/${w.need.id}/body`)).toBeNull();
	});

	it("stores the derived text on the row without touching the form's version, and clears verdicts given on other words", async () => {
		const w = await world();
		const kind = documentKind('requirement')!;
		await asSystem((tx) => kind.onDerived!(tx, w.inReview.id, 'body', { text: 'Ny text', html: '<p>Ny text</p>' }));
		const [row] = await asSystem((tx) => tx.select().from(requirements).where(eq(requirements.id, w.inReview.id)));
		expect(row).toMatchObject({ bodyText: 'Ny text', bodyHtml: '<p>Ny text</p>', version: w.inReview.version });
		expect(await asSystem((tx) => tx.select().from(requirementApprovals).where(eq(requirementApprovals.requirementId, w.inReview.id)))).toEqual([]);
		await asSystem((tx) => kind.onDerived!(tx, w.approved.id, 'body', { text: 'Smygändring', html: '<p>Smygändring</p>' }));
		const [kept] = await asSystem((tx) => tx.select().from(requirements).where(eq(requirements.id, w.approved.id)));
		expect(kept!.bodyText).not.toBe('Smygändring');
		await asSystem((tx) => documentKind('need')!.onDerived!(tx, w.need.id, 'description', { text: 'Beskrivning', html: '<p>Beskrivning</p>' }));
		const [need] = await asSystem((tx) => tx.select().from(needs).where(eq(needs.id, w.need.id)));
		expect(need).toMatchObject({ descriptionText: 'Beskrivning', version: w.need.version });
	});

	it('starts a document from the text the row had before co-editing, once, however many open it at once', async () => {
		const w = await world();
		const name = `requirement/${w.inReview.id}/body`;
		const initialText = (tx: Parameters<NonNullable<ReturnType<typeof documentKind>>['resolve']>[0]) =>
			documentKind('requirement')!.initialText!(tx, w.inReview.id, 'body');
		// two openers racing (two processes on PostgreSQL): one seeds, the other reads the seed
		const [a, b] = await Promise.all([readOrSeedDocument(name, w.consortium.id, initialText), readOrSeedDocument(name, w.consortium.id, initialText)]);
		expect(a.updates).toHaveLength(1);
		expect(b.updates).toHaveLength(1);
		const rows = await asSystem((tx) => tx.select().from(collabUpdates).where(eq(collabUpdates.document, name)));
		expect(rows).toHaveLength(1);

		const shared = await openDocument(name, w.consortium.id);
		expect(renderDocument(shared.doc)).toEqual({ text: 'Gammal text', html: '<p>Gammal text</p>' });
		await closeAllDocuments();
		expect(await asSystem((tx) => tx.select().from(collabUpdates).where(eq(collabUpdates.document, name)))).toHaveLength(1);
		// opening it did not rewrite the row or clear the verdict
		const [row] = await asSystem((tx) => tx.select().from(requirements).where(eq(requirements.id, w.inReview.id)));
		expect(row).toMatchObject({ bodyText: 'Gammal text', version: w.inReview.version });
		expect(await asSystem((tx) => tx.select().from(requirementApprovals).where(eq(requirementApprovals.requirementId, w.inReview.id)))).toHaveLength(1);
	});

	it('leaves a document empty when the row has no text', async () => {
		const w = await world();
		const name = `need/${w.need.id}/description`;
		await asSystem((tx) => tx.update(needs).set({ descriptionText: '' }).where(eq(needs.id, w.need.id)));
		const shared = await openDocument(name, w.consortium.id);
		expect(renderDocument(shared.doc).text).toBe('');
		await closeAllDocuments();
		expect(await asSystem((tx) => tx.select().from(collabUpdates).where(eq(collabUpdates.document, name)))).toEqual([]);
	});
});
