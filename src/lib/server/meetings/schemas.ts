import { z } from 'zod';
import { attendanceStatuses, decisionLevels, mandateKinds } from '../../enums';
import { blankToUndefined, DateString, OptionalText, RequiredText } from '../validation';

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const optionalUuid = z.preprocess(blankToUndefined, z.uuid({ message: 'invalid' }).optional());
const clock = z.string({ message: 'required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_format');
const lines = z.preprocess(
	(v) =>
		typeof v === 'string'
			? v
					.split(/\r?\n/)
					.map((line) => line.trim())
					.filter(Boolean)
			: list(v),
	z.array(z.string().max(500, 'too_long')).max(50, 'too_long')
);

/** The adjusters arrive as up to two selects; blanks are dropped, and the same person twice counts once. */
const adjusterIds = z.preprocess(
	(v) => [...new Set(list(v).filter((x) => typeof x === 'string' && x.trim() !== ''))],
	z.array(z.uuid({ message: 'invalid' })).max(2, 'choose_at_most')
);

/** The forms name the adjusters in two selects, `adjuster1` and `adjuster2` (one name per field); the commands take `adjusterIds`. */
const withAdjusters = (v: unknown) =>
	v && typeof v === 'object' && !('adjusterIds' in v)
		? { ...v, adjusterIds: [(v as Record<string, unknown>).adjuster1, (v as Record<string, unknown>).adjuster2] }
		: v;

export const MeetingInput = z.preprocess(
	withAdjusters,
	z.object({
		title: RequiredText(200),
		level: z.enum(decisionLevels, { message: 'invalid_choice' }),
		date: DateString,
		startsAt: clock,
		endsAt: z.preprocess(blankToUndefined, clock.optional()),
		place: OptionalText(500),
		/** Free-text agenda items, one per line, in order. */
		agenda: lines,
		adjusterIds
	})
);
export type MeetingInput = z.infer<typeof MeetingInput>;

/** A meeting's own details, changed after it was created. */
export const MeetingDetailsInput = z.object({
	title: RequiredText(200),
	level: z.enum(decisionLevels, { message: 'invalid_choice' }),
	date: DateString,
	startsAt: clock,
	endsAt: z.preprocess(blankToUndefined, clock.optional()),
	place: OptionalText(500)
});
export type MeetingDetailsInput = z.infer<typeof MeetingDetailsInput>;

/** Moves an agenda item one place up or down. */
export const MoveAgendaItemInput = z.object({
	agendaItemId: z.uuid({ message: 'invalid' }),
	direction: z.enum(['up', 'down'], { message: 'invalid_choice' })
});
export type MoveAgendaItemInput = z.infer<typeof MoveAgendaItemInput>;

export const AgendaItemInput = z.object({
	title: z.preprocess(blankToUndefined, RequiredText(500).optional()),
	decisionItemId: optionalUuid,
	municipalitiesOnly: checkbox
});
export type AgendaItemInput = z.infer<typeof AgendaItemInput>;

export const AttendanceInput = z.object({
	organisationId: z.uuid({ message: 'invalid' }),
	status: z.enum(attendanceStatuses, { message: 'invalid_choice' }),
	userId: optionalUuid,
	capacity: z.preprocess(blankToUndefined, z.enum(mandateKinds, { message: 'invalid_choice' }).optional())
});
export type AttendanceInput = z.infer<typeof AttendanceInput>;

export const AdjustersInput = z.preprocess(withAdjusters, z.object({ adjusterIds: adjusterIds.pipe(z.array(z.string()).min(1, 'choose_at_least')) }));
export type AdjustersInput = z.infer<typeof AdjustersInput>;

export const ParagraphInput = z.object({ agendaItemId: z.uuid({ message: 'invalid' }), text: OptionalText(20_000) });
export type ParagraphInput = z.infer<typeof ParagraphInput>;

export const RecordFromMeetingInput = z.object({
	agendaItemId: z.uuid({ message: 'invalid' }),
	registrationNumber: OptionalText(100),
	communicated: checkbox
});
export type RecordFromMeetingInput = z.infer<typeof RecordFromMeetingInput>;
