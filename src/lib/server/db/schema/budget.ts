import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { consortiumRef, createdAt, nonBlank, updatedAt, userRef, within } from './columns';
import { initiatives } from './roadmap';

/**
 * Budget against outcome (Ekonomi): per cost category (kostnadsslag) and year, the budgeted and the
 * actual amount in whole kronor, for the consortium as a whole or (with an initiative) for one
 * initiative. Either amount may be missing (an outcome not yet known).
 */
export const budgetLines = pgTable(
	'budget_lines',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		initiativeId: uuid('initiative_id'),
		category: text('category').notNull(),
		year: integer('year').notNull(),
		budget: bigint('budget', { mode: 'number' }),
		outcome: bigint('outcome', { mode: 'number' }),
		updatedBy: userRef('updated_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		within('budget_lines_initiative_fk', t.initiativeId, t.consortiumId, () => initiatives),
		uniqueIndex('budget_lines_initiative_key')
			.on(t.initiativeId, t.category, t.year)
			.where(sql`${t.initiativeId} is not null`),
		uniqueIndex('budget_lines_own_key')
			.on(t.consortiumId, t.category, t.year)
			.where(sql`${t.initiativeId} is null`),
		index('budget_lines_consortium_id_idx').on(t.consortiumId),
		check('budget_lines_category_check', nonBlank(t.category)),
		check('budget_lines_year_check', sql`${t.year} between 1900 and 2999`),
		check('budget_lines_amounts_check', sql`coalesce(${t.budget}, 0) >= 0 and coalesce(${t.outcome}, 0) >= 0`)
	]
);
