import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { consortiumRef, createdAt, nonBlank, updatedAt, userRef, within } from './columns';
import { organisations } from './consortia';
import { priorityItemKind, questionStatus } from './enums';

/**
 * A question from the supplier (fråga från leverantören), numbered per consortium (F-1, F-2 …),
 * in general or about one user story or requirement. The answer stays empty until someone with the
 * publishing right approves a draft; then it is the consortium's one answer and never changes.
 */
export const questions = pgTable(
	'questions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		number: integer('number').notNull(),
		/** What it is about, or both null for a general question. */
		itemKind: priorityItemKind('item_kind'),
		itemId: uuid('item_id'),
		title: text('title').notNull(),
		body: text('body').notNull(),
		/** The supplier organisation that asked. */
		organisationId: uuid('organisation_id').notNull(),
		askedBy: userRef('asked_by'),
		askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
		/** The end of the last working day of the ground rules' response time (Swedish working days, Stockholm time). */
		dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
		status: questionStatus('status').notNull().default('open'),
		answer: text('answer'),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		/** Who approved the answer and so sent it. */
		answeredBy: userRef('answered_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('questions_id_consortium_key').on(t.id, t.consortiumId),
		unique('questions_consortium_number_key').on(t.consortiumId, t.number),
		within('questions_organisation_fk', t.organisationId, t.consortiumId, () => organisations),
		index('questions_open_due_idx')
			.on(t.consortiumId, t.dueAt)
			.where(sql`${t.status} = 'open'`),
		check('questions_title_check', nonBlank(t.title)),
		check('questions_body_check', nonBlank(t.body)),
		check('questions_number_check', sql`${t.number} > 0`),
		check('questions_item_check', sql`(${t.itemKind} is null) = (${t.itemId} is null)`),
		check('questions_answered_check', sql`(${t.status} = 'answered') = (${t.answer} is not null and ${t.answeredAt} is not null)`)
	]
);

/** The consortium's proposed answer to a question, one per question, until it is approved: never the supplier's to see. */
export const questionDrafts = pgTable(
	'question_drafts',
	{
		questionId: uuid('question_id').primaryKey(),
		consortiumId: consortiumRef(),
		body: text('body').notNull(),
		writtenBy: userRef('written_by'),
		version: integer('version').notNull().default(1),
		updatedAt: updatedAt()
	},
	(t) => [
		within('question_drafts_question_fk', t.questionId, t.consortiumId, () => questions),
		index('question_drafts_consortium_id_idx').on(t.consortiumId),
		check('question_drafts_body_check', nonBlank(t.body))
	]
);

/** Internal triage notes on a question: the consortium's own talk, never the supplier's to see. */
export const questionNotes = pgTable(
	'question_notes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		questionId: uuid('question_id').notNull(),
		authorId: userRef('author_id'),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		within('question_notes_question_fk', t.questionId, t.consortiumId, () => questions),
		index('question_notes_question_id_idx').on(t.questionId),
		index('question_notes_consortium_id_idx').on(t.consortiumId),
		check('question_notes_body_check', nonBlank(t.body))
	]
);
