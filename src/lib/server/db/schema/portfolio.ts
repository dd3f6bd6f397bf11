import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { consortiumRef, createdAt, nonBlank, updatedAt, userRef, within } from './columns';
import { organisations } from './consortia';
import { portfolioIntent, technologyStatus } from './enums';

/**
 * The portfolio's categories (trygghet och larm, tillsyn, läkemedel, …): data, named in the
 * consortium's content language, so admins add one without a migration.
 */
export const technologyCategories = pgTable(
	'technology_categories',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		name: text('name').notNull(),
		position: integer('position').notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [
		unique('technology_categories_id_consortium_key').on(t.id, t.consortiumId),
		unique('technology_categories_name_key').on(t.consortiumId, t.name),
		check('technology_categories_name_check', nonBlank(t.name))
	]
);

/**
 * A welfare technology in the consortium's catalogue, with the other names the municipalities use
 * for it ("medicinrobot" for Läkemedelsautomat); matching a free-text name goes by both (portfolio/matching.ts).
 */
export const technologies = pgTable(
	'technologies',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		categoryId: uuid('category_id').notNull(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		aliases: text('aliases')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('technologies_id_consortium_key').on(t.id, t.consortiumId),
		unique('technologies_name_key').on(t.consortiumId, t.name),
		foreignKey({
			name: 'technologies_category_fk',
			columns: [t.categoryId, t.consortiumId],
			foreignColumns: [technologyCategories.id, technologyCategories.consortiumId]
		}).onDelete('restrict'),
		index('technologies_category_id_idx').on(t.categoryId),
		check('technologies_name_check', nonBlank(t.name))
	]
);

/**
 * Where one municipality stands with one technology: its status (in use since a year, planned for a
 * year, …), supplier or product, contract end, whether it wants to go on together or alone, and who
 * last changed it. One row per municipality and technology.
 */
export const technologyStatuses = pgTable(
	'technology_statuses',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		technologyId: uuid('technology_id').notNull(),
		organisationId: uuid('organisation_id').notNull(),
		status: technologyStatus('status').notNull(),
		/** In use (or pilot) since this year. */
		sinceYear: integer('since_year'),
		/** Planned for this year. */
		plannedYear: integer('planned_year'),
		/**
		 * In use (or in a pilot) and more of it planned ("utökning planeras"): Table 4 lists such a
		 * technology both as introduced and as planned. The municipality then both runs it and would join.
		 */
		expansionPlanned: boolean('expansion_planned').notNull().default(false),
		supplier: text('supplier').notNull().default(''),
		contractEnd: date('contract_end'),
		intent: portfolioIntent('intent').notNull().default('unknown'),
		note: text('note').notNull().default(''),
		updatedBy: userRef('updated_by'),
		updatedAt: updatedAt()
	},
	(t) => [
		within('technology_statuses_technology_fk', t.technologyId, t.consortiumId, () => technologies),
		foreignKey({
			name: 'technology_statuses_organisation_fk',
			columns: [t.organisationId, t.consortiumId],
			foreignColumns: [organisations.id, organisations.consortiumId]
		}).onDelete('cascade'),
		unique('technology_statuses_technology_organisation_key').on(t.technologyId, t.organisationId),
		index('technology_statuses_consortium_id_idx').on(t.consortiumId),
		index('technology_statuses_organisation_id_idx').on(t.organisationId),
		check('technology_statuses_since_year_check', sql`${t.sinceYear} is null or ${t.sinceYear} between 1950 and 2100`),
		check('technology_statuses_planned_year_check', sql`${t.plannedYear} is null or ${t.plannedYear} between 1950 and 2100`)
	]
);
