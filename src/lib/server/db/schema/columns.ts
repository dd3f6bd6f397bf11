import { sql, type SQL } from 'drizzle-orm';
import { foreignKey, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { consortia } from './consortia';

// Column and constraint builders the consortium's tables share. Not a table module: index.ts does not
// export it, so drizzle-kit sees only the tables built with it.

/** The consortium a row belongs to; the row goes with it. */
export const consortiumRef = () =>
	uuid('consortium_id')
		.notNull()
		.references(() => consortia.id, { onDelete: 'cascade' });
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** A person who did something; the row stays when the account goes. */
export const userRef = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });

/*
 * Rows that link two things of a consortium refer to each with (id, consortium_id), so the schema
 * itself keeps a link inside its consortium whatever the application does.
 */
type Parent = { id: AnyPgColumn; consortiumId: AnyPgColumn };
export const within = (name: string, column: AnyPgColumn, consortiumId: AnyPgColumn, parent: () => Parent) =>
	foreignKey({ name, columns: [column, consortiumId], foreignColumns: [parent().id, parent().consortiumId] }).onDelete('cascade');

/** A check that a text column holds more than white space. */
export const nonBlank = (column: AnyPgColumn): SQL => sql`length(trim(${column})) > 0`;
