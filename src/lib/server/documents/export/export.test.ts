import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import * as Y from 'yjs';
import { FRAGMENT, outlineToUpdate } from '../../collab/render';
import { sampleSpec } from '../../exports/fixtures';
import { blocksOfState } from './blocks';
import { documentToDocx } from './docx';
import { documentToPdf } from './pdf';
import type { DocumentExport } from './types';

const outline = `## Inledning
Upphandlingen gäller digital nattillsyn för fyra kommuner.
## Bakgrund och nuläge
- Verksamhetssystem
- Trygghetslarm
Nuvarande larm byts ut 2027.
## Krav`;

function sampleDocument(overrides: Partial<DocumentExport> = {}): DocumentExport {
	const spec = sampleSpec();
	return {
		consortiumName: spec.consortiumName,
		kindLabel: 'Kravspecifikation',
		title: 'Kravspecifikation nattillsyn & läkemedel',
		version: { number: 3, name: 'Remissversion', statusLabel: 'Godkänd', createdAt: new Date('2026-11-25T10:00:00Z'), createdBy: 'Anna Andersson' },
		body: blocksOfState(outlineToUpdate(outline)),
		baseline: { name: spec.name, frozenAt: spec.frozenAt, requirements: spec.requirements },
		closing: [
			{ type: 'heading', level: 2, text: 'Data och integrationer' },
			{ type: 'list', ordered: true, items: ['Händelselogg varje natt', 'Larmstatistik varje månad'] },
			{
				type: 'table',
				rows: [
					['System', 'Format'],
					['Treserva', 'CSV']
				]
			}
		],
		revisions: [
			{
				number: 1,
				name: 'Första utkast',
				status: 'Ersatt',
				createdAt: new Date('2026-10-01T08:00:00Z'),
				createdBy: 'Anna Andersson',
				decidedAt: null,
				note: ''
			},
			{
				number: 3,
				name: 'Remissversion',
				status: 'Godkänd',
				createdAt: new Date('2026-11-25T10:00:00Z'),
				createdBy: null,
				decidedAt: new Date('2026-11-27T10:00:00Z'),
				note: 'Godkänd: Linköping, Norrköping'
			}
		],
		...overrides
	};
}

/** The text of the Word document's body, entities decoded, paragraphs and breaks as spaces. */
async function docxText(bytes: Uint8Array): Promise<string> {
	const zip = await JSZip.loadAsync(bytes);
	for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml')))
		expect(XMLValidator.validate(await zip.file(name)!.async('string')), name).toBe(true);
	const xml = await zip.file('word/document.xml')!.async('string');
	return xml
		.replace(/<w:tab\/>|<w:br\/>|<\/w:p>/g, ' ')
		.replace(/<[^>]+>/g, '')
		.replace(/&amp;/g, '&')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/\s+/g, ' ');
}

/** The texts of the Word document's paragraphs in a heading style, with the style's level. */
async function docxHeadings(bytes: Uint8Array): Promise<string[]> {
	const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
	return [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading(\d)"\/>((?:(?!<\/w:p>).)*)<\/w:p>/gs)].map(
		([, level, inner]) =>
			`${level} ${inner!
				.replace(/<[^>]+>/g, '')
				.replace(/&amp;/g, '&')
				.replace(/&lt;/g, '<')
				.replace(/&gt;/g, '>')
				.replace(/&quot;/g, '"')
				.replace(/&apos;/g, "'")}`
	);
}

/** The PDF's text, its whitespace (line wraps) made single spaces. */
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

/** What both exports must hold, in order, in Swedish. */
const swedishOrder = [
	'Välfärdsteknik Östergötland',
	'Kravspecifikation',
	'Kravspecifikation nattillsyn & läkemedel',
	'Version 3: Remissversion',
	'Status: Godkänd',
	'Datum: 2026-11-25',
	'Skapad av: Anna Andersson',
	'Inledning',
	'Upphandlingen gäller digital nattillsyn för fyra kommuner.',
	'Bakgrund och nuläge',
	'Verksamhetssystem',
	'Trygghetslarm',
	'Nuvarande larm byts ut 2027.',
	'Krav',
	'Kraven kommer från baslinjen «Kravspecifikation 1.0», fryst 2026-11-20.',
	// Grouped by type as the baseline's Word export: general, functional, data, non-functional.
	'1 Generella krav',
	'1.1 K-003 Läkemedelsautomat i Ydre och Kinda',
	'2 Funktionskrav',
	'2.1 K-001 Larm vid uppstigning',
	'SKA',
	'Sensorn ska larma inom 30 sekunder',
	'3 Datakrav',
	'3.1 K-004 Export av händelselogg',
	'4 Icke-funktionella krav',
	'4.1 K-002 Kamera med integritetsskydd <"&\'>',
	'BÖR – vikt 15',
	'Data och integrationer',
	'Händelselogg varje natt',
	'Treserva',
	'Revisionshistorik',
	'Nr',
	'Anteckning',
	'Första utkast',
	'Ersatt',
	'2026-10-01',
	'Remissversion',
	'Godkänd 2026-11-27',
	'Godkänd: Linköping, Norrköping'
];

