import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog, collabUpdates, documentApprovals, documents, documentVersions } from '../db/schema';
import { Forbidden } from '../policy';
import { NotFound, StaleWrite } from '../errors';
import { resolveAccess } from '../collab/access';
import { settled } from '../collab/documents';
import { renderState } from '../collab/render';
import {
	addFeedback,
	createDocument,
	deleteDocument,
	nameVersion,
	publishVersion,
	recordDocumentVerdict,
	restoreDocumentVersion,
	sendForApproval,
	updateDocument
} from './commands';
import { documentPage, listDocuments } from './queries';
import { DocumentInput, DocumentUpdate, PublishInput, VerdictInput, VersionInput } from './schemas';
import { fieldName } from './state';
import { documentsWorld, typeInto, type DocumentsWorld } from './testing';

useFreshDatabase();

const spec = (w: DocumentsWorld, baselineId?: string) =>
	createDocument(
		w.people.member,
		w.consortium.id,
		DocumentInput.parse({ kind: 'requirement_specification', language: 'sv', title: 'Kravspecifikation nattillsyn', baselineId: baselineId ?? '' })
	);

describe('procurement documents', () => {
	it('begins a kravspecifikation from the template, split around the baseline, with the baseline section generated', async () => {
		const w = await documentsWorld();
		const doc = await spec(w, w.baselines.first.id);
		const page = await documentPage(w.people.observer, w.consortium.id, doc.id);
		if (page.view !== 'internal') throw new Error('internal view expected');
		expect(page.section?.name).toBe('Baslinje 1');
		expect(page.section?.groups.map((g) => g.requirements.map((r) => `${r.number} ${r.identifier}`))).toEqual([['1.1 K-001'], ['2.1 K-002']]);
		const stored = await asSystem((tx) =>
			tx
				.select()
				.from(collabUpdates)
				.where(eq(collabUpdates.document, fieldName(doc.id, 'body')))
		);
		const body = renderState(stored[0]!.update).text;
		expect(body).toContain('Inledning');
		expect(body).toContain('Krav');
		expect(body).not.toContain('Data och integrationer');
		const closing = await asSystem((tx) =>
			tx
				.select()
				.from(collabUpdates)
				.where(eq(collabUpdates.document, fieldName(doc.id, 'closing')))
		);
		expect(renderState(closing[0]!.update).text).toContain('Data och integrationer');
		// The observer reads but does not edit; the member edits.
		expect((await resolveAccess(w.people.observer, fieldName(doc.id, 'body')))?.level).toBe('read');
		expect((await resolveAccess(w.people.member, fieldName(doc.id, 'body')))?.level).toBe('edit');
		expect(await resolveAccess(w.people.supplier, fieldName(doc.id, 'body'))).toBeNull();
		expect(await resolveAccess(w.people.outsider, fieldName(doc.id, 'body'))).toBeNull();
	});

	it('replaces the baseline section when another baseline is chosen, and refuses a baseline on another kind', async () => {
		const w = await documentsWorld();
		const doc = await spec(w, w.baselines.first.id);
		const updated = await updateDocument(
			w.people.member,
			w.consortium.id,
			doc.id,
			DocumentUpdate.parse({ version: 1, title: doc.title, baselineId: w.baselines.second.id })
		);
		const page = await documentPage(w.people.member, w.consortium.id, doc.id);
		if (page.view !== 'internal') throw new Error('internal view expected');
		expect(page.section?.name).toBe('Baslinje 2');
		expect(page.section?.groups.flatMap((g) => g.requirements.map((r) => r.identifier))).toEqual(['K-001', 'K-003']);
		await expect(
			updateDocument(w.people.member, w.consortium.id, doc.id, DocumentUpdate.parse({ version: 1, title: 'X', baselineId: '' }))
		).rejects.toBeInstanceOf(StaleWrite);
		expect(updated.version).toBe(2);
		const log = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.entityId, doc.id), eq(auditLog.action, 'document.baseline_changed')))
		);
		expect(log).toHaveLength(1);
		await expect(
			createDocument(w.people.member, w.consortium.id, DocumentInput.parse({ kind: 'project_directive', language: 'sv', baselineId: w.baselines.first.id }))
		).rejects.toMatchObject({ key: 'document_baseline_only_specification', field: 'baselineId' });
		await expect(createDocument(w.people.observer, w.consortium.id, DocumentInput.parse({ kind: 'project_directive', language: 'sv' }))).rejects.toBeInstanceOf(
			Forbidden
		);
	});

	it('names versions that keep the text and the baseline, compares them and restores one', async () => {
		const w = await documentsWorld();
		const doc = await spec(w, w.baselines.first.id);
		await typeInto(fieldName(doc.id, 'body'), w.consortium.id, 'Första utkastet');
		const one = await nameVersion(w.people.member, w.consortium.id, doc.id, VersionInput.parse({ name: 'Utkast 1' }));
		await typeInto(fieldName(doc.id, 'body'), w.consortium.id, 'Andra stycket');
		await updateDocument(w.people.member, w.consortium.id, doc.id, DocumentUpdate.parse({ version: 1, title: doc.title, baselineId: w.baselines.second.id }));
		const two = await nameVersion(w.people.member, w.consortium.id, doc.id, VersionInput.parse({ name: 'Utkast 2' }));
		expect([one.number, two.number]).toEqual([1, 2]);
		expect(one.baselineRequirements?.map((r) => r.identifier)).toEqual(['K-001', 'K-002']);

		const compared = await documentPage(w.people.observer, w.consortium.id, doc.id, { from: one.id, to: two.id });
		if (compared.view !== 'internal') throw new Error('internal view expected');
		const added = compared
			.comparison!.changes.filter((c) => c.added)
			.map((c) => c.value)
			.join('');
		const removed = compared
			.comparison!.changes.filter((c) => c.removed)
			.map((c) => c.value)
			.join('');
		expect(added).toContain('Andra stycket');
		expect(added).toContain('K-003');
		expect(removed).toContain('K-002');

		await restoreDocumentVersion(w.people.member, w.consortium.id, doc.id, one.id);
		await settled();
		const page = await documentPage(w.people.member, w.consortium.id, doc.id, { from: one.id, to: 'current' });
		if (page.view !== 'internal') throw new Error('internal view expected');
		expect(page.comparison!.changes.every((c) => !c.added && !c.removed)).toBe(true);
		expect(page.document.baselineId).toBe(w.baselines.first.id);
		await expect(restoreDocumentVersion(w.people.observer, w.consortium.id, doc.id, one.id)).rejects.toBeInstanceOf(Forbidden);

		// A saved version is sent for approval later; then no other one until it is decided.
		expect((await sendForApproval(w.people.member, w.consortium.id, doc.id, one.id)).status).toBe('in_approval');
		await expect(sendForApproval(w.people.member, w.consortium.id, doc.id, two.id)).rejects.toMatchObject({ key: 'document_approval_pending' });
		await expect(sendForApproval(w.people.observer, w.consortium.id, doc.id, two.id)).rejects.toBeInstanceOf(Forbidden);
	});

	it('approves a version under the ground rules, freezes it, and keeps one version in approval at a time', async () => {
		const w = await documentsWorld('majority');
		const doc = await spec(w, w.baselines.first.id);
		const version = await nameVersion(w.people.member, w.consortium.id, doc.id, VersionInput.parse({ name: 'Till styrgruppen', sendForApproval: 'on' }));
		expect(version.status).toBe('in_approval');
		await expect(nameVersion(w.people.member, w.consortium.id, doc.id, VersionInput.parse({ name: 'Till', sendForApproval: 'on' }))).rejects.toMatchObject({
			key: 'document_approval_pending'
		});
		// Without the mandate: a member, and the supplier.
		await expect(
			recordDocumentVerdict(w.people.member, w.consortium.id, doc.id, VerdictInput.parse({ versionId: version.id, verdict: 'approve' }))
		).rejects.toBeInstanceOf(Forbidden);
		await expect(
			recordDocumentVerdict(w.people.supplier, w.consortium.id, doc.id, VerdictInput.parse({ versionId: version.id, verdict: 'approve' }))
		).rejects.toBeInstanceOf(Forbidden);
		// An objection needs a reason.
		expect(VerdictInput.safeParse({ versionId: version.id, verdict: 'object', reason: ' ' }).error?.issues[0]).toMatchObject({
			path: ['reason'],
			message: 'required'
		});
		const first = await recordDocumentVerdict(w.people.linkoping, w.consortium.id, doc.id, VerdictInput.parse({ versionId: version.id, verdict: 'approve' }));
		expect(first.status).toBe('in_approval');
		const second = await recordDocumentVerdict(w.people.norrkoping, w.consortium.id, doc.id, VerdictInput.parse({ versionId: version.id, verdict: 'approve' }));
		expect(second.status).toBe('approved');
		expect(second.votes.filter((v) => v.verdict === 'approve').map((v) => [v.name, v.actingAs])).toEqual([
			['Linköping', 'representative'],
			['Norrköping', 'representative']
		]);
		// Frozen: no more verdicts; the draft goes on, and a new version may be sent.
		await expect(
			recordDocumentVerdict(w.people.motala, w.consortium.id, doc.id, VerdictInput.parse({ versionId: version.id, verdict: 'object', reason: 'Sent' }))
		).rejects.toMatchObject({ key: 'document_not_in_approval' });
		const [row] = await asSystem((tx) => tx.select().from(documentVersions).where(eq(documentVersions.id, version.id)));
		expect(row!.status).toBe('approved');
		expect(Buffer.from(row!.bodyState).equals(Buffer.from(version.bodyState))).toBe(true);
		// Row-level security keeps it frozen too: nobody changes an approved version's status or content.
		const changed = await withUser(w.people.admin, (tx) =>
			tx.update(documentVersions).set({ status: 'saved' }).where(eq(documentVersions.id, version.id)).returning()
		);
		expect(changed).toHaveLength(0);
		await expect(deleteDocument(w.people.admin, w.consortium.id, doc.id)).rejects.toMatchObject({ key: 'document_approved_kept' });
	});

	it('rejects a version under consensus when one organisation objects', async () => {
		const w = await documentsWorld('consensus');
		const doc = await spec(w);
		const version = await nameVersion(w.people.member, w.consortium.id, doc.id, VersionInput.parse({ name: 'Förslag', sendForApproval: 'on' }));
		const result = await recordDocumentVerdict(
			w.people.motala,
			w.consortium.id,
			doc.id,
			VerdictInput.parse({ versionId: version.id, verdict: 'object', reason: 'Saknar budget' })
		);
		expect(result.status).toBe('rejected');
		const [verdict] = await asSystem((tx) => tx.select().from(documentApprovals).where(eq(documentApprovals.versionId, version.id)));
		expect(verdict!.reason).toBe('Saknar budget');
	});

	it('publishes an approved version to the supplier, who reads it and never the draft or another version', async () => {
		const w = await documentsWorld('majority');
		const doc = await spec(w, w.baselines.first.id);
		const draft = await createDocument(w.people.member, w.consortium.id, DocumentInput.parse({ kind: 'evaluation_model', language: 'sv' }));
		await typeInto(fieldName(doc.id, 'body'), w.consortium.id, 'Godkänd text');
		const version = await nameVersion(
			w.people.member,
			w.consortium.id,
			doc.id,
			VersionInput.parse({ name: 'Version för leverantören', sendForApproval: 'on' })
		);
		// Not approved yet: nobody publishes it.
		await expect(publishVersion(w.people.admin, w.consortium.id, doc.id, PublishInput.parse({ versionId: version.id }))).rejects.toMatchObject({
			key: 'document_not_approved'
		});
		for (const who of [w.people.linkoping, w.people.norrkoping])
			await recordDocumentVerdict(who, w.consortium.id, doc.id, VerdictInput.parse({ versionId: version.id, verdict: 'approve' }));
		await typeInto(fieldName(doc.id, 'body'), w.consortium.id, 'Hemligt utkast efter godkännandet');
		const later = await nameVersion(w.people.member, w.consortium.id, doc.id, VersionInput.parse({ name: 'Internt utkast' }));

		// Before publication the supplier finds nothing.
		await expect(documentPage(w.people.supplier, w.consortium.id, doc.id)).rejects.toBeInstanceOf(NotFound);
		expect((await listDocuments(w.people.supplier, w.consortium.id)).documents).toEqual([]);

		await expect(publishVersion(w.people.member, w.consortium.id, doc.id, PublishInput.parse({ versionId: version.id }))).rejects.toBeInstanceOf(Forbidden);
		await publishVersion(w.people.linkoping, w.consortium.id, doc.id, PublishInput.parse({ versionId: version.id, allowComments: 'on' }));
		await expect(publishVersion(w.people.admin, w.consortium.id, doc.id, PublishInput.parse({ versionId: version.id }))).rejects.toMatchObject({
			key: 'document_already_published'
		});

		const page = await documentPage(w.people.supplier, w.consortium.id, doc.id);
		if (page.view !== 'published') throw new Error('published view expected');
		expect(page.version.name).toBe('Version för leverantören');
		expect(page.version.bodyHtml).toContain('Godkänd text');
		expect(page.version.bodyHtml).not.toContain('Hemligt utkast');
		expect(page.version.section?.groups.flatMap((g) => g.requirements.map((r) => r.identifier))).toEqual(['K-001', 'K-002']);
		expect(page.can.feedback).toBe(true);
		const list = await listDocuments(w.people.supplier, w.consortium.id);
		expect(list.documents.map((d) => d.id)).toEqual([doc.id]);

		// Row-level security: the supplier's own reads see only the published version, no verdicts, no draft text.
		const seen = await withUser(w.people.supplier, async (tx) => ({
			documents: await tx.select({ id: documents.id }).from(documents),
			versions: await tx.select({ id: documentVersions.id }).from(documentVersions),
			approvals: await tx.select().from(documentApprovals),
			updates: await tx
				.select()
				.from(collabUpdates)
				.where(eq(collabUpdates.document, fieldName(doc.id, 'body')))
		}));
		expect(seen.documents.map((d) => d.id)).toEqual([doc.id]);
		expect(seen.versions.map((v) => v.id)).toEqual([version.id]);
		expect(seen.approvals).toEqual([]);
		expect(seen.updates).toEqual([]);
		expect(seen.documents.map((d) => d.id)).not.toContain(draft.id);
		expect(seen.versions.map((v) => v.id)).not.toContain(later.id);
		await expect(documentPage(w.people.supplier, w.consortium.id, draft.id)).rejects.toBeInstanceOf(NotFound);
		await expect(documentPage(w.people.outsider, w.consortium.id, doc.id)).rejects.toBeInstanceOf(NotFound);

		// The supplier comments while the round allows it; members read the comment.
		await addFeedback(w.people.supplier, w.consortium.id, doc.id, { body: 'Vad menas med uppvaknande?' });
		const internal = await documentPage(w.people.observer, w.consortium.id, doc.id);
		if (internal.view !== 'internal') throw new Error('internal view expected');
		expect(internal.feedback.map((f) => f.body)).toEqual(['Vad menas med uppvaknande?']);
		expect(internal.versions.find((v) => v.id === version.id)?.published).toBe(true);
		await expect(addFeedback(w.people.member, w.consortium.id, doc.id, { body: 'x' })).rejects.toBeInstanceOf(Forbidden);
	});

	it('refuses the supplier comments on a round that takes none, and comments on an unpublished document as if it did not exist', async () => {
		const w = await documentsWorld('majority');
		const doc = await spec(w);
		const version = await nameVersion(w.people.member, w.consortium.id, doc.id, VersionInput.parse({ name: 'V1', sendForApproval: 'on' }));
		await expect(addFeedback(w.people.supplier, w.consortium.id, doc.id, { body: 'Hej' })).rejects.toBeInstanceOf(NotFound);
		for (const who of [w.people.linkoping, w.people.norrkoping])
			await recordDocumentVerdict(who, w.consortium.id, doc.id, VerdictInput.parse({ versionId: version.id, verdict: 'approve' }));
		await publishVersion(w.people.admin, w.consortium.id, doc.id, PublishInput.parse({ versionId: version.id }));
		await expect(addFeedback(w.people.supplier, w.consortium.id, doc.id, { body: 'Hej' })).rejects.toMatchObject({ key: 'document_feedback_closed' });
	});
});
