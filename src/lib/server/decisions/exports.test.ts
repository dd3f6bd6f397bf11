import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';
import { extractText, getDocumentProxy } from 'unpdf';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { NotFound } from '../errors';
import type { Role } from '../policy';
import { closeDecisionItem, createDecisionItem, openDecisionItem, recordDecision, registerReservation, statePosition } from './commands';
import {
	decisionEntries,
	decisionExportFormat,
	decisionExportResponse,
	decisionExportYear,
	decisionsToDocx,
	decisionsToPdf,
	type DecisionExport
} from './exports';
import { DecisionItemInput, PositionInput, RecordInput } from './schemas';

useFreshDatabase();

type Who = { id: string; isOperator: boolean };
type People = Record<Extract<Role, 'admin' | 'member' | 'supplier'> | 'rep1' | 'rep2' | 'rep3' | 'deputy3' | 'outsider', Who>;

const tomorrow = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
const RESERVATION = 'Vadstena reserverar sig: kostnaden är inte utredd.';

/**
 * A consortium (whose name holds an ampersand, which the PDF's metadata must survive) of three
 * municipalities, a convenor with the admin, a supplier and an outsider, and a log of three entries:
 * one communicated to the supplier (adopted over Vadstena's reservation, with § and diarienummer),
 * one internal, one secret.
 */
async function world(contentLanguage = 'sv') {
	const w = await asSystem(async (tx) => {
		const consortium = await buildConsortium(tx, { name: 'Vård & omsorg i Östergötland', contentLanguage }, { decisionRule: 'majority', quorumPercent: 50 });
		const other = await buildConsortium(tx);
		const a = await buildOrganisation(tx, consortium.id, { name: 'Linköping' });
		const b = await buildOrganisation(tx, consortium.id, { name: 'Ydre' });
		const c = await buildOrganisation(tx, consortium.id, { name: 'Vadstena' });
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören AB', kind: 'supplier' });
		const people = {} as People;
		const add = async (key: keyof People, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx, key === 'rep1' ? { name: 'Åsa Öberg' } : {});
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		await add('admin', convenor.id, 'admin');
		await add('member', a.id, 'member');
		await add('rep1', a.id, 'representative');
		await add('rep2', b.id, 'representative');
		await add('rep3', c.id, 'representative');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		return { consortium, people };
	});
	const { consortium, people } = w;
	const decide = async (title: string, level: 'project_group' | 'steering_group', record: Record<string, unknown>, reserve = false) => {
		const item = await createDecisionItem(
			people.member,
			consortium.id,
			DecisionItemInput.parse({ title, proposal: `Förslag: ${title} godkänns.`, level, deadline: tomorrow() })
		);
		await openDecisionItem(people.admin, consortium.id, item.id);
		await statePosition(people.rep1, consortium.id, item.id, PositionInput.parse({ stance: 'for', reason: 'Behovet är väl underbyggt.' }));
		await statePosition(people.rep2, consortium.id, item.id, PositionInput.parse({ stance: 'for' }));
		await statePosition(people.rep3, consortium.id, item.id, PositionInput.parse({ stance: 'against', reason: 'För tidigt.' }));
		await closeDecisionItem(people.admin, consortium.id, item.id);
		if (reserve) await registerReservation(people.rep3, consortium.id, item.id, RESERVATION);
		return recordDecision(people.admin, consortium.id, item.id, RecordInput.parse(record));
	};
	const communicated = await decide(
		'MVP-omfattning för läkemedelsautomaten',
		'steering_group',
		{ registrationNumber: 'KS 2026/123', meetingParagraph: '§ 4', communicated: 'on' },
		true
	);
	const internal = await decide('Intern budgetfördelning', 'project_group', { meetingParagraph: '§ 5' });
	const secret = await decide('Sekretessbelagd utvärdering', 'steering_group', { secret: 'on' });
	return { consortium, people, entries: { communicated, internal, secret } };
}

/** The Swedish world, built once: every test here only reads it. */
let swedish: ReturnType<typeof world> | undefined;
const sharedWorld = () => (swedish ??= world());

/** The PDF's text, its whitespace (line wraps) made single spaces. */
async function pdfText(bytes: Uint8Array): Promise<string> {
	const pdf = await getDocumentProxy(new Uint8Array(bytes));
	const { text } = await extractText(pdf, { mergePages: true });
	return text.replace(/\s+/g, ' ');
}

