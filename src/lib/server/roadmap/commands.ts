import { and, eq, inArray, isNull, max, ne } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { endOfDayInStockholm, stockholmDate } from '../../decisions/deadline';
import { addDays, addMonths, daysBetween } from '../../roadmap/dates';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { advisoryLock } from '../db/locks';
import { withUser } from '../db/request';
import {
	baselines,
	decisionItems,
	decisions,
	initiativeDependencies,
	initiativeGates,
	initiativeLinks,
	initiativeMilestones,
	initiativeParticipants,
	initiativePhases,
	initiatives,
	needs,
	organisations,
	requirements,
	technologies
} from '../db/schema';
import { CommandError, NotFound, StaleWrite } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { authorize } from '../policy';
import type { InitiativeLinkKind } from '../../enums';
import { cycleThrough } from './cycles';
import { firstPlan } from './phase-models';
import { gateOptions, prepareGateItemIn } from './gates';
import type {
	DependencyInput,
	GateInput,
	InitiativeInput,
	InitiativeUpdate,
	LinkInput,
	MilestoneDoneInput,
	MilestoneInput,
	PhaseDatesInput,
	ResumeInput,
	ShiftInput,
	StatusOverrideInput
} from './schemas';
import { contentLocale, editableInitiative, type InitiativeRow } from './state';

/** Refuses organisations that are not the consortium's, or that are its supplier (who never takes part in the consortium's own plans), naming the field. */
async function checkOrganisations(tx: Transaction, consortiumId: string, ids: string[], field: string): Promise<void> {
	if (ids.length === 0) return;
	const found = await tx
		.select({ id: organisations.id })
		.from(organisations)
		.where(and(eq(organisations.consortiumId, consortiumId), inArray(organisations.id, ids), ne(organisations.kind, 'supplier')));
	if (found.length !== new Set(ids).size) throw new CommandError('invalid_choice', field, 422);
}

async function audit(
	tx: Transaction,
	actorId: string | null,
	consortiumId: string,
	action: string,
	id: string,
	before: unknown,
	after: unknown,
	related: string[] = [id]
) {
	await recordChange(tx, { actorId, consortiumId, action, entityType: 'initiative', entityId: id, before, after, related });
}

/**
 * Removes one of an initiative's parts (a milestone, gate, dependency or link) for someone who may
 * edit it: a part that is not there is 404; the initiative's version moves on and the removal is audited.
 */
async function removePart(
	person: Who,
	consortiumId: string,
	id: string,
	action: string,
	remove: (tx: Transaction) => Promise<unknown[]>,
	related: string[] = [id]
) {
	await withUser(person, async (tx) => {
		const { initiative } = await editableInitiative(tx, person, consortiumId, id);
		const [before] = await remove(tx);
		if (!before) throw new NotFound();
		await bumpVersion(tx, initiative);
		await audit(tx, person.id, consortiumId, action, id, before, null, related);
	});
}

/**
 * Starts an initiative with its first plan: the phases of its model one after another from `start`.
 * Its owner is the person's own organisation unless an admin starts it for another; the owner always
 * takes part. A technology or organisation that is not the consortium's is refused, nothing written.
 */
export async function createInitiative(person: Who, consortiumId: string, input: InitiativeInput): Promise<InitiativeRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const participants = [...new Set([input.ownerOrganisationId, ...input.participantIds])];
		await checkOrganisations(tx, consortiumId, [input.ownerOrganisationId], 'ownerOrganisationId');
		await checkOrganisations(tx, consortiumId, participants, 'participantIds');
		authorize(actor, 'initiative.edit', { consortiumId, organisationIds: [input.ownerOrganisationId] });
		if (input.technologyId) {
			const [technology] = await tx
				.select({ id: technologies.id })
				.from(technologies)
				.where(and(eq(technologies.id, input.technologyId), eq(technologies.consortiumId, consortiumId)));
			if (!technology) throw new CommandError('portfolio_unknown_technology', 'technologyId', 422);
		}
		return createInitiativeIn(tx, consortiumId, person.id, { ...input, participantIds: participants });
	});
}

