import { blocksOf, taggedPdf } from '../../decisions/exports';
import type { Locale } from '../../exports/spec';
import type { Block, DocumentExport } from './types';
import { wordsFor } from './words';

type Pdf = ReturnType<typeof taggedPdf>;
type PdfStruct = Pdf['root'];

const headingSizes = [18, 15, 13, 11.5, 11, 10.5] as const;

/** A list with its labels ("•", or "1." for a numbered list), tagged L > LI > Lbl + LBody. */
function list(t: Pdf, parent: PdfStruct, items: string[], ordered: boolean) {
	const { pdf, margin, width, keep, printable, colour } = t;
	const l = pdf.struct('L');
	parent.add(l);
	items.forEach((item, i) => {
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
					.text(ordered ? `${i + 1}.` : '•', margin + 4, y, { width: 20, lineBreak: false });
			})
		);
		pdf.y = y;
		li.add(
			pdf.struct('LBody', {}, () => {
				pdf
					.font('regular')
					.fontSize(10.5)
					.fillColor(colour.text)
					.text(printable('regular', item), margin + 24, y, { width: width - 24, lineGap: 2 });
			})
		);
		li.end();
		pdf.y += 3;
	});
	l.end();
	pdf.y += 5;
}

/** A table tagged Table > TR > TH/TD, its first row the heading; a row never splits over two pages. */
function table(t: Pdf, parent: PdfStruct, rows: string[][], widths?: number[]) {
	const { pdf, margin, width, keep, printable, colour } = t;
	const columns = Math.max(1, ...rows.map((row) => row.length));
	const share = widths ?? Array.from({ length: columns }, () => 1);
	const total = share.reduce((a, b) => a + b, 0);
	const columnWidths = share.map((s) => (s / total) * width);
	const size = 9.5;
	const padding = 4;
	const tableStruct = pdf.struct('Table');
	parent.add(tableStruct);
	rows.forEach((row, ri) => {
		const header = ri === 0;
		const font = header ? 'bold' : 'regular';
		const cells = Array.from({ length: columns }, (_, ci) => printable(font, row[ci] ?? ''));
		pdf.font(font).fontSize(size);
		const height = Math.max(...cells.map((cell, ci) => pdf.heightOfString(cell || ' ', { width: columnWidths[ci]! - padding * 2, lineGap: 2 }))) + padding * 2;
		keep(height);
		const y = pdf.y;
		const tr = pdf.struct('TR');
		tableStruct.add(tr);
		let x = margin;
		cells.forEach((cell, ci) => {
			const left = x;
			const cellWidth = columnWidths[ci]!;
			tr.add(
				pdf.struct(header ? 'TH' : 'TD', {}, () => {
					pdf
						.font(font)
						.fontSize(size)
						.fillColor(colour.text)
						.text(cell, left + padding, y + padding, { width: cellWidth - padding * 2, lineGap: 2 });
				})
			);
			x += cellWidth;
		});
		tr.end();
		pdf.y = y + height;
		pdf.markContent('Artifact', { type: 'Layout' });
		pdf
			.moveTo(margin, pdf.y)
			.lineTo(margin + width, pdf.y)
			.lineWidth(header ? 0.8 : 0.4)
			.strokeColor(colour.rule)
			.stroke();
		pdf.endMarkedContent();
	});
	tableStruct.end();
	pdf.y += 10;
}

function writeBlocks(t: Pdf, parent: PdfStruct, blocks: Block[]) {
	const { keep, write, colour } = t;
	for (const block of blocks) {
		switch (block.type) {
			case 'heading':
				keep(60);
				write(parent, `H${block.level}`, block.text, { font: 'bold', size: headingSizes[block.level - 1], after: 4 });
				break;
			case 'paragraph':
				write(parent, 'P', block.text);
				break;
			case 'list':
				list(t, parent, block.items, block.ordered);
				break;
			case 'quote':
				write(parent, 'BlockQuote', block.text, { color: colour.muted, indent: 18 });
				break;
			case 'code':
				write(parent, 'P', block.text, { size: 9.5, color: colour.muted, indent: 12 });
				break;
			case 'table':
				table(t, parent, block.rows);
				break;
		}
	}
}

/**
 * A version of a procurement document as a PDF/A-2b document (see `taggedPdf`), with the content
 * and order of the Word export: the title page, the body, the baseline's requirements numbered as
 * the baseline's Word export has them, the closing and the revision log. Its title is the document's.
 */
export async function documentToPdf(doc: DocumentExport, locale: Locale): Promise<Uint8Array> {
	const w = wordsFor(doc, locale);
	const t = taggedPdf({ title: w.title, author: w.consortiumName, locale, contentLanguage: locale, printedAt: doc.version.createdAt });
	const { pdf, root, keep, write, rule, finish, colour } = t;

	pdf.y += 160;
	write(root, 'P', w.consortiumName, { size: 13, color: colour.muted, after: 14 });
	write(root, 'P', w.kind, { size: 16, after: 4 });
	write(root, 'H1', w.title, { font: 'bold', size: 24, after: 24 });
	write(root, 'P', w.version, { font: 'bold', size: 11, after: 4 });
	write(root, 'P', w.status, { color: colour.muted, after: 2 });
	write(root, 'P', w.date, { color: colour.muted, after: 2 });
	if (w.by) write(root, 'P', w.by, { color: colour.muted, after: 2 });
	pdf.addPage();

	writeBlocks(t, root, w.body);

	if (w.baseline) {
		const section = pdf.struct('Sect');
		root.add(section);
		write(section, 'P', w.baseline.intro, { color: colour.muted, after: 10 });
		for (const group of w.baseline.groups) {
			keep(90);
			write(section, 'H3', group.heading, { font: 'bold', size: 13, after: 6 });
			for (const { number, requirement: r } of group.requirements) {
				keep(90);
				write(section, 'H4', `${number} ${r.identifier} ${r.title}`, { font: 'bold', size: 11.5, after: 3 });
				write(
					section,
					'P',
					w
						.requirementFacts(r)
						.map(([label, value]) => `${label}: ${value}`)
						.join('   ·   '),
					{ size: 9, color: colour.muted, after: 5 }
				);
				for (const block of blocksOf(r.text)) write(section, 'P', block);
				for (const [label, value] of [
					[w.rationale, r.rationale],
					[w.acceptanceCriteria, r.acceptanceCriteria]
				] as const) {
					if (!value.trim()) continue;
					write(section, 'P', label, { font: 'bold', size: 10, after: 2 });
					for (const block of blocksOf(value)) write(section, 'P', block);
				}
				pdf.y += 4;
			}
		}
		section.end();
		rule();
	}

	writeBlocks(t, root, w.closing);

	pdf.addPage();
	write(root, 'H2', w.revisionLog, { font: 'bold', size: headingSizes[1], after: 8 });
	if (w.revisions.length > 0) table(t, root, [w.revisionColumns, ...w.revisions], [0.5, 2, 2, 1.7, 1.8, 2.3]);
	else write(root, 'P', w.noRevisions, { color: colour.muted });
	return finish(w.page);
}
