import ExcelJS from 'exceljs';
import { m } from '../../paraglide/messages';
import { requirementColumns, requirementTable } from './columns';
import type { Locale, SpecDocument } from './spec';
import { cleanSpec } from './text';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const widths: Partial<Record<(typeof requirementColumns)[number], number>> = {
	identifier: 10,
	title: 40,
	text: 60,
	rationale: 40,
	acceptanceCriteria: 40,
	localOrganisations: 30
};

/**
 * A baseline's requirements as an Excel workbook: one sheet, a bold frozen heading row with a
 * filter, wrapped long texts. Every cell is a typed value (text or number), never a formula.
 */
export async function specToXlsx(input: SpecDocument, locale: Locale): Promise<Uint8Array> {
	const spec = cleanSpec(input);
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Samsyn';
	workbook.created = spec.frozenAt;
	workbook.title = spec.name;
	const sheet = workbook.addWorksheet(m.spec_xlsx_sheet({}, { locale }), {
		views: [{ state: 'frozen', ySplit: 1 }]
	});
	const [headings, ...rows] = requirementTable(spec.requirements, locale);
	sheet.columns = requirementColumns.map((key, i) => ({ key, header: String(headings![i]), width: widths[key] ?? 16 }));
	sheet.addRows(rows);
	sheet.getRow(1).font = { bold: true };
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: requirementColumns.length } };
	for (const key of ['text', 'rationale', 'acceptanceCriteria', 'title'] as const) {
		sheet.getColumn(key).alignment = { wrapText: true, vertical: 'top' };
	}
	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer as ArrayBuffer);
}
