import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../testing/database';
import { createDocument, nameVersion, recordDocumentVerdict } from '../documents/commands';
import { DocumentInput, VerdictInput, VersionInput } from '../documents/schemas';
import { documentsWorld, type DocumentsWorld } from '../documents/testing';
import { attentionFor } from './attention';

useFreshDatabase();

type Who = { id: string; isOperator: boolean };

type World = DocumentsWorld;

/** The document versions awaiting the person's organisation's verdict, as document title and version. */
async function awaitingDocuments(w: World, who: Who) {
	const attention = await attentionFor(who, w.consortium.id);
	if (attention?.kind !== 'internal') return null;
	return attention.awaitingDocuments.map((d) => `${d.title} ${d.versionNumber} ${d.versionName}`);
}

describe('attention: document versions in approval', () => {
	it('lists a version in approval to whoever speaks for a voting organisation until the organisation has its say', async () => {
		const w = await documentsWorld();
		const doc = await createDocument(
			w.people.member,
			w.consortium.id,
			DocumentInput.parse({ kind: 'project_directive', language: 'sv', title: 'Projektdirektiv' })
		);
		// A saved version not sent for approval awaits nobody.
		await nameVersion(w.people.member, w.consortium.id, doc.id, VersionInput.parse({ name: 'Utkast' }));
		expect(await awaitingDocuments(w, w.people.linkoping)).toEqual([]);

		const version = await nameVersion(w.people.member, w.consortium.id, doc.id, VersionInput.parse({ name: 'Till styrgruppen', sendForApproval: 'on' }));
		for (const who of [w.people.linkoping, w.people.norrkoping, w.people.motala])
			expect(await awaitingDocuments(w, who)).toEqual(['Projektdirektiv 2 Till styrgruppen']);
		const [entry] = ((await attentionFor(w.people.linkoping, w.consortium.id)) as { awaitingDocuments: { id: string; versionId: string }[] }).awaitingDocuments;
		expect(entry).toMatchObject({ id: doc.id, versionId: version.id });
		// Nobody without a vote: a member, the admin and the representative of the convenor; the supplier is never asked.
		expect(await awaitingDocuments(w, w.people.member)).toEqual([]);
		expect(await awaitingDocuments(w, w.people.admin)).toEqual([]);
		expect(await awaitingDocuments(w, w.people.convenor)).toEqual([]);
		const supplier = await attentionFor(w.people.supplier, w.consortium.id);
		expect(supplier?.kind).toBe('supplier');
		expect(JSON.stringify(supplier)).not.toContain(doc.id);

		// Once Linköping has its say, it is gone for Linköping only.
		await recordDocumentVerdict(w.people.linkoping, w.consortium.id, doc.id, VerdictInput.parse({ versionId: version.id, verdict: 'approve' }));
		expect(await awaitingDocuments(w, w.people.linkoping)).toEqual([]);
		expect(await awaitingDocuments(w, w.people.motala)).toEqual(['Projektdirektiv 2 Till styrgruppen']);

		// Approved by the majority: no longer in approval, so nobody is asked, not even Motala, which never voted.
		await recordDocumentVerdict(w.people.norrkoping, w.consortium.id, doc.id, VerdictInput.parse({ versionId: version.id, verdict: 'approve' }));
		for (const who of [w.people.linkoping, w.people.norrkoping, w.people.motala]) expect(await awaitingDocuments(w, who)).toEqual([]);
		expect(await awaitingDocuments(w, w.people.member)).toEqual([]);
	});
});
