import { sql, type SQL } from 'drizzle-orm';
import {
	boolean,
	check,
	customType,
	date,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { consortiumRef, createdAt, updatedAt, userRef, within } from './columns';
import { consortia, organisations } from './consortia';
import {
	approvalVerdict,
	contentKind,
	mandateKind,
	needSource,
	requirementObligation,
	requirementScope,
	requirementStatus,
	requirementSubtype,
	requirementType,
	storyKind,
	verificationMethod
} from './enums';

/** PostgreSQL's full-text document type; Samsyn's columns are generated with the `swedish` config. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A weighted Swedish tsvector over (weight, expression) pairs, for a generated column. */
function swedish(...parts: [weight: 'A' | 'B' | 'C', expression: SQL][]): SQL {
	const pieces = parts.map(([w, e]) => sql`setweight(to_tsvector('swedish'::regconfig, coalesce(${e}, '')), ${sql.raw(`'${w}'`)})`);
	return sql.join(pieces, sql` || `);
}

const sameConsortium = (table: string) => (t: { id: AnyPgColumn; consortiumId: AnyPgColumn }) => unique(`${table}_id_consortium_key`).on(t.id, t.consortiumId);

/**
 * A need (behov), often captured at a workshop. `description_text`/`description_html` are derived
 * from the co-edited document `need/<id>/description`; without the editor they hold plain text.
 */
export const needs = pgTable(
	'needs',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		title: text('title').notNull(),
		descriptionText: text('description_text').notNull().default(''),
		descriptionHtml: text('description_html').notNull().default(''),
		source: needSource('source').notNull().default('workshop'),
		capturedByOrganisationId: uuid('captured_by_organisation_id').references(() => organisations.id, {
			onDelete: 'set null'
		}),
		capturedOn: date('captured_on'),
		/** Optimistic concurrency: bumped on every save of the relational fields. */
		version: integer('version').notNull().default(1),
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		updatedBy: userRef('updated_by'),
		updatedAt: updatedAt(),
		search: tsvector('search').generatedAlwaysAs((): SQL => swedish(['A', sql`title`], ['B', sql`description_text`]))
	},
	(t) => [
		sameConsortium('needs')(t),
		index('needs_consortium_id_idx').on(t.consortiumId, t.createdAt),
		index('needs_captured_by_idx').on(t.capturedByOrganisationId),
		index('needs_search_idx').using('gin', t.search)
	]
);

/** "Vi har också detta behov": another organisation joins a need, with its own comment. */
export const needShares = pgTable(
	'need_shares',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		needId: uuid('need_id').notNull(),
		organisationId: uuid('organisation_id').notNull(),
		comment: text('comment').notNull().default(''),
		createdBy: userRef('created_by'),
		createdAt: createdAt()
	},
	(t) => [
		within('need_shares_need_fk', t.needId, t.consortiumId, () => needs),
		within('need_shares_organisation_fk', t.organisationId, t.consortiumId, () => organisations),
		unique('need_shares_need_organisation_key').on(t.needId, t.organisationId),
		index('need_shares_consortium_id_idx').on(t.consortiumId),
		index('need_shares_organisation_id_idx').on(t.organisationId)
	]
);

/** "Jag som <role>, vill kunna <goal>, för att <purpose>" plus co-edited details (`story/<id>/details`). */
export const userStories = pgTable(
	'user_stories',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		role: text('role').notNull(),
		goal: text('goal').notNull(),
		purpose: text('purpose').notNull(),
		detailsText: text('details_text').notNull().default(''),
		detailsHtml: text('details_html').notNull().default(''),
		kind: storyKind('kind').notNull().default('end_user'),
		version: integer('version').notNull().default(1),
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		updatedBy: userRef('updated_by'),
		updatedAt: updatedAt(),
		search: tsvector('search').generatedAlwaysAs((): SQL => swedish(['A', sql`role || ' ' || goal || ' ' || purpose`], ['B', sql`details_text`]))
	},
	(t) => [
		sameConsortium('user_stories')(t),
		index('user_stories_consortium_id_idx').on(t.consortiumId, t.createdAt),
		index('user_stories_search_idx').using('gin', t.search)
	]
);

