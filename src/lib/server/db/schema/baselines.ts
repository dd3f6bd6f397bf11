import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { consortia } from './consortia';
import { importKind, requirementObligation, requirementScope, requirementStatus, requirementSubtype, requirementType, verificationMethod } from './enums';
import { requirements } from './requirements';

/**
 * A named, dated freeze of the consortium's approved requirements ("Kravspecifikation 1.0").
 * Immutable once written: row-level security allows insert and select, never update or delete.
 */
export const baselines = pgTable(
	'baselines',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: uuid('consortium_id')
			.notNull()
			.references(() => consortia.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		requirementCount: integer('requirement_count').notNull(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('baselines_consortium_name_key').on(t.consortiumId, t.name),
		unique('baselines_id_consortium_key').on(t.id, t.consortiumId),
		index('baselines_consortium_created_idx').on(t.consortiumId, t.createdAt),
		check('baselines_name_check', sql`length(trim(${t.name})) between 1 and 200`)
	]
);

/**
 * One requirement as it stood when the baseline was frozen: a copy of its fields, not a reference,
 * so later revisions and deletions leave the baseline as it was. Organisations of a local
 * requirement are kept by name for the same reason.
 */
export const baselineItems = pgTable(
	'baseline_items',
	{
		baselineId: uuid('baseline_id').notNull(),
		consortiumId: uuid('consortium_id')
			.notNull()
			.references(() => consortia.id, { onDelete: 'cascade' }),
		/** The frozen revision; null once it has been deleted (the copy below stays). */
		requirementId: uuid('requirement_id').references(() => requirements.id, { onDelete: 'set null' }),
		position: integer('position').notNull(),
		number: integer('number').notNull(),
		identifier: text('identifier').notNull(),
		revision: integer('revision').notNull(),
		title: text('title').notNull(),
		bodyText: text('body_text').notNull(),
		rationale: text('rationale').notNull(),
		acceptanceCriteria: text('acceptance_criteria').notNull(),
		obligation: requirementObligation('obligation').notNull(),
		weight: integer('weight'),
		type: requirementType('type').notNull(),
		subtype: requirementSubtype('subtype'),
		verification: verificationMethod('verification').notNull(),
		scope: requirementScope('scope').notNull(),
		localOrganisations: text('local_organisations')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		status: requirementStatus('status').notNull(),
		approvedAt: timestamp('approved_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.baselineId, t.number] }),
		foreignKey({
			name: 'baseline_items_baseline_fk',
			columns: [t.baselineId, t.consortiumId],
			foreignColumns: [baselines.id, baselines.consortiumId]
		}).onDelete('cascade'),
		index('baseline_items_consortium_id_idx').on(t.consortiumId),
		index('baseline_items_requirement_id_idx').on(t.requirementId)
	]
);

/**
 * An uploaded file, parsed and validated, waiting for its uploader to confirm. The preview the
 * person sees is exactly what a confirmation writes: the server keeps the parsed rows, so neither a
 * second upload nor rows posted back by the browser are trusted. Expires after an hour.
 */
export const pendingImports = pgTable(
	'pending_imports',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: uuid('consortium_id')
			.notNull()
			.references(() => consortia.id, { onDelete: 'cascade' }),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: importKind('kind').notNull(),
		fileName: text('file_name').notNull(),
		format: text('format').notNull(),
		encoding: text('encoding').notNull(),
		/** The report: every data row with its line number, normalised values and errors. */
		rows: jsonb('rows').notNull(),
		/** Columns in the file that were not recognised (ignored). */
		ignoredColumns: jsonb('ignored_columns')
			.notNull()
			.default(sql`'[]'::jsonb`),
		validCount: integer('valid_count').notNull(),
		invalidCount: integer('invalid_count').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true })
	},
	(t) => [
		index('pending_imports_consortium_id_idx').on(t.consortiumId),
		index('pending_imports_created_by_idx').on(t.createdBy, t.createdAt),
		check('pending_imports_format_check', sql`${t.format} in ('csv', 'xlsx')`)
	]
);
