import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SpecRequirement } from '../../exports/spec';
import { baselines } from './baselines';
import { bytea } from './collab';
import { consortiumRef, createdAt, nonBlank, updatedAt, userRef, within } from './columns';
import { memberships, organisations } from './consortia';
import { approvalVerdict, documentKind, documentVersionStatus, mandateKind, publicationAudience } from './enums';
import { initiatives } from './roadmap';

/**
 * A procurement document the consortium co-writes (projektdirektiv, kravspecifikation, …): begun
 * from a template, co-edited as `document/<id>/body` (and, for a kravspecifikation, the text after
 * its requirements as `document/<id>/closing`), with the requirements of a chosen baseline generated
 * between the two. The live text is the draft; what is approved and published are its versions.
 */
export const documents = pgTable(
	'documents',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		kind: documentKind('kind').notNull(),
		title: text('title').notNull(),
		/** The initiative (procurement) it belongs to, if any. */
		initiativeId: uuid('initiative_id'),
		/** A kravspecifikation's baseline: its requirements make up the generated section. */
		baselineId: uuid('baseline_id'),
		/** The language it was begun in (the template's). */
		language: text('language').notNull().default('sv'),
		/** The plain text of the draft, kept from the co-edited body for lists and search. */
		text: text('text').notNull().default(''),
		version: integer('version').notNull().default(1),
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('documents_id_consortium_key').on(t.id, t.consortiumId),
		within('documents_initiative_fk', t.initiativeId, t.consortiumId, () => initiatives),
		within('documents_baseline_fk', t.baselineId, t.consortiumId, () => baselines),
		index('documents_consortium_id_idx').on(t.consortiumId),
		index('documents_initiative_id_idx').on(t.initiativeId),
		check('documents_title_check', sql`${nonBlank(t.title)} and length(${t.title}) <= 200`),
		check('documents_language_check', sql`${t.language} in ('sv', 'en')`),
		check('documents_baseline_kind_check', sql`${t.baselineId} is null or ${t.kind} = 'requirement_specification'`)
	]
);

/**
 * A named version of a document: the co-edited states as they were, with the baseline then chosen.
 * Never changed once written (only its status moves: saved → in approval → approved or rejected),
 * so an approved version is frozen by construction.
 */
export const documentVersions = pgTable(
	'document_versions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		documentId: uuid('document_id').notNull(),
		/** 1, 2, 3 … per document, in the order they were named. */
		number: integer('number').notNull(),
		name: text('name').notNull(),
		status: documentVersionStatus('status').notNull().default('saved'),
		title: text('title').notNull(),
		bodyState: bytea('body_state').notNull(),
		closingState: bytea('closing_state').notNull(),
		baselineId: uuid('baseline_id'),
		/**
		 * The baseline's name and requirements as the version's generated section showed them (the
		 * exports' plain shape), kept with the version so that whoever reads it (the supplier, too)
		 * reads exactly what was approved.
		 */
		baselineName: text('baseline_name'),
		baselineFrozenAt: timestamp('baseline_frozen_at', { withTimezone: true }),
		baselineRequirements: jsonb('baseline_requirements').$type<SpecRequirement[]>(),
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		submittedBy: userRef('submitted_by'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		decidedAt: timestamp('decided_at', { withTimezone: true })
	},
	(t) => [
		unique('document_versions_id_consortium_key').on(t.id, t.consortiumId),
		unique('document_versions_document_number_key').on(t.documentId, t.number),
		within('document_versions_document_fk', t.documentId, t.consortiumId, () => documents),
		within('document_versions_baseline_fk', t.baselineId, t.consortiumId, () => baselines),
		uniqueIndex('document_versions_one_in_approval_key')
			.on(t.documentId)
			.where(sql`${t.status} = 'in_approval'`),
		index('document_versions_consortium_id_idx').on(t.consortiumId),
		check('document_versions_name_check', sql`${nonBlank(t.name)} and length(${t.name}) <= 200`),
		check('document_versions_number_check', sql`${t.number} >= 1`)
	]
);

