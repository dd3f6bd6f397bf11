import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { firstInvalidUtf8Line, ImportRefused, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_XLSX_UNPACKED_BYTES, readTable, type Refusal } from './parse';
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
		expect(await refusal(readTable(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'a.xlsx', 'utf-8'))).toEqual({ code: 'unreadable_xlsx' });
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

/** A ZIP of deflated entries whose central directory declares `declared` as every entry's size (tests only). */
function zipOf(entries: { name: string; deflated: Uint8Array; declared: number }[]): Uint8Array {
	const local: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name);
		const header = Buffer.alloc(30);
		header.writeUInt32LE(0x04034b50, 0);
		header.writeUInt16LE(20, 4);
		header.writeUInt16LE(8, 8);
		header.writeUInt32LE(e.deflated.length, 18);
		header.writeUInt32LE(e.declared, 22);
		header.writeUInt16LE(name.length, 26);
		const entry = Buffer.alloc(46);
		entry.writeUInt32LE(0x02014b50, 0);
		entry.writeUInt16LE(20, 4);
		entry.writeUInt16LE(20, 6);
		entry.writeUInt16LE(8, 10);
		entry.writeUInt32LE(e.deflated.length, 20);
		entry.writeUInt32LE(e.declared, 24);
		entry.writeUInt16LE(name.length, 28);
		entry.writeUInt32LE(offset, 42);
		local.push(header, name, Buffer.from(e.deflated));
		central.push(entry, name);
		offset += header.length + name.length + e.deflated.length;
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...local, directory, end]));
}

/** Deflates `repeat` copies of `chunk` as one stream, without ever holding the inflated whole. */
async function deflateRepeated(head: string, chunk: string, repeat: number, tail: string): Promise<Uint8Array> {
	const deflate = zlib.createDeflateRaw({ level: 9 });
	const out: Buffer[] = [];
	deflate.on('data', (b: Buffer) => out.push(b));
	const done = new Promise((resolve) => deflate.on('end', resolve));
	deflate.write(head);
	const block = Buffer.from(chunk.repeat(Math.ceil((1024 * 1024) / chunk.length)));
	for (let i = 0; i < repeat; i++) if (!deflate.write(block)) await new Promise((r) => deflate.once('drain', r));
	deflate.end(tail);
	await done;
	return new Uint8Array(Buffer.concat(out));
}

describe('zip bombs', () => {
	const part = (name: string, xml: string) => ({ name, deflated: new Uint8Array(zlib.deflateRawSync(xml)), declared: Buffer.byteLength(xml) });
	const skeleton = [
		part(
			'[Content_Types].xml',
			'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
		),
		part(
			'_rels/.rels',
			'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
		),
		part(
			'xl/workbook.xml',
			'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Krav" sheetId="1" r:id="rId1"/></sheets></workbook>'
		),
		part(
			'xl/_rels/workbook.xml.rels',
			'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
		)
	];
	const sheetHead = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
	const sheetTail = '</sheetData></worksheet>';

	it('reads a hand-built workbook whose sizes are honest', async () => {
		const sheet = part(
			'xl/worksheets/sheet1.xml',
			`${sheetHead}<row r="1"><c r="A1" t="inlineStr"><is><t>Titel</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Larm</t></is></c></row>${sheetTail}`
		);
		const { table } = await readTable(zipOf([...skeleton, sheet]), 'krav.xlsx', 'utf-8');
		expect(table.headings).toEqual(['Titel']);
		expect(table.rows.map((r) => r.cells)).toEqual([['Larm']]);
	});

	it('refuses a 150 MB sheet that claims to be 1 KB quickly, without inflating it', async () => {
		const deflated = await deflateRepeated(sheetHead, '<row><c><v>1</v></c></row>', 150, sheetTail);
		const bomb = zipOf([...skeleton, { name: 'xl/worksheets/sheet1.xml', deflated, declared: 1024 }]);
		expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES);

		const before = process.memoryUsage();
		let peak = 0;
		const sampler = setInterval(() => {
			const now = process.memoryUsage();
			peak = Math.max(peak, now.arrayBuffers - before.arrayBuffers, now.heapUsed - before.heapUsed);
		}, 2);
		const started = performance.now();
		const refused = await refusal(readTable(bomb, 'bomb.xlsx', 'utf-8')).finally(() => clearInterval(sampler));
		const ms = performance.now() - started;
		expect(refused).toEqual({ code: 'unpacked_too_large', limit: MAX_XLSX_UNPACKED_BYTES });
		expect(ms).toBeLessThan(1000);
		expect(peak).toBeLessThan(16 * 1024 * 1024);
	});

	it('refuses a sheet that honestly declares more than the limit before inflating anything', async () => {
		const deflated = await deflateRepeated(sheetHead, '<row><c><v>1</v></c></row>', 1, sheetTail);
		const big = zipOf([...skeleton, { name: 'xl/worksheets/sheet1.xml', deflated, declared: MAX_XLSX_UNPACKED_BYTES + 1 }]);
		expect(await refusal(readTable(big, 'big.xlsx', 'utf-8'))).toEqual({ code: 'unpacked_too_large', limit: MAX_XLSX_UNPACKED_BYTES });
	});
});