describe('blocksOfState', () => {
	it('reads headings, list items and paragraphs of an outline, in order', () => {
		expect(blocksOfState(outlineToUpdate(outline))).toEqual([
			{ type: 'heading', level: 2, text: 'Inledning' },
			{ type: 'paragraph', text: 'Upphandlingen gäller digital nattillsyn för fyra kommuner.' },
			{ type: 'heading', level: 2, text: 'Bakgrund och nuläge' },
			{ type: 'list', ordered: false, items: ['Verksamhetssystem', 'Trygghetslarm'] },
			{ type: 'paragraph', text: 'Nuvarande larm byts ut 2027.' },
			{ type: 'heading', level: 2, text: 'Krav' }
		]);
		expect(blocksOfState(outlineToUpdate('### Under\n- ett'))).toEqual([
			{ type: 'heading', level: 3, text: 'Under' },
			{ type: 'list', ordered: false, items: ['ett'] }
		]);
	});

	it('reads the other nodes TipTap writes: marks dropped, nested lists flattened, tables as rows', () => {
		const doc = new Y.Doc();
		const element = (name: string, children: (Y.XmlElement | Y.XmlText)[]) => {
			const e = new Y.XmlElement(name);
			e.insert(0, children);
			return e;
		};
		const text = (value: string) => new Y.XmlText(value);
		const paragraph = (value: string) => element('paragraph', [text(value)]);
		const item = (...children: Y.XmlElement[]) => element('listItem', children);
		const bold = new Y.XmlText();
		doc
			.getXmlFragment(FRAGMENT)
			.insert(0, [
				element('paragraph', [bold, element('hardBreak', []), text('andra raden')]),
				element('orderedList', [item(paragraph('Ett'), element('bulletList', [item(paragraph('Ett a')), item(paragraph('Ett b'))])), item(paragraph('Två'))]),
				element('blockquote', [paragraph('Citat ett'), paragraph('Citat två')]),
				element('codeBlock', [text('const a = 1;')]),
				element('horizontalRule', []),
				element('table', [
					element('tableRow', [element('tableHeader', [paragraph('Kommun')]), element('tableHeader', [paragraph('Brukare')])]),
					element('tableRow', [element('tableCell', [paragraph('Ydre')]), element('tableCell', [paragraph('120')])])
				]),
				element('paragraph', [])
			]);
		bold.insert(0, 'Fet', { bold: true });
		bold.insert(3, ' och vanlig');
		expect(blocksOfState(Y.encodeStateAsUpdate(doc))).toEqual([
			{ type: 'paragraph', text: 'Fet och vanlig\nandra raden' },
			{ type: 'list', ordered: true, items: ['Ett', 'Ett a', 'Ett b', 'Två'] },
			{ type: 'quote', text: 'Citat ett\nCitat två' },
			{ type: 'code', text: 'const a = 1;' },
			{
				type: 'table',
				rows: [
					['Kommun', 'Brukare'],
					['Ydre', '120']
				]
			}
		]);
		doc.destroy();
	});

	it('gives no blocks for an empty state or an empty document', () => {
		expect(blocksOfState(new Uint8Array())).toEqual([]);
		expect(blocksOfState(outlineToUpdate(''))).toEqual([]);
	});
});

