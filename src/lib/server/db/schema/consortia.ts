import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { decisionRule, mandateKind, memberTier, membershipRole, organisationKind, publishingRight, voteWeighting } from './enums';

export const consortia = pgTable('consortia', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	description: text('description').notNull().default(''),
	/** The language the consortium writes its content in (needs, requirements, comments): `lang` on that content. */
	contentLanguage: text('content_language').notNull().default('sv'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

export const organisations = pgTable(
	'organisations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: uuid('consortium_id')
			.notNull()
			.references(() => consortia.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		kind: organisationKind('kind').notNull(),
		/** SKR's municipality group (A1…C9), for municipalities only. */
		skrGroup: text('skr_group'),
		population: integer('population'),
		tier: memberTier('tier'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('organisations_consortium_id_idx').on(t.consortiumId),
		unique('organisations_consortium_name_key').on(t.consortiumId, t.name),
		// What rows of other tables refer to with (organisation_id, consortium_id): never across consortia.
		unique('organisations_id_consortium_key').on(t.id, t.consortiumId),
		check('organisations_population_check', sql`${t.population} is null or ${t.population} >= 0`)
	]
);

export const memberships = pgTable(
	'memberships',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: uuid('consortium_id')
			.notNull()
			.references(() => consortia.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id').notNull(),
		role: membershipRole('role').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		foreignKey({
			name: 'memberships_organisation_fk',
			columns: [t.organisationId, t.consortiumId],
			foreignColumns: [organisations.id, organisations.consortiumId]
		}).onDelete('restrict'),
		unique('memberships_consortium_user_key').on(t.consortiumId, t.userId),
		index('memberships_user_id_idx').on(t.userId),
		index('memberships_organisation_id_idx').on(t.organisationId)
	]
);

/** The mandate register: who speaks for an organisation, and since when. Ended rows stay as history. */
export const mandates = pgTable(
	'mandates',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: uuid('consortium_id')
			.notNull()
			.references(() => consortia.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: mandateKind('kind').notNull(),
		validFrom: date('valid_from').notNull(),
		validTo: date('valid_to'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		foreignKey({
			name: 'mandates_organisation_fk',
			columns: [t.organisationId, t.consortiumId],
			foreignColumns: [organisations.id, organisations.consortiumId]
		}).onDelete('cascade'),
		index('mandates_consortium_id_idx').on(t.consortiumId),
		index('mandates_organisation_id_idx').on(t.organisationId),
		check('mandates_period_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`)
	]
);

/**
 * A representative hands their organisation's voice to the deputy for a period (absence or
 * delegation). Without one, a deputy acts only while the organisation has no current representative.
 */
export const delegations = pgTable(
	'delegations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: uuid('consortium_id')
			.notNull()
			.references(() => consortia.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id').notNull(),
		fromUserId: uuid('from_user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		toUserId: uuid('to_user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		reason: text('reason').notNull().default(''),
		validFrom: date('valid_from').notNull(),
		validTo: date('valid_to'),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		foreignKey({
			name: 'delegations_organisation_fk',
			columns: [t.organisationId, t.consortiumId],
			foreignColumns: [organisations.id, organisations.consortiumId]
		}).onDelete('cascade'),
		index('delegations_consortium_id_idx').on(t.consortiumId),
		index('delegations_to_user_id_idx').on(t.toUserId)
	]
);

/** Spelregler: how the consortium decides and who may speak to the supplier. */
export const groundRules = pgTable(
	'ground_rules',
	{
		consortiumId: uuid('consortium_id')
			.primaryKey()
			.references(() => consortia.id, { onDelete: 'cascade' }),
		decisionRule: decisionRule('decision_rule').notNull().default('consensus'),
		/** Percent of the weighted votes needed under a qualified majority. */
		qualifiedMajorityPercent: integer('qualified_majority_percent').notNull().default(67),
		/** Percent of member organisations that must take part for a decision to stand. */
		quorumPercent: integer('quorum_percent').notNull().default(50),
		weighting: voteWeighting('weighting').notNull().default('per_organisation'),
		publishing: publishingRight('publishing').notNull().default('admins'),
		/** The target for answering the supplier's questions, in Swedish working days. */
		questionResponseDays: integer('question_response_days').notNull().default(5),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		check('ground_rules_percent_check', sql`${t.qualifiedMajorityPercent} between 51 and 100 and ${t.quorumPercent} between 0 and 100`),
		check('ground_rules_question_response_days_check', sql`${t.questionResponseDays} between 1 and 60`)
	]
);

export const invitations = pgTable(
	'invitations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: uuid('consortium_id')
			.notNull()
			.references(() => consortia.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		name: text('name').notNull().default(''),
		organisationId: uuid('organisation_id').notNull(),
		role: membershipRole('role').notNull(),
		tokenHash: text('token_hash').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		foreignKey({
			name: 'invitations_organisation_fk',
			columns: [t.organisationId, t.consortiumId],
			foreignColumns: [organisations.id, organisations.consortiumId]
		}).onDelete('cascade'),
		uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
		index('invitations_consortium_id_idx').on(t.consortiumId)
	]
);
