import { createRequire } from 'node:module';
import { and, asc, count, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { m } from '../../paraglide/messages';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { consortia, decisions } from '../db/schema';
import { NotFound } from '../errors';
import { can } from '../policy';
import { readerFor, type Who } from '../consortia/actor';
import { logWhere } from './queries';
import { contentDisposition } from '../exports/http';
import { exportFileName, printDate, type Locale } from '../exports/spec';
import { exportText } from '../exports/text';
import { DOCX_CONTENT_TYPE } from '../exports/docx';
import type { DecisionLevel, DecisionResultKind, MandateKind, Stance } from '../../enums';

/*
 * The decision log as a document: Word, and PDF/A-2b (tagged, its font embedded), laid out as an
 * extract of minutes (protokollsutdrag). Internal readers get every entry whole: the decision, the
 * outcome in words, each organisation's position and capacity, the reservations, the § and the
 * registration number. The supplier gets what was communicated to it and is not secret (row-level
 * security decides that), and of each entry only its number, date, level, title and text.
 */

/** One organisation's position as the log entry keeps it (see `recordIn`). */
export interface LoggedPosition {
	organisation: string;
	stance: Stance | null;
	option: string | null;
	reason: string;
	by: string | null;
	actingAs: MandateKind | null;
}

/** One reservation as the log entry keeps it. */
export interface LoggedReservation {
	organisation: string;
	reason: string;
	by: string | null;
}

/** What only internal readers see of an entry. */
export interface EntryDetail {
	result: DecisionResultKind;
	explanation: string;
	positions: LoggedPosition[];
	reservations: LoggedReservation[];
	registrationNumber: string;
	meetingParagraph: string;
	secret: boolean;
	communicated: boolean;
	/** The number of the entry this one supersedes. */
	supersedes: string | null;
}

export interface DecisionExportEntry {
	id: string;
	number: string;
	year: number;
	decidedOn: string;
	level: DecisionLevel;
	title: string;
	text: string;
	/** Null for the supplier. */
	detail: EntryDetail | null;
}

/** Everything a renderer needs: no database, no request. */
export interface DecisionExport {
	consortiumName: string;
	/** The language of the document's own words: the consortium's content language (Swedish unless it is another). */
	locale: Locale;
	/** The language its content is written in, for `lang` on that content. */
	contentLanguage: string;
	/** The year asked for, if any. */
	year: number | null;
	/** One decision rather than the log. */
	single: boolean;
	internal: boolean;
	printedAt: Date;
	entries: DecisionExportEntry[];
}

export const decisionExportFormats = ['pdf', 'docx'] as const;
export type DecisionExportFormat = (typeof decisionExportFormats)[number];
export const PDF_CONTENT_TYPE = 'application/pdf';

/** The format named in a URL, or null for one the log is not exported in. */
export function decisionExportFormat(value: string): DecisionExportFormat | null {
	return (decisionExportFormats as readonly string[]).includes(value) ? (value as DecisionExportFormat) : null;
}

/** `?year=` of an export: absent (undefined), a year from 2000 to 2999, or null for anything else. */
export function decisionExportYear(value: string | null): number | undefined | null {
	if (value === null || value === '') return undefined;
	return /^2\d{3}$/.test(value) ? Number(value) : null;
}

const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

const superseded = alias(decisions, 'superseded');

const publicColumns = {
	id: decisions.id,
	number: decisions.number,
	year: decisions.year,
	decidedOn: decisions.decidedOn,
	level: decisions.level,
	title: decisions.title,
	text: decisions.text
};

/**
 * The log's entries whole, oldest first (as minutes run), for an export: the consortium's whole log,
 * one year of it, or one entry (`id`: NotFound when it is missing or not the reader's to see). The
 * supplier's entries carry no detail: no positions, reservations, outcome or registration number.
 */
export async function decisionEntries(person: Who, consortiumId: string, filter: { year?: number; id?: string } = {}): Promise<DecisionExport> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId, 'published.read');
		const internal = can(actor, 'internal.read', { consortiumId });
		// One entry is found by its id alone; a year given with it changes nothing.
		const where = logWhere(consortiumId, internal, filter.id ? { id: filter.id } : filter);
		const order = [asc(decisions.year), asc(decisions.sequence)];
		const [[consortium], entries] = await Promise.all([
			tx.select({ name: consortia.name, contentLanguage: consortia.contentLanguage }).from(consortia).where(eq(consortia.id, consortiumId)),
			internal
				? tx
						.select({
							...publicColumns,
							result: decisions.result,
							explanation: decisions.explanation,
							positions: decisions.positions,
							reservations: decisions.reservations,
							registrationNumber: decisions.registrationNumber,
							meetingParagraph: decisions.meetingParagraph,
							secret: decisions.secret,
							communicated: decisions.communicated,
							supersedes: superseded.number
						})
						.from(decisions)
						.leftJoin(superseded, and(eq(superseded.id, decisions.supersedesId), eq(superseded.consortiumId, decisions.consortiumId)))
						.where(where)
						.orderBy(...order)
						.then((rows) =>
							rows.map(
								({ result, explanation, positions, reservations, registrationNumber, meetingParagraph, secret, communicated, supersedes, ...entry }) => ({
									...entry,
									detail: {
										result,
										explanation,
										positions: asArray<LoggedPosition>(positions),
										reservations: asArray<LoggedReservation>(reservations),
										registrationNumber,
										meetingParagraph,
										secret,
										communicated,
										supersedes: supersedes ?? null
									}
								})
							)
						)
				: tx
						.select(publicColumns)
						.from(decisions)
						.where(where)
						.orderBy(...order)
						.then((rows) => rows.map((entry) => ({ ...entry, detail: null })))
		]);
		if (!consortium || (filter.id && entries.length === 0)) throw new NotFound();
		return {
			consortiumName: consortium.name,
			locale: consortium.contentLanguage === 'sv' ? 'sv' : 'en',
			contentLanguage: consortium.contentLanguage,
			year: filter.id ? null : (filter.year ?? null),
			single: Boolean(filter.id),
			internal,
			printedAt: new Date(),
			entries
		};
	});
}

