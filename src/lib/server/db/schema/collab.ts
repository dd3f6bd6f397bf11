import { bigint, bigserial, customType, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { consortia } from './consortia';

/** Binary columns: Yjs updates and states. PGlite returns Uint8Array, postgres.js a Buffer (a Uint8Array). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
	fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
});

/**
 * The append-only log of a co-edited document's Yjs updates (`<kind>/<uuid>/<field>`), written
 * before any client receives them. Compaction folds the oldest into `collab_snapshots`.
 */
export const collabUpdates = pgTable(
	'collab_updates',
	{
		seq: bigserial('seq', { mode: 'number' }).primaryKey(),
		document: text('document').notNull(),
		// No foreign keys on this hot append-only log: their checks cost about 40 % of each insert,
		// which every keystroke waits for. Only the server writes it, for documents it has resolved;
		// deleting a consortium or a user is followed by triggers on those tables instead
		// (migration *_collab_log_cleanup_triggers.sql), with the same effect as the cascades.
		consortiumId: uuid('consortium_id').notNull(),
		update: bytea('update').notNull(),
		userId: uuid('user_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('collab_updates_document_seq_idx').on(t.document, t.seq), index('collab_updates_consortium_id_idx').on(t.consortiumId)]
);

/** The latest compacted state of a document: every update up to `upToSeq` merged. */
export const collabSnapshots = pgTable(
	'collab_snapshots',
	{
		document: text('document').primaryKey(),
		consortiumId: uuid('consortium_id')
			.notNull()
			.references(() => consortia.id, { onDelete: 'cascade' }),
		state: bytea('state').notNull(),
		upToSeq: bigint('up_to_seq', { mode: 'number' }).notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('collab_snapshots_consortium_id_idx').on(t.consortiumId)]
);

/** Named versions: a full Yjs state kept for reading, comparing and restoring. */
export const collabVersions = pgTable(
	'collab_versions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		document: text('document').notNull(),
		consortiumId: uuid('consortium_id')
			.notNull()
			.references(() => consortia.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		state: bytea('state').notNull(),
		createdBy: uuid('created_by').references(() => users.id, {
			onDelete: 'set null'
		}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('collab_versions_document_idx').on(t.document, t.createdAt), index('collab_versions_consortium_id_idx').on(t.consortiumId)]
);
