import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { specToCsv } from './csv';
import { specToDocx } from './docx';
import { sampleSpec } from './fixtures';
import { REQIF_NAMESPACE, specToReqif } from './reqif';
import { exportFileName, type SpecDocument } from './spec';
import { specToXlsx } from './xlsx';
import { readTable } from '../imports/parse';
import { validateTable } from '../imports/rows';
import type { RequirementInput } from '../requirements/schemas';

const organisations = [
	{ id: '00000000-0000-4000-8000-00000000000a', name: 'Ydre' },
	{ id: '00000000-0000-4000-8000-00000000000b', name: 'Kinda' }
];

/** What an import of an exported table must give back for each requirement of the spec. */
function expectedInputs(spec: SpecDocument) {
	return spec.requirements.map((r) => ({
		title: r.title,
		body: r.text,
		rationale: r.rationale,
		acceptanceCriteria: r.acceptanceCriteria,
		obligation: r.obligation,
		weight: r.weight ?? undefined,
		type: r.type,
		subtype: r.subtype ?? undefined,
		verification: r.verification,
		scope: r.scope,
		localOrganisationIds: r.localOrganisations.map((name) => organisations.find((o) => o.name === name)!.id)
	}));
}

function pick(input: RequirementInput) {
	const { storyIds: _s, needIds: _n, ...rest } = input;
	return rest;
}