export interface DecisionListFilter {
	year?: number;
	level?: DecisionLevel;
	limit: number;
	offset: number;
}

/**
 * A page of the log for the API, in the caller's transaction (the caller has checked that the
 * reader may read internal content): every entry whole, oldest first, so that new entries only ever
 * add to the end and an offset keeps pointing at the same entry.
 */
export async function listDecisionsIn(tx: Transaction, consortiumId: string, filter: DecisionListFilter) {
	const where = logWhere(consortiumId, true, filter);
	const [items, [total]] = await Promise.all([
		tx
			.select({
				id: decisions.id,
				number: decisions.number,
				year: decisions.year,
				sequence: decisions.sequence,
				decidedOn: decisions.decidedOn,
				level: decisions.level,
				title: decisions.title,
				text: decisions.text,
				result: decisions.result,
				explanation: decisions.explanation,
				positions: decisions.positions,
				reservations: decisions.reservations,
				links: decisions.links,
				registrationNumber: decisions.registrationNumber,
				meetingParagraph: decisions.meetingParagraph,
				secret: decisions.secret,
				communicated: decisions.communicated,
				supersedesId: decisions.supersedesId,
				recordedAt: decisions.recordedAt,
				hash: decisions.hash
			})
			.from(decisions)
			.where(where)
			.orderBy(asc(decisions.year), asc(decisions.sequence))
			.limit(filter.limit)
			.offset(filter.offset),
		tx.select({ n: count() }).from(decisions).where(where)
	]);
	return { items, total: total?.n ?? 0 };
}

/* ---------- words ---------- */

