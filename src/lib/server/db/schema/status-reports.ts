import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { consortiumRef, createdAt, nonBlank, updatedAt, userRef, within } from './columns';
import { initiatives } from './roadmap';

/**
 * A monthly status report (statusrapport) to the steering group, for an initiative or (no
 * initiative) the consortium as a whole: one per scope and month. Written as a draft by a project
 * manager, submitted (then locked), and noted as read by the steering group.
 */
export const statusReports = pgTable(
	'status_reports',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		initiativeId: uuid('initiative_id'),
		/** The month reported on, `YYYY-MM`. */
		period: text('period').notNull(),
		summary: text('summary').notNull().default(''),
		/** `draft` or `submitted` (src/lib/status-reports/values.ts). */
		status: text('status').notNull().default('draft'),
		authorId: userRef('author_id'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		submittedBy: userRef('submitted_by'),
		acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
		acknowledgedBy: userRef('acknowledged_by'),
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('status_reports_id_consortium_key').on(t.id, t.consortiumId),
		within('status_reports_initiative_fk', t.initiativeId, t.consortiumId, () => initiatives),
		uniqueIndex('status_reports_initiative_period_key')
			.on(t.initiativeId, t.period)
			.where(sql`${t.initiativeId} is not null`),
		uniqueIndex('status_reports_own_period_key')
			.on(t.consortiumId, t.period)
			.where(sql`${t.initiativeId} is null`),
		index('status_reports_consortium_id_idx').on(t.consortiumId),
		check('status_reports_period_check', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
		check('status_reports_status_check', sql`${t.status} in ('draft', 'submitted')`),
		check('status_reports_submitted_check', sql`(${t.status} = 'submitted') = (${t.submittedAt} is not null)`),
		check('status_reports_acknowledged_check', sql`${t.acknowledgedAt} is null or ${t.status} = 'submitted'`)
	]
);

/**
 * One row of a status report: the standard Budget, Tid and Personal (`kind` budget/time/staff, always
 * there) or a custom one (`kind` custom, with a name), each with a traffic light, the deviation
 * (avvikelse), the action (åtgärd) and whether it is done (klart).
 */
export const statusReportRows = pgTable(
	'status_report_rows',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		reportId: uuid('report_id').notNull(),
		position: integer('position').notNull(),
		kind: text('kind').notNull(),
		/** A custom row's name; empty for the standard rows, whose names are the app's. */
		name: text('name').notNull().default(''),
		light: text('light').notNull().default('green'),
		deviation: text('deviation').notNull().default(''),
		action: text('action').notNull().default(''),
		done: boolean('done').notNull().default(false),
		updatedAt: updatedAt()
	},
	(t) => [
		within('status_report_rows_report_fk', t.reportId, t.consortiumId, () => statusReports),
		index('status_report_rows_report_id_idx').on(t.reportId),
		index('status_report_rows_consortium_id_idx').on(t.consortiumId),
		uniqueIndex('status_report_rows_standard_key')
			.on(t.reportId, t.kind)
			.where(sql`${t.kind} <> 'custom'`),
		check('status_report_rows_kind_check', sql`${t.kind} in ('budget', 'time', 'staff', 'custom')`),
		check('status_report_rows_light_check', sql`${t.light} in ('green', 'yellow', 'red')`),
		check('status_report_rows_name_check', sql`${t.kind} <> 'custom' or ${nonBlank(t.name)}`)
	]
);
