import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { declaredUnzippedSize, firstInvalidUtf8Line, ImportRefused, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readTable, type Refusal } from './parse';
import { validateTable } from './rows';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Latin-1 bytes for text with å, ä, ö (all below U+0100). */
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

async function refusal(promise: Promise<unknown>): Promise<Refusal> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof ImportRefused) return error.refusal;
		throw error;
	}
	throw new Error('expected the file to be refused');
}

const organisations = [{ id: '00000000-0000-4000-8000-00000000000a', name: 'Ydre' }];

describe('reading a file', () => {
	it('refuses an empty file, an oversized file and a file with too many rows', async () => {
		expect(await refusal(readTable(new Uint8Array(), 'a.csv', 'utf-8'))).toEqual({ code: 'empty' });
		expect(await refusal(readTable(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(65), 'a.csv', 'utf-8'))).toEqual({
			code: 'too_large',
			limit: MAX_IMPORT_BYTES
		});
		const many = 'Titel\n' + Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `Behov ${i}`).join('\n');
		expect(await refusal(readTable(utf8(many), 'a.csv', 'utf-8'))).toEqual({ code: 'too_many_rows', limit: MAX_IMPORT_ROWS, found: MAX_IMPORT_ROWS + 1 });
	});

	it('refuses Latin-1 bytes read as UTF-8, naming the line, and reads them when Windows-1252 is chosen', async () => {
		const bytes = latin1('Titel;Beskrivning\r\nNattillsyn;Larm\r\nLäkemedel;Dosett\r\n');
		expect(firstInvalidUtf8Line(bytes)).toBe(3);
		expect(await refusal(readTable(bytes, 'behov.csv', 'utf-8'))).toEqual({ code: 'invalid_utf8', line: 3 });
		const { table } = await readTable(bytes, 'behov.csv', 'windows-1252');
		expect(table.rows[1]!.cells).toEqual(['Läkemedel', 'Dosett']);
	});

	it('refuses UTF-16, the old binary Excel format and other files', async () => {
		expect(await refusal(readTable(Uint8Array.from([0xff, 0xfe, 0x54, 0x00]), 'a.csv', 'utf-8'))).toEqual({ code: 'utf16' });
		expect(await refusal(readTable(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'a.xls', 'utf-8'))).toEqual({ code: 'unsupported_format' });
		expect(await refusal(readTable(utf8('%PDF-1.7'), 'a.pdf', 'utf-8'))).toEqual({ code: 'unsupported_format' });
		expect(await refusal(readTable(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'a.xlsx', 'utf-8'))).toEqual({
			code: 'too_large',
			limit: MAX_IMPORT_BYTES
		});
	});

	it('flags broken rows (wrong number of fields, an unclosed quote) without refusing the rest', async () => {
		const csv = 'Titel;Beskrivning\nEtt;Bra\nTvå;för;många\nTre\nFyra;"aldrig stängd\n';
		const { table } = await readTable(utf8(csv), 'behov.csv', 'utf-8');
		expect(table.rows.map((r) => [r.line, r.problem ?? null])).toEqual([
			[2, null],
			[3, 'column_count'],
			[4, 'column_count'],
			[5, 'quotes']
		]);
	});

	it('detects commas and tabs as well as semicolons', async () => {
		for (const separator of [',', '\t']) {
			const { table } = await readTable(utf8(`Titel${separator}Källa\nEtt${separator}Enkät\n`), 'a.csv', 'utf-8');
			expect(table.headings).toEqual(['Titel', 'Källa']);
			expect(table.rows[0]!.cells).toEqual(['Ett', 'Enkät']);
		}
	});

	it('reads the first sheet of a workbook: dates as ISO dates, formulas by their stored result only', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Behov');
		sheet.addRow(['Titel', 'Datum', 'Beskrivning']);
		sheet.addRow(['Nattillsyn', new Date(Date.UTC(2026, 2, 1)), { formula: 'HYPERLINK("http://x")', result: 'länk' }]);
		sheet.addRow([]);
		sheet.addRow(['Medicinskåp', null, { richText: [{ text: 'del ' }, { text: 'två' }] }]);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const { table } = await readTable(bytes, 'behov.xlsx', 'utf-8');
		expect(table.rows.map((r) => r.cells)).toEqual([
			['Nattillsyn', '2026-03-01', 'länk'],
			['Medicinskåp', '', 'del två']
		]);
		expect(declaredUnzippedSize(bytes)).toBeGreaterThan(bytes.length);
	});
});

describe('validating rows', () => {
	it('reports every broken cell by row and column, and keeps the good rows', async () => {
		const csv = [
			'Titel;Kravtext;Kravnivå;Vikt;Kravtyp;Kategori;Omfattning;Kommuner (lokalt krav);Okänd kolumn',
			'Larm;Ska larma;Ska-krav;;Funktionskrav;;;;x',
			';Saknar titel;Ska-krav;;;;;;',
			'Kriterium utan vikt;;Bör-krav;;;;;;',
			'Fel vikt;;bör;500;;;;;',
			'Fel typ;;Ska;;Önskemål;;;;',
			'Kategori på fel typ;;;;Funktionskrav;Säkerhet;;;',
			'Okänd kommun;;;;;;Lokalt;Ydre, Atlantis;',
			`${'x'.repeat(301)};;;;;;;;`,
			'Lokalt utan kommun;;;;;;Lokalt;;'
		].join('\n');
		const { table } = await readTable(utf8(csv), 'krav.csv', 'utf-8');
		const report = validateTable('requirements', table, organisations);
		expect(report.ignoredColumns).toEqual(['Okänd kolumn']);
		expect(report.validCount).toBe(1);
		expect(report.rows.map((r) => [r.line, r.errors])).toEqual([
			[2, []],
			[3, [{ column: 'title', code: 'required' }]],
			[4, [{ column: 'weight', code: 'required' }]],
			[5, [{ column: 'weight', code: 'invalid' }]],
			[6, [{ column: 'type', code: 'invalid_choice' }]],
			[7, [{ column: 'subtype', code: 'invalid' }]],
			[8, [{ column: 'localOrganisations', code: 'unknown_organisation' }]],
			[9, [{ column: 'title', code: 'too_long' }]],
			[10, [{ column: 'localOrganisations', code: 'required' }]]
		]);
		expect(report.rows[0]!.input).toMatchObject({ title: 'Larm', body: 'Ska larma', obligation: 'mandatory', type: 'functional' });
	});

	it('reads needs with English headings, organisation names and dates', async () => {
		const csv = 'Title,Source,Captured by,Date\nNight checks,Survey,ydre,2026-3-1\nBad date,workshop,,2026-02-30\n';
		const { table } = await readTable(utf8(csv), 'needs.csv', 'utf-8');
		const report = validateTable('needs', table, organisations);
		expect(report.rows[0]!.input).toEqual({
			title: 'Night checks',
			description: '',
			source: 'survey',
			capturedByOrganisationId: organisations[0]!.id,
			capturedOn: '2026-03-01'
		});
		expect(report.rows[1]!.errors).toEqual([{ column: 'capturedOn', code: 'invalid_date' }]);
	});

	it('refuses a table without a title column', async () => {
		const { table } = await readTable(utf8('Namn;Text\nA;B\n'), 'krav.csv', 'utf-8');
		expect(() => validateTable('requirements', table, organisations)).toThrow(ImportRefused);
	});
});