/** A member organisation's verdict on a version sent for approval, given by its representative or deputy. */
export const documentApprovals = pgTable(
	'document_approvals',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		versionId: uuid('version_id').notNull(),
		organisationId: uuid('organisation_id').notNull(),
		verdict: approvalVerdict('verdict').notNull(),
		reason: text('reason').notNull().default(''),
		userId: userRef('user_id'),
		actingAs: mandateKind('acting_as').notNull(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		within('document_approvals_version_fk', t.versionId, t.consortiumId, () => documentVersions),
		within('document_approvals_organisation_fk', t.organisationId, t.consortiumId, () => organisations),
		unique('document_approvals_version_organisation_key').on(t.versionId, t.organisationId),
		index('document_approvals_consortium_id_idx').on(t.consortiumId),
		check('document_approvals_reason_check', sql`${t.verdict} = 'approve' or length(trim(${t.reason})) > 0`)
	]
);

/**
 * An approved version handed to an audience, who read it in Samsyn, read-only: the supplier (the
 * newest supplier publication of a document is the one the supplier sees, and nothing else of the
 * document), or a named group of external reviewers (a consultation round, remiss: its reviewers are
 * `document_publication_reviewers`, and it has a last day for comments). A version reaches the
 * supplier once, and any number of reviewer rounds.
 */
export const documentPublications = pgTable(
	'document_publications',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		documentId: uuid('document_id').notNull(),
		versionId: uuid('version_id').notNull(),
		audience: publicationAudience('audience').notNull().default('supplier'),
		/** Whether the audience may comment on the published version (a consultation round). */
		allowComments: boolean('allow_comments').notNull().default(false),
		note: text('note').notNull().default(''),
		/** A reviewer round's last day for comments (Swedish time); none for the supplier. */
		replyBy: date('reply_by', { mode: 'string' }),
		publishedBy: userRef('published_by'),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		within('document_publications_document_fk', t.documentId, t.consortiumId, () => documents),
		within('document_publications_version_fk', t.versionId, t.consortiumId, () => documentVersions),
		unique('document_publications_id_consortium_key').on(t.id, t.consortiumId),
		uniqueIndex('document_publications_supplier_version_key')
			.on(t.versionId)
			.where(sql`${t.audience} = 'supplier'`),
		index('document_publications_document_idx').on(t.documentId, t.publishedAt),
		index('document_publications_consortium_id_idx').on(t.consortiumId),
		check('document_publications_note_check', sql`length(${t.note}) <= 2000`),
		check('document_publications_reply_by_check', sql`(${t.audience} = 'reviewers') = (${t.replyBy} is not null)`)
	]
);

/** The reviewers named in a reviewer round: the only people outside the consortium's own who read it. */
export const documentPublicationReviewers = pgTable(
	'document_publication_reviewers',
	{
		publicationId: uuid('publication_id').notNull(),
		consortiumId: consortiumRef(),
		userId: uuid('user_id').notNull()
	},
	(t) => [
		primaryKey({ name: 'document_publication_reviewers_pkey', columns: [t.publicationId, t.userId] }),
		within('document_publication_reviewers_publication_fk', t.publicationId, t.consortiumId, () => documentPublications),
		// Leaving the consortium takes the person out of its rounds.
		foreignKey({
			name: 'document_publication_reviewers_membership_fk',
			columns: [t.consortiumId, t.userId],
			foreignColumns: [memberships.consortiumId, memberships.userId]
		}).onDelete('cascade'),
		index('document_publication_reviewers_user_idx').on(t.userId),
		index('document_publication_reviewers_consortium_id_idx').on(t.consortiumId)
	]
);

/**
 * What the audience wrote on a published version open for comments: the supplier's, read by the
 * consortium and the supplier; a reviewer's, read by the consortium and that reviewer only.
 */
export const documentFeedback = pgTable(
	'document_feedback',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		publicationId: uuid('publication_id')
			.notNull()
			.references(() => documentPublications.id, { onDelete: 'cascade' }),
		authorId: userRef('author_id'),
		body: text('body').notNull(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('document_feedback_publication_idx').on(t.publicationId),
		index('document_feedback_consortium_id_idx').on(t.consortiumId),
		check('document_feedback_body_check', sql`${nonBlank(t.body)} and length(${t.body}) <= 10000`)
	]
);
