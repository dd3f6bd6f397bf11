import { m } from '../../../paraglide/messages';
import { requirementHeadings } from '../../exports/columns';
import { groupByType, printDate, vocabulary, type Locale, type SpecRequirement } from '../../exports/spec';
import { cleanSpec, exportText } from '../../exports/text';
import type { Block, DocumentExport } from './types';

const clean = (value: string | null | undefined) => exportText(value ?? '').trim();

/** The blocks with `exportText` applied to every text they carry. */
function cleanBlocks(blocks: Block[]): Block[] {
	return blocks.map((block) => {
		switch (block.type) {
			case 'list':
				return { ...block, items: block.items.map(clean) };
			case 'table':
				return { ...block, rows: block.rows.map((row) => row.map(clean)) };
			case 'code':
				// Indentation is the code's own: only the blank lines around it go.
				return { ...block, text: exportText(block.text).replace(/^\n+|\s+$/g, '') };
			default:
				return { ...block, text: clean(block.text) };
		}
	});
}

/** The requirements cleaned by the same rule as the baseline's own exports. */
function cleanRequirements(requirements: SpecRequirement[]): SpecRequirement[] {
	return cleanSpec({ id: '', consortiumName: '', name: '', description: '', frozenAt: new Date(0), frozenBy: null, requirements }).requirements;
}

/**
 * The words of a document's export in one language, shared by the Word and the PDF export so that
 * both say the same in the same order; every text cleaned for the file formats.
 */
export function wordsFor(doc: DocumentExport, locale: Locale) {
	const o = { locale };
	const v = vocabulary(locale);
	const headings = requirementHeadings(locale);
	const version = doc.version;
	const versionName = clean(version.name);
	const createdBy = clean(version.createdBy);
	const baseline = doc.baseline;
	return {
		consortiumName: clean(doc.consortiumName),
		kind: clean(doc.kindLabel),
		title: clean(doc.title),
		version: versionName
			? m.document_export_version({ number: String(version.number), name: versionName }, o)
			: m.document_export_version_unnamed({ number: String(version.number) }, o),
		status: m.document_export_status({ status: clean(version.statusLabel) }, o),
		date: m.document_export_date({ date: printDate(version.createdAt) }, o),
		by: createdBy ? m.document_export_by({ name: createdBy }, o) : null,
		body: cleanBlocks(doc.body),
		baseline: baseline && {
			intro: m.document_export_baseline({ name: clean(baseline.name), date: printDate(baseline.frozenAt) }, o),
			// Numbered as in the baseline's own Word export: chapter by requirement type, then in number order.
			groups: groupByType(cleanRequirements(baseline.requirements)).map((group, gi) => ({
				heading: `${gi + 1} ${v.group[group.type]}`,
				requirements: group.requirements.map((requirement, ri) => ({ number: `${gi + 1}.${ri + 1}`, requirement }))
			}))
		},
		closing: cleanBlocks(doc.closing),
		revisionLog: m.document_export_revision_log({}, o),
		noRevisions: m.document_export_no_revisions({}, o),
		revisionColumns: [
			m.document_export_col_number({}, o),
			m.document_export_col_name({}, o),
			m.document_export_col_status({}, o),
			m.document_export_col_date({}, o),
			m.document_export_col_by({}, o),
			m.document_export_col_note({}, o)
		],
		revisions: doc.revisions.map((r) => [
			String(r.number),
			clean(r.name) || '–',
			// The decision's date beside its status: the date column is when the version was made.
			r.decidedAt ? `${clean(r.status)} ${printDate(r.decidedAt)}` : clean(r.status),
			printDate(r.createdAt),
			clean(r.createdBy) || '–',
			clean(r.note)
		]),
		/** A requirement's properties as the Word export's property table lists them, as plain text. */
		requirementFacts: (r: SpecRequirement): [string, string][] => [
			[headings.identifier, r.identifier],
			[
				headings.obligation,
				r.obligation === 'mandatory'
					? `${m.spec_doc_mark_mandatory({}, o)} (${v.obligation.mandatory})`
					: `${m.spec_doc_mark_criterion({ weight: String(r.weight ?? '') }, o)} (${v.obligation.criterion})`
			],
			[headings.type, v.type[r.type] + (r.subtype ? ` – ${v.subtype[r.subtype]}` : '')],
			[headings.verification, v.verification[r.verification]],
			[headings.scope, r.scope === 'local' ? m.spec_doc_local_for({ organisations: r.localOrganisations.join(', ') }, o) : m.spec_doc_common_all({}, o)],
			[headings.revision, String(r.revision)]
		],
		rationale: headings.rationale,
		acceptanceCriteria: headings.acceptanceCriteria,
		page: (page: number | string, pages: number | string) => m.decision_export_page({ page: String(page), pages: String(pages) }, o)
	};
}

export type DocumentWords = ReturnType<typeof wordsFor>;
