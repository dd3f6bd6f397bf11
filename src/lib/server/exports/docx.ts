import {
	AlignmentType,
	Bookmark,
	BorderStyle,
	Document,
	Footer,
	Header,
	HeadingLevel,
	InternalHyperlink,
	Packer,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import { m } from '../../paraglide/messages';
import { requirementHeadings } from './columns';
import { groupByType, printDate, vocabulary, type Locale, type SpecDocument, type SpecRequirement } from './spec';
import { cleanSpec } from './text';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Plain text as paragraphs: a blank line starts a paragraph, a single line break stays a break. */
function paragraphs(text: string): Paragraph[] {
	const blocks = text
		.replace(/\r\n?/g, '\n')
		.split(/\n{2,}/)
		.map((b) => b.trim())
		.filter(Boolean);
	return blocks.map(
		(block) =>
			new Paragraph({
				spacing: { after: 120 },
				children: block.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }))
			})
	);
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function propertyTable(rows: [label: string, value: TextRun[]][]): Table {
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		columnWidths: [2600, 6400],
		rows: rows.map(
			([label, value]) =>
				new TableRow({
					children: [
						new TableCell({
							borders,
							width: { size: 2600, type: WidthType.DXA },
							shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' },
							children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })]
						}),
						new TableCell({ borders, width: { size: 6400, type: WidthType.DXA }, children: [new Paragraph({ children: value })] })
					]
				})
		)
	});
}

type HeadingLevelValue = (typeof HeadingLevel)[keyof typeof HeadingLevel];

/**
 * One requirement as the specification prints it: a numbered heading ("2.3 K-007 Title"), a
 * property table in which the obligation stands out (SKA, or BÖR with its weight), its text,
 * rationale and acceptance criteria. The requirement's text is expected clean (`exportText`).
 */
export function requirementBlock(
	r: SpecRequirement,
	number: string,
	locale: Locale,
	heading: HeadingLevelValue = HeadingLevel.HEADING_2
): (Paragraph | Table)[] {
	const o = { locale };
	const v = vocabulary(locale);
	const headings = requirementHeadings(locale);
	const mark =
		r.obligation === 'mandatory'
			? [new TextRun({ text: m.spec_doc_mark_mandatory({}, o), bold: true, color: '9C0006' }), new TextRun(` (${v.obligation.mandatory})`)]
			: [
					new TextRun({ text: m.spec_doc_mark_criterion({ weight: String(r.weight ?? '') }, o), bold: true, color: '1F4E79' }),
					new TextRun(` (${v.obligation.criterion})`)
				];
	const properties: [string, TextRun[]][] = [
		[headings.identifier, [new TextRun({ text: r.identifier, bold: true })]],
		[headings.obligation, mark],
		[headings.type, [new TextRun(v.type[r.type] + (r.subtype ? ` – ${v.subtype[r.subtype]}` : ''))]],
		[headings.verification, [new TextRun(v.verification[r.verification])]],
		[
			headings.scope,
			[new TextRun(r.scope === 'local' ? m.spec_doc_local_for({ organisations: r.localOrganisations.join(', ') }, o) : m.spec_doc_common_all({}, o))]
		],
		[headings.revision, [new TextRun(String(r.revision))]]
	];
	const labelled = (label: string, value: string) =>
		value.trim() ? [new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: label, bold: true })] }), ...paragraphs(value)] : [];
	return [
		new Paragraph({
			heading,
			keepNext: true,
			children: [new TextRun(`${number} ${r.identifier} ${r.title}`)]
		}),
		propertyTable(properties),
		new Paragraph({ spacing: { after: 60 } }),
		...paragraphs(r.text),
		...labelled(headings.rationale, r.rationale),
		...labelled(headings.acceptanceCriteria, r.acceptanceCriteria)
	];
}

/**
 * A baseline as a Word requirement specification: a title page; contents with links; an
 * introduction that explains ska-krav and bör-krav with a summary; then one numbered chapter per
 * requirement type, each requirement a numbered heading ("2.3 K-007 Title") with a property table
 * in which the obligation stands out (SKA, or BÖR with its weight), its text, rationale and
 * acceptance criteria. Page numbers in the footer; strings in the given language.
 */
