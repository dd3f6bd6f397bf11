import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { consortiumRef, createdAt, nonBlank, updatedAt, userRef, within } from './columns';
import { consortia } from './consortia';
import { decisionItems } from './decisions';
import { riskStatus } from './enums';
import { initiatives } from './roadmap';

/**
 * Where a consortium draws its risk bands (seed 004): R below `medium_from` is low, R from
 * `medium_from` is medium (the project manager decides), R from `high_from` is high (the steering
 * group decides). A consortium without a row uses 8 and 15.
 */
export const riskSettings = pgTable(
	'risk_settings',
	{
		consortiumId: uuid('consortium_id')
			.primaryKey()
			.references(() => consortia.id, { onDelete: 'cascade' }),
		mediumFrom: integer('medium_from').notNull().default(8),
		highFrom: integer('high_from').notNull().default(15),
		updatedAt: updatedAt()
	},
	(t) => [check('risk_settings_bands_check', sql`${t.mediumFrom} between 2 and 25 and ${t.highFrom} > ${t.mediumFrom} and ${t.highFrom} <= 25`)]
);

/**
 * A risk in the consortium's register (or an initiative's, with `initiative_id`): the threat (hot),
 * the vulnerability it meets (sårbarhet), the consequence (konsekvens), its probability S and
 * consequence score K from 1 to 5, and R = S×K, kept by the database. `escalated_at` is when it last
 * entered the high band; the steering group's agenda proposes it until a meeting after that date
 * has it on the agenda.
 */
export const risks = pgTable(
	'risks',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		/** R1, R2, … per consortium, in the order they were raised. */
		number: integer('number').notNull(),
		initiativeId: uuid('initiative_id'),
		title: text('title').notNull(),
		threat: text('threat').notNull().default(''),
		vulnerability: text('vulnerability').notNull().default(''),
		consequence: text('consequence').notNull().default(''),
		probability: integer('probability').notNull(),
		impact: integer('impact').notNull(),
		score: integer('score')
			.notNull()
			.generatedAlwaysAs(sql`probability * impact`),
		ownerId: userRef('owner_id'),
		status: riskStatus('status').notNull().default('open'),
		nextReview: date('next_review'),
		escalatedAt: timestamp('escalated_at', { withTimezone: true }),
		/** The steering group's decision item the risk was raised as (kept in the consortium by the command). */
		decisionItemId: uuid('decision_item_id').references(() => decisionItems.id, { onDelete: 'set null' }),
		version: integer('version').notNull().default(1),
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('risks_id_consortium_key').on(t.id, t.consortiumId),
		unique('risks_number_key').on(t.consortiumId, t.number),
		within('risks_initiative_fk', t.initiativeId, t.consortiumId, () => initiatives),
		index('risks_initiative_id_idx').on(t.initiativeId),
		index('risks_owner_id_idx').on(t.ownerId),
		unique('risks_decision_item_key').on(t.decisionItemId),
		check('risks_title_check', nonBlank(t.title)),
		check('risks_probability_check', sql`${t.probability} between 1 and 5`),
		check('risks_impact_check', sql`${t.impact} between 1 and 5`)
	]
);

/** Every assessment of a risk's S and K, the first one included: the trend of its score. */
export const riskAssessments = pgTable(
	'risk_assessments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		riskId: uuid('risk_id').notNull(),
		probability: integer('probability').notNull(),
		impact: integer('impact').notNull(),
		/** Why the score changed, in a line. */
		note: text('note').notNull().default(''),
		assessedBy: userRef('assessed_by'),
		assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		within('risk_assessments_risk_fk', t.riskId, t.consortiumId, () => risks),
		index('risk_assessments_risk_idx').on(t.riskId, t.assessedAt),
		index('risk_assessments_consortium_id_idx').on(t.consortiumId),
		check('risk_assessments_probability_check', sql`${t.probability} between 1 and 5`),
		check('risk_assessments_impact_check', sql`${t.impact} between 1 and 5`)
	]
);

/** An action that lowers a risk (åtgärd), with its owner and date. */
export const riskActions = pgTable(
	'risk_actions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		riskId: uuid('risk_id').notNull(),
		title: text('title').notNull(),
		ownerId: userRef('owner_id'),
		due: date('due'),
		done: boolean('done').notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [
		within('risk_actions_risk_fk', t.riskId, t.consortiumId, () => risks),
		index('risk_actions_risk_idx').on(t.riskId),
		index('risk_actions_owner_id_idx').on(t.ownerId),
		index('risk_actions_consortium_id_idx').on(t.consortiumId),
		check('risk_actions_title_check', nonBlank(t.title))
	]
);
