import { AlignmentType, Document, Footer, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { m } from '../../paraglide/messages';
import { blocksOf, languageTag, pageNumbering, PDF_CONTENT_TYPE, taggedPdf } from '../decisions/exports';
import { DOCX_CONTENT_TYPE } from '../exports/docx';
import { contentDisposition } from '../exports/http';
import { exportFileName, printDate, type Locale } from '../exports/spec';
import { exportText } from '../exports/text';
import type { MinutesDocument } from './queries';

/*
 * The minutes (protokoll) as Swedish minutes are laid out: the heading (Protokoll, the body, the
 * date), time and place, attendance, each numbered paragraph with its minutes text, its decision
 * (number and text) and reservations, and the justering: the adjusters' names and dates, or lines
 * to sign on while the minutes are not justerade. Word, and PDF/A-2b with the decision log's helpers.
 */

export const minutesFormats = ['pdf', 'docx'] as const;
export type MinutesFormat = (typeof minutesFormats)[number];

export function minutesFormat(value: string): MinutesFormat | null {
	return (minutesFormats as readonly string[]).includes(value) ? (value as MinutesFormat) : null;
}

const SIGNATURE_LINE = '_______________________________';

function wordsFor(doc: MinutesDocument, locale: Locale) {
	const o = { locale };
	const clean = (value: string | null | undefined) => exportText(value ?? '').trim();
	const meeting = doc.meeting;
	const body = meeting.level === 'project_group' ? m.decision_level_project_group({}, o) : m.decision_level_steering_group({}, o);
	const hhmm = (t: string | null) => (t ? t.slice(0, 5) : '');
	const time = `${meeting.meetingDate} ${hhmm(meeting.startsAt)}${meeting.endsAt ? `–${hhmm(meeting.endsAt)}` : ''}`;
	const capacity = (c: string | null) =>
		c === 'representative' ? m.decision_export_capacity_representative({}, o) : c === 'deputy' ? m.decision_export_capacity_deputy({}, o) : '';
	const present = doc.attendance
		.filter((a) => a.status === 'present')
		.map((a) => [clean(a.organisation), clean(a.person), capacity(a.capacity)].filter(Boolean).join(', '));
	const named = (status: 'absent' | 'excused') =>
		doc.attendance
			.filter((a) => a.status === status)
			.map((a) => clean(a.organisation))
			.join(', ');
	const adjusted = meeting.adjustedAt !== null;
	return {
		clean,
		title: `${m.meetings_doc_heading({}, o)} ${body} ${meeting.meetingDate}`,
		heading: m.meetings_doc_heading({}, o),
		subheading: `${body} – ${clean(doc.consortiumName)}`,
		meetingTitle: clean(meeting.title),
		timePlaceLabel: m.meetings_doc_time_place({}, o),
		timePlace: [time, clean(meeting.place)].filter(Boolean).join(', '),
		presentLabel: m.meetings_doc_present({}, o),
		present,
		absentLabel: m.meetings_doc_absent({}, o),
		absent: named('absent'),
		excusedLabel: m.meetings_doc_excused({}, o),
		excused: named('excused'),
		paragraphs: doc.agenda.map((a) => ({
			heading: a.paragraph ? `§ ${a.paragraph} ${clean(a.title)}` : clean(a.title),
			text: blocksOf(clean(a.text)),
			decision: a.decisionNumber ? { heading: m.meetings_doc_decision({ number: a.decisionNumber }, o), text: blocksOf(clean(a.decisionText)) } : null,
			reservationsLabel: m.meetings_doc_reservations({}, o),
			reservations: a.reservations.map((r) => m.decision_export_reservation({ organisation: clean(r.organisation), reason: clean(r.reason) }, o))
		})),
		justering: m.meetings_doc_justering({}, o),
		adjusters: (doc.adjusters.length > 0 ? doc.adjusters : [null, null]).map((a) => ({
			label: m.meetings_doc_adjuster({}, o),
			name: a ? clean(a.name) : SIGNATURE_LINE,
			line: a?.approvedAt ? `${m.meetings_doc_adjusted({}, o)} ${printDate(a.approvedAt)}` : `${m.meetings_doc_signature({}, o)}: ${SIGNATURE_LINE}`
		})),
		status: adjusted ? m.meetings_adjusted_on({ date: printDate(meeting.adjustedAt!) }, o) : m.meetings_doc_not_adjusted({}, o),
		page: (page: number | string, pages: number | string) => m.decision_export_page({ page: String(page), pages: String(pages) }, o)
	};
}

/** The minutes as a PDF/A-2b document. */
export async function minutesPdf(doc: MinutesDocument, locale: Locale): Promise<Uint8Array> {
	const w = wordsFor(doc, locale);
	const { pdf, root, keep, write, rule, list, finish, colour } = taggedPdf({
		title: w.title,
		author: w.clean(doc.consortiumName),
		locale,
		contentLanguage: doc.contentLanguage,
		printedAt: doc.printedAt
	});
	write(root, 'H1', w.heading, { font: 'bold', size: 20, after: 2 });
	write(root, 'P', w.subheading, { size: 11, color: colour.muted, after: 2 });
	write(root, 'P', w.meetingTitle, { font: 'bold', size: 12, after: 8 });
	write(root, 'H2', w.timePlaceLabel, { font: 'bold', size: 11, after: 2 });
	write(root, 'P', w.timePlace, { after: 8 });
	write(root, 'H2', w.presentLabel, { font: 'bold', size: 11, after: 2 });
	if (w.present.length > 0)
		list(
			root,
			w.present.map((line) => ({ line }))
		);
	else write(root, 'P', '–');
	if (w.absent) {
		write(root, 'H2', w.absentLabel, { font: 'bold', size: 11, after: 2 });
		write(root, 'P', w.absent, { after: 8 });
	}
	if (w.excused) {
		write(root, 'H2', w.excusedLabel, { font: 'bold', size: 11, after: 2 });
		write(root, 'P', w.excused, { after: 8 });
	}
	rule();
	for (const p of w.paragraphs) {
		keep(80);
		const section = pdf.struct('Sect');
		root.add(section);
		write(section, 'H2', p.heading, { font: 'bold', size: 13, after: 4 });
		for (const block of p.text) write(section, 'P', block, { content: true });
		if (p.decision) {
			keep(40);
			write(section, 'H3', p.decision.heading, { font: 'bold', size: 11, after: 2 });
			for (const block of p.decision.text) write(section, 'P', block, { content: true });
		}
		if (p.reservations.length > 0) {
			keep(40);
			write(section, 'H3', p.reservationsLabel, { font: 'bold', size: 11, after: 2 });
			list(
				section,
				p.reservations.map((line) => ({ line }))
			);
		}
		section.end();
		pdf.y += 4;
	}
	rule();
	keep(140);
	const justering = pdf.struct('Sect');
	root.add(justering);
	write(justering, 'H2', w.justering, { font: 'bold', size: 13, after: 4 });
	write(justering, 'P', w.status, { font: 'bold', after: 8 });
	for (const a of w.adjusters) {
		write(justering, 'P', `${a.label}: ${a.name}`, { after: 2 });
		write(justering, 'P', a.line, { color: colour.muted, after: 10 });
	}
	justering.end();
	return finish(w.page);
}

/** The minutes as a Word document. */
export async function minutesDocx(doc: MinutesDocument, locale: Locale): Promise<Uint8Array> {
	const w = wordsFor(doc, locale);
	const para = (text: string, after = 120, options: { bold?: boolean; color?: string } = {}) =>
		new Paragraph({ spacing: { after }, children: [new TextRun({ text, ...options })] });
	const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) =>
		new Paragraph({ heading: level, keepNext: true, children: [new TextRun(text)] });
	const bullet = (text: string) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [new TextRun(text)] });
	const children = [
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(w.heading)] }),
		para(w.subheading, 60, { color: '595959' }),
		para(w.meetingTitle, 200, { bold: true }),
		heading(w.timePlaceLabel),
		para(w.timePlace),
		heading(w.presentLabel),
		...(w.present.length > 0 ? w.present.map(bullet) : [para('–')]),
		...(w.absent ? [heading(w.absentLabel), para(w.absent)] : []),
		...(w.excused ? [heading(w.excusedLabel), para(w.excused)] : []),
		...w.paragraphs.flatMap((p) => [
			heading(p.heading, HeadingLevel.HEADING_1),
			...p.text.map((block) => para(block)),
			...(p.decision ? [heading(p.decision.heading, HeadingLevel.HEADING_3), ...p.decision.text.map((block) => para(block))] : []),
			...(p.reservations.length > 0 ? [heading(p.reservationsLabel, HeadingLevel.HEADING_3), ...p.reservations.map(bullet)] : [])
		]),
		heading(w.justering, HeadingLevel.HEADING_1),
		para(w.status, 200, { bold: true }),
		...w.adjusters.flatMap((a) => [para(`${a.label}: ${a.name}`, 40), para(a.line, 240, { color: '595959' })])
	];
	const document = new Document({
		creator: 'Samsyn',
		title: w.title,
		subject: w.clean(doc.consortiumName),
		styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: languageTag(locale) } } } } },
		sections: [
			{
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.RIGHT,
								children: [
									new TextRun({ text: `${w.title}   `, size: 18, color: '595959' }),
									new TextRun({ size: 18, color: '595959', children: pageNumbering(w.page) })
								]
							})
						]
					})
				},
				children
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(document));
}

/** The minutes as a download, in the consortium's content language (Swedish unless it is English). */
export async function minutesResponse(doc: MinutesDocument, format: MinutesFormat): Promise<Response> {
	const locale: Locale = doc.contentLanguage === 'en' ? 'en' : 'sv';
	const title = wordsFor(doc, locale).title;
	const body = format === 'pdf' ? await minutesPdf(doc, locale) : await minutesDocx(doc, locale);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': format === 'pdf' ? PDF_CONTENT_TYPE : DOCX_CONTENT_TYPE,
			'content-disposition': contentDisposition(exportFileName(title, format)),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