/** The words of one export, in its language, every text cleaned for the file formats. */
function wordsFor(doc: DecisionExport) {
	const o = { locale: doc.locale };
	const clean = (value: string | null | undefined) => exportText(value ?? '').trim();
	const name = clean(doc.consortiumName);
	const first = doc.entries[0];
	const title = doc.single
		? m.decision_export_title_one({ number: first?.number ?? '' }, o)
		: doc.year
			? m.decision_export_title_year({ year: String(doc.year), name }, o)
			: m.decision_export_title({ name }, o);
	const levelLabel = (level: DecisionLevel) => (level === 'project_group' ? m.decision_level_project_group({}, o) : m.decision_level_steering_group({}, o));
	const stanceLabel = (p: LoggedPosition) => {
		switch (p.stance) {
			case 'for':
				return m.decision_stance_for({}, o);
			case 'against':
				return m.decision_stance_against({}, o);
			case 'abstain':
				return m.decision_stance_abstain({}, o);
			case 'option':
				return p.option ? m.decision_export_stance_option({ option: clean(p.option) }, o) : m.decision_stance_option({}, o);
			default:
				return m.decision_export_no_stance({}, o);
		}
	};
	const capacity = (actingAs: MandateKind | null) =>
		actingAs === 'representative' ? m.decision_export_capacity_representative({}, o) : actingAs === 'deputy' ? m.decision_export_capacity_deputy({}, o) : null;
	const position = (p: LoggedPosition) => {
		const organisation = clean(p.organisation);
		const stance = stanceLabel(p);
		const as = capacity(p.actingAs);
		const by = clean(p.by);
		const line = !as
			? m.decision_export_position({ organisation, stance }, o)
			: by
				? m.decision_export_position_by({ organisation, stance, capacity: as, name: by }, o)
				: m.decision_export_position_capacity({ organisation, stance, capacity: as }, o);
		const reason = clean(p.reason);
		return { line, reason: reason ? m.decision_export_reason({ reason }, o) : null };
	};
	const facts = (e: DecisionExportEntry): [string, string][] => [
		[m.decision_export_date({}, o), e.decidedOn],
		[m.decision_export_level({}, o), levelLabel(e.level)],
		...(e.detail?.meetingParagraph.trim() ? [[m.decision_export_paragraph({}, o), clean(e.detail.meetingParagraph)] as [string, string]] : []),
		...(e.detail?.registrationNumber.trim() ? [[m.decision_export_registration({}, o), clean(e.detail.registrationNumber)] as [string, string]] : [])
	];
	return {
		clean,
		name,
		title,
		extract: m.decision_export_extract({ name, date: printDate(doc.printedAt) }, o),
		supplierNote: doc.internal ? null : m.decision_export_supplier_note({}, o),
		count: doc.single ? null : m.decision_export_count({ count: String(doc.entries.length) }, o),
		empty: m.decision_export_empty({}, o),
		heading: (e: DecisionExportEntry) => `${e.number} ${clean(e.title)}`,
		facts,
		decision: m.decision_export_decision({}, o),
		outcome: m.decision_export_outcome({}, o),
		positionsHeading: m.decision_export_positions({}, o),
		noPositions: m.decision_export_no_positions({}, o),
		position,
		reservationsHeading: m.decision_export_reservations({}, o),
		reservation: (r: LoggedReservation) => m.decision_export_reservation({ organisation: clean(r.organisation), reason: clean(r.reason) }, o),
		supersedes: (number: string) => m.decision_export_supersedes({ number }, o),
		secret: m.decision_export_secret({}, o),
		page: (page: number | string, pages: number | string) => m.decision_export_page({ page: String(page), pages: String(pages) }, o)
	};
}

/** Text as paragraphs: a blank line starts a paragraph; a single line break stays within it. */
export function blocksOf(text: string): string[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n{2,}/)
		.map((b) => b.trim())
		.filter(Boolean);
}

export const languageTag = (language: string) => (language === 'sv' ? 'sv-SE' : language === 'en' ? 'en-GB' : language);

/* ---------- Word ---------- */

/** The log (or one decision) as a Word document. */
export async function decisionsToDocx(doc: DecisionExport): Promise<Uint8Array> {
	const w = wordsFor(doc);
	const text = (value: string) => blocksOf(value).map((block) => new Paragraph({ spacing: { after: 120 }, children: lines(block) }));
	const lines = (block: string) => block.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
	const subheading = (label: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(label)] });
	const bullet = (children: TextRun[]) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children });

	const entry = (e: DecisionExportEntry): Paragraph[] => {
		const d = e.detail;
		return [
			new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun(w.heading(e))] }),
			new Paragraph({
				spacing: { after: 120 },
				keepNext: true,
				children: w
					.facts(e)
					.flatMap(([label, value], i) => [
						...(i > 0 ? [new TextRun({ text: '   ' })] : []),
						new TextRun({ text: `${label}: `, bold: true, color: '404040' }),
						new TextRun({ text: value, color: '404040' })
					])
			}),
			...(d?.secret ? [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: w.secret, bold: true, color: '9C0006' })] })] : []),
			subheading(w.decision),
			...text(w.clean(e.text)),
			...(d?.supersedes ? [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: w.supersedes(d.supersedes), italics: true })] })] : []),
			...(d
				? [
						subheading(w.outcome),
						...text(w.clean(d.explanation)),
						subheading(w.positionsHeading),
						...(d.positions.length === 0
							? [new Paragraph({ children: [new TextRun(w.noPositions)] })]
							: d.positions.map((p) => {
									const { line, reason } = w.position(p);
									return bullet([new TextRun(line), ...(reason ? reason.split('\n').map((l) => new TextRun({ text: l, break: 1 })) : [])]);
								})),
						...(d.reservations.length > 0 ? [subheading(w.reservationsHeading), ...d.reservations.map((r) => bullet(lines(w.reservation(r))))] : [])
					]
				: [])
		];
	};

	const muted = (value: string, after = 60) => new Paragraph({ spacing: { after }, children: [new TextRun({ text: value, color: '595959' })] });
	const front = [
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(w.title)] }),
		muted(w.extract),
		...(w.supplierNote ? [muted(w.supplierNote)] : []),
		...(w.count ? [muted(w.count)] : []),
		new Paragraph({ spacing: { after: 180 } })
	];
	const body = doc.entries.length === 0 ? [new Paragraph({ children: [new TextRun(w.empty)] })] : doc.entries.flatMap(entry);

	const document = new Document({
		creator: 'Samsyn',
		title: w.title,
		subject: w.name,
		styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: languageTag(doc.locale) } } } } },
		sections: [
			{
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.RIGHT,
								children: [
									new TextRun({ text: `${w.title}   `, size: 18, color: '595959' }),
									new TextRun({ size: 18, color: '595959', children: pageNumbering(w.page) })
								]
							})
						]
					})
				},
				children: [...front, ...body]
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(document));
}

