import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { m } from '$lib/paraglide/messages';
import { exportText } from '../exports/text';
import { contentDisposition } from '../exports/http';
import type { MoscowPriority } from '../../enums';
import type { ReleaseItemContent } from './release-content';

export const releaseFormats = ['jira.csv', 'azure.csv', 'xlsx', 'json'] as const;
export type ReleaseFormat = (typeof releaseFormats)[number];
type Locale = 'sv' | 'en';

export interface ReleaseExport {
	number: number;
	version: string;
	note: string;
	decisionNumber: string | null;
	publishedAt: Date;
	items: ReleaseItemContent[];
}

/** Jira's priorities for MoSCoW (the default scheme's names, which Jira's importer maps by name). */
const jiraPriority: Record<MoscowPriority, string> = { must: 'Highest', should: 'High', could: 'Medium', wont: 'Low' };
/** Azure DevOps priorities run 1 (highest) to 4. */
const azurePriority: Record<MoscowPriority, number> = { must: 1, should: 2, could: 3, wont: 4 };

/** An item's description with the requirement texts and criteria it carries, as plain text. */
function describe(item: ReleaseItemContent, locale: Locale): string {
	const parts = [item.description];
	for (const r of item.requirements)
		parts.push(
			[`${r.identifier} ${r.title}`, r.text, r.acceptanceCriteria ? `${m.backlog_export_criteria({}, { locale })}: ${r.acceptanceCriteria}` : '']
				.filter(Boolean)
				.join('\n')
		);
	return parts.filter(Boolean).join('\n\n');
}

const csv = (rows: (string | number | null)[][]) =>
	Papa.unparse(
		rows.map((row) => row.map((cell) => (cell === null ? '' : typeof cell === 'string' ? exportText(cell) : cell))),
		{ delimiter: ',', newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/, quotes: true }
	) + '\r\n';

/**
 * CSV for Jira's external-system importer: comma-separated UTF-8 (no byte-order mark, which the
 * importer would read into the first heading), one Epic for the release and one Story per item with
 * `Parent Id` naming the epic's `Issue Id`, the columns Jira maps by name: Summary, Description,
 * Issue Type, Priority, Labels (one column per label, as Jira wants several), Story Points.
 */
export function releaseToJiraCsv(release: ReleaseExport, locale: Locale): string {
	const epicId = 1;
	const rows: (string | number | null)[][] = [
		['Issue Id', 'Parent Id', 'Issue Type', 'Summary', 'Description', 'Priority', 'Labels', 'Labels', 'Story Points']
	];
	rows.push([
		epicId,
		null,
		'Epic',
		`${release.version}: ${m.backlog_release_title({ number: release.number }, { locale })}`,
		release.note,
		null,
		'samsyn',
		`release-${release.number}`,
		null
	]);
	for (const item of release.items)
		rows.push([
			epicId + item.rank,
			epicId,
			'Story',
			`${item.key} ${item.title}`,
			[describe(item, locale), item.acceptanceCriteria ? `${m.backlog_export_criteria({}, { locale })}:\n${item.acceptanceCriteria}` : '']
				.filter(Boolean)
				.join('\n\n'),
			item.moscow ? jiraPriority[item.moscow] : null,
			'samsyn',
			item.moscow ? `moscow-${item.moscow}` : null,
			item.estimate
		]);
	return csv(rows);
}

/**
 * CSV for Azure DevOps' work-item import: `Work Item Type`, a tree by `Title 1` (the release as an
 * Epic) and `Title 2` (each item as a User Story), Description, Acceptance Criteria, Priority 1–4,
 * Story Points and Tags (semicolon-separated, as Azure writes them).
 */
