import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { consortiumRef, createdAt, nonBlank, updatedAt, userRef, within } from './columns';
import { organisations } from './consortia';
import { mandateKind, moscowPriority, priorityItemKind, priorityMethod, priorityRoundStatus, prioritySubmissionStatus, priorityWeighting } from './enums';

/**
 * A priority round (prioriteringsomgång): a set of items each member organisation ranks, from a draft
 * an admin prepares, open until its deadline (or an admin closes it), then closed for good.
 */
export const priorityRounds = pgTable(
	'priority_rounds',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		title: text('title').notNull(),
		instructions: text('instructions').notNull().default(''),
		/** How the submissions are combined; MoSCoW per item is collected whatever the method. */
		method: priorityMethod('method').notNull().default('borda'),
		/** The weighting the combined ranking shows first (both are always computed). */
		weighting: priorityWeighting('weighting').notNull().default('equal'),
		status: priorityRoundStatus('status').notNull().default('draft'),
		deadline: timestamp('deadline', { withTimezone: true }).notNull(),
		/** How many hours before the deadline organisations that have not submitted are reminded. */
		reminderHours: integer('reminder_hours').notNull().default(48),
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		openedAt: timestamp('opened_at', { withTimezone: true }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		/** Null when the deadline closed it. */
		closedBy: userRef('closed_by'),
		version: integer('version').notNull().default(1),
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('priority_rounds_id_consortium_key').on(t.id, t.consortiumId),
		index('priority_rounds_consortium_id_idx').on(t.consortiumId),
		index('priority_rounds_open_deadline_idx')
			.on(t.deadline)
			.where(sql`${t.status} = 'open'`),
		check('priority_rounds_title_check', nonBlank(t.title)),
		check('priority_rounds_reminder_check', sql`${t.reminderHours} between 0 and 720`)
	]
);

/** One thing a round ranks: a user story or a requirement, by kind and id, in the round's order. */
export const priorityRoundItems = pgTable(
	'priority_round_items',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		roundId: uuid('round_id').notNull(),
		itemKind: priorityItemKind('item_kind').notNull(),
		itemId: uuid('item_id').notNull(),
		position: integer('position').notNull()
	},
	(t) => [
		within('priority_round_items_round_fk', t.roundId, t.consortiumId, () => priorityRounds),
		unique('priority_round_items_round_item_key').on(t.roundId, t.itemKind, t.itemId),
		unique('priority_round_items_id_round_key').on(t.id, t.roundId),
		index('priority_round_items_consortium_id_idx').on(t.consortiumId),
		index('priority_round_items_item_idx').on(t.itemKind, t.itemId),
		check('priority_round_items_position_check', sql`${t.position} > 0`)
	]
);

/** One organisation's priorities in one round (at most one row: two tabs submitting at once update it). */
export const prioritySubmissions = pgTable(
	'priority_submissions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		roundId: uuid('round_id').notNull(),
		organisationId: uuid('organisation_id').notNull(),
		status: prioritySubmissionStatus('status').notNull().default('draft'),
		/** Who last saved or submitted it, and in which capacity. */
		userId: userRef('user_id'),
		actingAs: mandateKind('acting_as').notNull(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		/** How many times it has been submitted (each kept in the history). */
		version: integer('version').notNull().default(0),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		within('priority_submissions_round_fk', t.roundId, t.consortiumId, () => priorityRounds),
		within('priority_submissions_organisation_fk', t.organisationId, t.consortiumId, () => organisations),
		unique('priority_submissions_round_organisation_key').on(t.roundId, t.organisationId),
		unique('priority_submissions_id_round_key').on(t.id, t.roundId),
		index('priority_submissions_consortium_id_idx').on(t.consortiumId),
		index('priority_submissions_organisation_id_idx').on(t.organisationId),
		check('priority_submissions_submitted_check', sql`(${t.status} = 'submitted') = (${t.submittedAt} is not null)`)
	]
);

/** A submission's word on one item of the round: MoSCoW, and its rank or points as the round's method asks. */
export const prioritySubmissionEntries = pgTable(
	'priority_submission_entries',
	{
		consortiumId: consortiumRef(),
		roundId: uuid('round_id').notNull(),
		submissionId: uuid('submission_id').notNull(),
		roundItemId: uuid('round_item_id').notNull(),
		moscow: moscowPriority('moscow'),
		rank: integer('rank'),
		points: integer('points')
	},
	(t) => [
		primaryKey({ name: 'priority_submission_entries_pkey', columns: [t.submissionId, t.roundItemId] }),
		foreignKey({
			name: 'priority_submission_entries_submission_fk',
			columns: [t.submissionId, t.roundId],
			foreignColumns: [prioritySubmissions.id, prioritySubmissions.roundId]
		}).onDelete('cascade'),
		// An entry can only be about an item of its own round.
		foreignKey({
			name: 'priority_submission_entries_item_fk',
			columns: [t.roundItemId, t.roundId],
			foreignColumns: [priorityRoundItems.id, priorityRoundItems.roundId]
		}).onDelete('cascade'),
		index('priority_submission_entries_consortium_id_idx').on(t.consortiumId),
		index('priority_submission_entries_round_id_idx').on(t.roundId),
		check('priority_submission_entries_rank_check', sql`${t.rank} is null or ${t.rank} between 1 and 1000`),
		check('priority_submission_entries_points_check', sql`${t.points} is null or ${t.points} between 0 and 100`)
	]
);

/** Every submission as it was submitted, in order: the history a changed submission keeps. */
export const prioritySubmissionHistory = pgTable(
	'priority_submission_history',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		roundId: uuid('round_id').notNull(),
		organisationId: uuid('organisation_id').notNull(),
		version: integer('version').notNull(),
		/** The entries as submitted: [{ roundItemId, moscow, rank, points }]. */
		entries: jsonb('entries').notNull(),
		userId: userRef('user_id'),
		actingAs: mandateKind('acting_as').notNull(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		within('priority_submission_history_round_fk', t.roundId, t.consortiumId, () => priorityRounds),
		within('priority_submission_history_organisation_fk', t.organisationId, t.consortiumId, () => organisations),
		unique('priority_submission_history_version_key').on(t.roundId, t.organisationId, t.version),
		index('priority_submission_history_consortium_id_idx').on(t.consortiumId)
	]
);