/** Writes an initiative and its first plan in the caller's transaction (the command above, and the demo seed). */
export async function createInitiativeIn(tx: Transaction, consortiumId: string, actorId: string | null, input: InitiativeInput): Promise<InitiativeRow> {
	await advisoryLock(tx, `initiatives:${consortiumId}`);
	const [last] = await tx
		.select({ n: max(initiatives.number) })
		.from(initiatives)
		.where(eq(initiatives.consortiumId, consortiumId));
	const locale = await contentLocale(tx, consortiumId);
	const [row] = await tx
		.insert(initiatives)
		.values({
			consortiumId,
			number: (last?.n ?? 0) + 1,
			title: input.title,
			ownerOrganisationId: input.ownerOrganisationId,
			technologyId: input.technologyId ?? null,
			phaseModel: input.phaseModel,
			createdBy: actorId
		})
		.returning();
	const participants = [...new Set([input.ownerOrganisationId, ...input.participantIds])];
	await tx.insert(initiativeParticipants).values(participants.map((organisationId) => ({ consortiumId, initiativeId: row!.id, organisationId })));
	const phases = firstPlan(input.phaseModel, locale, input.start, input.customPhases);
	await tx.insert(initiativePhases).values(phases.map((p) => ({ consortiumId, initiativeId: row!.id, ...p })));
	await recordChange(tx, {
		actorId,
		consortiumId,
		action: 'initiative.created',
		entityType: 'initiative',
		entityId: row!.id,
		after: { ...row, participants, phases },
		related: input.technologyId ? [input.technologyId] : []
	});
	return row!;
}

/** Saves title, owner, those taking part and the current phase, unless someone else saved since `input.version`. */
export async function updateInitiative(person: Who, consortiumId: string, id: string, input: InitiativeUpdate): Promise<InitiativeRow> {
	return withUser(person, async (tx) => {
		const { actor, initiative: before } = await editableInitiative(tx, person, consortiumId, id);
		if (before.version !== input.version) throw new StaleWrite({ title: before.title, version: before.version });
		const participants = [...new Set([input.ownerOrganisationId, ...input.participantIds])];
		await checkOrganisations(tx, consortiumId, [input.ownerOrganisationId], 'ownerOrganisationId');
		await checkOrganisations(tx, consortiumId, participants, 'participantIds');
		// Whoever hands the initiative over must still be allowed to after it (else the form would lock them out half-way).
		authorize(actor, 'initiative.edit', { consortiumId, organisationIds: participants });
		const phases = await tx.select({ position: initiativePhases.position }).from(initiativePhases).where(eq(initiativePhases.initiativeId, id));
		if (!phases.some((p) => p.position === input.currentPhase)) throw new CommandError('invalid_choice', 'currentPhase', 422);
		const [row] = await tx
			.update(initiatives)
			.set({
				title: input.title,
				ownerOrganisationId: input.ownerOrganisationId,
				currentPhase: input.currentPhase,
				version: before.version + 1,
				updatedAt: new Date()
			})
			.where(eq(initiatives.id, id))
			.returning();
		await tx.delete(initiativeParticipants).where(eq(initiativeParticipants.initiativeId, id));
		await tx.insert(initiativeParticipants).values(participants.map((organisationId) => ({ consortiumId, initiativeId: id, organisationId })));
		await audit(tx, person.id, consortiumId, 'initiative.updated', id, before, { ...row, participants });
		return row!;
	});
}

/** Sets one phase's planned and actual dates; a planned end before its start is refused (the schema says so first). */
export async function setPhaseDates(person: Who, consortiumId: string, id: string, input: PhaseDatesInput): Promise<void> {
	await withUser(person, async (tx) => {
		const { initiative } = await editableInitiative(tx, person, consortiumId, id);
		const [before] = await tx
			.select()
			.from(initiativePhases)
			.where(and(eq(initiativePhases.initiativeId, id), eq(initiativePhases.position, input.position)));
		if (!before) throw new CommandError('invalid_choice', 'position', 422);
		const [after] = await tx
			.update(initiativePhases)
			.set({
				plannedStart: input.plannedStart ?? null,
				plannedEnd: input.plannedEnd ?? null,
				actualStart: input.actualStart ?? null,
				actualEnd: input.actualEnd ?? null
			})
			.where(and(eq(initiativePhases.initiativeId, id), eq(initiativePhases.position, input.position)))
			.returning();
		await bumpVersion(tx, initiative);
		await audit(tx, person.id, consortiumId, 'initiative.phase_dated', id, before, after);
	});
}

async function bumpVersion(tx: Transaction, initiative: InitiativeRow) {
	await tx
		.update(initiatives)
		.set({ version: initiative.version + 1, updatedAt: new Date() })
		.where(eq(initiatives.id, initiative.id));
}

