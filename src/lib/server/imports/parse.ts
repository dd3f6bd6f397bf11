import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { storedZip, unzipBounded, ZipRefused } from './unzip';

/** Largest file accepted (bytes) and most data rows; bigger files are refused whole. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;
/**
 * Most bytes an XLSX may unpack to, counted while inflating (zip bombs). 5,000 rows of long texts
 * stay well under it; a workbook is held about three times over while ExcelJS reads it.
 */
export const MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024;
/** Most files inside an XLSX (a workbook has a dozen or so). */
export const MAX_XLSX_ENTRIES = 1000;

export const encodings = ['utf-8', 'windows-1252'] as const;
export type Encoding = (typeof encodings)[number];
export type FileFormat = 'csv' | 'xlsx';

/** Why a whole file was refused; nothing of it is kept. */
export type Refusal =
	| { code: 'empty' }
	| { code: 'too_large'; limit: number }
	| { code: 'too_many_rows'; limit: number; found: number }
	| { code: 'unsupported_format' }
	| { code: 'invalid_utf8'; line: number }
	| { code: 'utf16' }
	| { code: 'unreadable_xlsx' }
	| { code: 'unpacked_too_large'; limit: number }
	| { code: 'no_rows' }
	| { code: 'missing_columns'; columns: string[] };

export class ImportRefused extends Error {
	constructor(readonly refusal: Refusal) {
		super(`import refused: ${refusal.code}`);
		this.name = 'ImportRefused';
	}
}

export interface RawRow {
	/** The row number as a spreadsheet shows it: the heading row is 1, the first data row 2. */
	line: number;
	cells: string[];
	/** A defect of the row itself, found while reading the file. */
	problem?: 'column_count' | 'quotes';
}

export interface RawTable {
	headings: string[];
	rows: RawRow[];
}

/** CSV or XLSX, by content: an XLSX is a ZIP; the old binary .xls and other files are refused. */
export function detectFormat(bytes: Uint8Array, fileName: string): FileFormat {
	const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
	if (zip) return 'xlsx';
	if (ole || /\.(xls|xlsb|ods|numbers|pdf|docx?)$/i.test(fileName)) throw new ImportRefused({ code: 'unsupported_format' });
	if (bytes.includes(0)) {
		const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
		throw new ImportRefused({ code: utf16 ? 'utf16' : 'unsupported_format' });
	}
	return 'csv';
}

/**
 * Text of a CSV file. UTF-8 is decoded strictly: a file with bytes that are not UTF-8 (typically
 * Latin-1/Windows-1252 from an older Excel "CSV (semicolon separated)") is refused with the line of
 * the first bad byte, rather than guessed at, because a wrong guess silently garbles å, ä and ö.
 * The person can then choose Windows-1252 explicitly, which decodes every byte.
 */
export function decodeText(bytes: Uint8Array, encoding: Encoding): string {
	if (encoding === 'windows-1252') return new TextDecoder('windows-1252').decode(bytes);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new ImportRefused({ code: 'invalid_utf8', line: firstInvalidUtf8Line(bytes) });
	}
}

/** The 1-based line of the first byte sequence that is not valid UTF-8. */
export function firstInvalidUtf8Line(bytes: Uint8Array): number {
	let line = 1;
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i]!;
		if (b === 0x0a) line++;
		const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
		if (length === 0) return line;
		for (let k = 1; k < length; k++) {
			const c = bytes[i + k];
			if (c === undefined || (c & 0xc0) !== 0x80) return line;
		}
		i += length;
	}
	return line;
}

