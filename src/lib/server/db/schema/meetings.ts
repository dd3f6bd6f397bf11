import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, time, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { consortiumRef, createdAt, nonBlank, userRef, within } from './columns';
import { organisations } from './consortia';
import { decisionItems } from './decisions';
import { attendanceStatus, decisionLevel, mandateKind } from './enums';

/**
 * A meeting of the steering group or the project group (möte). Its minutes (protokoll) are started
 * once, which numbers a paragraph per agenda item; once every named adjuster (justerare) has
 * approved, `adjusted_at` is set and a trigger refuses any change to the meeting, its agenda,
 * attendance and paragraphs, for every role.
 */
export const meetings = pgTable(
	'meetings',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		level: decisionLevel('level').notNull(),
		title: text('title').notNull(),
		meetingDate: date('meeting_date').notNull(),
		startsAt: time('starts_at').notNull(),
		endsAt: time('ends_at'),
		/** A room, an address or a link. */
		place: text('place').notNull().default(''),
		minutesStartedAt: timestamp('minutes_started_at', { withTimezone: true }),
		/** Justerat: when the last adjuster approved. */
		adjustedAt: timestamp('adjusted_at', { withTimezone: true }),
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('meetings_id_consortium_key').on(t.id, t.consortiumId),
		index('meetings_consortium_date_idx').on(t.consortiumId, t.meetingDate),
		check('meetings_title_check', nonBlank(t.title)),
		check('meetings_adjusted_check', sql`${t.adjustedAt} is null or ${t.minutesStartedAt} is not null`)
	]
);

/** One item of a meeting's agenda, in order: free text, or a decision item. */
export const meetingAgendaItems = pgTable(
	'meeting_agenda_items',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		meetingId: uuid('meeting_id').notNull(),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		decisionItemId: uuid('decision_item_id'),
		/** Left out of the supplier's agenda. */
		municipalitiesOnly: boolean('municipalities_only').notNull().default(false),
		/**
		 * What the item was proposed from when the steering group's agenda was assembled (a risk, a
		 * status report, an initiative, a supplier question): so the next proposal knows it was handled.
		 */
		sourceKind: text('source_kind'),
		sourceId: uuid('source_id')
	},
	(t) => [
		within('meeting_agenda_items_meeting_fk', t.meetingId, t.consortiumId, () => meetings),
		foreignKey({
			name: 'meeting_agenda_items_decision_item_fk',
			columns: [t.decisionItemId, t.consortiumId],
			foreignColumns: [decisionItems.id, decisionItems.consortiumId]
		}),
		unique('meeting_agenda_items_id_consortium_key').on(t.id, t.consortiumId),
		unique('meeting_agenda_items_meeting_position_key').on(t.meetingId, t.position),
		index('meeting_agenda_items_consortium_id_idx').on(t.consortiumId),
		index('meeting_agenda_items_decision_item_idx').on(t.decisionItemId),
		check('meeting_agenda_items_title_check', nonBlank(t.title)),
		index('meeting_agenda_items_source_idx').on(t.sourceId),
		check('meeting_agenda_items_source_check', sql`(${t.sourceKind} is null) = (${t.sourceId} is null)`)
	]
);

/** A numbered paragraph (§) of the minutes, one per agenda item: § n per consortium and year, without gaps. */
export const meetingParagraphs = pgTable(
	'meeting_paragraphs',
	{
		agendaItemId: uuid('agenda_item_id').primaryKey(),
		consortiumId: consortiumRef(),
		meetingId: uuid('meeting_id').notNull(),
		year: integer('year').notNull(),
		number: integer('number').notNull(),
		/** The minutes text (plain text). */
		text: text('text').notNull().default(''),
		updatedBy: userRef('updated_by'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		within('meeting_paragraphs_agenda_item_fk', t.agendaItemId, t.consortiumId, () => meetingAgendaItems),
		within('meeting_paragraphs_meeting_fk', t.meetingId, t.consortiumId, () => meetings),
		unique('meeting_paragraphs_number_key').on(t.consortiumId, t.year, t.number),
		index('meeting_paragraphs_meeting_idx').on(t.meetingId),
		check('meeting_paragraphs_number_check', sql`${t.number} > 0`)
	]
);

/** The last paragraph number given per consortium and year: locked while minutes are started, so numbers have no gaps. */
export const meetingParagraphCounters = pgTable(
	'meeting_paragraph_counters',
	{
		consortiumId: consortiumRef(),
		year: integer('year').notNull(),
		number: integer('number').notNull()
	},
	(t) => [primaryKey({ name: 'meeting_paragraph_counters_pkey', columns: [t.consortiumId, t.year] })]
);

/** Whether and how a member organisation attended: present with whom and in which capacity, absent, or excused. */
export const meetingAttendance = pgTable(
	'meeting_attendance',
	{
		consortiumId: consortiumRef(),
		meetingId: uuid('meeting_id').notNull(),
		organisationId: uuid('organisation_id').notNull(),
		status: attendanceStatus('status').notNull(),
		userId: userRef('user_id'),
		capacity: mandateKind('capacity')
	},
	(t) => [
		primaryKey({ name: 'meeting_attendance_pkey', columns: [t.meetingId, t.organisationId] }),
		within('meeting_attendance_meeting_fk', t.meetingId, t.consortiumId, () => meetings),
		within('meeting_attendance_organisation_fk', t.organisationId, t.consortiumId, () => organisations),
		index('meeting_attendance_consortium_id_idx').on(t.consortiumId),
		check(
			'meeting_attendance_capacity_check',
			sql`(${t.status} = 'present') = (${t.capacity} is not null) and (${t.status} = 'present' or ${t.userId} is null)`
		)
	]
);

/** A person named to adjust (justera) the minutes, and when they approved them. */
export const meetingAdjusters = pgTable(
	'meeting_adjusters',
	{
		consortiumId: consortiumRef(),
		meetingId: uuid('meeting_id').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		approvedAt: timestamp('approved_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ name: 'meeting_adjusters_pkey', columns: [t.meetingId, t.userId] }),
		within('meeting_adjusters_meeting_fk', t.meetingId, t.consortiumId, () => meetings),
		unique('meeting_adjusters_meeting_position_key').on(t.meetingId, t.position),
		index('meeting_adjusters_user_idx').on(t.userId),
		index('meeting_adjusters_consortium_id_idx').on(t.consortiumId),
		check('meeting_adjusters_position_check', sql`${t.position} in (1, 2)`)
	]
);
