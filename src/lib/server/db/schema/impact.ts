import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RequirementDiff } from '../../impact/diff';
import { consortiumRef, createdAt, updatedAt, userRef, within } from './columns';
import { impactTargetKind } from './enums';
import { requirements } from './requirements';

/**
 * A flag on something that depends on a baselined requirement whose newer revision changed it
 * (påverkansanalys): what changed (the diff from the baselined revision to the newer one) and what to
 * review. One open flag per target and requirement number, moved on to the newest revision when the
 * requirement changes again; it stays until a writer reviews the target and clears it with a note.
 * The supplier never reads flags.
 */
export const impactFlags = pgTable(
	'impact_flags',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		/** The requirement by number (K-012 across its revisions), and its identifier as it was. */
		requirementNumber: integer('requirement_number').notNull(),
		identifier: text('identifier').notNull(),
		/** The baselined revision the change is measured from, and the revision that changed it. */
		fromRevisionId: uuid('from_revision_id').notNull(),
		toRevisionId: uuid('to_revision_id').notNull(),
		fromRevision: integer('from_revision').notNull(),
		toRevision: integer('to_revision').notNull(),
		targetKind: impactTargetKind('target_kind').notNull(),
		targetId: uuid('target_id').notNull(),
		/** The target's name when it was flagged ("F-3 Hur loggas …"), for lists and the audit log. */
		targetLabel: text('target_label').notNull(),
		diff: jsonb('diff').$type<RequirementDiff>().notNull(),
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		clearedAt: timestamp('cleared_at', { withTimezone: true }),
		clearedBy: userRef('cleared_by'),
		clearNote: text('clear_note')
	},
	(t) => [
		within('impact_flags_from_revision_fk', t.fromRevisionId, t.consortiumId, () => requirements),
		within('impact_flags_to_revision_fk', t.toRevisionId, t.consortiumId, () => requirements),
		uniqueIndex('impact_flags_open_key')
			.on(t.consortiumId, t.targetKind, t.targetId, t.requirementNumber)
			.where(sql`${t.clearedAt} is null`),
		index('impact_flags_consortium_open_idx')
			.on(t.consortiumId, t.createdAt)
			.where(sql`${t.clearedAt} is null`),
		index('impact_flags_target_idx').on(t.targetKind, t.targetId),
		index('impact_flags_from_revision_idx').on(t.fromRevisionId),
		index('impact_flags_to_revision_idx').on(t.toRevisionId),
		check('impact_flags_cleared_check', sql`(${t.clearedAt} is null) = (${t.clearNote} is null)`),
		check('impact_flags_note_check', sql`${t.clearNote} is null or length(trim(${t.clearNote})) > 0`),
		check('impact_flags_revisions_check', sql`${t.toRevision} > ${t.fromRevision}`)
	]
);
