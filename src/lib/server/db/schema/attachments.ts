import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { consortiumRef, createdAt, nonBlank, userRef } from './columns';
import { bytea } from './collab';
import { attachmentTarget } from './enums';

/**
 * A file attached to something of a consortium (bilaga): a decision item, a meeting, a requirement
 * or an initiative, named by `target_kind` and `target_id`, so a new kind of target is one enum value.
 * The target's own row decides who reads and attaches (row-level security asks it); a trigger on each
 * target removes its attachments with it. The bytes live in the store `backend` names, under
 * `storage_key`, a random id: the file's name is only ever shown, never used as a path.
 */
export const attachments = pgTable(
	'attachments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		targetKind: attachmentTarget('target_kind').notNull(),
		targetId: uuid('target_id').notNull(),
		storageKey: uuid('storage_key').notNull(),
		/** Where the bytes are: `postgres` (attachment_chunks) or `supabase` (Supabase Storage). */
		backend: text('backend').notNull(),
		/** The display name, with path characters and control characters taken out. */
		name: text('name').notNull(),
		/** The type the content was recognised as (never the one the browser claimed). */
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		/** SHA-256 of the content, hex. */
		sha256: text('sha256').notNull(),
		uploadedBy: userRef('uploaded_by'),
		createdAt: createdAt()
	},
	(t) => [
		unique('attachments_id_consortium_key').on(t.id, t.consortiumId),
		unique('attachments_storage_key_key').on(t.storageKey),
		index('attachments_consortium_id_idx').on(t.consortiumId),
		index('attachments_target_idx').on(t.targetKind, t.targetId),
		check('attachments_name_check', sql`${nonBlank(t.name)} and length(${t.name}) <= 255 and ${t.name} !~ '[/\\\\[:cntrl:]]'`),
		check('attachments_backend_check', sql`${t.backend} in ('postgres', 'supabase')`),
		check('attachments_size_check', sql`${t.size} >= 0`)
	]
);

/**
 * The PostgreSQL store's bytes: each attachment's content in chunks of up to 256 KB, in order, so it
 * is written and read as a stream. The server's own table: nobody reads it but through an
 * attachment row they may read (the Supabase store's bucket is private in the same way).
 */
export const attachmentChunks = pgTable(
	'attachment_chunks',
	{
		storageKey: uuid('storage_key').notNull(),
		seq: integer('seq').notNull(),
		data: bytea('data').notNull()
	},
	(t) => [primaryKey({ name: 'attachment_chunks_pkey', columns: [t.storageKey, t.seq] })]
);