describe('documentToDocx', () => {
	it('holds the title page, the body, the baseline numbered by type, the closing and the revision log, in order', async () => {
		const bytes = await documentToDocx(sampleDocument(), 'sv');
		expectInOrder(await docxText(bytes), swedishOrder);
		// Word's own heading styles, so the navigation pane lists them.
		const headings = await docxHeadings(bytes);
		expect(headings).toEqual(
			expect.arrayContaining([
				'2 Inledning',
				'2 Bakgrund och nuläge',
				'2 Krav',
				'3 1 Generella krav',
				'4 1.1 K-003 Läkemedelsautomat i Ydre och Kinda',
				'2 Data och integrationer',
				'2 Revisionshistorik'
			])
		);
		expect(headings.filter((h) => /^4 \d\.\d K-\d{3}/.test(h)).map((h) => h.split(' ')[2])).toEqual(['K-003', 'K-001', 'K-004', 'K-002']);
		const zip = await JSZip.loadAsync(bytes);
		expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:title>Kravspecifikation nattillsyn &amp; läkemedel</dc:title>');
		expect(await zip.file('word/numbering.xml')!.async('string')).toContain('w:val="decimal"');
		const footers = await Promise.all(
			Object.keys(zip.files)
				.filter((n) => /^word\/footer\d*\.xml$/.test(n))
				.map((n) => zip.file(n)!.async('string'))
		);
		expect(footers.join('')).toMatch(/PAGE.*NUMPAGES/s);
	});

	it('speaks English when asked', async () => {
		const text = await docxText(await documentToDocx(sampleDocument(), 'en'));
		expectInOrder(text, [
			'Version 3: Remissversion',
			'Date: 2026-11-25',
			'Created by: Anna Andersson',
			'The requirements come from the baseline “Kravspecifikation 1.0”, frozen 2026-11-20.',
			'1 General requirements',
			'1.1 K-003',
			'2.1 K-001',
			'3.1 K-004',
			'4.1 K-002',
			'Revision log',
			'No.',
			'Note',
			'Godkänd: Linköping, Norrköping'
		]);
		expect(text).not.toContain('Revisionshistorik');
	});

	it('has no baseline section when the document has no baseline', async () => {
		const text = await docxText(await documentToDocx(sampleDocument({ baseline: null }), 'sv'));
		expectInOrder(text, ['Inledning', 'Krav', 'Data och integrationer', 'Revisionshistorik']);
		expect(text).not.toContain('baslinjen');
		expect(text).not.toContain('K-001');
		expect(text).not.toContain('Generella krav');
	});

	it('drops characters XML cannot carry', async () => {
		const doc = sampleDocument({ title: 'Titel\u0001 med\u000Bstyrtecken\uFFFE', body: [{ type: 'paragraph', text: 'Text\u001F kvar' }] });
		const text = await docxText(await documentToDocx(doc, 'sv'));
		expect(text).toContain('Titel med styrtecken');
		expect(text).toContain('Text kvar');
	});
});

describe('documentToPdf', () => {
	it('holds the title page, the body, the baseline numbered by type, the closing and the revision log, in order', async () => {
		const bytes = await documentToPdf(sampleDocument(), 'sv');
		expectInOrder(await pdfText(bytes), swedishOrder);
		const { info } = await getMeta(await getDocumentProxy(new Uint8Array(bytes)));
		// pdfkit writes the title unescaped into the XMP, so `&` becomes `+` (see taggedPdf).
		expect(info.Title).toBe('Kravspecifikation nattillsyn + läkemedel');
		expect(Buffer.from(bytes).toString('latin1')).toContain('pdfaid:part');
	});

	it('is tagged: headings, lists and tables are in the structure tree', async () => {
		const body = [...sampleDocument().body, { type: 'quote', text: 'Ett citat' } as const, { type: 'code', text: 'kod()' } as const];
		const bytes = await documentToPdf(sampleDocument({ body }), 'sv');
		const pdf = await getDocumentProxy(new Uint8Array(bytes));
		const roles = new Set<string>();
		const walk = (node: { role?: string; children?: unknown[] } | null) => {
			if (!node) return;
			if (node.role) roles.add(node.role);
			for (const child of node.children ?? []) walk(child as { role?: string; children?: unknown[] });
		};
		for (let i = 1; i <= pdf.numPages; i++) walk((await (await pdf.getPage(i)).getStructTree()) as { role?: string; children?: unknown[] } | null);
		for (const role of ['H1', 'H2', 'H3', 'H4', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'BlockQuote']) expect(roles, role).toContain(role);
		expectInOrder(await pdfText(bytes), ['Ett citat', 'kod()', 'Kraven kommer från baslinjen']);
	});

	it('speaks English when asked', async () => {
		const text = await pdfText(await documentToPdf(sampleDocument(), 'en'));
		expectInOrder(text, [
			'Version 3: Remissversion',
			'Date: 2026-11-25',
			'The requirements come from the baseline “Kravspecifikation 1.0”, frozen 2026-11-20.',
			'1 General requirements',
			'1.1 K-003',
			'2.1 K-001',
			'3.1 K-004',
			'4.1 K-002',
			'Revision log',
			'Godkänd: Linköping, Norrköping'
		]);
		expect(text).not.toContain('Revisionshistorik');
	});

	it('has no baseline section when the document has no baseline', async () => {
		const text = await pdfText(await documentToPdf(sampleDocument({ baseline: null }), 'sv'));
		expectInOrder(text, ['Inledning', 'Krav', 'Data och integrationer', 'Revisionshistorik']);
		expect(text).not.toContain('baslinjen');
		expect(text).not.toContain('K-001');
	});
});