/** Undoes the apostrophe the CSV export puts before a cell that would start a formula. */
export function unescapeFormula(value: string): string {
	return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** Rows of a CSV text; the delimiter (`;`, `,` or tab) is detected from the file. */
export function parseCsv(text: string): RawTable {
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
		delimiter: '',
		delimitersToGuess: [';', ',', '\t'],
		skipEmptyLines: 'greedy'
	});
	const [headings = [], ...records] = parsed.data;
	if (records.length > MAX_IMPORT_ROWS) throw new ImportRefused({ code: 'too_many_rows', limit: MAX_IMPORT_ROWS, found: records.length });
	const quoteErrors = new Set(parsed.errors.filter((e) => e.type === 'Quotes' && e.row !== undefined).map((e) => e.row! - 1));
	const rows: RawRow[] = records.map((cells, i) => {
		const problem = quoteErrors.has(i) ? 'quotes' : cells.length !== headings.length ? 'column_count' : undefined;
		return { line: i + 2, cells: cells.map((c) => unescapeFormula(c)), ...(problem ? { problem } : {}) };
	});
	return { headings: headings.map((h) => h.trim()), rows };
}

/** A cell's value as text: dates as YYYY-MM-DD, formulas by their cached result (never evaluated). */
function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((r) => r.text).join('');
		if ('hyperlink' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text);
		if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
		if ('error' in value) return '';
	}
	return '';
}

/**
 * The workbook's files, inflated within `MAX_XLSX_UNPACKED_BYTES` whatever the file declares, then
 * stored uncompressed again: ExcelJS would otherwise inflate every entry whole on its own.
 */
async function boundedWorkbook(bytes: Uint8Array): Promise<Uint8Array> {
	try {
		return storedZip(await unzipBounded(bytes, { maxBytes: MAX_XLSX_UNPACKED_BYTES, maxEntries: MAX_XLSX_ENTRIES }));
	} catch (error) {
		if (!(error instanceof ZipRefused)) throw error;
		throw new ImportRefused(error.reason === 'too_large' ? { code: 'unpacked_too_large', limit: MAX_XLSX_UNPACKED_BYTES } : { code: 'unreadable_xlsx' });
	}
}

/** Rows of the first worksheet of an XLSX workbook. */
export async function parseXlsx(bytes: Uint8Array): Promise<RawTable> {
	const stored = await boundedWorkbook(bytes);
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(stored.buffer.slice(stored.byteOffset, stored.byteOffset + stored.byteLength) as ArrayBuffer);
	} catch {
		throw new ImportRefused({ code: 'unreadable_xlsx' });
	}
	const sheet = workbook.worksheets.find((w) => w.state !== 'hidden' && w.state !== 'veryHidden') ?? workbook.worksheets[0];
	if (!sheet) throw new ImportRefused({ code: 'no_rows' });
	if (sheet.actualRowCount - 1 > MAX_IMPORT_ROWS) {
		throw new ImportRefused({ code: 'too_many_rows', limit: MAX_IMPORT_ROWS, found: sheet.actualRowCount - 1 });
	}
	const width = sheet.actualColumnCount;
	let headings: string[] | null = null;
	const rows: RawRow[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, line) => {
		const cells = Array.from({ length: Math.max(width, row.cellCount) }, (_, i) => cellText(row.getCell(i + 1).value).trim());
		if (cells.every((c) => c === '')) return;
		if (!headings) {
			headings = cells;
			return;
		}
		rows.push({ line, cells });
	});
	if (!headings) throw new ImportRefused({ code: 'no_rows' });
	const found: string[] = headings;
	while (found.length && found[found.length - 1] === '') found.pop();
	return {
		headings: found,
		rows: rows.map((r) =>
			r.cells.slice(found.length).some((c) => c !== '') ? { ...r, problem: 'column_count' as const } : { ...r, cells: r.cells.slice(0, found.length) }
		)
	};
}

/** Reads an uploaded file into headings and rows, or refuses it whole. */
export async function readTable(bytes: Uint8Array, fileName: string, encoding: Encoding): Promise<{ format: FileFormat; table: RawTable }> {
	if (bytes.length === 0) throw new ImportRefused({ code: 'empty' });
	if (bytes.length > MAX_IMPORT_BYTES) throw new ImportRefused({ code: 'too_large', limit: MAX_IMPORT_BYTES });
	const format = detectFormat(bytes, fileName);
	const table = format === 'xlsx' ? await parseXlsx(bytes) : parseCsv(decodeText(bytes, encoding));
	if (table.rows.length === 0) throw new ImportRefused({ code: 'no_rows' });
	return { format, table };
}
