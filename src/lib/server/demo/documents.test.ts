import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { consortia, documents, users } from '../db/schema';
import { documentPage, listDocuments } from '../documents/queries';
import { listAttachments } from '../attachments/queries';
import { lifecycleOf } from '../lifecycle/queries';
import { attentionFor } from '../home/attention';
import { addFeedback } from '../documents/commands';
import { seedDemo } from './seed';

useFreshDatabase();

describe('the demo procurement documents', () => {
	it('has an approved and published project directive, a kravspecifikation with two versions on the demo baseline, an evaluation model in draft; seeding again adds nothing', async () => {
		await seedDemo();
		await seedDemo();
		const { ostergotland, person, count } = await asSystem(async (tx) => {
			const [o] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const ids = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
			return {
				ostergotland: o!,
				count: (await tx.select().from(documents).where(eq(documents.consortiumId, o!.id))).length,
				person: (email: string) => ({ id: ids.get(email)!, isOperator: false })
			};
		});
		expect(count).toBe(3);
		const observer = person('observator@samsyn.demo');
		const list = await listDocuments(observer, ostergotland.id);
		const byKind = new Map(list.documents.map((d) => [d.kind, d]));
		expect(byKind.get('project_directive')?.published?.number).toBe(1);
		expect(byKind.get('project_directive')?.latest?.status).toBe('approved');
		expect(byKind.get('requirement_specification')?.latest).toMatchObject({ number: 2, status: 'in_approval' });
		expect(byKind.get('evaluation_model')?.latest).toBeNull();

		const spec = await documentPage(observer, ostergotland.id, byKind.get('requirement_specification')!.id);
		if (spec.view !== 'internal') throw new Error('internal view expected');
		expect(spec.versions.map((v) => v.name)).toEqual(['Remissversion till kommunerna', 'Utkast för intern granskning']);
		expect(spec.section?.name).toBe('Kravspecifikation 1.0');
		expect(spec.section?.groups.flatMap((g) => g.requirements).length).toBeGreaterThan(0);
		expect(spec.approval?.votes.filter((v) => v.verdict === 'approve').map((v) => v.name)).toEqual(['Linköping']);

		// The night supervision's lifecycle links the activities that produce them.
		const { lifecycle } = await lifecycleOf(observer, ostergotland.id, byKind.get('requirement_specification')!.initiativeId);
		expect(
			lifecycle?.activities
				.filter((a) => a.document)
				.map((a) => a.document!.title)
				.sort()
		).toEqual(['Kravspecifikation: digital nattillsyn', 'Utvärderingsmodell: digital nattillsyn']);

		// The supplier reads the directive, with its attachment, and nothing else.
		const supplier = person('leverantor@samsyn.demo');
		const seen = await listDocuments(supplier, ostergotland.id);
		expect(seen.documents.map((d) => d.kind)).toEqual(['project_directive']);
		const directive = await documentPage(supplier, ostergotland.id, byKind.get('project_directive')!.id);
		if (directive.view !== 'published') throw new Error('published view expected');
		expect(directive.version.bodyHtml).toContain('Beslut om projektet');
		expect(directive.can.feedback).toBe(true);
		const files = await listAttachments(supplier, ostergotland.id, { kind: 'document', id: byKind.get('project_directive')!.id });
		expect(files.items.map((a) => a.name)).toEqual(['Budgetunderlag nattillsyn.pdf']);

		// It is on the supplier's home page until the supplier has commented.
		const forComment = async () => {
			const attention = await attentionFor(supplier, ostergotland.id);
			return attention?.kind === 'supplier' ? attention.documentsForComment.map((d) => d.title) : null;
		};
		expect(await forComment()).toEqual(['Projektdirektiv: digital nattillsyn']);
		await addFeedback(supplier, ostergotland.id, byKind.get('project_directive')!.id, { body: 'Gäller avgränsningen även korttidsboende?' });
		expect(await forComment()).toEqual([]);

		// The pensioners' organisation has the directive on remiss, open for comments, and has commented; it sees nothing else.
		const reviewer = person('remiss@samsyn.demo');
		const home = await attentionFor(reviewer, ostergotland.id);
		expect(home?.kind).toBe('reviewer');
		if (home?.kind !== 'reviewer') throw new Error('reviewer home expected');
		expect(home.rounds.map((r) => [r.title, r.allowComments, r.commented])).toEqual([['Projektdirektiv: digital nattillsyn', true, true]]);
		expect((await listDocuments(reviewer, ostergotland.id)).documents.map((d) => d.kind)).toEqual(['project_directive']);
		const round = await documentPage(reviewer, ostergotland.id, byKind.get('project_directive')!.id);
		if (round.view !== 'round') throw new Error('round view expected');
		expect(round.can.feedback).toBe(true);
		expect(round.feedback.map((f) => f.body)).toEqual([expect.stringContaining('samtycket')]);
		await expect(documentPage(reviewer, ostergotland.id, byKind.get('requirement_specification')!.id)).rejects.toThrow();
		const internal = await documentPage(observer, ostergotland.id, byKind.get('project_directive')!.id);
		if (internal.view !== 'internal') throw new Error('internal view expected');
		expect(internal.rounds.map((r) => [r.reviewers.map((x) => x.organisation), r.open, r.feedback.length])).toEqual([[['PRO Östergötland'], true, 1]]);
		// The supplier reads its own comment only, never the remiss's.
		const supplierView = await documentPage(supplier, ostergotland.id, byKind.get('project_directive')!.id);
		if (supplierView.view !== 'published') throw new Error('published view expected');
		expect(supplierView.feedback.map((f) => f.body)).toEqual(['Gäller avgränsningen även korttidsboende?']);
	});
});
