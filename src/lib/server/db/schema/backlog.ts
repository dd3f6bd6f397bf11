import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { consortiumRef, createdAt, nonBlank, updatedAt, userRef, within } from './columns';
import { decisionItems, decisions } from './decisions';
import {
	acceptanceVerdict,
	backlogStatus,
	capacityUnit,
	changeRequestKind,
	changeRequestStatus,
	deliveryStatus,
	gateOutcome,
	moscowPriority,
	priorityItemKind
} from './enums';
import { priorityRounds } from './prioritisation';
import { initiatives } from './roadmap';

/**
 * The consortium's prioritised backlog (the MVP plan): built from a closed priority round's combined
 * ranking, with the supplier's estimates, a capacity and the line; planned until an admin locks the
 * scope ("MVP 1.0"), after which only a decided change request changes it.
 */
export const backlogs = pgTable(
	'backlogs',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		/** The round whose combined ranking gave the first order. */
		roundId: uuid('round_id'),
		name: text('name').notNull(),
		capacity: integer('capacity').notNull().default(0),
		capacityUnit: capacityUnit('capacity_unit').notNull().default('story_points'),
		/** How many items, from the top, are in the MVP. */
		line: integer('line').notNull().default(0),
		status: backlogStatus('status').notNull().default('planning'),
		lockedAt: timestamp('locked_at', { withTimezone: true }),
		lockedBy: userRef('locked_by'),
		version: integer('version').notNull().default(1),
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('backlogs_id_consortium_key').on(t.id, t.consortiumId),
		index('backlogs_consortium_id_idx').on(t.consortiumId),
		within('backlogs_round_fk', t.roundId, t.consortiumId, () => priorityRounds),
		check('backlogs_name_check', nonBlank(t.name)),
		check('backlogs_capacity_check', sql`${t.capacity} >= 0`),
		check('backlogs_line_check', sql`${t.line} >= 0`),
		check('backlogs_locked_check', sql`(${t.status} = 'locked') = (${t.lockedAt} is not null)`)
	]
);

/**
 * One item of a backlog: a user story or a requirement, its place (null once a decided change took it
 * out: the row stays, for the releases that carried it), the supplier's estimate, the combined MoSCoW,
 * the acceptance criteria agreed for the MVP, and the decision that last changed it.
 */
export const backlogItems = pgTable(
	'backlog_items',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		backlogId: uuid('backlog_id').notNull(),
		itemKind: priorityItemKind('item_kind').notNull(),
		itemId: uuid('item_id').notNull(),
		rank: integer('rank'),
		estimate: integer('estimate'),
		moscow: moscowPriority('moscow'),
		acceptanceCriteria: text('acceptance_criteria').notNull().default(''),
		/** The decision (by number) behind the last change after the lock. */
		changedByDecision: text('changed_by_decision'),
		updatedAt: updatedAt()
	},
	(t) => [
		within('backlog_items_backlog_fk', t.backlogId, t.consortiumId, () => backlogs),
		unique('backlog_items_id_consortium_key').on(t.id, t.consortiumId),
		unique('backlog_items_backlog_item_key').on(t.backlogId, t.itemKind, t.itemId),
		index('backlog_items_consortium_id_idx').on(t.consortiumId),
		index('backlog_items_item_idx').on(t.itemKind, t.itemId),
		check('backlog_items_rank_check', sql`${t.rank} is null or ${t.rank} > 0`),
		check('backlog_items_estimate_check', sql`${t.estimate} is null or ${t.estimate} >= 0`)
	]
);

/**
 * A change request (ändringsbegäran) to a locked backlog: what it asks, why and with what impact; it
 * becomes a decision item, and when that is recorded adopted the backlog changes with the decision's number.
 */
export const backlogChanges = pgTable(
	'backlog_changes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		backlogId: uuid('backlog_id').notNull(),
		/** Ä-<n> per consortium. */
		number: integer('number').notNull(),
		kind: changeRequestKind('kind').notNull(),
		/** The backlog item it is about (remove, move, criteria), or the item to add. */
		backlogItemId: uuid('backlog_item_id'),
		itemKind: priorityItemKind('item_kind'),
		itemId: uuid('item_id'),
		/** The place asked for (add, move). */
		targetRank: integer('target_rank'),
		/** The acceptance criteria asked for (criteria). */
		criteria: text('criteria'),
		motivation: text('motivation').notNull(),
		impact: text('impact').notNull(),
		status: changeRequestStatus('status').notNull().default('proposed'),
		decisionItemId: uuid('decision_item_id').notNull(),
		decisionId: uuid('decision_id'),
		appliedAt: timestamp('applied_at', { withTimezone: true }),
		createdBy: userRef('created_by'),
		createdAt: createdAt()
	},
	(t) => [
		within('backlog_changes_backlog_fk', t.backlogId, t.consortiumId, () => backlogs),
		within('backlog_changes_backlog_item_fk', t.backlogItemId, t.consortiumId, () => backlogItems),
		within('backlog_changes_decision_item_fk', t.decisionItemId, t.consortiumId, () => decisionItems),
		within('backlog_changes_decision_fk', t.decisionId, t.consortiumId, () => decisions),
		unique('backlog_changes_number_key').on(t.consortiumId, t.number),
		unique('backlog_changes_decision_item_key').on(t.decisionItemId),
		index('backlog_changes_backlog_id_idx').on(t.backlogId),
		check('backlog_changes_motivation_check', nonBlank(t.motivation)),
		check('backlog_changes_target_rank_check', sql`${t.targetRank} is null or ${t.targetRank} > 0`)
	]
);