/**
 * Moves the whole plan by whole months: every phase's planned dates and every milestone not yet
 * done. What happened (actual dates, milestones done) stays where it was. Refused when someone
 * else changed the initiative since `version`, so a drag never undoes another's move unseen.
 */
export async function shiftInitiative(person: Who, consortiumId: string, input: ShiftInput): Promise<InitiativeRow> {
	return withUser(person, async (tx) => {
		const { initiative } = await editableInitiative(tx, person, consortiumId, input.initiativeId);
		if (initiative.version !== input.version) throw new StaleWrite({ title: initiative.title, version: initiative.version });
		const id = initiative.id;
		const phases = await tx.select().from(initiativePhases).where(eq(initiativePhases.initiativeId, id));
		const milestones = await tx
			.select()
			.from(initiativeMilestones)
			.where(and(eq(initiativeMilestones.initiativeId, id), isNull(initiativeMilestones.doneOn)));
		if (!phases.some((p) => p.plannedStart)) throw new CommandError('roadmap_not_planned', 'form', 409);
		const shift = (d: string | null) => (d ? addMonths(d, input.months) : null);
		for (const p of phases)
			await tx
				.update(initiativePhases)
				.set({ plannedStart: shift(p.plannedStart), plannedEnd: shift(p.plannedEnd) })
				.where(and(eq(initiativePhases.initiativeId, id), eq(initiativePhases.position, p.position)));
		for (const ms of milestones)
			await tx
				.update(initiativeMilestones)
				.set({ due: shift(ms.due)! })
				.where(eq(initiativeMilestones.id, ms.id));
		const [row] = await tx
			.update(initiatives)
			.set({ version: initiative.version + 1, updatedAt: new Date() })
			.where(eq(initiatives.id, id))
			.returning();
		await audit(
			tx,
			person.id,
			consortiumId,
			'initiative.rescheduled',
			id,
			{ phases: phases.map((p) => ({ position: p.position, plannedStart: p.plannedStart, plannedEnd: p.plannedEnd })) },
			{ months: input.months, phases: phases.map((p) => ({ position: p.position, plannedStart: shift(p.plannedStart), plannedEnd: shift(p.plannedEnd) })) }
		);
		return row!;
	});
}

export async function addMilestone(person: Who, consortiumId: string, id: string, input: MilestoneInput) {
	return withUser(person, async (tx) => {
		const { initiative } = await editableInitiative(tx, person, consortiumId, id);
		const [row] = await tx.insert(initiativeMilestones).values({ consortiumId, initiativeId: id, title: input.title, due: input.due }).returning();
		await bumpVersion(tx, initiative);
		await audit(tx, person.id, consortiumId, 'initiative.milestone_added', id, null, row);
		return row!;
	});
}

/** Marks a milestone done today (or not done again). */
export async function setMilestoneDone(person: Who, consortiumId: string, id: string, input: MilestoneDoneInput) {
	await withUser(person, async (tx) => {
		const { initiative } = await editableInitiative(tx, person, consortiumId, id);
		const [before] = await tx
			.select()
			.from(initiativeMilestones)
			.where(and(eq(initiativeMilestones.id, input.milestoneId), eq(initiativeMilestones.initiativeId, id)));
		if (!before) throw new NotFound();
		const [after] = await tx
			.update(initiativeMilestones)
			.set({ doneOn: input.done ? stockholmDate(new Date()) : null })
			.where(eq(initiativeMilestones.id, before.id))
			.returning();
		await bumpVersion(tx, initiative);
		await audit(tx, person.id, consortiumId, 'initiative.milestone_done', id, before, after);
	});
}

export async function removeMilestone(person: Who, consortiumId: string, id: string, milestoneId: string) {
	await removePart(person, consortiumId, id, 'initiative.milestone_removed', (tx) =>
		tx
			.delete(initiativeMilestones)
			.where(and(eq(initiativeMilestones.id, milestoneId), eq(initiativeMilestones.initiativeId, id)))
			.returning()
	);
}

/**
 * Puts a decision gate at the end of a phase. Without an item named, it prepares one in the
 * decisions area (a draft for the steering group, due when the phase is planned to end but at
 * least two weeks ahead); with one, it takes that item, which must be the consortium's and no
 * other gate's. The gate passes when the item's decision is recorded as adopted.
 */
export async function addGate(person: Who, consortiumId: string, id: string, input: GateInput) {
	return withUser(person, async (tx) => {
		const { initiative } = await editableInitiative(tx, person, consortiumId, id);
		return addGateIn(tx, person.id, initiative, input);
	});
}