/** The roles of the PDF's structure tree, page by page. */
async function structureRoles(bytes: Uint8Array): Promise<Set<string>> {
	const pdf = await getDocumentProxy(new Uint8Array(bytes));
	const roles = new Set<string>();
	const walk = (node: { role?: string; children?: unknown[] } | null) => {
		if (!node) return;
		if (node.role) roles.add(node.role);
		for (const child of node.children ?? []) walk(child as { role?: string; children?: unknown[] });
	};
	for (let i = 1; i <= pdf.numPages; i++) walk((await (await pdf.getPage(i)).getStructTree()) as { role?: string; children?: unknown[] } | null);
	return roles;
}

async function docxText(bytes: Uint8Array): Promise<string> {
	const zip = await JSZip.loadAsync(bytes);
	const xml = await zip.file('word/document.xml')!.async('string');
	return xml
		.replace(/<w:tab\/>|<w:br\/>/g, ' ')
		.replace(/<[^>]+>/g, '')
		.replace(/&amp;/g, '&')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>');
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('decisionEntries: who reads what of the log', () => {
	it('refuses an outsider and answers NotFound for an entry that is missing or not the reader’s to see', async () => {
		const { consortium, people, entries } = await sharedWorld();
		await expect(decisionEntries(people.outsider, consortium.id)).rejects.toBeInstanceOf(NotFound);
		await expect(decisionEntries(people.outsider, consortium.id, { id: entries.communicated.id })).rejects.toBeInstanceOf(NotFound);
		await expect(decisionEntries(people.member, consortium.id, { id: '00000000-0000-4000-8000-000000000000' })).rejects.toBeInstanceOf(NotFound);
		await expect(decisionEntries(people.supplier, consortium.id, { id: entries.internal.id })).rejects.toBeInstanceOf(NotFound);
		await expect(decisionEntries(people.supplier, consortium.id, { id: entries.secret.id })).rejects.toBeInstanceOf(NotFound);
	});

	it('gives internal readers every entry whole, oldest first, by year and one by one', async () => {
		const { consortium, people, entries } = await sharedWorld();
		const year = entries.communicated.year;
		const log = await decisionEntries(people.member, consortium.id);
		expect(log).toMatchObject({ consortiumName: 'Vård & omsorg i Östergötland', locale: 'sv', internal: true, single: false, year: null });
		expect(log.entries.map((e) => e.number)).toEqual([`B-${year}-001`, `B-${year}-002`, `B-${year}-003`]);
		const first = log.entries[0]!;
		expect(first.detail).toMatchObject({ registrationNumber: 'KS 2026/123', meetingParagraph: '§ 4', communicated: true, secret: false, result: 'adopted' });
		expect(first.detail!.positions).toContainEqual(
			expect.objectContaining({ organisation: 'Linköping', stance: 'for', actingAs: 'representative', by: 'Åsa Öberg' })
		);
		expect(first.detail!.reservations).toEqual([expect.objectContaining({ organisation: 'Vadstena', reason: RESERVATION })]);
		expect(log.entries[2]!.detail!.secret).toBe(true);
		expect((await decisionEntries(people.member, consortium.id, { year })).entries).toHaveLength(3);
		expect((await decisionEntries(people.member, consortium.id, { year: year - 1 })).entries).toEqual([]);
		const one = await decisionEntries(people.member, consortium.id, { id: entries.internal.id, year: year - 1 });
		expect(one).toMatchObject({ single: true, year: null });
		expect(one.entries.map((e) => e.number)).toEqual([`B-${year}-002`]);
	});

	it('gives the supplier only what was communicated and is not secret, and of it only number, date, level, title and text', async () => {
		const { consortium, people, entries } = await sharedWorld();
		const log = await decisionEntries(people.supplier, consortium.id);
		expect(log.internal).toBe(false);
		expect(log.entries).toEqual([
			{
				id: entries.communicated.id,
				number: entries.communicated.number,
				year: entries.communicated.year,
				decidedOn: entries.communicated.decidedOn,
				level: 'steering_group',
				title: 'MVP-omfattning för läkemedelsautomaten',
				text: entries.communicated.text,
				detail: null
			}
		]);
	});
});

describe('the PDF', () => {
	it('holds the log as minutes: number, §, diarienummer, outcome, positions with capacity, the reservation, in Swedish', async () => {
		const { consortium, people, entries } = await sharedWorld();
		const year = entries.communicated.year;
		const bytes = await decisionsToPdf(await decisionEntries(people.member, consortium.id));
		expect(latin1(bytes.subarray(0, 8))).toBe('%PDF-1.7');
		const text = await pdfText(bytes);
		expect(text).toContain('Beslutslogg – Vård & omsorg i Östergötland');
		for (const n of [1, 2, 3]) expect(text).toContain(`B-${year}-00${n}`);
		expect(text).toContain('MVP-omfattning för läkemedelsautomaten');
		expect(text).toContain('Mötesparagraf: § 4');
		expect(text).toContain('Diarienummer: KS 2026/123');
		expect(text).toContain('Nivå: Styrgruppen');
		expect(text).toContain('Utfall');
		expect(text).toContain('3 av 3 organisationer har tagit ställning');
		expect(text).toContain('Ställningstaganden');
		expect(text).toContain('Linköping: Bifall (ordinarie, Åsa Öberg)');
		expect(text).toContain('Motivering: Behovet är väl underbyggt.');
		expect(text).toContain('Vadstena: Avslag (ordinarie');
		expect(text).toContain(`Reservation: Vadstena: ${RESERVATION}`);
		expect(text).toContain('Sekretessmarkerat');
		expect(text).toMatch(/Sida 1 av \d/);
	});

	it('claims PDF/A-2b in well-formed XMP, is tagged with a structure tree and a language, and embeds its only font', async () => {
		const { consortium, people } = await sharedWorld();
		const bytes = await decisionsToPdf(await decisionEntries(people.member, consortium.id));
		const raw = latin1(bytes);
		const xmp = /<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/.exec(Buffer.from(bytes).toString('utf8'))?.[0];
		expect(xmp).toBeDefined();
		expect(XMLValidator.validate(xmp!)).toBe(true);
		expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
		expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
		expect(xmp).toContain('Beslutslogg – Vård + omsorg i Östergötland');
		expect(raw).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
		expect(raw).toContain('/S /GTS_PDFA1');
		// Tagged: marked, with a structure tree, the document's language and its title in the window.
		expect(raw).toMatch(/\/Marked true/);
		expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
		expect(raw).toContain('/Lang (sv-SE)');
		expect(raw).toMatch(/\/DisplayDocTitle true/);
		const roles = await structureRoles(bytes);
		for (const role of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'LBody']) expect(roles, role).toContain(role);
		// Every font is embedded (a TrueType subset of DejaVu Sans); none of the unembedded standard 14.
		const fonts = [...raw.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/g)].map((f) => ({ subset: Boolean(f[1]), name: f[2] ?? '' }));
		expect(fonts.length).toBeGreaterThan(0);
		expect(fonts.every((f) => f.subset && f.name.startsWith('DejaVuSans'))).toBe(true);
		expect(raw.match(/\/FontFile2 \d+ 0 R/g)?.length).toBe(raw.match(/\/Type \/FontDescriptor/g)?.length);
		expect(raw).not.toMatch(/Helvetica|Times-Roman|Courier/);
	});

	it('gives the supplier no positions, reservations, outcome or registration number, and no secret or internal entry', async () => {
		const { consortium, people, entries } = await sharedWorld();
		const text = await pdfText(await decisionsToPdf(await decisionEntries(people.supplier, consortium.id)));
		expect(text).toContain(entries.communicated.number);
		expect(text).toContain('MVP-omfattning för läkemedelsautomaten');
		expect(text).toContain('kommunicerat till leverantören');
		for (const hidden of [
			'Linköping',
			'Vadstena',
			'Reservation',
			'Ställningstaganden',
			'Utfall',
			'KS 2026/123',
			'Mötesparagraf',
			'Intern budgetfördelning',
			'Sekretess',
			entries.internal.number
		])
			expect(text, hidden).not.toContain(hidden);
	});

	it('exports one decision as an extract, and says so when a year has none', async () => {
		const { consortium, people, entries } = await sharedWorld();
		const one = await pdfText(await decisionsToPdf(await decisionEntries(people.member, consortium.id, { id: entries.internal.id })));
		expect(one).toContain(`Beslut ${entries.internal.number}`);
		expect(one).toContain('Intern budgetfördelning');
		expect(one).toContain('Mötesparagraf: § 5');
		expect(one).not.toContain('MVP-omfattning');
		const none = await pdfText(await decisionsToPdf(await decisionEntries(people.member, consortium.id, { year: 2001 })));
		expect(none).toContain('Beslutslogg 2001 – Vård & omsorg i Östergötland');
		expect(none).toContain('Det finns inga beslut att visa.');
	});

	it('speaks English when the consortium writes in English, and survives text that cannot go into a file', async () => {
		const { consortium, people } = await world('en');
		const log = await decisionEntries(people.member, consortium.id);
		expect(log.locale).toBe('en');
		const text = await pdfText(await decisionsToPdf(log));
		expect(text).toContain('Decision log – Vård & omsorg i Östergötland');
		expect(text).toContain('Minutes paragraph: § 4');
		expect(text).toContain('Registration number: KS 2026/123');
		expect(text).toContain('Linköping: For (representative, Åsa Öberg)');
		expect(text).toContain(`Reservation: Vadstena: ${RESERVATION}`);
		expect(text).toMatch(/Page 1 of \d/);
		const odd: DecisionExport = {
			...log,
			consortiumName: 'A <b> & "c"',
			entries: [{ ...log.entries[0]!, title: 'Kontroll\u0001tecken\fi titeln', text: 'Rad ett\nrad två\n\n\nNytt stycke: A → B ✓ 漢字' }]
		};
		const oddPdf = await decisionsToPdf(odd);
		expect(XMLValidator.validate(/<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/.exec(Buffer.from(oddPdf).toString('utf8'))![0])).toBe(true);
		// What the font has a glyph for is printed; what it has none for becomes U+FFFD, never .notdef (PDF/A).
		expect(await pdfText(oddPdf)).toContain('Nytt stycke: A → B ✓ \uFFFD\uFFFD');
		expect(await docxText(await decisionsToDocx(odd))).toContain('Kontrolltecken');
	});
});

