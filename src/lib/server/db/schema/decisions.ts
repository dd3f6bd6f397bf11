import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { consortiumRef, createdAt, nonBlank, updatedAt, userRef, within } from './columns';
import { consortia, organisations } from './consortia';
import { decisionItemStatus, decisionLevel, decisionLinkKind, decisionResult, decisionStance, gateOutcome, mandateKind } from './enums';

/** A matter the consortium decides (beslutsärende): prepared as a draft, opened for positions, closed, recorded. */
export const decisionItems = pgTable(
	'decision_items',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		title: text('title').notNull(),
		/** Why the matter is raised: what the organisations need to know to take a position. */
		background: text('background').notNull().default(''),
		/** Förslag till beslut: the text that becomes the decision when it is adopted. */
		proposal: text('proposal').notNull(),
		level: decisionLevel('level').notNull(),
		status: decisionItemStatus('status').notNull().default('draft'),
		deadline: timestamp('deadline', { withTimezone: true }),
		result: decisionResult('result'),
		/** The option adopted, for an item with several. */
		resultOptionId: uuid('result_option_id'),
		/** The tally at closing, as the outcome module computed it. */
		tally: jsonb('tally'),
		/** How many hours before the deadline those who have not stated a position are reminded. */
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
		unique('decision_items_id_consortium_key').on(t.id, t.consortiumId),
		index('decision_items_consortium_id_idx').on(t.consortiumId),
		index('decision_items_open_deadline_idx')
			.on(t.deadline)
			.where(sql`${t.status} = 'open'`),
		check('decision_items_title_check', nonBlank(t.title)),
		check('decision_items_proposal_check', nonBlank(t.proposal)),
		check('decision_items_reminder_check', sql`${t.reminderHours} between 0 and 720`),
		check('decision_items_open_deadline_check', sql`${t.status} = 'draft' or ${t.status} = 'withdrawn' or ${t.deadline} is not null`),
		check('decision_items_result_check', sql`(${t.status} in ('closed', 'recorded')) = (${t.result} is not null)`)
	]
);

/** One of an item's alternatives, when it proposes more than one. */
export const decisionOptions = pgTable(
	'decision_options',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		itemId: uuid('item_id').notNull(),
		position: integer('position').notNull(),
		label: text('label').notNull(),
		/** For a gate's item: what choosing this option does to the initiative. */
		gateOutcome: gateOutcome('gate_outcome')
	},
	(t) => [
		within('decision_options_item_fk', t.itemId, t.consortiumId, () => decisionItems),
		unique('decision_options_id_item_key').on(t.id, t.itemId),
		unique('decision_options_item_position_key').on(t.itemId, t.position),
		index('decision_options_consortium_id_idx').on(t.consortiumId),
		check('decision_options_label_check', nonBlank(t.label))
	]
);

/** What an item concerns: any thing of the consortium, by kind and id (later areas add kinds, not tables). */
export const decisionLinks = pgTable(
	'decision_links',
	{
		consortiumId: consortiumRef(),
		itemId: uuid('item_id').notNull(),
		targetKind: decisionLinkKind('target_kind').notNull(),
		targetId: uuid('target_id').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ name: 'decision_links_pkey', columns: [t.itemId, t.targetKind, t.targetId] }),
		within('decision_links_item_fk', t.itemId, t.consortiumId, () => decisionItems),
		index('decision_links_target_idx').on(t.targetKind, t.targetId),
		index('decision_links_consortium_id_idx').on(t.consortiumId)
	]
);

/** One organisation's position on one item, stated by whoever spoke for it; changeable until the item closes. */
export const decisionPositions = pgTable(
	'decision_positions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		itemId: uuid('item_id').notNull(),
		organisationId: uuid('organisation_id').notNull(),
		stance: decisionStance('stance').notNull(),
		optionId: uuid('option_id'),
		reason: text('reason').notNull().default(''),
		userId: userRef('user_id'),
		actingAs: mandateKind('acting_as').notNull(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		within('decision_positions_item_fk', t.itemId, t.consortiumId, () => decisionItems),
		within('decision_positions_organisation_fk', t.organisationId, t.consortiumId, () => organisations),
		foreignKey({ name: 'decision_positions_option_fk', columns: [t.optionId, t.itemId], foreignColumns: [decisionOptions.id, decisionOptions.itemId] }),
		unique('decision_positions_item_organisation_key').on(t.itemId, t.organisationId),
		index('decision_positions_consortium_id_idx').on(t.consortiumId),
		index('decision_positions_organisation_id_idx').on(t.organisationId),
		check('decision_positions_option_check', sql`(${t.stance} = 'option') = (${t.optionId} is not null)`)
	]
);

/** Every position as it was stated, in order: the history a changed position keeps. */
export const decisionPositionHistory = pgTable(
	'decision_position_history',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		itemId: uuid('item_id').notNull(),
		organisationId: uuid('organisation_id').notNull(),
		stance: decisionStance('stance').notNull(),
		optionId: uuid('option_id'),
		reason: text('reason').notNull().default(''),
		userId: userRef('user_id'),
		actingAs: mandateKind('acting_as').notNull(),
		statedAt: timestamp('stated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		within('decision_position_history_item_fk', t.itemId, t.consortiumId, () => decisionItems),
		index('decision_position_history_item_idx').on(t.itemId, t.statedAt),
		index('decision_position_history_consortium_id_idx').on(t.consortiumId)
	]
);