/** Adds a gate in the caller's transaction (the command above, and the demo seed). */
export async function addGateIn(tx: Transaction, actorId: string | null, initiative: InitiativeRow, input: GateInput) {
	const { consortiumId, id } = initiative;
	const phases = await tx.select().from(initiativePhases).where(eq(initiativePhases.initiativeId, id));
	const phase = phases.find((p) => p.position === input.phase);
	if (!phase) throw new CommandError('invalid_choice', 'phase', 422);
	let itemId = input.decisionItemId;
	if (itemId) {
		const [item] = await tx
			.select({ id: decisionItems.id })
			.from(decisionItems)
			.where(and(eq(decisionItems.id, itemId), eq(decisionItems.consortiumId, consortiumId)));
		if (!item) throw new CommandError('invalid_choice', 'decisionItemId', 422);
		const [taken] = await tx.select({ id: initiativeGates.id }).from(initiativeGates).where(eq(initiativeGates.decisionItemId, itemId));
		if (taken) throw new CommandError('roadmap_gate_taken', 'decisionItemId', 409);
	} else {
		const locale = await contentLocale(tx, consortiumId);
		const next = phases.find((p) => p.position === input.phase + 1);
		const twoWeeks = addDays(stockholmDate(new Date()), 14);
		const due = phase.plannedEnd && daysBetween(twoWeeks, phase.plannedEnd) > 0 ? phase.plannedEnd : twoWeeks;
		const item = await prepareGateItemIn(
			tx,
			actorId,
			consortiumId,
			{
				title: m.roadmap_gate_item_title({ phase: phase.name, initiative: initiative.title }, { locale }),
				background: m.roadmap_gate_item_background({ number: String(initiative.number), initiative: initiative.title, phase: phase.name }, { locale }),
				proposal: next
					? m.roadmap_gate_item_proposal({ phase: phase.name, next: next.name }, { locale })
					: m.roadmap_gate_item_proposal_last({ phase: phase.name }, { locale }),
				deadline: endOfDayInStockholm(due)
			},
			gateOptions(phase.name, next?.name ?? null, locale),
			[id]
		);
		itemId = item.id;
	}
	const [gate] = await tx.insert(initiativeGates).values({ consortiumId, initiativeId: id, phase: input.phase, decisionItemId: itemId }).returning();
	await bumpVersion(tx, initiative);
	await audit(tx, actorId, consortiumId, 'initiative.gate_added', id, null, gate);
	return gate!;
}

/** Removes a gate; its decision item stays in the decisions area. */
export async function removeGate(person: Who, consortiumId: string, id: string, gateId: string) {
	await removePart(person, consortiumId, id, 'initiative.gate_removed', (tx) =>
		tx
			.delete(initiativeGates)
			.where(and(eq(initiativeGates.id, gateId), eq(initiativeGates.initiativeId, id)))
			.returning()
	);
}

/**
 * Makes the initiative wait for another to finish. One that would close a loop (the other already
 * waits, directly or through others, for this one) is refused with the loop named; dependencies of
 * a consortium queue on one lock, so two people cannot close a loop between them.
 */
export async function addDependency(person: Who, consortiumId: string, id: string, input: DependencyInput) {
	await withUser(person, async (tx) => {
		const { initiative } = await editableInitiative(tx, person, consortiumId, id);
		await addDependencyIn(tx, consortiumId, person.id, initiative, input.dependsOnId);
	});
}

export async function addDependencyIn(tx: Transaction, consortiumId: string, actorId: string | null, initiative: InitiativeRow, dependsOnId: string) {
	await advisoryLock(tx, `initiative_dependencies:${consortiumId}`);
	const all = await tx
		.select({ id: initiatives.id, title: initiatives.title, number: initiatives.number })
		.from(initiatives)
		.where(eq(initiatives.consortiumId, consortiumId));
	const other = all.find((i) => i.id === dependsOnId);
	if (!other) throw new CommandError('invalid_choice', 'dependsOnId', 422);
	if (other.id === initiative.id) throw new CommandError('roadmap_dependency_self', 'dependsOnId', 422);
	const edges = await tx
		.select({ initiativeId: initiativeDependencies.initiativeId, dependsOnId: initiativeDependencies.dependsOnId })
		.from(initiativeDependencies)
		.where(eq(initiativeDependencies.consortiumId, consortiumId));
	if (edges.some((e) => e.initiativeId === initiative.id && e.dependsOnId === dependsOnId))
		throw new CommandError('roadmap_dependency_exists', 'dependsOnId', 409);
	const loop = cycleThrough(edges, initiative.id, dependsOnId);
	if (loop) {
		const title = (x: string) => all.find((i) => i.id === x)?.title ?? '?';
		throw new CommandError('roadmap_dependency_cycle', 'dependsOnId', 422, { chain: loop.map(title).join(' → ') });
	}
	const [row] = await tx.insert(initiativeDependencies).values({ consortiumId, initiativeId: initiative.id, dependsOnId }).returning();
	await bumpVersion(tx, initiative);
	await recordChange(tx, {
		actorId,
		consortiumId,
		action: 'initiative.dependency_added',
		entityType: 'initiative',
		entityId: initiative.id,
		after: row,
		related: [initiative.id, dependsOnId]
	});
}