describe('the Word document', () => {
	it('unzips to a document holding the numbers, the §, the positions and the reservation', async () => {
		const { consortium, people, entries } = await sharedWorld();
		const bytes = await decisionsToDocx(await decisionEntries(people.member, consortium.id));
		const zip = await JSZip.loadAsync(bytes);
		expect(XMLValidator.validate(await zip.file('word/document.xml')!.async('string'))).toBe(true);
		const text = await docxText(bytes);
		expect(text).toContain('Beslutslogg – Vård & omsorg i Östergötland');
		expect(text).toContain(`${entries.communicated.number} MVP-omfattning för läkemedelsautomaten`);
		expect(text).toContain(entries.secret.number);
		expect(text).toContain('§ 4');
		expect(text).toContain('KS 2026/123');
		expect(text).toContain('Linköping: Bifall (ordinarie, Åsa Öberg)');
		expect(text).toContain(`Reservation: Vadstena: ${RESERVATION}`);
		const footer = await Promise.all(
			Object.keys(zip.files)
				.filter((f) => /^word\/footer\d*\.xml$/.test(f))
				.map((f) => zip.file(f)!.async('string'))
		);
		expect(footer.join('')).toMatch(/Sida[\s\S]*PAGE[\s\S]*av[\s\S]*NUMPAGES/);
	});

	it('gives the supplier only the communicated entry, without positions or reservations', async () => {
		const { consortium, people, entries } = await sharedWorld();
		const text = await docxText(await decisionsToDocx(await decisionEntries(people.supplier, consortium.id)));
		expect(text).toContain(entries.communicated.number);
		for (const hidden of ['Linköping', 'Vadstena', 'Reservation', 'KS 2026/123', 'Intern budgetfördelning', 'Sekretess', entries.secret.number])
			expect(text, hidden).not.toContain(hidden);
	});
});

describe('the download', () => {
	it('knows its formats and years, and answers as the other exports do', async () => {
		expect(decisionExportFormat('pdf')).toBe('pdf');
		expect(decisionExportFormat('docx')).toBe('docx');
		expect(decisionExportFormat('xlsx')).toBeNull();
		expect(decisionExportYear(null)).toBeUndefined();
		expect(decisionExportYear('')).toBeUndefined();
		expect(decisionExportYear('2026')).toBe(2026);
		for (const bad of ['26', '20260', 'abc', '1999', '2026.0']) expect(decisionExportYear(bad), bad).toBeNull();
		const { consortium, people, entries } = await sharedWorld();
		const response = await decisionExportResponse(await decisionEntries(people.member, consortium.id, { id: entries.communicated.id }), 'pdf');
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''Beslut%20${entries.communicated.number}.pdf`);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		const docx = await decisionExportResponse(await decisionEntries(people.member, consortium.id), 'docx');
		expect(docx.headers.get('content-disposition')).toContain('Beslutslogg');
		expect((await docx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
	});
});
