import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { consortiumRef, createdAt, nonBlank, updatedAt, userRef, within } from './columns';
import { decisionItems } from './decisions';
import { documents } from './documents';
import { lifecycleActivityStatus } from './enums';
import { initiatives } from './roadmap';

/**
 * The procurement lifecycle (Upphandlingens faser) of an initiative, or of the consortium itself
 * while it has no initiatives (`initiative_id` null, at most one such): a checklist of seed 001's six
 * phases, and the key dates from which the procurement rules' deadlines are computed.
 */
export const lifecycles = pgTable(
	'lifecycles',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		initiativeId: uuid('initiative_id'),
		advertisedOn: date('advertised_on'),
		tenderDeadline: date('tender_deadline'),
		awardNoticeOn: date('award_notice_on'),
		awardElectronic: boolean('award_electronic').notNull().default(true),
		contractOn: date('contract_on'),
		version: integer('version').notNull().default(1),
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('lifecycles_id_consortium_key').on(t.id, t.consortiumId),
		within('lifecycles_initiative_fk', t.initiativeId, t.consortiumId, () => initiatives),
		unique('lifecycles_initiative_key').on(t.initiativeId),
		uniqueIndex('lifecycles_consortium_own_key')
			.on(t.consortiumId)
			.where(sql`${t.initiativeId} is null`),
		index('lifecycles_consortium_id_idx').on(t.consortiumId),
		check('lifecycles_dates_check', sql`${t.tenderDeadline} is null or ${t.advertisedOn} is null or ${t.tenderDeadline} >= ${t.advertisedOn}`)
	]
);

/** One activity of a lifecycle's phase: from the template (`template_key`) or added by people. */
export const lifecycleActivities = pgTable(
	'lifecycle_activities',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		lifecycleId: uuid('lifecycle_id').notNull(),
		/** The phase (1–6) it belongs to. */
		phase: integer('phase').notNull(),
		/** Its order within the phase. */
		position: integer('position').notNull(),
		/** The template activity it was copied from; null for one people added. */
		templateKey: text('template_key'),
		title: text('title').notNull(),
		ownerId: userRef('owner_id'),
		due: date('due'),
		status: lifecycleActivityStatus('status').notNull().default('not_started'),
		/** The procurement document it produces (kept in the consortium by the command; unlinked when the document goes). */
		documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
		note: text('note').notNull().default(''),
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('lifecycle_activities_id_consortium_key').on(t.id, t.consortiumId),
		within('lifecycle_activities_lifecycle_fk', t.lifecycleId, t.consortiumId, () => lifecycles),
		index('lifecycle_activities_lifecycle_id_idx').on(t.lifecycleId),
		index('lifecycle_activities_owner_id_idx').on(t.ownerId),
		index('lifecycle_activities_consortium_id_idx').on(t.consortiumId),
		check('lifecycle_activities_title_check', nonBlank(t.title)),
		check('lifecycle_activities_phase_check', sql`${t.phase} between 1 and 6`)
	]
);

/** The decision items an activity concerns (the budget decision, the award decision). */
export const lifecycleActivityDecisions = pgTable(
	'lifecycle_activity_decisions',
	{
		consortiumId: consortiumRef(),
		activityId: uuid('activity_id').notNull(),
		decisionItemId: uuid('decision_item_id').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ name: 'lifecycle_activity_decisions_pkey', columns: [t.activityId, t.decisionItemId] }),
		within('lifecycle_activity_decisions_activity_fk', t.activityId, t.consortiumId, () => lifecycleActivities),
		within('lifecycle_activity_decisions_item_fk', t.decisionItemId, t.consortiumId, () => decisionItems),
		index('lifecycle_activity_decisions_item_idx').on(t.decisionItemId),
		index('lifecycle_activity_decisions_consortium_id_idx').on(t.consortiumId)
	]
);

/** The consortium's deadline settings; no row means the defaults (`defaultDeadlineSettings`). */
export const lifecycleSettings = pgTable(
	'lifecycle_settings',
	{
		consortiumId: consortiumRef().primaryKey(),
		questionDays: integer('question_days').notNull(),
		questionPeriodDays: integer('question_period_days').notNull(),
		minTenderDays: integer('min_tender_days').notNull(),
		standstillElectronicDays: integer('standstill_electronic_days').notNull(),
		standstillOtherDays: integer('standstill_other_days').notNull(),
		warnJuly: boolean('warn_july').notNull(),
		updatedBy: userRef('updated_by'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check(
			'lifecycle_settings_days_check',
			sql`${t.questionDays} between 0 and 365 and ${t.questionPeriodDays} between 0 and 365 and ${t.minTenderDays} between 0 and 365 and ${t.standstillElectronicDays} between 0 and 365 and ${t.standstillOtherDays} between 0 and 365`
		)
	]
);