export async function removeDependency(person: Who, consortiumId: string, id: string, dependsOnId: string) {
	await removePart(
		person,
		consortiumId,
		id,
		'initiative.dependency_removed',
		(tx) =>
			tx
				.delete(initiativeDependencies)
				.where(and(eq(initiativeDependencies.initiativeId, id), eq(initiativeDependencies.dependsOnId, dependsOnId)))
				.returning(),
		[id, dependsOnId]
	);
}

/** Sets the status by hand with a reason, or (no status) hands it back to the derivation. */
export async function overrideStatus(person: Who, consortiumId: string, id: string, input: StatusOverrideInput) {
	await withUser(person, async (tx) => {
		const { initiative: before } = await editableInitiative(tx, person, consortiumId, id);
		const [after] = await tx
			.update(initiatives)
			.set({ statusOverride: input.status ?? null, statusReason: input.status ? input.reason : '', version: before.version + 1, updatedAt: new Date() })
			.where(eq(initiatives.id, id))
			.returning();
		await audit(tx, person.id, consortiumId, 'initiative.status_set', id, before, after);
	});
}

/**
 * Resumes an initiative a gate stopped or closed (an admin records that the steering group decided it
 * goes on, with the decision or reason in the audit log); its status is derived again.
 */
export async function resumeInitiative(person: Who, consortiumId: string, id: string, input: ResumeInput) {
	await withUser(person, async (tx) => {
		const { actor, initiative: before } = await editableInitiative(tx, person, consortiumId, id);
		authorize(actor, 'decisions.manage', { consortiumId });
		if (!before.endedAs) throw new CommandError('roadmap_not_ended', 'form', 409);
		const [after] = await tx
			.update(initiatives)
			.set({ endedAs: null, endedOn: null, version: before.version + 1, updatedAt: new Date() })
			.where(eq(initiatives.id, id))
			.returning();
		await audit(tx, person.id, consortiumId, 'initiative.resumed', id, before, { ...after, reason: input.reason });
	});
}

const linkTables = { need: needs, requirement: requirements, baseline: baselines, decision: decisions } as const;

/** Links a need, requirement, baseline or decision of the consortium to the initiative. */
export async function addLink(person: Who, consortiumId: string, id: string, input: LinkInput) {
	await withUser(person, async (tx) => {
		const { initiative } = await editableInitiative(tx, person, consortiumId, id);
		const table = linkTables[input.kind] as typeof needs;
		const [target] = await tx
			.select({ id: table.id })
			.from(table)
			.where(and(eq(table.id, input.targetId), eq(table.consortiumId, consortiumId)));
		if (!target) throw new CommandError('invalid_choice', 'targetId', 422);
		const [row] = await tx
			.insert(initiativeLinks)
			.values({ consortiumId, initiativeId: id, targetKind: input.kind, targetId: input.targetId })
			.onConflictDoNothing()
			.returning();
		if (!row) throw new CommandError('roadmap_link_exists', 'targetId', 409);
		await bumpVersion(tx, initiative);
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'initiative.linked',
			entityType: 'initiative',
			entityId: id,
			after: row,
			related: [id, input.targetId]
		});
	});
}

export async function removeLink(person: Who, consortiumId: string, id: string, kind: InitiativeLinkKind, targetId: string) {
	await removePart(
		person,
		consortiumId,
		id,
		'initiative.unlinked',
		(tx) =>
			tx
				.delete(initiativeLinks)
				.where(and(eq(initiativeLinks.initiativeId, id), eq(initiativeLinks.targetKind, kind), eq(initiativeLinks.targetId, targetId)))
				.returning(),
		[id, targetId]
	);
}
