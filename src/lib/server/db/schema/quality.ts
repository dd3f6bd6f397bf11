import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { consortiumRef, nonBlank, updatedAt, userRef, within } from './columns';
import { consortia } from './consortia';
import { requirements } from './requirements';

/**
 * A consortium's own quality rules (kravgranskning): the rules it has switched off and the vague
 * words it adds to the built-in ones. `version` goes up with every change, so the stored results
 * of the rules as they were (requirement_quality.settings_version) are known to be out of date.
 */
export const qualitySettings = pgTable(
	'quality_settings',
	{
		consortiumId: uuid('consortium_id')
			.primaryKey()
			.references(() => consortia.id, { onDelete: 'cascade' }),
		disabledRules: text('disabled_rules')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		extraVagueWords: text('extra_vague_words')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		version: integer('version').notNull().default(1),
		updatedBy: userRef('updated_by'),
		updatedAt: updatedAt()
	},
	(t) => [check('quality_settings_words_check', sql`cardinality(${t.extraVagueWords}) <= 200`), check('quality_settings_version_check', sql`${t.version} >= 1`)]
);

/**
 * A finding someone judged not to be a problem, with their reason. Kept per requirement number
 * (not revision), so a dismissal holds for the next revision as long as the same words are there;
 * `key` is the finding's identity (rule, field and the words), never its position in the text.
 */
export const qualityDismissals = pgTable(
	'quality_dismissals',
	{
		consortiumId: consortiumRef(),
		number: integer('number').notNull(),
		key: text('key').notNull(),
		reason: text('reason').notNull(),
		dismissedBy: userRef('dismissed_by'),
		dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ name: 'quality_dismissals_pkey', columns: [t.consortiumId, t.number, t.key] }),
		check('quality_dismissals_reason_check', sql`${nonBlank(t.reason)} and length(${t.reason}) <= 1000`),
		check('quality_dismissals_key_check', sql`length(${t.key}) between 1 and 400`)
	]
);

/**
 * The rules' result for one requirement revision as last checked: the score (100 when nothing is
 * found), how many findings are not dismissed, and the findings themselves. Derived data, written
 * by the server whenever the text, the consortium's rules or a dismissal changes; people only read it.
 */
export const requirementQuality = pgTable(
	'requirement_quality',
	{
		requirementId: uuid('requirement_id').primaryKey(),
		consortiumId: consortiumRef(),
		score: integer('score').notNull(),
		openFindings: integer('open_findings').notNull(),
		findings: jsonb('findings').notNull(),
		settingsVersion: integer('settings_version').notNull(),
		/** The revision's `updated_at` when it was checked: a later change of its words makes the result stale. */
		sourceUpdatedAt: timestamp('source_updated_at', { withTimezone: true }).notNull(),
		checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		within('requirement_quality_requirement_fk', t.requirementId, t.consortiumId, () => requirements),
		index('requirement_quality_consortium_open_idx').on(t.consortiumId, t.openFindings),
		check('requirement_quality_score_check', sql`${t.score} between 0 and 100 and ${t.openFindings} >= 0`)
	]
);
