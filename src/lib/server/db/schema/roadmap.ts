import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { consortiumRef, createdAt, nonBlank, updatedAt, userRef, within } from './columns';
import { organisations } from './consortia';
import { decisionItems } from './decisions';
import { gateOutcome, initiativeLinkKind, initiativeStatus, phaseModel } from './enums';
import { technologies } from './portfolio';

/**
 * A joint initiative (gemensam satsning): what several municipalities do together, often born of a
 * portfolio overlap (`technology_id`). It follows a phase model, has an owning organisation, and a
 * status derived from its dates and gates unless someone set one by hand with a reason.
 */
export const initiatives = pgTable(
	'initiatives',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		/** Numbered per consortium, in the order they were started. */
		number: integer('number').notNull(),
		title: text('title').notNull(),
		/** The co-edited description's plain text (document `initiative/<id>/description`). */
		description: text('description').notNull().default(''),
		ownerOrganisationId: uuid('owner_organisation_id').notNull(),
		/** The portfolio technology it is about, when it grew from an overlap. */
		technologyId: uuid('technology_id'),
		phaseModel: phaseModel('phase_model').notNull(),
		/** The phase it is in now, by position (1 = the first). */
		currentPhase: integer('current_phase').notNull().default(1),
		statusOverride: initiativeStatus('status_override'),
		statusReason: text('status_reason').notNull().default(''),
		/** Stopped or closed by a gate decision (`stop`, `close`), and when; null while it goes on. */
		endedAs: gateOutcome('ended_as'),
		endedOn: date('ended_on'),
		version: integer('version').notNull().default(1),
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		unique('initiatives_id_consortium_key').on(t.id, t.consortiumId),
		unique('initiatives_number_key').on(t.consortiumId, t.number),
		foreignKey({
			name: 'initiatives_owner_fk',
			columns: [t.ownerOrganisationId, t.consortiumId],
			foreignColumns: [organisations.id, organisations.consortiumId]
		}).onDelete('restrict'),
		foreignKey({
			name: 'initiatives_technology_fk',
			columns: [t.technologyId, t.consortiumId],
			foreignColumns: [technologies.id, technologies.consortiumId]
		}).onDelete('restrict'),
		index('initiatives_technology_id_idx').on(t.technologyId),
		check('initiatives_title_check', nonBlank(t.title)),
		check('initiatives_current_phase_check', sql`${t.currentPhase} >= 1`),
		check('initiatives_override_reason_check', sql`${t.statusOverride} is null or length(trim(${t.statusReason})) > 0`),
		check('initiatives_ended_check', sql`(${t.endedAs} is null) = (${t.endedOn} is null) and (${t.endedAs} is null or ${t.endedAs}::text in ('stop', 'close'))`)
	]
);

/** The municipalities (and other organisations) that take part in an initiative. */
export const initiativeParticipants = pgTable(
	'initiative_participants',
	{
		consortiumId: consortiumRef(),
		initiativeId: uuid('initiative_id').notNull(),
		organisationId: uuid('organisation_id').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ name: 'initiative_participants_pkey', columns: [t.initiativeId, t.organisationId] }),
		within('initiative_participants_initiative_fk', t.initiativeId, t.consortiumId, () => initiatives),
		foreignKey({
			name: 'initiative_participants_organisation_fk',
			columns: [t.organisationId, t.consortiumId],
			foreignColumns: [organisations.id, organisations.consortiumId]
		}).onDelete('cascade'),
		index('initiative_participants_organisation_id_idx').on(t.organisationId),
		index('initiative_participants_consortium_id_idx').on(t.consortiumId)
	]
);