export function releaseToAzureCsv(release: ReleaseExport, locale: Locale): string {
	const rows: (string | number | null)[][] = [
		['ID', 'Work Item Type', 'Title 1', 'Title 2', 'Description', 'Acceptance Criteria', 'Priority', 'Story Points', 'Tags']
	];
	rows.push([
		null,
		'Epic',
		`${release.version}: ${m.backlog_release_title({ number: release.number }, { locale })}`,
		null,
		release.note,
		null,
		null,
		null,
		'samsyn'
	]);
	for (const item of release.items)
		rows.push([
			null,
			'User Story',
			null,
			`${item.key} ${item.title}`,
			describe(item, locale),
			item.acceptanceCriteria,
			item.moscow ? azurePriority[item.moscow] : null,
			item.estimate,
			['samsyn', item.moscow ? `MoSCoW ${item.moscow}` : null].filter(Boolean).join('; ')
		]);
	return csv(rows);
}

/** The release as a workbook: one sheet, bold frozen headings with a filter, typed cells, never a formula. */
export async function releaseToXlsx(release: ReleaseExport, locale: Locale): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Samsyn';
	workbook.created = release.publishedAt;
	const sheet = workbook.addWorksheet(m.backlog_release_title({ number: release.number }, { locale }).slice(0, 31), {
		views: [{ state: 'frozen', ySplit: 1 }]
	});
	const headings = [
		m.backlog_col_rank({}, { locale }),
		m.backlog_col_key({}, { locale }),
		m.backlog_col_title({}, { locale }),
		m.backlog_col_moscow({}, { locale }),
		m.backlog_col_estimate({}, { locale }),
		m.backlog_col_description({}, { locale }),
		m.backlog_export_criteria({}, { locale }),
		m.backlog_col_decision({}, { locale })
	];
	sheet.addRow(headings).font = { bold: true };
	for (const item of release.items)
		sheet.addRow([
			item.rank,
			exportText(item.key),
			exportText(item.title),
			item.moscow ?? '',
			item.estimate ?? '',
			exportText(describe(item, locale)),
			exportText(item.acceptanceCriteria),
			item.changedByDecision ?? ''
		]);
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headings.length } };
	[6, 12, 40, 10, 10, 60, 40, 14].forEach((width, i) => {
		const column = sheet.getColumn(i + 1);
		column.width = width;
		if (width >= 40) column.alignment = { wrapText: true, vertical: 'top' };
	});
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The release as the API gives it: the same shape in the download and in GET /releases/<n>. */
export function releaseToJson(release: ReleaseExport) {
	return {
		number: release.number,
		version: release.version,
		note: release.note,
		decision: release.decisionNumber,
		published_at: release.publishedAt.toISOString(),
		items: release.items.map((i) => ({
			rank: i.rank,
			key: i.key,
			kind: i.kind,
			title: i.title,
			description: i.description,
			moscow: i.moscow,
			estimate: i.estimate,
			acceptance_criteria: i.acceptanceCriteria,
			requirements: i.requirements.map((r) => ({ identifier: r.identifier, title: r.title, text: r.text, acceptance_criteria: r.acceptanceCriteria })),
			changed_by_decision: i.changedByDecision
		}))
	};
}

/** A release as a download in one of the formats. */
export async function releaseResponse(release: ReleaseExport, format: ReleaseFormat, locale: Locale): Promise<Response> {
	const base = `release-${release.number}`;
	const headers = (type: string, name: string) => ({
		'content-type': type,
		'content-disposition': contentDisposition(name),
		'cache-control': 'private, no-store',
		'x-content-type-options': 'nosniff'
	});
	if (format === 'jira.csv') return new Response(releaseToJiraCsv(release, locale), { headers: headers('text/csv; charset=utf-8', `${base}-jira.csv`) });
	if (format === 'azure.csv')
		return new Response(releaseToAzureCsv(release, locale), { headers: headers('text/csv; charset=utf-8', `${base}-azure-devops.csv`) });
	if (format === 'xlsx')
		return new Response((await releaseToXlsx(release, locale)) as BodyInit, {
			headers: headers('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${base}.xlsx`)
		});
	return new Response(JSON.stringify(releaseToJson(release), null, 2), { headers: headers('application/json; charset=utf-8', `${base}.json`) });
}