/** "Sida {page} av {pages}" with Word's page fields in the places of the numbers, in the message's own order. */
export function pageNumbering(page: (page: number | string, pages: number | string) => string): (string | (typeof PageNumber)[keyof typeof PageNumber])[] {
	// Two private-use characters stand in for the numbers, then become the fields.
	const [CURRENT, TOTAL] = ['\uE000', '\uE001'];
	return page(CURRENT, TOTAL)
		.split(/([\uE000\uE001])/)
		.filter(Boolean)
		.map((part) => (part === CURRENT ? PageNumber.CURRENT : part === TOTAL ? PageNumber.TOTAL_PAGES : part));
}

/* ---------- PDF ---------- */

/** Node's resolution from this module, at run time (not Vite's at build time): node_modules of the app. */
const nodeRequire = createRequire(import.meta.url);

/**
 * The embedded font: DejaVu Sans as TrueType, from its npm package, resolved at run time from
 * node_modules (a dependency, so the production build finds it the same way). PDF/A embeds every
 * font: pdfkit's built-in standard fonts are never used. DejaVu covers Latin, Greek, Cyrillic and
 * the arrows, ticks and symbols people paste into texts; a character it has no glyph for is printed
 * as U+FFFD rather than as the font's .notdef glyph, which PDF/A forbids.
 */
const fontFiles = {
	regular: () => nodeRequire.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
	bold: () => nodeRequire.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')
};
type FontName = keyof typeof fontFiles;
/** What pdfkit keeps of an embedded font: the font program (fontkit's), to ask which characters it has. */
type EmbeddedFace = { font?: { hasGlyphForCodePoint(codePoint: number): boolean } };

/**
 * pdfkit writes the title into the XMP metadata as it is, without escaping: a `&` or `<` in a
 * consortium's name would make the metadata (and so the PDF/A) invalid. The document information
 * and the XMP must say the same, so both get the name with those three characters replaced.
 */
const metadataSafe = (value: string) => value.replace(/&/g, '+').replace(/</g, '‹').replace(/>/g, '›');

const colour = { text: '#1a1a1a', muted: '#595959', secret: '#9c0006', rule: '#bfbfbf' };

type PdfStruct = ReturnType<InstanceType<typeof PDFDocument>['struct']>;
type WriteStyle = { font?: FontName; size?: number; color?: string; after?: number; indent?: number; content?: boolean };

/** What a PDF document of Samsyn's is made with: its title, author, language and date. */
export interface TaggedPdfOptions {
	title: string;
	author: string;
	locale: string;
	contentLanguage: string;
	printedAt: Date;
}

/**
 * A PDF/A-2b document as Samsyn writes them: A4, DejaVu Sans embedded (subset), tagged (a structure
 * tree of headings, paragraphs and lists, the page footers marked as artifacts), with its language
 * and its title shown as the window title; and the helpers that write into it (for the decision log
 * and the minutes). `finish` puts the footers on every page and returns the bytes.
 */