export async function specToDocx(input: SpecDocument, locale: Locale): Promise<Uint8Array> {
	const spec = cleanSpec(input);
	const o = { locale };
	const v = vocabulary(locale);
	const date = printDate(spec.frozenAt);
	const groups = groupByType(spec.requirements);
	const mandatory = spec.requirements.filter((r) => r.obligation === 'mandatory').length;
	const criteria = spec.requirements.filter((r) => r.obligation === 'criterion');
	const totalWeight = criteria.reduce((sum, r) => sum + (r.weight ?? 0), 0);

	const titlePage = [
		new Paragraph({ spacing: { before: 2400, after: 240 }, children: [new TextRun({ text: spec.consortiumName, size: 28, color: '595959' })] }),
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(m.spec_doc_kind({}, o))] }),
		new Paragraph({ spacing: { after: 480 }, children: [new TextRun({ text: spec.name, size: 40, bold: true })] }),
		new Paragraph({
			children: [new TextRun(spec.frozenBy ? m.spec_doc_frozen_by({ date, name: spec.frozenBy }, o) : m.spec_doc_frozen({ date }, o))]
		}),
		new Paragraph({ children: [new TextRun(m.spec_doc_count({ count: String(spec.requirements.length) }, o))] }),
		...(spec.description ? [new Paragraph({ spacing: { before: 240 } }), ...paragraphs(spec.description)] : [])
	];

	const chapters = [{ anchor: 'chapter-1', title: `1 ${m.spec_doc_about({}, o)}` }].concat(
		groups.map((g, i) => ({ anchor: `chapter-${i + 2}`, title: `${i + 2} ${v.group[g.type]}` }))
	);
	const contents = [
		new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(m.spec_doc_contents({}, o))] }),
		...chapters.map(
			(c) =>
				new Paragraph({
					spacing: { after: 80 },
					children: [new InternalHyperlink({ anchor: c.anchor, children: [new TextRun({ text: c.title, style: 'Hyperlink' })] })]
				})
		)
	];
	const chapterHeading = (index: number) =>
		new Paragraph({
			heading: HeadingLevel.HEADING_1,
			pageBreakBefore: true,
			children: [new Bookmark({ id: chapters[index]!.anchor, children: [new TextRun(chapters[index]!.title)] })]
		});

	const about = [
		chapterHeading(0),
		new Paragraph({ spacing: { after: 120 }, children: [new TextRun(m.spec_doc_about_text({ name: spec.name }, o))] }),
		new Paragraph({ spacing: { after: 120 }, children: [new TextRun(m.spec_doc_reading({}, o))] }),
		new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(m.spec_doc_summary({}, o))] }),
		new Paragraph({ bullet: { level: 0 }, children: [new TextRun(m.spec_doc_summary_mandatory({ count: String(mandatory) }, o))] }),
		new Paragraph({
			bullet: { level: 0 },
			children: [new TextRun(m.spec_doc_summary_criteria({ count: String(criteria.length), weight: String(totalWeight) }, o))]
		}),
		...groups.map((g) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(`${v.group[g.type]}: ${g.requirements.length}`)] }))
	];

	const body = groups.flatMap((g, gi) => [chapterHeading(gi + 1), ...g.requirements.flatMap((r, ri) => requirementBlock(r, `${gi + 2}.${ri + 1}`, locale))]);

	const doc = new Document({
		creator: 'Samsyn',
		title: `${m.spec_doc_kind({}, o)} – ${spec.name}`,
		subject: spec.consortiumName,
		description: spec.description,
		styles: {
			default: { document: { run: { font: 'Calibri', size: 22, language: { value: locale === 'sv' ? 'sv-SE' : 'en-GB' } } } }
		},
		sections: [
			{ children: titlePage },
			{
				headers: {
					default: new Header({
						children: [
							new Paragraph({
								alignment: AlignmentType.RIGHT,
								children: [new TextRun({ text: `${spec.name} – ${spec.consortiumName}`, size: 18, color: '595959' })]
							})
						]
					})
				},
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.RIGHT,
								children: [
									new TextRun({
										size: 18,
										children: [`${m.spec_doc_page({}, o)} `, PageNumber.CURRENT, ` ${m.spec_doc_page_of({}, o)} `, PageNumber.TOTAL_PAGES]
									})
								]
							})
						]
					})
				},
				children: [...contents, ...about, ...body]
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}