/** A representative's declared conflict of interest (jäv): the organisation's deputy speaks for it on the item. */
export const decisionConflicts = pgTable(
	'decision_conflicts',
	{
		consortiumId: consortiumRef(),
		itemId: uuid('item_id').notNull(),
		organisationId: uuid('organisation_id').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		reason: text('reason').notNull(),
		declaredAt: createdAt()
	},
	(t) => [
		primaryKey({ name: 'decision_conflicts_pkey', columns: [t.itemId, t.userId] }),
		within('decision_conflicts_item_fk', t.itemId, t.consortiumId, () => decisionItems),
		within('decision_conflicts_organisation_fk', t.organisationId, t.consortiumId, () => organisations),
		index('decision_conflicts_consortium_id_idx').on(t.consortiumId),
		check('decision_conflicts_reason_check', nonBlank(t.reason))
	]
);

/** A dissent (reservation) an organisation that lost registers before the decision is recorded. */
export const decisionReservations = pgTable(
	'decision_reservations',
	{
		consortiumId: consortiumRef(),
		itemId: uuid('item_id').notNull(),
		organisationId: uuid('organisation_id').notNull(),
		userId: userRef('user_id'),
		reason: text('reason').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ name: 'decision_reservations_pkey', columns: [t.itemId, t.organisationId] }),
		within('decision_reservations_item_fk', t.itemId, t.consortiumId, () => decisionItems),
		within('decision_reservations_organisation_fk', t.organisationId, t.consortiumId, () => organisations),
		index('decision_reservations_consortium_id_idx').on(t.consortiumId),
		check('decision_reservations_reason_check', nonBlank(t.reason))
	]
);

/**
 * The decision log (beslutslogg): one entry per recorded item, numbered B-<year>-<n> per consortium
 * and year without gaps, never changed or deleted (a trigger refuses it for every role). Each entry
 * holds a SHA-256 over its canonical content and the previous entry's hash.
 */
export const decisions = pgTable(
	'decisions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		itemId: uuid('item_id'),
		year: integer('year').notNull(),
		sequence: integer('sequence').notNull(),
		number: text('number').notNull(),
		title: text('title').notNull(),
		/** The decision as taken: the adopted proposal or option, or that it was not adopted. */
		text: text('text').notNull(),
		level: decisionLevel('level').notNull(),
		decidedOn: date('decided_on').notNull(),
		result: decisionResult('result').notNull(),
		/** The outcome in words, as the ground rules produced it. */
		explanation: text('explanation').notNull(),
		/** Each organisation's position and capacity, and the reservations, as they stood. */
		positions: jsonb('positions').notNull(),
		reservations: jsonb('reservations').notNull(),
		links: jsonb('links').notNull(),
		registrationNumber: text('registration_number').notNull().default(''),
		/** Secrecy-marked entries never reach the supplier or exports meant for it. */
		secret: boolean('secret').notNull().default(false),
		/** Shown to the supplier under "Konsortiets beslut" (not with secret). */
		communicated: boolean('communicated').notNull().default(false),
		meetingParagraph: text('meeting_paragraph').notNull().default(''),
		supersedesId: uuid('supersedes_id'),
		previousHash: text('previous_hash').notNull(),
		hash: text('hash').notNull(),
		recordedBy: userRef('recorded_by'),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull()
	},
	(t) => [
		unique('decisions_id_consortium_key').on(t.id, t.consortiumId),
		unique('decisions_number_key').on(t.consortiumId, t.year, t.sequence),
		unique('decisions_item_key').on(t.itemId),
		unique('decisions_hash_key').on(t.hash),
		foreignKey({ name: 'decisions_item_fk', columns: [t.itemId, t.consortiumId], foreignColumns: [decisionItems.id, decisionItems.consortiumId] }),
		foreignKey({ name: 'decisions_supersedes_fk', columns: [t.supersedesId, t.consortiumId], foreignColumns: [t.id, t.consortiumId] }),
		index('decisions_consortium_recorded_idx').on(t.consortiumId, t.recordedAt),
		check('decisions_sequence_check', sql`${t.sequence} > 0`),
		check('decisions_secret_communicated_check', sql`not (${t.secret} and ${t.communicated})`)
	]
);

/** The head of each consortium's chain: its last entry's hash and number, locked while one is appended. */
export const decisionLogHeads = pgTable('decision_log_heads', {
	consortiumId: uuid('consortium_id')
		.primaryKey()
		.references(() => consortia.id, { onDelete: 'cascade' }),
	year: integer('year').notNull(),
	sequence: integer('sequence').notNull(),
	hash: text('hash').notNull()
});

/** The supplier's receipt (kvittens) of a communicated decision. */
export const decisionAcknowledgements = pgTable(
	'decision_acknowledgements',
	{
		consortiumId: consortiumRef(),
		decisionId: uuid('decision_id').notNull(),
		organisationId: uuid('organisation_id').notNull(),
		userId: userRef('user_id'),
		acknowledgedAt: createdAt()
	},
	(t) => [
		primaryKey({ name: 'decision_acknowledgements_pkey', columns: [t.decisionId, t.organisationId] }),
		foreignKey({
			name: 'decision_acknowledgements_decision_fk',
			columns: [t.decisionId, t.consortiumId],
			foreignColumns: [decisions.id, decisions.consortiumId]
		}),
		within('decision_acknowledgements_organisation_fk', t.organisationId, t.consortiumId, () => organisations),
		index('decision_acknowledgements_consortium_id_idx').on(t.consortiumId)
	]
);