export function taggedPdf(options: TaggedPdfOptions) {
	const margin = 56;
	const pdf = new PDFDocument({
		size: 'A4',
		margins: { top: margin, bottom: margin + 16, left: margin, right: margin },
		pdfVersion: '1.7',
		subset: 'PDF/A-2b',
		tagged: true,
		displayTitle: true,
		lang: languageTag(options.locale),
		bufferPages: true,
		font: fontFiles.regular(),
		info: {
			Title: metadataSafe(options.title),
			Author: metadataSafe(options.author),
			Subject: metadataSafe(options.title),
			Creator: 'Samsyn',
			CreationDate: options.printedAt
		}
	});
	pdf.registerFont('regular', fontFiles.regular());
	pdf.registerFont('bold', fontFiles.bold());
	const faces = Object.fromEntries(
		(Object.keys(fontFiles) as FontName[]).map((name) => [name, (pdf.font(name) as unknown as { _font?: EmbeddedFace })._font?.font])
	) as Record<FontName, EmbeddedFace['font']>;
	/** The text as the font can print it: NFC, and U+FFFD for a character it has no glyph for. */
	const printable = (font: FontName, value: string) => {
		const face = faces[font];
		if (!face) return value.normalize('NFC');
		const missing = face.hasGlyphForCodePoint(0xfffd) ? '\uFFFD' : '?';
		return Array.from(value.normalize('NFC'), (ch) => (/\s/.test(ch) || face.hasGlyphForCodePoint(ch.codePointAt(0)!) ? ch : missing)).join('');
	};
	const chunks: Buffer[] = [];
	pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
	const finished = new Promise<void>((resolve, reject) => {
		pdf.on('end', resolve);
		pdf.on('error', reject);
	});

	const width = pdf.page.width - margin * 2;
	const contentLang = options.contentLanguage !== options.locale ? { lang: languageTag(options.contentLanguage) } : {};
	const root = pdf.struct('Document');
	pdf.addStructure(root);

	/** Keeps a heading with what follows it: a new page when less than `needed` points are left. */
	const keep = (needed: number) => {
		if (pdf.y + needed > pdf.page.maxY()) pdf.addPage();
	};
	const write = (parent: PdfStruct, type: string, value: string, style: WriteStyle = {}) => {
		const { font = 'regular', size = 10.5, color = colour.text, after = 6, indent = 0, content = false } = style;
		parent.add(
			pdf.struct(type, content ? contentLang : {}, () => {
				pdf
					.font(font)
					.fontSize(size)
					.fillColor(color)
					.text(printable(font, value), margin + indent, pdf.y, { width: width - indent, lineGap: 2 });
			})
		);
		pdf.y += after;
	};
	const rule = () => {
		keep(14);
		pdf.markContent('Artifact', { type: 'Layout' });
		pdf
			.moveTo(margin, pdf.y)
			.lineTo(margin + width, pdf.y)
			.lineWidth(0.5)
			.strokeColor(colour.rule)
			.stroke();
		pdf.endMarkedContent();
		pdf.y += 10;
	};
	const list = (parent: PdfStruct, items: { line: string; reason?: string | null }[]) => {
		const l = pdf.struct('L');
		parent.add(l);
		for (const item of items) {
			keep(30);
			const li = pdf.struct('LI');
			l.add(li);
			const y = pdf.y;
			li.add(
				pdf.struct('Lbl', {}, () => {
					pdf
						.font('regular')
						.fontSize(10.5)
						.fillColor(colour.text)
						.text('•', margin + 6, y, { width: 10, lineBreak: false });
				})
			);
			pdf.y = y;
			const body = pdf.struct('LBody');
			li.add(body);
			body.add(
				pdf.struct('P', contentLang, () => {
					pdf
						.font('regular')
						.fontSize(10.5)
						.fillColor(colour.text)
						.text(printable('regular', item.line), margin + 18, y, { width: width - 18, lineGap: 2 });
				})
			);
			if (item.reason) {
				const reason = item.reason;
				body.add(
					pdf.struct('P', contentLang, () => {
						pdf
							.font('regular')
							.fontSize(10)
							.fillColor(colour.muted)
							.text(printable('regular', reason), margin + 18, pdf.y, { width: width - 18, lineGap: 2 });
					})
				);
			}
			li.end();
			pdf.y += 4;
		}
		l.end();
		pdf.y += 4;
	};
	/** Ends the structure, puts the footers on every page as artifacts (the title and "Sida 1 av 3"), and returns the bytes. */
	const finish = async (page: (page: number, pages: number) => string): Promise<Uint8Array> => {
		root.end();
		const range = pdf.bufferedPageRange();
		for (let i = range.start; i < range.start + range.count; i++) {
			pdf.switchToPage(i);
			const bottom = pdf.page.margins.bottom;
			pdf.page.margins.bottom = 0;
			pdf.markContent('Artifact', { type: 'Pagination' });
			const y = pdf.page.height - margin + 8;
			pdf.font('regular').fontSize(8.5).fillColor(colour.muted);
			pdf.text(printable('regular', options.title), margin, y, { width: width * 0.7, lineBreak: false, ellipsis: true });
			pdf.text(page(i - range.start + 1, range.count), margin, y, { width, align: 'right', lineBreak: false });
			pdf.endMarkedContent();
			pdf.page.margins.bottom = bottom;
		}
		pdf.end();
		await finished;
		return new Uint8Array(Buffer.concat(chunks));
	};
	return { pdf, root, margin, width, keep, write, rule, list, finish, colour, printable };
}

