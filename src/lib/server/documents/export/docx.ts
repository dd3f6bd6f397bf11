import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	HeadingLevel,
	LevelFormat,
	Packer,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import { languageTag, pageNumbering } from '../../decisions/exports';
import { requirementBlock } from '../../exports/docx';
import type { Locale } from '../../exports/spec';
import type { Block, DocumentExport } from './types';
import { wordsFor } from './words';

const headingLevels = [
	HeadingLevel.HEADING_1,
	HeadingLevel.HEADING_2,
	HeadingLevel.HEADING_3,
	HeadingLevel.HEADING_4,
	HeadingLevel.HEADING_5,
	HeadingLevel.HEADING_6
] as const;
const heading = (level: number, text: string, pageBreakBefore = false) =>
	new Paragraph({ heading: headingLevels[Math.min(6, Math.max(1, level)) - 1], keepNext: true, pageBreakBefore, children: [new TextRun(text)] });

/** A text's lines as runs: a line break in the text stays a line break. */
const lines = (text: string, options: { font?: string; italics?: boolean; color?: string } = {}) =>
	text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

/** A table whose first row is its heading (repeated on every page), in grey. */
function table(rows: string[][], header: boolean): Table {
	const columns = Math.max(1, ...rows.map((row) => row.length));
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: rows.map((row, ri) => {
			const isHeader = header && ri === 0;
			return new TableRow({
				tableHeader: isHeader,
				cantSplit: true,
				children: Array.from(
					{ length: columns },
					(_, ci) =>
						new TableCell({
							borders,
							shading: isHeader ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } : undefined,
							children: [new Paragraph({ children: [new TextRun({ text: row[ci] ?? '', bold: isHeader })] })]
						})
				)
			});
		})
	});
}

/** The numbering every numbered list of the document uses; each list restarts it as an instance of its own. */
const ORDERED = 'ordered-list';

function blocksToDocx(blocks: Block[], nextList: () => number): (Paragraph | Table)[] {
	return blocks.flatMap((block): (Paragraph | Table)[] => {
		switch (block.type) {
			case 'heading':
				return [heading(block.level, block.text)];
			case 'paragraph':
				return [new Paragraph({ spacing: { after: 120 }, children: lines(block.text) })];
			case 'list': {
				const instance = block.ordered ? nextList() : 0;
				return block.items.map(
					(item) =>
						new Paragraph({
							...(block.ordered ? { numbering: { reference: ORDERED, level: 0, instance } } : { bullet: { level: 0 } }),
							spacing: { after: 60 },
							children: lines(item)
						})
				);
			}
			case 'quote':
				return [
					new Paragraph({
						indent: { left: 567 },
						border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'BFBFBF', space: 8 } },
						spacing: { after: 120 },
						children: lines(block.text, { italics: true, color: '404040' })
					})
				];
			case 'code':
				return [
					new Paragraph({
						shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' },
						spacing: { after: 120 },
						children: lines(block.text, { font: 'Consolas' })
					})
				];
			case 'table':
				return [table(block.rows, true), new Paragraph({ spacing: { after: 120 } })];
		}
	});
}

/**
 * A version of a procurement document as a Word document: a title page (consortium, kind, title,
 * version, status, date, author); the body, its headings Word's own heading styles (so they show
 * in the navigation pane); the baseline's requirements grouped by type and numbered as the
 * baseline's Word export has them, after a line that names the baseline; the closing; and the
 * revision log as a table. Page numbers in the footer; words in the given language.
 */
export async function documentToDocx(doc: DocumentExport, locale: Locale): Promise<Uint8Array> {
	const w = wordsFor(doc, locale);
	let lists = 0;
	const nextList = () => ++lists;
	const muted = (text: string, after = 60) => new Paragraph({ spacing: { after }, children: [new TextRun({ text, color: '595959' })] });

	const titlePage = [
		new Paragraph({ spacing: { before: 2400, after: 240 }, children: [new TextRun({ text: w.consortiumName, size: 28, color: '595959' })] }),
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(w.kind)] }),
		new Paragraph({ spacing: { after: 480 }, children: [new TextRun({ text: w.title, size: 40, bold: true })] }),
		new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: w.version, bold: true })] }),
		muted(w.status),
		muted(w.date),
		...(w.by ? [muted(w.by)] : [])
	];

	const baseline = w.baseline
		? [
				new Paragraph({ spacing: { before: 120, after: 120 }, children: [new TextRun({ text: w.baseline.intro, italics: true })] }),
				...w.baseline.groups.flatMap((group) => [
					heading(3, group.heading),
					...group.requirements.flatMap(({ number, requirement }) => requirementBlock(requirement, number, locale, HeadingLevel.HEADING_4))
				])
			]
		: [];

	const revisionLog = [
		heading(2, w.revisionLog, true),
		...(w.revisions.length > 0 ? [table([w.revisionColumns, ...w.revisions], true)] : [muted(w.noRevisions)])
	];

	const document = new Document({
		creator: 'Samsyn',
		title: w.title,
		subject: `${w.kind} – ${w.consortiumName}`,
		styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: languageTag(locale) } } } } },
		numbering: {
			config: [
				{
					reference: ORDERED,
					levels: [
						{
							level: 0,
							format: LevelFormat.DECIMAL,
							text: '%1.',
							alignment: AlignmentType.START,
							style: { paragraph: { indent: { left: 720, hanging: 360 } } }
						}
					]
				}
			]
		},
		sections: [
			{ children: titlePage },
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
				children: [...blocksToDocx(w.body, nextList), ...baseline, ...blocksToDocx(w.closing, nextList), ...revisionLog]
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(document));
}