describe('Word export', () => {
	it('is a document whose body holds every requirement’s identifier, title and text, grouped and marked', async () => {
		const spec = sampleSpec();
		const bytes = await specToDocx(spec, 'sv');
		const zip = await JSZip.loadAsync(bytes);
		const xml = await zip.file('word/document.xml')!.async('string');
		const text = xml.replace(/<[^>]+>/g, '');
		for (const r of spec.requirements) {
			expect(text).toContain(r.identifier);
			expect(text).toContain(r.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;'));
		}
		expect(text).toContain('Sensorn ska larma inom 30 sekunder');
		// title page, contents and type chapters in Swedish, in the order of the specification
		expect(text).toContain('Kravspecifikation');
		expect(text).toContain('Innehåll');
		const chapters = ['1 Om dokumentet', '2 Generella krav', '3 Funktionskrav', '4 Datakrav', '5 Icke-funktionella krav'];
		const positions = chapters.map((c) => text.lastIndexOf(c));
		expect(positions.every((p) => p >= 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		// numbered requirement headings and obligation marks with weights
		expect(text).toContain('3.1 K-001 Larm vid uppstigning');
		expect(text).toContain('SKA');
		expect(text).toContain('BÖR – vikt 15');
		expect(text).toContain('Lokalt: Ydre, Kinda');
		expect(text).toContain('Bör-krav: 2, sammanlagd vikt 20');
		expect(xml).toContain('w:val="Heading2"');
		const core = await zip.file('docProps/core.xml')!.async('string');
		expect(core).toContain('Kravspecifikation 1.0');
	});

	it('speaks English when asked', async () => {
		const zip = await JSZip.loadAsync(await specToDocx(sampleSpec(), 'en'));
		const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
		expect(text).toContain('Requirement specification');
		expect(text).toContain('SHOULD – weight 15');
		expect(text).toContain('2 General requirements');
	});
});

describe('ReqIF export', () => {
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '',
		isArray: (name) =>
			[
				'SPEC-OBJECT',
				'SPEC-HIERARCHY',
				'ATTRIBUTE-VALUE-STRING',
				'ATTRIBUTE-VALUE-INTEGER',
				'ATTRIBUTE-VALUE-ENUMERATION',
				'ENUM-VALUE',
				'DATATYPE-DEFINITION-ENUMERATION',
				'DATATYPE-DEFINITION-INTEGER',
				'SPEC-OBJECT-TYPE',
				'ATTRIBUTE-DEFINITION-STRING',
				'ATTRIBUTE-DEFINITION-ENUMERATION',
				'ATTRIBUTE-DEFINITION-INTEGER'
			].includes(name),
		parseAttributeValue: false,
		parseTagValue: false,
		htmlEntities: true
	});
	const consortiumId = '11111111-2222-4333-8444-555555555555';

	it('parses as ReqIF 1.2 and holds every requirement with all its attributes, datatypes, types and hierarchy', () => {
		const spec = sampleSpec();
		const xml = specToReqif(spec, 'sv', { consortiumId, now: new Date('2026-11-23T10:00:00Z') });
		const doc = parser.parse(xml);
		const root = doc['REQ-IF'];
		expect(root.xmlns).toBe(REQIF_NAMESPACE);
		const header = root['THE-HEADER']['REQ-IF-HEADER'];
		expect(header['REQ-IF-VERSION']).toBe('1.0');
		expect(header['CREATION-TIME']).toBe('2026-11-23T10:00:00.000Z');
		expect(header.TITLE).toContain('Kravspecifikation 1.0');
		const content = root['CORE-CONTENT']['REQ-IF-CONTENT'];

		// datatypes: string, integers, and the enumerations with their values
		expect(content.DATATYPES['DATATYPE-DEFINITION-STRING'].IDENTIFIER).toBe('_dt-string');
		const integers = content.DATATYPES['DATATYPE-DEFINITION-INTEGER'];
		expect(integers.find((d: { IDENTIFIER: string }) => d.IDENTIFIER === '_dt-weight')).toMatchObject({ MIN: '1', MAX: '100' });
		const enums = new Map<string, { values: Map<string, string>; name: string }>(
			content.DATATYPES['DATATYPE-DEFINITION-ENUMERATION'].map((d: Record<string, unknown>) => [
				d.IDENTIFIER,
				{
					name: d['LONG-NAME'],
					values: new Map(
						(d['SPECIFIED-VALUES'] as { 'ENUM-VALUE': Record<string, unknown>[] })['ENUM-VALUE'].map((v) => [
							v.IDENTIFIER as string,
							(v.PROPERTIES as { 'EMBEDDED-VALUE': { 'OTHER-CONTENT': string } })['EMBEDDED-VALUE']['OTHER-CONTENT']
						])
					)
				}
			])
		);
		expect([...enums.keys()].sort()).toEqual(['_dt-obligation', '_dt-scope', '_dt-status', '_dt-subtype', '_dt-type', '_dt-verification']);
		expect([...enums.get('_dt-obligation')!.values.values()]).toEqual(['mandatory', 'criterion']);
		expect(enums.get('_dt-obligation')!.name).toBe('Kravnivå');

		// spec types: the requirement type declares every attribute; a heading type; a specification type
		const objectTypes = content['SPEC-TYPES']['SPEC-OBJECT-TYPE'];
		const requirementType = objectTypes.find((t: { IDENTIFIER: string }) => t.IDENTIFIER === '_st-requirement');
		const attributes = requirementType['SPEC-ATTRIBUTES'];
		const stringAttrs = attributes['ATTRIBUTE-DEFINITION-STRING'].map((a: Record<string, string>) => a['LONG-NAME']);
		expect(stringAttrs).toEqual(expect.arrayContaining(['ReqIF.ForeignID', 'ReqIF.Name', 'ReqIF.Text', 'Motivering', 'Acceptanskriterier']));
		expect(attributes['ATTRIBUTE-DEFINITION-ENUMERATION']).toHaveLength(6);
		expect(attributes['ATTRIBUTE-DEFINITION-INTEGER'].map((a: Record<string, string>) => a.IDENTIFIER)).toEqual(['_ad-weight', '_ad-revision']);
		expect(content['SPEC-TYPES']['SPECIFICATION-TYPE'].IDENTIFIER).toBe('_st-specification');

		// one spec object per requirement, with its values, resolvable through the definitions
		const objects = content['SPEC-OBJECTS']['SPEC-OBJECT'] as Record<string, unknown>[];
		const requirements = objects.filter((o) => (o.TYPE as Record<string, string>)['SPEC-OBJECT-TYPE-REF'] === '_st-requirement');
		expect(requirements).toHaveLength(spec.requirements.length);
		for (const r of spec.requirements) {
			const object = requirements.find((o) => o['LONG-NAME'] === r.identifier)!;
			expect(object, r.identifier).toBeDefined();
			const values = object.VALUES as Record<string, Record<string, unknown>[]>;
			const strings = Object.fromEntries(
				values['ATTRIBUTE-VALUE-STRING']!.map((v) => [(v.DEFINITION as Record<string, string>)['ATTRIBUTE-DEFINITION-STRING-REF'], v['THE-VALUE']])
			);
			expect(strings).toMatchObject({
				'_ad-foreignId': r.identifier,
				'_ad-name': r.title,
				'_ad-text': r.text,
				'_ad-rationale': r.rationale,
				'_ad-acceptance': r.acceptanceCriteria,
				'_ad-organisations': r.localOrganisations.join(', ')
			});
			const coded = Object.fromEntries(
				values['ATTRIBUTE-VALUE-ENUMERATION']!.map((v) => {
					const definition = (v.DEFINITION as Record<string, string>)['ATTRIBUTE-DEFINITION-ENUMERATION-REF']!;
					const ref = (v.VALUES as Record<string, string>)['ENUM-VALUE-REF']!;
					return [definition, enums.get(definition.replace('_ad-', '_dt-'))!.values.get(ref)];
				})
			);
			expect(coded).toEqual({
				'_ad-obligation': r.obligation,
				'_ad-type': r.type,
				'_ad-verification': r.verification,
				'_ad-scope': r.scope,
				'_ad-status': r.status,
				...(r.subtype ? { '_ad-subtype': r.subtype } : {})
			});
			const integers = Object.fromEntries(
				(values['ATTRIBUTE-VALUE-INTEGER'] ?? []).map((v) => [
					(v.DEFINITION as Record<string, string>)['ATTRIBUTE-DEFINITION-INTEGER-REF'],
					Number(v['THE-VALUE'])
				])
			);
			expect(integers).toEqual({ '_ad-revision': r.revision, ...(r.weight !== null ? { '_ad-weight': r.weight } : {}) });
		}

		// the specification's hierarchy: one heading per type, each with its requirements in order
		const specification = content.SPECIFICATIONS.SPECIFICATION;
		expect(specification['LONG-NAME']).toBe('Kravspecifikation 1.0');
		const top = specification.CHILDREN['SPEC-HIERARCHY'] as Record<string, unknown>[];
		const objectById = new Map(objects.map((o) => [o.IDENTIFIER as string, o]));
		const tree = top.map((h) => ({
			heading: objectById.get((h.OBJECT as Record<string, string>)['SPEC-OBJECT-REF']!)!['LONG-NAME'],
			children: ((h.CHILDREN as Record<string, Record<string, unknown>[]>)['SPEC-HIERARCHY'] ?? []).map(
				(c) => objectById.get((c.OBJECT as Record<string, string>)['SPEC-OBJECT-REF']!)!['LONG-NAME']
			)
		}));
		expect(tree).toEqual([
			{ heading: '1 Generella krav', children: ['K-003'] },
			{ heading: '2 Funktionskrav', children: ['K-001'] },
			{ heading: '3 Datakrav', children: ['K-004'] },
			{ heading: '4 Icke-funktionella krav', children: ['K-002'] }
		]);
		// every IDENTIFIER is unique, as xsd:ID requires
		const identifiers = [...xml.matchAll(/IDENTIFIER="([^"]+)"/g)].map((m) => m[1]);
		expect(new Set(identifiers).size).toBe(identifiers.length);
	});

	it('escapes markup and keeps line breaks in values', () => {
		const xml = specToReqif(sampleSpec(), 'sv', { consortiumId });
		expect(xml).toContain('Kamera med integritetsskydd &lt;&quot;&amp;&apos;&gt;');
		expect(xml).toContain('och&#10;radbrytning.');
	});
});

describe('CSV export', () => {
	it('is UTF-8 with a BOM and semicolons, and an import reads every requirement back', async () => {
		const spec = sampleSpec();
		const csv = specToCsv(spec, 'sv');
		expect(csv.startsWith('\uFEFFKrav-ID;Titel;Kravtext;')).toBe(true);
		expect(csv).toContain("'=SUMMA(A1:A2)"); // a formula-looking cell is neutralised for spreadsheets
		const bytes = new TextEncoder().encode(csv);
		const { format, table } = await readTable(bytes, 'krav.csv', 'utf-8');
		expect(format).toBe('csv');
		const report = validateTable('requirements', table, organisations);
		expect(report.invalidCount).toBe(0);
		expect(report.ignoredColumns).toEqual(['Krav-ID', 'Status', 'Revision']); // new drafts get new identifiers
		expect(report.rows.map((r) => pick(r.input as RequirementInput))).toEqual(expectedInputs(spec));
	});
});

describe('XLSX export', () => {
	it('is a workbook an import reads back completely, in either language', async () => {
		const spec = sampleSpec();
		for (const locale of ['sv', 'en'] as const) {
			const bytes = await specToXlsx(spec, locale);
			const { format, table } = await readTable(bytes, 'krav.xlsx', 'utf-8');
			expect(format).toBe('xlsx');
			expect(table.headings[0]).toBe(locale === 'sv' ? 'Krav-ID' : 'Requirement ID');
			const report = validateTable('requirements', table, organisations);
			expect(report.invalidCount).toBe(0);
			expect(report.rows.map((r) => pick(r.input as RequirementInput))).toEqual(expectedInputs(spec));
		}
	});
});

describe('file names', () => {
	it('keep Swedish letters and drop characters file systems refuse', () => {
		expect(exportFileName('Kravspecifikation 1.0 – Östergötland', 'docx')).toBe('Kravspecifikation 1.0 – Östergötland.docx');
		expect(exportFileName('a/b:c*?"<>|', 'csv')).toBe('a b c.csv');
		expect(exportFileName('   ', 'csv')).toBe('export.csv');
	});
});

describe('control characters typed into a requirement', () => {
	// U+0001, U+000B (a line break pasted from Word), U+001F, U+FFFE and a lone surrogate: none may
	// appear in XML 1.0, so every export drops them by one rule (a vertical tab or form feed becomes a
	// line break) and keeps the rest of the text.
	const dirty = (text: string) => `${text}\u0001 med\u000Bstyrtecken\u001F\uFFFE\uD800 kvar`;
	const clean = (text: string) => `${text} med\nstyrtecken kvar`;
	const dirtySpec = () => {
		const spec = sampleSpec({ name: dirty('Baslinje'), description: dirty('Beskrivning'), consortiumName: dirty('Konsortiet') });
		spec.requirements[0] = { ...spec.requirements[0]!, title: dirty('Larm'), text: dirty('Kravtext'), rationale: dirty('Motivering') };
		return spec;
	};
	// fast-xml-parser checks the markup, not XML 1.0's Char production (§2.2): this does.
	const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u; // not a Char of XML 1.0

	it('Word: every XML part of the .docx parses, and the text is kept', async () => {
		const zip = await JSZip.loadAsync(await specToDocx(dirtySpec(), 'sv'));
		for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
			const xml = await zip.file(name)!.async('string');
			expect(XMLValidator.validate(xml), name).toBe(true);
			expect(forbidden.test(xml), name).toBe(false);
		}
		const text = (await zip.file('word/document.xml')!.async('string')).replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, '');
		expect(text).toContain('Larm med');
		expect(text).toContain(clean('Kravtext'));
		expect(text).toContain(clean('Motivering'));
		expect(text).toContain(clean('Beskrivning'));
	});

	it('ReqIF, CSV and XLSX: the same rule, the same text', async () => {
		const reqif = specToReqif(dirtySpec(), 'sv', { consortiumId: '11111111-2222-4333-8444-555555555555' });
		expect(XMLValidator.validate(reqif)).toBe(true);
		expect(forbidden.test(reqif)).toBe(false);
		expect(reqif).toContain(clean('Kravtext').replace('\n', '&#10;'));

		const csv = specToCsv(dirtySpec(), 'sv');
		expect(forbidden.test(csv)).toBe(false);
		const fromCsv = await readTable(new TextEncoder().encode(csv), 'krav.csv', 'utf-8');
		expect(fromCsv.table.rows[0]!.cells.slice(1, 4)).toEqual([clean('Larm'), clean('Kravtext'), clean('Motivering')]);

		const xlsx = await specToXlsx(dirtySpec(), 'sv');
		const zip = await JSZip.loadAsync(xlsx);
		for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
			const xml = await zip.file(name)!.async('string');
			expect(XMLValidator.validate(xml), name).toBe(true);
		}
		const fromXlsx = await readTable(xlsx, 'krav.xlsx', 'utf-8');
		expect(fromXlsx.table.rows[0]!.cells.slice(1, 4)).toEqual([clean('Larm'), clean('Kravtext'), clean('Motivering')]);
	});
});
