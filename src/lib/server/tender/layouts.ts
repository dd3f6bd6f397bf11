import ExcelJS from 'exceljs';
import { vocabulary, type SpecDocument, type SpecRequirement } from '../exports/spec';
import { cleanSpec } from '../exports/text';

/*
 * The requirement lists for Swedish e-procurement systems. None of the three publishes its import
 * template openly (see docs/decisions.md, "Upphandlingsdokument"), so each layout is one flat sheet
 * with the fields every one of them asks for when a requirement is entered by hand, headed as its
 * Swedish interface names them: number, heading, text, mandatory or weighted, weight, answer type.
 * A procurement officer maps the columns once in the system's import; nothing here is a formula.
 */

type Cell = string | number;
interface LayoutColumn {
	heading: string;
	width: number;
	value: (r: SpecRequirement, v: ReturnType<typeof vocabulary>) => Cell;
	wrap?: boolean;
}
export interface TenderLayout {
	/** File name in the archive (without directory). */
	file: string;
	sheet: string;
	columns: LayoutColumn[];
}

const mandatory = (r: SpecRequirement) => r.obligation === 'mandatory';
const fullText = (r: SpecRequirement) => [r.text, r.acceptanceCriteria].filter((t) => t.trim()).join('\n\n');

export const tenderLayouts = {
	tendsign: {
		file: 'krav-visma-tendsign.xlsx',
		sheet: 'Krav',
		columns: [
			{ heading: 'Nummer', width: 10, value: (r) => r.identifier },
			{ heading: 'Rubrik', width: 40, value: (r) => r.title, wrap: true },
			{ heading: 'Kravtext', width: 70, value: fullText, wrap: true },
			{ heading: 'Typ', width: 12, value: (r) => (mandatory(r) ? 'Skallkrav' : 'Börkrav') },
			{ heading: 'Viktning', width: 10, value: (r) => (mandatory(r) ? '' : (r.weight ?? '')) },
			{ heading: 'Svarstyp', width: 12, value: () => 'Ja/Nej' },
			{ heading: 'Kategori', width: 24, value: (r, v) => v.group[r.type] }
		]
	},
	mercell: {
		file: 'krav-mercell.xlsx',
		sheet: 'Krav',
		columns: [
			{ heading: 'Krav-ID', width: 10, value: (r) => r.identifier },
			{ heading: 'Kravgrupp', width: 24, value: (r, v) => v.group[r.type] },
			{ heading: 'Kravrubrik', width: 40, value: (r) => r.title, wrap: true },
			{ heading: 'Kravbeskrivning', width: 70, value: fullText, wrap: true },
			{ heading: 'Obligatoriskt', width: 12, value: (r) => (mandatory(r) ? 'Ja' : 'Nej') },
			{ heading: 'Vikt', width: 8, value: (r) => (mandatory(r) ? '' : (r.weight ?? '')) },
			{ heading: 'Svarsformat', width: 12, value: () => 'Ja/Nej' },
			{ heading: 'Verifiering', width: 16, value: (r, v) => v.verification[r.verification] }
		]
	},
	'e-avrop': {
		file: 'krav-e-avrop.xlsx',
		sheet: 'Krav',
		columns: [
			{ heading: 'Nr', width: 10, value: (r) => r.identifier },
			{ heading: 'Avsnitt', width: 24, value: (r, v) => v.group[r.type] },
			{ heading: 'Rubrik', width: 40, value: (r) => r.title, wrap: true },
			{ heading: 'Fråga/krav', width: 70, value: fullText, wrap: true },
			// e-Avrop's help names its two web questionnaires "Svarsbilaga skakrav" and "Svarsbilaga utvärdering".
			{ heading: 'Svarsbilaga', width: 14, value: (r) => (mandatory(r) ? 'Skakrav' : 'Utvärdering') },
			{ heading: 'Poäng/vikt', width: 10, value: (r) => (mandatory(r) ? '' : (r.weight ?? '')) },
			{ heading: 'Svarstyp', width: 12, value: () => 'Ja/Nej' }
		]
	}
} satisfies Record<string, TenderLayout>;
export type TenderLayoutName = keyof typeof tenderLayouts;
export const tenderLayoutNames = Object.keys(tenderLayouts) as TenderLayoutName[];

/**
 * A baseline's requirements in one system's layout: a bold frozen heading row with a filter, then
 * one row per requirement in number order. Dates are the baseline's (the archive fixes them again).
 */
export async function layoutToXlsx(input: SpecDocument, layout: TenderLayout): Promise<Uint8Array> {
	const spec = cleanSpec(input);
	const v = vocabulary('sv');
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Samsyn';
	workbook.lastModifiedBy = 'Samsyn';
	workbook.created = spec.frozenAt;
	workbook.modified = spec.frozenAt;
	workbook.title = spec.name;
	const sheet = workbook.addWorksheet(layout.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = layout.columns.map((c, i) => ({ key: `c${i}`, header: c.heading, width: c.width }));
	const sorted = [...spec.requirements].sort((a, b) => a.number - b.number);
	sheet.addRows(sorted.map((r) => layout.columns.map((c) => c.value(r, v))));
	sheet.getRow(1).font = { bold: true };
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: layout.columns.length } };
	layout.columns.forEach((c, i) => {
		if (c.wrap) sheet.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
	});
	return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
