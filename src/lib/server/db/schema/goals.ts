import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { consortiumRef, createdAt, nonBlank, updatedAt, userRef, within } from './columns';
import { organisations } from './consortia';
import { requirements, userStories } from './requirements';
import { initiatives } from './roadmap';

/**
 * An effect goal (effektmål): what should improve for residents or staff, measured by an indicator
 * from a baseline (value and date) towards a target (value and date). Whether lower is better follows
 * from the target itself (below the baseline), so the two may not be equal. Grouped by a free-text
 * category (Invånarupplevelse, Effektiviseringar, …), optionally belonging to one initiative.
 */
export const effectGoals = pgTable(
	'effect_goals',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		category: text('category').notNull(),
		title: text('title').notNull(),
		/** What is measured, e.g. "Median antal dagar från ansökan till beslut". */
		indicator: text('indicator').notNull(),
		unit: text('unit').notNull().default(''),
		baselineValue: doublePrecision('baseline_value').notNull(),
		baselineOn: date('baseline_on').notNull(),
		targetValue: doublePrecision('target_value').notNull(),
		targetOn: date('target_on').notNull(),
		/** The initiative it belongs to; checked to be the consortium's by the command, unlinked when the initiative goes. */
		initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
		version: integer('version').notNull().default(1),
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('effect_goals_id_consortium_key').on(t.id, t.consortiumId),
		index('effect_goals_consortium_id_idx').on(t.consortiumId, t.category),
		index('effect_goals_initiative_id_idx').on(t.initiativeId),
		check('effect_goals_title_check', nonBlank(t.title)),
		check('effect_goals_category_check', nonBlank(t.category)),
		check('effect_goals_indicator_check', nonBlank(t.indicator)),
		check('effect_goals_dates_check', sql`${t.targetOn} > ${t.baselineOn}`),
		check('effect_goals_target_check', sql`${t.targetValue} <> ${t.baselineValue}`)
	]
);

/**
 * One measurement of a goal's indicator: for one municipality (organisation), or for the consortium as
 * a whole (`organisation_id` null). History is kept; its recorder or an admin corrects or removes one.
 */
export const effectGoalMeasurements = pgTable(
	'effect_goal_measurements',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		goalId: uuid('goal_id').notNull(),
		organisationId: uuid('organisation_id'),
		value: doublePrecision('value').notNull(),
		measuredOn: date('measured_on').notNull(),
		/** Where the number came from (a report, a system, a survey). */
		source: text('source').notNull().default(''),
		version: integer('version').notNull().default(1),
		recordedBy: userRef('recorded_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		within('effect_goal_measurements_goal_fk', t.goalId, t.consortiumId, () => effectGoals),
		// A null organisation (the consortium as a whole) is not checked: MATCH SIMPLE.
		within('effect_goal_measurements_organisation_fk', t.organisationId, t.consortiumId, () => organisations),
		index('effect_goal_measurements_goal_id_idx').on(t.goalId, t.measuredOn),
		index('effect_goal_measurements_organisation_id_idx').on(t.organisationId),
		index('effect_goal_measurements_consortium_id_idx').on(t.consortiumId)
	]
);

/**
 * What is meant to realise a goal: exactly one requirement, user story or initiative per row, each
 * kept inside the consortium by its foreign key and removed with the thing it points at.
 */
export const effectGoalLinks = pgTable(
	'effect_goal_links',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		goalId: uuid('goal_id').notNull(),
		requirementId: uuid('requirement_id'),
		storyId: uuid('story_id'),
		initiativeId: uuid('initiative_id'),
		createdAt: createdAt()
	},
	(t) => [
		within('effect_goal_links_goal_fk', t.goalId, t.consortiumId, () => effectGoals),
		within('effect_goal_links_requirement_fk', t.requirementId, t.consortiumId, () => requirements),
		within('effect_goal_links_story_fk', t.storyId, t.consortiumId, () => userStories),
		within('effect_goal_links_initiative_fk', t.initiativeId, t.consortiumId, () => initiatives),
		unique('effect_goal_links_requirement_key').on(t.goalId, t.requirementId),
		unique('effect_goal_links_story_key').on(t.goalId, t.storyId),
		unique('effect_goal_links_initiative_key').on(t.goalId, t.initiativeId),
		index('effect_goal_links_requirement_id_idx').on(t.requirementId),
		index('effect_goal_links_story_id_idx').on(t.storyId),
		index('effect_goal_links_initiative_id_idx').on(t.initiativeId),
		index('effect_goal_links_consortium_id_idx').on(t.consortiumId),
		check('effect_goal_links_one_target_check', sql`num_nonnulls(${t.requirementId}, ${t.storyId}, ${t.initiativeId}) = 1`)
	]
);

/** The municipalities (organisations) that expect a goal's benefit. */
export const effectGoalOrganisations = pgTable(
	'effect_goal_organisations',
	{
		consortiumId: consortiumRef(),
		goalId: uuid('goal_id').notNull(),
		organisationId: uuid('organisation_id').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ name: 'effect_goal_organisations_pkey', columns: [t.goalId, t.organisationId] }),
		within('effect_goal_organisations_goal_fk', t.goalId, t.consortiumId, () => effectGoals),
		within('effect_goal_organisations_organisation_fk', t.organisationId, t.consortiumId, () => organisations),
		index('effect_goal_organisations_organisation_id_idx').on(t.organisationId),
		index('effect_goal_organisations_consortium_id_idx').on(t.consortiumId)
	]
);
