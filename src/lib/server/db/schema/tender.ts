import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { TenderManifest } from '../../tender/manifest';
import { baselines } from './baselines';
import { bytea } from './collab';
import { consortiumRef, createdAt, userRef, within } from './columns';
import { decisions } from './decisions';

/**
 * A tender package (upphandlingsdokument, UD-1, UD-2 … per consortium): the ZIP archive that goes
 * into the e-procurement system, built from a baseline, approved document versions and, usually, the
 * decision that approved it. Immutable once written: row-level security allows insert and select only.
 */
export const tenderPackages = pgTable(
	'tender_packages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		number: integer('number').notNull(),
		baselineId: uuid('baseline_id').notNull(),
		/** The recorded decision that approved the package; null for a draft package made before it. */
		decisionId: uuid('decision_id'),
		/** The approved document versions it holds, in the archive's order. */
		versionIds: uuid('version_ids')
			.array()
			.notNull()
			.default(sql`'{}'::uuid[]`),
		/** What `manifest.json` in the archive says: every file with its SHA-256 and size, and what it was made from. */
		manifest: jsonb('manifest').$type<TenderManifest>().notNull(),
		archive: bytea('archive').notNull(),
		/** SHA-256 of the archive, hex. */
		sha256: text('sha256').notNull(),
		byteSize: integer('byte_size').notNull(),
		createdBy: userRef('created_by'),
		createdAt: createdAt()
	},
	(t) => [
		unique('tender_packages_number_key').on(t.consortiumId, t.number),
		within('tender_packages_baseline_fk', t.baselineId, t.consortiumId, () => baselines),
		within('tender_packages_decision_fk', t.decisionId, t.consortiumId, () => decisions),
		index('tender_packages_baseline_id_idx').on(t.baselineId),
		index('tender_packages_decision_id_idx').on(t.decisionId),
		check('tender_packages_number_check', sql`${t.number} >= 1`),
		check('tender_packages_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`)
	]
);