/** One phase of an initiative, in order, with its planned and actual dates (both ends inclusive). */
export const initiativePhases = pgTable(
	'initiative_phases',
	{
		consortiumId: consortiumRef(),
		initiativeId: uuid('initiative_id').notNull(),
		position: integer('position').notNull(),
		name: text('name').notNull(),
		plannedStart: date('planned_start'),
		plannedEnd: date('planned_end'),
		actualStart: date('actual_start'),
		actualEnd: date('actual_end')
	},
	(t) => [
		primaryKey({ name: 'initiative_phases_pkey', columns: [t.initiativeId, t.position] }),
		within('initiative_phases_initiative_fk', t.initiativeId, t.consortiumId, () => initiatives),
		index('initiative_phases_consortium_id_idx').on(t.consortiumId),
		check('initiative_phases_name_check', nonBlank(t.name)),
		check('initiative_phases_position_check', sql`${t.position} between 1 and 20`),
		check('initiative_phases_planned_check', sql`${t.plannedEnd} is null or ${t.plannedStart} is null or ${t.plannedEnd} >= ${t.plannedStart}`),
		check('initiative_phases_actual_check', sql`${t.actualEnd} is null or (${t.actualStart} is not null and ${t.actualEnd} >= ${t.actualStart})`)
	]
);

/** A milestone: something an initiative promises by a date, done or not. */
export const initiativeMilestones = pgTable(
	'initiative_milestones',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		initiativeId: uuid('initiative_id').notNull(),
		title: text('title').notNull(),
		due: date('due').notNull(),
		doneOn: date('done_on'),
		createdAt: createdAt()
	},
	(t) => [
		within('initiative_milestones_initiative_fk', t.initiativeId, t.consortiumId, () => initiatives),
		index('initiative_milestones_initiative_id_idx').on(t.initiativeId),
		index('initiative_milestones_consortium_id_idx').on(t.consortiumId),
		check('initiative_milestones_title_check', nonBlank(t.title))
	]
);

/**
 * A decision gate at the end of a phase: a decision item of the decisions area. The gate passes when
 * its decision is recorded as adopted; the item's own page is where the organisations decide.
 */
export const initiativeGates = pgTable(
	'initiative_gates',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consortiumId: consortiumRef(),
		initiativeId: uuid('initiative_id').notNull(),
		/** The phase (by position) the gate closes. */
		phase: integer('phase').notNull(),
		decisionItemId: uuid('decision_item_id').notNull(),
		/** What the steering group decided, once the item's decision is recorded. */
		outcome: gateOutcome('outcome'),
		createdAt: createdAt()
	},
	(t) => [
		within('initiative_gates_initiative_fk', t.initiativeId, t.consortiumId, () => initiatives),
		within('initiative_gates_decision_item_fk', t.decisionItemId, t.consortiumId, () => decisionItems),
		unique('initiative_gates_decision_item_key').on(t.decisionItemId),
		index('initiative_gates_initiative_id_idx').on(t.initiativeId),
		index('initiative_gates_consortium_id_idx').on(t.consortiumId),
		check('initiative_gates_phase_check', sql`${t.phase} >= 1`)
	]
);

/** `initiative` starts after `depends_on` has finished. The commands refuse a cycle. */
export const initiativeDependencies = pgTable(
	'initiative_dependencies',
	{
		consortiumId: consortiumRef(),
		initiativeId: uuid('initiative_id').notNull(),
		dependsOnId: uuid('depends_on_id').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ name: 'initiative_dependencies_pkey', columns: [t.initiativeId, t.dependsOnId] }),
		within('initiative_dependencies_initiative_fk', t.initiativeId, t.consortiumId, () => initiatives),
		within('initiative_dependencies_depends_on_fk', t.dependsOnId, t.consortiumId, () => initiatives),
		index('initiative_dependencies_depends_on_id_idx').on(t.dependsOnId),
		index('initiative_dependencies_consortium_id_idx').on(t.consortiumId),
		check('initiative_dependencies_self_check', sql`${t.initiativeId} <> ${t.dependsOnId}`)
	]
);

/** What an initiative concerns besides its gates: needs, requirements, baselines, decisions (by kind and id). */
export const initiativeLinks = pgTable(
	'initiative_links',
	{
		consortiumId: consortiumRef(),
		initiativeId: uuid('initiative_id').notNull(),
		targetKind: initiativeLinkKind('target_kind').notNull(),
		targetId: uuid('target_id').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ name: 'initiative_links_pkey', columns: [t.initiativeId, t.targetKind, t.targetId] }),
		within('initiative_links_initiative_fk', t.initiativeId, t.consortiumId, () => initiatives),
		index('initiative_links_target_idx').on(t.targetKind, t.targetId),
		index('initiative_links_consortium_id_idx').on(t.consortiumId)
	]
);