export const storyNeeds = pgTable(
	'story_needs',
	{
		consortiumId: consortiumRef(),
		storyId: uuid('story_id').notNull(),
		needId: uuid('need_id').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		within('story_needs_story_fk', t.storyId, t.consortiumId, () => userStories),
		within('story_needs_need_fk', t.needId, t.consortiumId, () => needs),
		primaryKey({ columns: [t.storyId, t.needId] }),
		index('story_needs_need_id_idx').on(t.needId),
		index('story_needs_consortium_id_idx').on(t.consortiumId)
	]
);

/**
 * The last requirement number handed out per consortium. `insert … on conflict do update … returning`
 * takes the row lock, so concurrent creators get distinct numbers (K-001, K-002, …).
 */
export const requirementCounters = pgTable('requirement_counters', {
	consortiumId: uuid('consortium_id')
		.primaryKey()
		.references(() => consortia.id, { onDelete: 'cascade' }),
	lastNumber: integer('last_number').notNull().default(0)
});

/**
 * One revision of a requirement. All revisions of K-007 share `number`; the newest has
 * `is_latest`; a revision of an approved requirement points at it through `replaces_id`.
 * Body text/HTML are derived from the co-edited document `requirement/<id>/body`.
 */
export const requirements = pgTable(
	'requirements',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		number: integer('number').notNull(),
		identifier: text('identifier')
			.notNull()
			.generatedAlwaysAs((): SQL => sql`'K-' || case when number < 1000 then lpad(number::text, 3, '0') else number::text end`),
		revision: integer('revision').notNull().default(1),
		replacesId: uuid('replaces_id').references((): AnyPgColumn => requirements.id, { onDelete: 'set null' }),
		isLatest: boolean('is_latest').notNull().default(true),
		title: text('title').notNull(),
		bodyText: text('body_text').notNull().default(''),
		bodyHtml: text('body_html').notNull().default(''),
		rationale: text('rationale').notNull().default(''),
		acceptanceCriteria: text('acceptance_criteria').notNull().default(''),
		obligation: requirementObligation('obligation').notNull().default('mandatory'),
		/** Weight of an award criterion (bör-krav); null for mandatory requirements. */
		weight: integer('weight'),
		type: requirementType('type').notNull().default('functional'),
		subtype: requirementSubtype('subtype'),
		verification: verificationMethod('verification').notNull().default('test'),
		scope: requirementScope('scope').notNull().default('common'),
		status: requirementStatus('status').notNull().default('draft'),
		version: integer('version').notNull().default(1),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		updatedBy: userRef('updated_by'),
		updatedAt: updatedAt(),
		search: tsvector('search').generatedAlwaysAs((): SQL =>
			swedish(
				['A', sql`'K-' || case when number < 1000 then lpad(number::text, 3, '0') else number::text end || ' ' || title`],
				['B', sql`body_text`],
				['C', sql`rationale || ' ' || acceptance_criteria`]
			)
		)
	},
	(t) => [
		sameConsortium('requirements')(t),
		unique('requirements_number_revision_key').on(t.consortiumId, t.number, t.revision),
		uniqueIndex('requirements_latest_key')
			.on(t.consortiumId, t.number)
			.where(sql`${t.isLatest}`),
		index('requirements_consortium_status_idx').on(t.consortiumId, t.status),
		index('requirements_consortium_type_idx').on(t.consortiumId, t.type),
		index('requirements_replaces_id_idx').on(t.replacesId),
		index('requirements_search_idx').using('gin', t.search),
		check(
			'requirements_weight_check',
			sql`(${t.obligation} = 'criterion') = (${t.weight} is not null) and (${t.weight} is null or ${t.weight} between 1 and 100)`
		),
		check('requirements_subtype_check', sql`${t.subtype} is null or ${t.type} = 'non_functional'`),
		check('requirements_revision_check', sql`${t.revision} >= 1 and ${t.number} >= 1`)
	]
);

/** The municipalities a local requirement applies to. */
export const requirementOrganisations = pgTable(
	'requirement_organisations',
	{
		consortiumId: consortiumRef(),
		requirementId: uuid('requirement_id').notNull(),
		organisationId: uuid('organisation_id').notNull()
	},
	(t) => [
		within('requirement_organisations_requirement_fk', t.requirementId, t.consortiumId, () => requirements),
		within('requirement_organisations_organisation_fk', t.organisationId, t.consortiumId, () => organisations),
		primaryKey({ columns: [t.requirementId, t.organisationId] }),
		index('requirement_organisations_organisation_id_idx').on(t.organisationId),
		index('requirement_organisations_consortium_id_idx').on(t.consortiumId)
	]
);

