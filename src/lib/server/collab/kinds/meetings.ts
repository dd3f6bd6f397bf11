import { and, eq } from 'drizzle-orm';
import { meetingParagraphs, meetings } from '../../db/schema';
import { registerDocumentKind } from '../registry';

/** `p<n>`: the minutes' paragraph § n of the meeting. */
const PARAGRAPH = /^p([1-9][0-9]{0,4})$/;

/** The paragraph number a field names, or null. */
export function paragraphOfField(field: string): number | null {
	const match = PARAGRAPH.exec(field);
	return match ? Number(match[1]) : null;
}

/** The document of a meeting's paragraph § n. */
export function paragraphDocument(meetingId: string, number: number): string {
	return `meeting/${meetingId}/p${number}`;
}

/**
 * `meeting/<id>/p<n>`: the minutes' text of paragraph § n, co-written during and after the meeting
 * by the consortium's writers (the policy's `meeting.write_paragraph`) until the minutes are
 * justerade; from then on everyone internal reads it and nobody changes it (a trigger refuses it
 * too). Never the supplier's. Its plain text is kept on the paragraph's row for the exports.
 */
registerDocumentKind('meeting', {
	fields: (field) => paragraphOfField(field) !== null,
	accessChangedBy: ['meeting.minutes_adjusted'],
	async initialText(tx, id, field) {
		const number = paragraphOfField(field);
		if (number === null) return null;
		const [row] = await tx
			.select({ text: meetingParagraphs.text })
			.from(meetingParagraphs)
			.where(and(eq(meetingParagraphs.meetingId, id), eq(meetingParagraphs.number, number)));
		return row?.text ?? null;
	},
	async resolve(tx, id, field) {
		const number = paragraphOfField(field);
		if (number === null) return null;
		const [row] = await tx
			.select({ consortiumId: meetings.consortiumId, minutesStartedAt: meetings.minutesStartedAt, adjustedAt: meetings.adjustedAt })
			.from(meetingParagraphs)
			.innerJoin(meetings, eq(meetings.id, meetingParagraphs.meetingId))
			.where(and(eq(meetingParagraphs.meetingId, id), eq(meetingParagraphs.number, number)));
		if (!row) return null;
		return {
			consortiumId: row.consortiumId,
			publishedToSupplier: false,
			edit: {
				action: 'meeting.write_paragraph',
				resource: { consortiumId: row.consortiumId, minutesStarted: row.minutesStartedAt !== null, adjusted: row.adjustedAt !== null, adjuster: null }
			}
		};
	},
	async onDerived(tx, id, field, content) {
		const number = paragraphOfField(field);
		if (number === null) return;
		const [before] = await tx
			.select({ text: meetingParagraphs.text, adjustedAt: meetings.adjustedAt })
			.from(meetingParagraphs)
			.innerJoin(meetings, eq(meetings.id, meetingParagraphs.meetingId))
			.where(and(eq(meetingParagraphs.meetingId, id), eq(meetingParagraphs.number, number)));
		if (!before || before.adjustedAt !== null || before.text === content.text) return;
		await tx
			.update(meetingParagraphs)
			.set({ text: content.text, updatedAt: new Date() })
			.where(and(eq(meetingParagraphs.meetingId, id), eq(meetingParagraphs.number, number)));
	}
});
