import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { isHttpError } from '@sveltejs/kit';
import { useFreshDatabase } from '../testing/database';
import { NotFound } from '../errors';
import { createRequestContext } from '../request-context';
import { createDocument, nameVersion, publishVersion, recordDocumentVerdict } from './commands';
import { documentExport } from './exports';
import { documentToDocx } from './export/docx';
import { documentToPdf } from './export/pdf';
import { DocumentInput, PublishInput, VerdictInput, VersionInput } from './schemas';
import { fieldName } from './state';
import { documentsWorld, typeInto, type DocumentsPerson } from './testing';
import { GET } from '../../../routes/(app)/c/[slug=slug]/documents/[id=uuid]/export/[format]/+server';

useFreshDatabase();

/**
 * A kravspecifikation on the baseline with two named versions, the second approved by Linköping
 * and Norrköping under majority rule, and a draft that went on after it.
 */
async function specification() {
	const w = await documentsWorld();
	const doc = await createDocument(
		w.people.member,
		w.consortium.id,
		DocumentInput.parse({ kind: 'requirement_specification', language: 'sv', title: 'Kravspecifikation nattillsyn', baselineId: w.baselines.first.id })
	);
	await typeInto(fieldName(doc.id, 'body'), w.consortium.id, 'Första utkastet');
	const one = await nameVersion(w.people.member, w.consortium.id, doc.id, VersionInput.parse({ name: 'Utkast 1' }));
	await typeInto(fieldName(doc.id, 'body'), w.consortium.id, 'Andra stycket');
	const two = await nameVersion(w.people.member, w.consortium.id, doc.id, VersionInput.parse({ name: 'Remissversion', sendForApproval: 'on' }));
	for (const who of [w.people.linkoping, w.people.norrkoping])
		await recordDocumentVerdict(who, w.consortium.id, doc.id, VerdictInput.parse({ versionId: two.id, verdict: 'approve' }));
	await typeInto(fieldName(doc.id, 'closing'), w.consortium.id, 'Hemligt utkast efter godkännandet');
	return { ...w, doc, one, two };
}

