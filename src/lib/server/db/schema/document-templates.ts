import { sql } from 'drizzle-orm';
import { check, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { consortiumRef, nonBlank, userRef } from './columns';
import { documentKind } from './enums';

/**
 * A consortium's own template for one kind of procurement document in one language, edited by its
 * admins; it replaces the built-in template (`builtInTemplates`) for that kind and language, and no
 * row means the built-in one.
 */
export const documentTemplates = pgTable(
	'document_templates',
	{
		consortiumId: consortiumRef(),
		kind: documentKind('kind').notNull(),
		locale: text('locale').notNull(),
		title: text('title').notNull(),
		/** `## ` headings, `- ` list items and paragraphs, as `outlineToUpdate` reads them. */
		outline: text('outline').notNull(),
		updatedBy: userRef('updated_by'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ name: 'document_templates_pkey', columns: [t.consortiumId, t.kind, t.locale] }),
		check('document_templates_locale_check', sql`${t.locale} in ('sv', 'en')`),
		check('document_templates_title_check', sql`${nonBlank(t.title)} and length(${t.title}) <= 200`),
		check('document_templates_outline_check', sql`length(${t.outline}) <= 50000`)
	]
);
