import Papa from 'papaparse';
import { requirementTable } from './columns';
import type { Locale, SpecDocument } from './spec';
import { exportText } from './text';

/**
 * CSV as Swedish Excel opens it with a double-click: UTF-8 with a byte-order mark (without it Excel
 * reads Windows-1252 and garbles å, ä, ö), semicolons between fields (Excel's list separator where
 * the comma is the decimal sign), CRLF line ends, fields quoted when needed. Cells that would start a
 * formula (=, +, -, @) get a leading apostrophe so a spreadsheet never runs them; the import strips it.
 */
export const CSV_DELIMITER = ';';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Any table as CSV text with the conventions above. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
	const body = Papa.unparse(
		rows.map((row) => row.map((cell) => (cell === null ? '' : typeof cell === 'string' ? exportText(cell) : cell))),
		{ delimiter: CSV_DELIMITER, newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/, quotes: false }
	);
	return `\uFEFF${body}\r\n`;
}

/** A baseline's requirements as CSV (headings and words in the given language). */
export function specToCsv(spec: SpecDocument, locale: Locale): string {
	return toCsv(requirementTable(spec.requirements, locale));
}
