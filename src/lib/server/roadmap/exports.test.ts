import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { consortia, users } from '../db/schema';
import { seedDemo } from '../demo/seed';
import { initiativesXlsx, roadmapPdf, roadmapPng, roadmapSvg, type RoadmapExport } from './exports';
import { roadmap } from './queries';

useFreshDatabase();

/** Östergötland's demo roadmap, as the observer reads it. */
async function demoExport(): Promise<RoadmapExport> {
	await seedDemo();
	const { consortium, observer } = await asSystem(async (tx) => {
		const [c] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
		const [o] = await tx.select().from(users).where(eq(users.email, 'observator@samsyn.demo'));
		return { consortium: c!, observer: { id: o!.id, isOperator: false } };
	});
	const data = await roadmap(observer, consortium.id);
	return {
		title: 'Färdplan',
		consortium: consortium.name,
		today: data.today,
		years: 3,
		lanes: 'category',
		organisation: null,
		initiatives: data.initiatives,
		ownPlans: []
	};
}

describe('the roadmap’s exports', () => {
	it('draws every initiative with its status in words, its lane, gates and the dependency; PNG for a slide, PDF with the facts in text, XLSX with a row per initiative and per phase', async () => {
		const doc = await demoExport();
		const svg = roadmapSvg(doc, 'sv');
		for (const text of [
			'Nattlig tillsyn via kamera',
			'Läkemedelsautomater i hemtjänsten',
			'Digitala lås i särskilt boende',
			'Tillsyn',
			'Läkemedel',
			'Lås och åtkomst',
			'Risk',
			'Enligt plan'
		])
			expect(svg).toContain(text);
		// The locks wait for the night supervision: one line across lanes by category; by municipality one per
		// lane the locks appear in (Finspång's and Norrköping's), from the night supervision's row in Finspång.
		expect(svg.match(/<path d="M /g)).toHaveLength(1);
		expect(roadmapSvg({ ...doc, lanes: 'municipality' }, 'sv').match(/<path d="M /g)).toHaveLength(2);
		expect(roadmapSvg({ ...doc, title: 'A & B <C>' }, 'en')).toContain('A &amp; B &lt;C&gt;');

		const png = roadmapPng(doc, 'sv');
		expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
		expect(Buffer.from(png).readUInt32BE(16)).toBe(1920); // IHDR width: a slide's

		const pdf = await roadmapPdf(doc, 'en');
		expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
		const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
		expect(text).toContain('Nattlig tillsyn via kamera');
		expect(text).toContain('Status: At risk');
		expect(text).toContain('The milestone Erfarenhetsmöte med Kinda, Vadstena och Åtvidaberg is due');
		expect(text).toContain('Waits for: 1. Nattlig tillsyn via kamera');

		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await initiativesXlsx(doc, 'sv')) as unknown as ArrayBuffer);
		const sheet = book.getWorksheet('Initiativ')!;
		expect(sheet.rowCount).toBe(4);
		expect(sheet.getRow(2).getCell(2).value).toBe('Nattlig tillsyn via kamera');
		expect(sheet.getRow(3).getCell(3).value).toBe('Risk');
		expect(sheet.getRow(3).getCell(6).value).toBe('Mjölby, Motala, Norrköping, Söderköping');
		const phases = book.getWorksheet('Faser')!;
		expect(phases.rowCount).toBe(1 + 6 + 6 + 3);
		expect(String(phases.getRow(2).getCell(8).value)).toMatch(/^Projektdirektiv för gemensam upphandling.*: Passerad \(B-\d{4}-\d{3}\)$/);
	});
});