/**
 * A release (backlog-leverans) published to the supplier: numbered per consortium, never changed; its
 * items are frozen in backlog_release_items. The supplier acknowledges it.
 */
export const backlogReleases = pgTable(
	'backlog_releases',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		backlogId: uuid('backlog_id').notNull(),
		number: integer('number').notNull(),
		/** The backlog's name at publishing, e.g. "MVP 1.0". */
		version: text('version').notNull(),
		note: text('note').notNull().default(''),
		/** The decision that approved it, if any (by id, and its number as it was). */
		decisionId: uuid('decision_id'),
		decisionNumber: text('decision_number'),
		capacity: integer('capacity').notNull(),
		capacityUnit: capacityUnit('capacity_unit').notNull(),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
		publishedBy: userRef('published_by'),
		acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
		acknowledgedBy: userRef('acknowledged_by')
	},
	(t) => [
		within('backlog_releases_backlog_fk', t.backlogId, t.consortiumId, () => backlogs),
		within('backlog_releases_decision_fk', t.decisionId, t.consortiumId, () => decisions),
		unique('backlog_releases_id_consortium_key').on(t.id, t.consortiumId),
		unique('backlog_releases_number_key').on(t.consortiumId, t.number),
		index('backlog_releases_backlog_id_idx').on(t.backlogId),
		check('backlog_releases_number_check', sql`${t.number} > 0`)
	]
);

/** One item of a release as it was published: place, MoSCoW, criteria and the texts it carries. */
export const backlogReleaseItems = pgTable(
	'backlog_release_items',
	{
		consortiumId: consortiumRef(),
		releaseId: uuid('release_id').notNull(),
		backlogItemId: uuid('backlog_item_id').notNull(),
		rank: integer('rank').notNull(),
		/** { kind, itemId, key, title, description, moscow, estimate, acceptanceCriteria, requirements: [...], changedByDecision } */
		content: jsonb('content').notNull()
	},
	(t) => [
		foreignKey({
			name: 'backlog_release_items_release_fk',
			columns: [t.releaseId, t.consortiumId],
			foreignColumns: [backlogReleases.id, backlogReleases.consortiumId]
		}).onDelete('cascade'),
		within('backlog_release_items_backlog_item_fk', t.backlogItemId, t.consortiumId, () => backlogItems),
		unique('backlog_release_items_key').on(t.releaseId, t.backlogItemId),
		index('backlog_release_items_consortium_id_idx').on(t.consortiumId),
		index('backlog_release_items_backlog_item_idx').on(t.backlogItemId)
	]
);

/** The supplier's delivery reports per item, newest last; the latest is the item's status. */
export const deliveryReports = pgTable(
	'delivery_reports',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		backlogItemId: uuid('backlog_item_id').notNull(),
		status: deliveryStatus('status').notNull(),
		note: text('note').notNull().default(''),
		reportedBy: userRef('reported_by'),
		reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		within('delivery_reports_backlog_item_fk', t.backlogItemId, t.consortiumId, () => backlogItems),
		index('delivery_reports_item_idx').on(t.backlogItemId, t.reportedAt),
		index('delivery_reports_consortium_id_idx').on(t.consortiumId)
	]
);

/** The consortium's verdicts on delivered items (accepted, or returned with a reason), newest last. */
export const deliveryAcceptances = pgTable(
	'delivery_acceptances',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		backlogItemId: uuid('backlog_item_id').notNull(),
		verdict: acceptanceVerdict('verdict').notNull(),
		reason: text('reason').notNull().default(''),
		decidedBy: userRef('decided_by'),
		decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		within('delivery_acceptances_backlog_item_fk', t.backlogItemId, t.consortiumId, () => backlogItems),
		index('delivery_acceptances_item_idx').on(t.backlogItemId, t.decidedAt),
		index('delivery_acceptances_consortium_id_idx').on(t.consortiumId),
		check('delivery_acceptances_reason_check', sql`${t.verdict} = 'accepted' or length(trim(${t.reason})) > 0`)
	]
);

/**
 * Godkännande av delleverans: a release presented to the steering group, which decides Fortsätt,
 * Tillbaka, Stopp or Avsluta on the gate's decision item; the outcome is kept once the decision is
 * recorded. A release may be presented again after Tillbaka (a new gate); the initiative it belongs
 * to, if named, is stopped or closed by the corresponding outcome.
 */
export const releaseGates = pgTable(
	'release_gates',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		releaseId: uuid('release_id').notNull(),
		decisionItemId: uuid('decision_item_id').notNull(),
		initiativeId: uuid('initiative_id'),
		/** What the steering group decided, once the item's decision is recorded. */
		outcome: gateOutcome('outcome'),
		createdBy: userRef('created_by'),
		createdAt: createdAt()
	},
	(t) => [
		within('release_gates_release_fk', t.releaseId, t.consortiumId, () => backlogReleases),
		within('release_gates_decision_item_fk', t.decisionItemId, t.consortiumId, () => decisionItems),
		within('release_gates_initiative_fk', t.initiativeId, t.consortiumId, () => initiatives),
		unique('release_gates_decision_item_key').on(t.decisionItemId),
		index('release_gates_release_id_idx').on(t.releaseId),
		index('release_gates_initiative_id_idx').on(t.initiativeId),
		index('release_gates_consortium_id_idx').on(t.consortiumId)
	]
);