/** The log (or one decision) as a PDF/A-2b document (see `taggedPdf`). */
export async function decisionsToPdf(doc: DecisionExport): Promise<Uint8Array> {
	const w = wordsFor(doc);
	const { pdf, root, keep, write, rule, list, finish } = taggedPdf({
		title: w.title,
		author: w.name,
		locale: doc.locale,
		contentLanguage: doc.contentLanguage,
		printedAt: doc.printedAt
	});

	// The front: the title, whose extract this is and when it was printed.
	write(root, 'H1', w.title, { font: 'bold', size: 18, after: 4 });
	write(root, 'P', w.extract, { size: 10, color: colour.muted, after: 2 });
	if (w.supplierNote) write(root, 'P', w.supplierNote, { size: 10, color: colour.muted, after: 2 });
	if (w.count) write(root, 'P', w.count, { size: 10, color: colour.muted, after: 2 });
	pdf.y += 8;
	rule();
	if (doc.entries.length === 0) write(root, 'P', w.empty);

	for (const e of doc.entries) {
		const d = e.detail;
		keep(120);
		const section = pdf.struct('Sect');
		root.add(section);
		write(section, 'H2', w.heading(e), { font: 'bold', size: 13.5, after: 2 });
		write(
			section,
			'P',
			w
				.facts(e)
				.map(([label, value]) => `${label}: ${value}`)
				.join('   ·   '),
			{ size: 9.5, color: colour.muted, after: 6 }
		);
		if (d?.secret) write(section, 'P', w.secret, { font: 'bold', size: 10, color: colour.secret, after: 6 });
		keep(40);
		write(section, 'H3', w.decision, { font: 'bold', size: 11, after: 2 });
		for (const block of blocksOf(w.clean(e.text))) write(section, 'P', block, { content: true });
		if (d?.supersedes) write(section, 'P', w.supersedes(d.supersedes), { size: 10, color: colour.muted });
		if (d) {
			keep(40);
			write(section, 'H3', w.outcome, { font: 'bold', size: 11, after: 2 });
			for (const block of blocksOf(w.clean(d.explanation))) write(section, 'P', block, { content: true });
			keep(40);
			write(section, 'H3', w.positionsHeading, { font: 'bold', size: 11, after: 2 });
			if (d.positions.length === 0) write(section, 'P', w.noPositions);
			else list(section, d.positions.map(w.position));
			if (d.reservations.length > 0) {
				keep(40);
				write(section, 'H3', w.reservationsHeading, { font: 'bold', size: 11, after: 2 });
				list(
					section,
					d.reservations.map((r) => ({ line: w.reservation(r) }))
				);
			}
		}
		section.end();
		pdf.y += 6;
		rule();
	}
	return finish(w.page);
}

/* ---------- the download ---------- */

/** The export as a file: its bytes, content type and file name (the document's title). */
export async function renderDecisionExport(doc: DecisionExport, format: DecisionExportFormat): Promise<{ body: Uint8Array; type: string; fileName: string }> {
	const fileName = exportFileName(wordsFor(doc).title, format);
	return format === 'pdf'
		? { body: await decisionsToPdf(doc), type: PDF_CONTENT_TYPE, fileName }
		: { body: await decisionsToDocx(doc), type: DOCX_CONTENT_TYPE, fileName };
}

/** The export as a download response, as the other exports answer. */
export async function decisionExportResponse(doc: DecisionExport, format: DecisionExportFormat): Promise<Response> {
	const { body, type, fileName } = await renderDecisionExport(doc, format);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': type,
			'content-disposition': contentDisposition(fileName),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