export const requirementStories = pgTable(
	'requirement_stories',
	{
		consortiumId: consortiumRef(),
		requirementId: uuid('requirement_id').notNull(),
		storyId: uuid('story_id').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		within('requirement_stories_requirement_fk', t.requirementId, t.consortiumId, () => requirements),
		within('requirement_stories_story_fk', t.storyId, t.consortiumId, () => userStories),
		primaryKey({ columns: [t.requirementId, t.storyId] }),
		index('requirement_stories_story_id_idx').on(t.storyId),
		index('requirement_stories_consortium_id_idx').on(t.consortiumId)
	]
);

export const requirementNeeds = pgTable(
	'requirement_needs',
	{
		consortiumId: consortiumRef(),
		requirementId: uuid('requirement_id').notNull(),
		needId: uuid('need_id').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		within('requirement_needs_requirement_fk', t.requirementId, t.consortiumId, () => requirements),
		within('requirement_needs_need_fk', t.needId, t.consortiumId, () => needs),
		primaryKey({ columns: [t.requirementId, t.needId] }),
		index('requirement_needs_need_id_idx').on(t.needId),
		index('requirement_needs_consortium_id_idx').on(t.consortiumId)
	]
);

/** One organisation's verdict on one requirement revision, recorded by whoever spoke for it. */
export const requirementApprovals = pgTable(
	'requirement_approvals',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		requirementId: uuid('requirement_id').notNull(),
		organisationId: uuid('organisation_id').notNull(),
		verdict: approvalVerdict('verdict').notNull(),
		reason: text('reason').notNull().default(''),
		userId: userRef('user_id'),
		/** The mandate the person acted under: the representative, or the deputy speaking for them. */
		actingAs: mandateKind('acting_as').notNull(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		within('requirement_approvals_requirement_fk', t.requirementId, t.consortiumId, () => requirements),
		within('requirement_approvals_organisation_fk', t.organisationId, t.consortiumId, () => organisations),
		unique('requirement_approvals_requirement_organisation_key').on(t.requirementId, t.organisationId),
		index('requirement_approvals_consortium_id_idx').on(t.consortiumId),
		index('requirement_approvals_organisation_id_idx').on(t.organisationId),
		check('requirement_approvals_reason_check', sql`${t.verdict} = 'approve' or length(trim(${t.reason})) > 0`)
	]
);

/** A comment on a need, story or requirement (by number, so the thread survives revisions). */
export const comments = pgTable(
	'comments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		targetKind: contentKind('target_kind').notNull(),
		targetId: uuid('target_id').notNull(),
		authorId: userRef('author_id'),
		body: text('body').notNull(),
		createdAt: createdAt(),
		editedAt: timestamp('edited_at', { withTimezone: true })
	},
	(t) => [
		index('comments_target_idx').on(t.consortiumId, t.targetKind, t.targetId, t.createdAt),
		index('comments_author_id_idx').on(t.authorId),
		check('comments_body_check', sql`length(${t.body}) between 1 and 10000`)
	]
);

/** A person's in-app notification (today: being @mentioned in a comment). */
export const notifications = pgTable(
	'notifications',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		consortiumId: consortiumRef(),
		kind: text('kind').notNull().default('mention'),
		targetKind: contentKind('target_kind').notNull(),
		targetId: uuid('target_id').notNull(),
		commentId: uuid('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
		actorId: userRef('actor_id'),
		/** A short plain-text summary (the target's title) so the list needs no join per kind. */
		summary: text('summary').notNull().default(''),
		createdAt: createdAt(),
		readAt: timestamp('read_at', { withTimezone: true })
	},
	(t) => [
		index('notifications_user_created_idx').on(t.userId, t.createdAt),
		index('notifications_unread_idx')
			.on(t.userId)
			.where(sql`${t.readAt} is null`),
		index('notifications_consortium_id_idx').on(t.consortiumId),
		index('notifications_comment_id_idx').on(t.commentId)
	]
);

/** Read-only API tokens an admin creates for a consortium; only the SHA-256 of the token is kept. */
export const apiTokens = pgTable(
	'api_tokens',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		name: text('name').notNull(),
		tokenHash: text('token_hash').notNull(),
		/** The first characters of the token, shown in the list so people can tell tokens apart. */
		prefix: text('prefix').notNull(),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The supplier person it was issued to: it reads with their rights. Null: the creator's. */
		holderId: uuid('holder_id').references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash), index('api_tokens_consortium_id_idx').on(t.consortiumId)]
);