/** The text of the Word document's body, entities decoded, paragraphs and breaks as spaces. */
async function docxText(bytes: Uint8Array): Promise<string> {
	const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
	return decode(xml.replace(/<w:tab\/>|<w:br\/>|<\/w:p>/g, ' ').replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ');
}

/** The texts of the Word document's paragraphs in a heading style. */
async function docxHeadings(bytes: Uint8Array): Promise<string[]> {
	const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
	return [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading\d"\/>((?:(?!<\/w:p>).)*)<\/w:p>/gs)].map(([, inner]) =>
		decode(inner!.replace(/<[^>]+>/g, ''))
	);
}

const decode = (text: string) =>
	text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');

async function pdfText(bytes: Uint8Array): Promise<string> {
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
	return text.replace(/\s+/g, ' ');
}

/** Asserts that each text occurs, in this order. */
function expectInOrder(text: string, parts: string[]) {
	let from = 0;
	for (const part of parts) {
		const at = text.indexOf(part, from);
		expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
		from = at + part.length;
	}
}

describe('document exports', () => {
	it('exports a named version as Word and PDF: its text, its baseline and the revision log with the approving organisations', async () => {
		const w = await specification();
		const result = await documentExport(w.people.member, w.consortium.id, w.doc.id, w.two.id, 'sv');
		expect(result.fileBase).toBe('Kravspecifikation nattillsyn v2');
		expect(result.export).toMatchObject({
			consortiumName: w.consortium.name,
			kindLabel: 'Kravspecifikation',
			title: 'Kravspecifikation nattillsyn',
			version: { number: 2, name: 'Remissversion', statusLabel: 'Godkänd', createdBy: 'Anna Andersson' },
			baseline: { name: 'Baslinje 1' }
		});
		expect(result.export.revisions.map((r) => [r.number, r.name, r.status, r.createdBy, r.note])).toEqual([
			[1, 'Utkast 1', 'Sparad', 'Anna Andersson', ''],
			[2, 'Remissversion', 'Godkänd', 'Anna Andersson', 'Godkänd av Linköping, Norrköping']
		]);
		expect(result.export.revisions[1]!.decidedAt).toBeInstanceOf(Date);

		const expected = [
			'Kravspecifikation',
			'Kravspecifikation nattillsyn',
			'Version 2: Remissversion',
			'Status: Godkänd',
			'Inledning',
			'Andra stycket',
			'Kraven kommer från baslinjen «Baslinje 1»',
			'K-001 Larm vid uppvaknande',
			'K-002 Tillgänglighet 99,5 %',
			'Revisionshistorik',
			'Utkast 1',
			'Sparad',
			'Remissversion',
			'Godkänd',
			'Godkänd av Linköping, Norrköping'
		];
		const docx = await documentToDocx(result.export, 'sv');
		const docxBody = await docxText(docx);
		expectInOrder(docxBody, expected);
		expect(docxBody).not.toContain('Hemligt utkast');
		expect(await docxHeadings(docx)).toEqual(expect.arrayContaining(['Inledning', 'Revisionshistorik']));
		const pdf = await pdfText(await documentToPdf(result.export, 'sv'));
		expectInOrder(pdf, expected);
		expect(pdf).not.toContain('Hemligt utkast');

		// In English, the export's own words and the statuses are English; the text stays as written.
		const english = await documentExport(w.people.member, w.consortium.id, w.doc.id, w.two.id, 'en');
		expect(english.export.kindLabel).toBe('Requirement specification');
		expect(english.export.revisions.map((r) => [r.status, r.note])).toEqual([
			['Saved', ''],
			['Approved', 'Approved by Linköping, Norrköping']
		]);
		expectInOrder(await docxText(await documentToDocx(english.export, 'en')), ['Andra stycket', 'Revision log', 'Approved by Linköping, Norrköping']);
	});

	it('exports the working draft for internal members, with the baseline as it is now and every version in the log', async () => {
		const w = await specification();
		const result = await documentExport(w.people.member, w.consortium.id, w.doc.id, 'current', 'sv');
		expect(result.fileBase).toBe('Kravspecifikation nattillsyn (Arbetsversion)');
		expect(result.export.version).toMatchObject({ number: 3, name: 'Arbetsversion', createdBy: null });
		expect(result.export.baseline?.requirements.map((r) => r.identifier)).toEqual(['K-001', 'K-002']);
		expect(result.export.revisions.map((r) => r.name)).toEqual(['Utkast 1', 'Remissversion']);
		const expected = [
			'Kravspecifikation nattillsyn',
			'Version 3: Arbetsversion',
			'Inledning',
			'Andra stycket',
			'K-001',
			'K-002',
			'Hemligt utkast efter godkännandet',
			'Revisionshistorik',
			'Utkast 1',
			'Remissversion'
		];
		expectInOrder(await docxText(await documentToDocx(result.export, 'sv')), expected);
		expectInOrder(await pdfText(await documentToPdf(result.export, 'sv')), expected);
		// Any internal reader (a representative here) exports it too; an unknown or malformed version is not found.
		await expect(documentExport(w.people.motala, w.consortium.id, w.doc.id, 'current', 'sv')).resolves.toBeDefined();
		await expect(documentExport(w.people.member, w.consortium.id, w.doc.id, crypto.randomUUID(), 'sv')).rejects.toBeInstanceOf(NotFound);
		await expect(documentExport(w.people.member, w.consortium.id, w.doc.id, 'v2', 'sv')).rejects.toBeInstanceOf(NotFound);
	});

	it('gives the supplier only a version published to it, and the outsider nothing', async () => {
		const w = await specification();
		const supplier = (ref: string) => documentExport(w.people.supplier, w.consortium.id, w.doc.id, ref, 'sv');
		// Before publication: nothing, not even the approved version.
		await expect(supplier(w.two.id)).rejects.toBeInstanceOf(NotFound);
		await publishVersion(w.people.admin, w.consortium.id, w.doc.id, PublishInput.parse({ versionId: w.two.id }));

		await expect(supplier('current')).rejects.toBeInstanceOf(NotFound);
		await expect(supplier(w.one.id)).rejects.toBeInstanceOf(NotFound);
		const result = await supplier(w.two.id);
		expect(result.export.title).toBe('Kravspecifikation nattillsyn');
		expect(result.export.version).toMatchObject({ number: 2, name: 'Remissversion', statusLabel: 'Godkänd' });
		expect(result.export.baseline?.requirements.map((r) => r.identifier)).toEqual(['K-001', 'K-002']);
		// The log lists only what the supplier may read, and not who approved it.
		expect(result.export.revisions.map((r) => [r.name, r.note])).toEqual([['Remissversion', '']]);
		const text = await pdfText(await documentToPdf(result.export, 'sv'));
		expectInOrder(text, ['Kravspecifikation nattillsyn', 'Andra stycket', 'K-001', 'K-002', 'Revisionshistorik', 'Remissversion']);
		expect(text).not.toContain('Utkast 1');
		expect(text).not.toContain('Hemligt utkast');

		for (const ref of [w.two.id, w.one.id, 'current'])
			await expect(documentExport(w.people.outsider, w.consortium.id, w.doc.id, ref, 'sv')).rejects.toBeInstanceOf(NotFound);
	});

	it('answers GET …/export/<format>?version= with the file, and 404 for an unknown format or what the reader may not see', async () => {
		const w = await specification();
		const get = async (who: DocumentsPerson, format: string, version: string) => {
			const user = w.users[who];
			const url = new URL(`http://localhost/c/${w.consortium.slug}/documents/${w.doc.id}/export/${format}?version=${version}`);
			const event = {
				params: { slug: w.consortium.slug, id: w.doc.id, format },
				url,
				request: new Request(url),
				locals: { user, context: createRequestContext(user) }
			} as unknown as Parameters<typeof GET>[0];
			try {
				return await GET(event);
			} catch (e) {
				if (isHttpError(e)) return new Response(null, { status: e.status });
				throw e;
			}
		};
		const docx = await get('member', 'docx', w.two.id);
		expect(docx.status).toBe(200);
		expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(docx.headers.get('content-disposition')).toBe(
			`attachment; filename="Kravspecifikation nattillsyn v2.docx"; filename*=UTF-8''Kravspecifikation%20nattillsyn%20v2.docx`
		);
		expect(docx.headers.get('cache-control')).toBe('private, no-store');
		expectInOrder(await docxText(new Uint8Array(await docx.arrayBuffer())), ['Remissversion', 'K-001']);

		const pdf = await get('member', 'pdf', 'current');
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(pdf.headers.get('content-disposition')).toContain(`filename*=UTF-8''Kravspecifikation%20nattillsyn%20%28Arbetsversion%29.pdf`);
		expect(await pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain('Hemligt utkast');

		expect((await get('member', 'odt', w.two.id)).status).toBe(404);
		expect((await get('member', 'docx', 'nonsense')).status).toBe(404);
		expect((await get('supplier', 'docx', 'current')).status).toBe(404);
		expect((await get('supplier', 'pdf', w.two.id)).status).toBe(404);
		expect((await get('outsider', 'docx', w.two.id)).status).toBe(404);
	});
});
