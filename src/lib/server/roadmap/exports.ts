import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { Resvg } from '@resvg/resvg-js';
import { m } from '$lib/paraglide/messages';
import { lanesOf, type LaneMode } from '../../roadmap/lanes';
import { position, span, timelineWindow, type Horizon } from '../../roadmap/timeline';
import type { RoadmapInitiative } from './queries';
import type { StatusReason } from './status';
import { monthLabel } from '$lib/roadmap-labels';

/*
 * The roadmap for a steering group's slide (PNG), for print (PDF), and the initiatives for a
 * spreadsheet (XLSX). The picture is one SVG, drawn here from the same lanes, window and positions
 * the page uses, and rendered to PNG by resvg with DejaVu Sans embedded (no system fonts, so it
 * looks the same on every server); the PDF carries that picture and the same facts in text.
 */

export type Locale = 'sv' | 'en';

export interface RoadmapExport {
	title: string;
	consortium: string;
	today: string;
	years: Horizon;
	lanes: LaneMode;
	organisation: { id: string; name: string } | null;
	initiatives: RoadmapInitiative[];
	/** The organisation's own planned technologies, on its own roadmap. */
	ownPlans: { technology: string; status: string; plannedYear: number | null }[];
}

const nodeRequire = createRequire(import.meta.url);
const fonts = {
	regular: () => nodeRequire.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
	bold: () => nodeRequire.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const statusWords = (locale: Locale): Record<string, string> => ({
	on_track: m.roadmap_status_on_track({}, { locale }),
	at_risk: m.roadmap_status_at_risk({}, { locale }),
	delayed: m.roadmap_status_delayed({}, { locale })
});

const dateLabel = (iso: string, locale: Locale) =>
	new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

function plan(i: RoadmapInitiative): { start: string; end: string } | null {
	const dated = i.phases.filter((p) => p.plannedStart && p.plannedEnd);
	return dated.length ? { start: dated[0]!.plannedStart!, end: dated[dated.length - 1]!.plannedEnd! } : null;
}

/** A reason in words, in `locale` (the page's reasonText, for the server). */
export function reasonWords(r: StatusReason, locale: Locale): string {
	const o = { locale };
	const date = 'date' in r ? dateLabel(r.date, locale) : '';
	switch (r.key) {
		case 'phase_overdue':
			return m.roadmap_reason_phase_overdue({ phase: r.phase, date }, o);
		case 'milestone_overdue':
			return m.roadmap_reason_milestone_overdue({ title: r.title, date }, o);
		case 'gate_failed':
			return m.roadmap_reason_gate_failed({ phase: r.phase }, o);
		case 'gate_passed_over':
			return m.roadmap_reason_gate_passed_over({ phase: r.phase }, o);
		case 'gate_not_opened':
			return m.roadmap_reason_gate_not_opened({ phase: r.phase, date }, o);
		case 'milestone_soon':
			return m.roadmap_reason_milestone_soon({ title: r.title, date }, o);
		case 'dependency_late':
			return m.roadmap_reason_dependency_late({ title: r.title, date }, o);
	}
}

const WIDTH = 1920;
const MARGIN = 32;
const LABEL = 440;
const ROW = 46;
const LANE = 34;
const HEAD = 30;
const TOP = 132;
const tone = { on_track: '#1a1a1a', at_risk: '#8a5a00', delayed: '#b3261e' } as Record<string, string>;

/** The roadmap as an SVG picture: title, quarters, lanes, bars of phases, milestones, gates, dependencies, today. */
export function roadmapSvg(doc: RoadmapExport, locale: Locale): string {
	const o = { locale };
	const window = timelineWindow(doc.today, doc.years);
	const lanes = lanesOf(doc.initiatives, doc.lanes, { category: m.roadmap_no_category({}, o), phase: m.roadmap_no_phase({}, o) }, doc.organisation);
	const x0 = MARGIN + LABEL;
	const w = WIDTH - MARGIN - x0;
	const x = (percent: number) => x0 + (percent / 100) * w;
	const rows = lanes.reduce((n, l) => n + l.initiatives.length, 0);
	const height = TOP + HEAD + lanes.length * LANE + rows * ROW + MARGIN + 40;
	const words = statusWords(locale);
	const out: string[] = [];
	const text = (tx: number, ty: number, value: string, size: number, extra = '') =>
		out.push(`<text x="${tx}" y="${ty}" font-size="${size}" ${extra}>${escapeXml(value)}</text>`);

	out.push(`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
	text(MARGIN, 52, doc.title, 30, 'font-weight="bold"');
	text(
		MARGIN,
		86,
		`${doc.consortium} · ${m.roadmap_export_as_of({ date: dateLabel(doc.today, locale) }, o)} · ${m.roadmap_years({ count: String(doc.years) }, o)}`,
		18,
		'fill="#595959"'
	);
	text(MARGIN, 116, m.roadmap_legend({}, o), 15, 'fill="#595959"');
	// Quarters.
	const head = TOP;
	window.quarters.forEach((q, n) => {
		const qx = x(position(window, q.start));
		out.push(`<line x1="${qx}" y1="${head}" x2="${qx}" y2="${height - MARGIN - 40}" stroke="#d0d0d0" stroke-width="${q.quarter === 1 ? 2 : 1}"/>`);
		if (doc.years < 5 || q.quarter === 1 || n === 0)
			text(
				qx + 4,
				head + 20,
				doc.years < 5 ? m.roadmap_quarter({ quarter: String(q.quarter), year: String(q.year) }, o) : String(q.year),
				14,
				q.quarter === 1 ? 'font-weight="bold"' : ''
			);
	});
	let y = head + HEAD;
	// Every row of every initiative (it has one in each lane it appears in), for the dependency lines.
	const rowsAt: { id: string; lane: number; top: number }[] = [];
	let at = y;
	lanes.forEach((lane, n) => {
		at += LANE;
		for (const i of lane.initiatives) {
			rowsAt.push({ id: i.id, lane: n, top: at });
			at += ROW;
		}
	});
	for (const lane of lanes) {
		out.push(`<rect x="${MARGIN}" y="${y}" width="${WIDTH - 2 * MARGIN}" height="${LANE}" fill="#f0f0f0"/>`);
		text(MARGIN + 8, y + 23, clip(lane.name, 60), 17, 'font-weight="bold"');
		y += LANE;
		const rowOf = new Map(lane.initiatives.map((i, n) => [i.id, y + n * ROW]));
		for (const i of lane.initiatives) {
			const top = rowOf.get(i.id)!;
			text(MARGIN + 8, top + 20, clip(`${i.number}. ${i.title}`, 44), 16);
			text(MARGIN + 8, top + 38, words[i.status] ?? i.status, 13, `fill="${tone[i.status]}" font-weight="bold"`);
			const p = plan(i);
			const bar = p ? span(window, p.start, p.end) : null;
			if (p && bar) {
				for (const phase of i.phases) {
					if (!phase.plannedStart || !phase.plannedEnd) continue;
					const seg = span(window, phase.plannedStart, phase.plannedEnd);
					if (!seg) continue;
					const current = phase.position === i.currentPhase;
					out.push(
						`<rect x="${x(seg.left)}" y="${top + 10}" width="${(seg.width / 100) * w}" height="24" fill="${current ? '#bbf7d0' : '#dbeafe'}" stroke="#1a1a1a" stroke-width="0.75"/>`
					);
				}
				out.push(
					`<rect x="${x(bar.left)}" y="${top + 10}" width="${(bar.width / 100) * w}" height="24" fill="none" stroke="${tone[i.status]}" stroke-width="${i.status === 'delayed' ? 3 : 2}" rx="3"/>`
				);
				for (const ms of i.milestones) {
					if (ms.due < window.start || ms.due >= window.end) continue;
					const mx = x(position(window, ms.due));
					out.push(
						`<polygon points="${mx},${top + 2} ${mx + 6},${top + 8} ${mx},${top + 14} ${mx - 6},${top + 8}" fill="${ms.doneOn ? '#9ca3af' : '#1a1a1a'}"/>`
					);
				}
				for (const g of i.gates) {
					const end = i.phases.find((ph) => ph.position === g.phase)?.plannedEnd;
					if (!end || end < window.start || end >= window.end) continue;
					const gx = x(position(window, end));
					const fill = g.state === 'passed' ? '#166534' : g.state === 'failed' ? '#b3261e' : '#1a1a1a';
					out.push(`<polygon points="${gx - 7},${top + 44} ${gx + 7},${top + 44} ${gx},${top + 33}" fill="${fill}"/>`);
				}
			} else text(x0 + 8, top + 28, p ? m.roadmap_outside_window({}, o) : m.roadmap_not_planned({}, o), 14, 'fill="#595959"');
		}
		y += lane.initiatives.length * ROW;
	}
	// Dependencies: from the end of what is waited for (its row in the same lane if it has one) to the start of what waits.
	const byId = new Map(doc.initiatives.map((i) => [i.id, i]));
	for (const row of rowsAt) {
		const i = byId.get(row.id)!;
		const b = plan(i);
		if (!b) continue;
		for (const d of i.dependsOn) {
			const from = rowsAt.find((r) => r.id === d.id && r.lane === row.lane) ?? rowsAt.find((r) => r.id === d.id);
			const a = from ? plan(byId.get(d.id)!) : null;
			if (!from || !a) continue;
			const x1 = x(position(window, a.end));
			const x2 = x(position(window, b.start));
			out.push(
				`<path d="M ${x1} ${from.top + 22} H ${Math.max(x1 + 6, x2 - 6)} V ${row.top + 22} H ${x2}" fill="none" stroke="#595959" stroke-width="1.5" stroke-dasharray="5 4"/>`
			);
		}
	}
	if (doc.today >= window.start && doc.today < window.end) {
		const tx = x(position(window, doc.today));
		out.push(`<line x1="${tx}" y1="${head}" x2="${tx}" y2="${y}" stroke="#b3261e" stroke-width="2"/>`);
	}
	if (doc.initiatives.length === 0)
		text(MARGIN, y + 30, doc.organisation ? m.roadmap_empty_for({ organisation: doc.organisation.name }, o) : m.roadmap_empty({}, o), 16);
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="DejaVu Sans">${out.join('')}</svg>`;
}

/** The picture as PNG, DejaVu Sans embedded. */
export function roadmapPng(doc: RoadmapExport, locale: Locale): Uint8Array {
	const resvg = new Resvg(roadmapSvg(doc, locale), {
		font: { fontFiles: [fonts.regular(), fonts.bold()], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
		fitTo: { mode: 'width', value: WIDTH }
	});
	return resvg.render().asPng();
}

/** The roadmap as a PDF: the picture on a landscape page, then every initiative in words. */
export async function roadmapPdf(doc: RoadmapExport, locale: Locale): Promise<Uint8Array> {
	const o = { locale };
	const png = roadmapPng(doc, locale);
	const pdf = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margin: 36,
		info: { Title: doc.title, Author: doc.consortium },
		lang: locale === 'en' ? 'en-GB' : 'sv-SE',
		displayTitle: true
	});
	pdf.registerFont('regular', readFileSync(fonts.regular()));
	pdf.registerFont('bold', readFileSync(fonts.bold()));
	const chunks: Buffer[] = [];
	pdf.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
	const width = pdf.page.width - 72;
	pdf.font('bold').fontSize(18).text(doc.title);
	pdf
		.font('regular')
		.fontSize(10)
		.fillColor('#595959')
		.text(`${doc.consortium} · ${m.roadmap_export_as_of({ date: dateLabel(doc.today, locale) }, o)}`);
	pdf.moveDown(0.5);
	pdf.image(Buffer.from(png), { fit: [width, pdf.page.height - pdf.y - 36], align: 'center' });
	pdf.addPage();
	pdf.font('bold').fontSize(14).fillColor('#1a1a1a').text(m.roadmap_list_heading({}, o));
	pdf.moveDown(0.5);
	const words = statusWords(locale);
	for (const i of doc.initiatives) {
		const p = plan(i);
		pdf.font('bold').fontSize(11).fillColor('#1a1a1a').text(`${i.number}. ${i.title}`);
		const lines = [
			`${m.roadmap_col_status({}, o)}: ${words[i.status]}${i.overridden ? ` (${m.roadmap_status_by_hand({ reason: i.statusReason }, o)})` : ''}`,
			...i.reasons.map((r) => `  – ${reasonWords(r, locale)}`),
			`${m.roadmap_col_phase({}, o)}: ${i.phases.find((ph) => ph.position === i.currentPhase)?.name ?? ''}`,
			`${m.roadmap_col_period({}, o)}: ${p ? `${monthLabel(p.start, locale)} – ${monthLabel(p.end, locale)}` : m.roadmap_not_planned({}, o)}`,
			`${m.roadmap_col_participants({}, o)}: ${i.participants.map((x) => x.name).join(', ')}`,
			...(i.dependsOn.length ? [`${m.roadmap_col_after({}, o)}: ${i.dependsOn.map((d) => `${d.number}. ${d.title}`).join(', ')}`] : []),
			...i.gates.map((g) => `${m.roadmap_col_gate({}, o)}: ${g.title}${g.decisionNumber ? ` (${g.decisionNumber})` : ''}`)
		];
		pdf.font('regular').fontSize(10).text(lines.join('\n'));
		pdf.moveDown(0.6);
	}
	if (doc.ownPlans.length) {
		pdf
			.font('bold')
			.fontSize(12)
			.text(m.roadmap_own_plans({ organisation: doc.organisation?.name ?? '' }, o));
		pdf
			.font('regular')
			.fontSize(10)
			.text(doc.ownPlans.map((p) => `${p.technology}${p.plannedYear ? ` ${p.plannedYear}` : ''}`).join('\n'));
	}
	pdf.end();
	await done;
	return new Uint8Array(Buffer.concat(chunks));
}

/** The initiatives as a workbook: one row each, and a sheet of their phases with dates and gates. */
export async function initiativesXlsx(doc: RoadmapExport, locale: Locale): Promise<Uint8Array> {
	const o = { locale };
	const words = statusWords(locale);
	const book = new ExcelJS.Workbook();
	book.creator = 'Samsyn';
	const sheet = book.addWorksheet(m.roadmap_export_sheet_initiatives({}, o));
	sheet.columns = [
		{ header: m.roadmap_export_col_number({}, o), key: 'number', width: 6 },
		{ header: m.roadmap_col_initiative({}, o), key: 'title', width: 40 },
		{ header: m.roadmap_col_status({}, o), key: 'status', width: 14 },
		{ header: m.roadmap_export_col_reasons({}, o), key: 'reasons', width: 50 },
		{ header: m.roadmap_field_owner({}, o), key: 'owner', width: 20 },
		{ header: m.roadmap_col_participants({}, o), key: 'participants', width: 40 },
		{ header: m.roadmap_field_technology({}, o), key: 'technology', width: 24 },
		{ header: m.roadmap_field_model({}, o), key: 'model', width: 24 },
		{ header: m.roadmap_col_phase({}, o), key: 'phase', width: 28 },
		{ header: m.roadmap_export_col_start({}, o), key: 'start', width: 12 },
		{ header: m.roadmap_export_col_end({}, o), key: 'end', width: 12 },
		{ header: m.roadmap_col_after({}, o), key: 'after', width: 30 }
	];
	const models: Record<string, string> = {
		kasam: m.roadmap_model_kasam({}, o),
		procurement: m.roadmap_model_procurement({}, o),
		custom: m.roadmap_model_custom({}, o)
	};
	for (const i of doc.initiatives) {
		const p = plan(i);
		sheet.addRow({
			number: i.number,
			title: i.title,
			status: words[i.status],
			reasons: i.overridden ? m.roadmap_status_by_hand({ reason: i.statusReason }, o) : i.reasons.map((r) => reasonWords(r, locale)).join('; '),
			owner: i.owner.name,
			participants: i.participants.map((x) => x.name).join(', '),
			technology: i.technology?.name ?? '',
			model: models[i.phaseModel],
			phase: i.phases.find((ph) => ph.position === i.currentPhase)?.name ?? '',
			start: p?.start ?? '',
			end: p?.end ?? '',
			after: i.dependsOn.map((d) => `${d.number}. ${d.title}`).join(', ')
		});
	}
	sheet.getRow(1).font = { bold: true };
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	const phases = book.addWorksheet(m.roadmap_export_sheet_phases({}, o));
	phases.columns = [
		{ header: m.roadmap_export_col_number({}, o), key: 'number', width: 6 },
		{ header: m.roadmap_col_initiative({}, o), key: 'title', width: 40 },
		{ header: m.roadmap_col_phase({}, o), key: 'phase', width: 30 },
		{ header: m.roadmap_field_planned_start({}, o), key: 'plannedStart', width: 14 },
		{ header: m.roadmap_field_planned_end({}, o), key: 'plannedEnd', width: 14 },
		{ header: m.roadmap_field_actual_start({}, o), key: 'actualStart', width: 14 },
		{ header: m.roadmap_field_actual_end({}, o), key: 'actualEnd', width: 14 },
		{ header: m.roadmap_col_gate({}, o), key: 'gate', width: 50 }
	];
	const gateWords: Record<string, string> = {
		draft: m.roadmap_gate_draft({}, o),
		open: m.roadmap_gate_open({}, o),
		passed: m.roadmap_gate_passed({}, o),
		failed: m.roadmap_gate_failed({}, o)
	};
	for (const i of doc.initiatives)
		for (const ph of i.phases)
			phases.addRow({
				number: i.number,
				title: i.title,
				phase: `${ph.position}. ${ph.name}`,
				plannedStart: ph.plannedStart ?? '',
				plannedEnd: ph.plannedEnd ?? '',
				actualStart: ph.actualStart ?? '',
				actualEnd: ph.actualEnd ?? '',
				gate: i.gates
					.filter((g) => g.phase === ph.position)
					.map((g) => `${g.title}: ${gateWords[g.state]}${g.decisionNumber ? ` (${g.decisionNumber})` : ''}`)
					.join('; ')
			});
	phases.getRow(1).font = { bold: true };
	return new Uint8Array(await book.xlsx.writeBuffer());
}

export const roadmapExportFormats = ['png', 'pdf', 'xlsx'] as const;
export type RoadmapExportFormat = (typeof roadmapExportFormats)[number];
export const contentTypes: Record<RoadmapExportFormat, string> = {
	png: 'image/png',
	pdf: 'application/pdf',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/** "Färdplan Östergötland 2026-11-30.png". */
export const exportName = (doc: RoadmapExport, format: RoadmapExportFormat) => `${clip(doc.title, 80).replace(/[\\/:*?"<>|]/g, '-')} ${doc.today}.${format}`;
