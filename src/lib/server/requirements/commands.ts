import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import {
	comments,
	needShares,
	needs,
	organisations,
	requirementApprovals,
	requirementNeeds,
	requirementOrganisations,
	requirementStories,
	requirements,
	storyNeeds,
	userStories
} from '../db/schema';
import { refreshQuality } from '../quality/refresh';
import { recordChange } from '../audit/record-change';
import { CommandError, NotFound, StaleWrite } from '../errors';
import { actorFor, type Who } from '../consortia/actor';
import { authorize, can } from '../policy';
import { nextRequirementNumber } from './numbering';
import type { JoinNeedInput, NeedInput, RequirementInput, StoryInput, UpdateNeedInput, UpdateRequirementInput, UpdateStoryInput } from './schemas';
import { plainTextToHtml } from './text';
import { flagImpactIn } from '../impact/commands';

type NeedRow = typeof needs.$inferSelect;
type StoryRow = typeof userStories.$inferSelect;
type RequirementRow = typeof requirements.$inferSelect;

/** A row as the audit log keeps it: without the derived search vector. */
function snapshot<T extends { search?: unknown }>(row: T): Omit<T, 'search'> {
	const { search: _search, ...rest } = row;
	return rest;
}

/** Refuses ids that are not rows of `table` in this consortium (RLS alone would allow a foreign id). */
async function assertOwned(
	tx: Transaction,
	table: typeof needs | typeof userStories | typeof organisations,
	ids: readonly string[],
	consortiumId: string,
	field: string
): Promise<void> {
	if (ids.length === 0) return;
	const found = await tx
		.select({ id: table.id })
		.from(table)
		.where(and(eq(table.consortiumId, consortiumId), inArray(table.id, [...new Set(ids)])));
	if (found.length !== new Set(ids).size) throw new CommandError('unknown_link', field, 422);
}

// ------------------------------------------------------------------------------------------ needs

/** Captures a need in the consortium. */
export async function createNeed(person: Who, consortiumId: string, input: NeedInput): Promise<NeedRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		if (input.capturedByOrganisationId) await assertOwned(tx, organisations, [input.capturedByOrganisationId], consortiumId, 'capturedByOrganisationId');
		const [need] = await tx
			.insert(needs)
			.values({
				consortiumId,
				title: input.title,
				descriptionText: input.description,
				descriptionHtml: plainTextToHtml(input.description),
				source: input.source,
				capturedByOrganisationId: input.capturedByOrganisationId ?? null,
				capturedOn: input.capturedOn ?? null,
				createdBy: person.id,
				updatedBy: person.id
			})
			.returning();
		await recordChange(tx, { actorId: person.id, consortiumId, action: 'need.created', entityType: 'need', entityId: need!.id, after: snapshot(need!) });
		return need!;
	});
}

/** Saves a need's fields unless someone else saved it since `input.version` (then StaleWrite). */
export async function updateNeed(person: Who, consortiumId: string, input: UpdateNeedInput): Promise<NeedRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const before = await loadForUpdate(tx, needs, input.id, consortiumId);
		if (before.version !== input.version) throw new StaleWrite(needValues(before));
		if (input.capturedByOrganisationId) await assertOwned(tx, organisations, [input.capturedByOrganisationId], consortiumId, 'capturedByOrganisationId');
		const [need] = await tx
			.update(needs)
			.set({
				title: input.title,
				source: input.source,
				capturedByOrganisationId: input.capturedByOrganisationId ?? null,
				capturedOn: input.capturedOn ?? null,
				version: before.version + 1,
				updatedBy: person.id,
				updatedAt: new Date()
			})
			.where(eq(needs.id, input.id))
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'need.updated',
			entityType: 'need',
			entityId: input.id,
			before: snapshot(before),
			after: snapshot(need!)
		});
		return need!;
	});
}

/** The fields a person edits in the form (the description is co-edited), as the conflict answer shows them. */
export function needValues(n: Pick<NeedRow, 'title' | 'source' | 'capturedByOrganisationId' | 'capturedOn' | 'version'>) {
	return {
		title: n.title,
		source: n.source,
		capturedByOrganisationId: n.capturedByOrganisationId ?? '',
		capturedOn: n.capturedOn ?? '',
		version: n.version
	};
}

/** Deletes a need with its shares, links and comments. */
export async function deleteNeed(person: Who, consortiumId: string, id: string): Promise<void> {
	await withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const before = await loadForUpdate(tx, needs, id, consortiumId);
		await tx.delete(comments).where(and(eq(comments.consortiumId, consortiumId), eq(comments.targetKind, 'need'), eq(comments.targetId, id)));
		await tx.delete(needs).where(eq(needs.id, id));
		await recordChange(tx, { actorId: person.id, consortiumId, action: 'need.deleted', entityType: 'need', entityId: id, before: snapshot(before) });
	});
}

/** "Vi har också detta behov": the person's organisation joins a need (again: updates its comment). */
export async function joinNeed(person: Who, consortiumId: string, input: JoinNeedInput): Promise<void> {
	await withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'content.write');
		const need = await loadForUpdate(tx, needs, input.needId, consortiumId);
		authorize(actor, 'need.join', need);
		const organisationId = actor.membership!.organisationId;
		const [share] = await tx
			.insert(needShares)
			.values({ consortiumId, needId: need.id, organisationId, comment: input.comment, createdBy: person.id })
			.onConflictDoUpdate({ target: [needShares.needId, needShares.organisationId], set: { comment: input.comment, createdBy: person.id } })
			.returning();
		await recordChange(tx, { actorId: person.id, consortiumId, action: 'need.joined', entityType: 'need', entityId: need.id, after: share });
	});
}

/** The person's organisation no longer shares the need. */
export async function leaveNeed(person: Who, consortiumId: string, needId: string): Promise<void> {
	await withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'content.write');
		const removed = await tx
			.delete(needShares)
			.where(and(eq(needShares.consortiumId, consortiumId), eq(needShares.needId, needId), eq(needShares.organisationId, actor.membership!.organisationId)))
			.returning();
		if (removed.length === 0) throw new NotFound();
		await recordChange(tx, { actorId: person.id, consortiumId, action: 'need.left', entityType: 'need', entityId: needId, before: removed[0] });
	});
}

// ------------------------------------------------------------------------------------------ stories

async function setStoryNeeds(tx: Transaction, consortiumId: string, storyId: string, needIds: readonly string[]) {
	await assertOwned(tx, needs, needIds, consortiumId, 'needIds');
	await tx.delete(storyNeeds).where(eq(storyNeeds.storyId, storyId));
	const unique = [...new Set(needIds)];
	if (unique.length) await tx.insert(storyNeeds).values(unique.map((needId) => ({ consortiumId, storyId, needId })));
}

/** Writes a user story ("Jag som …, vill kunna …, för att …") linked to the needs it answers. */
export async function createStory(person: Who, consortiumId: string, input: StoryInput): Promise<StoryRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const [story] = await tx
			.insert(userStories)
			.values({
				consortiumId,
				role: input.role,
				goal: input.goal,
				purpose: input.purpose,
				detailsText: input.details,
				detailsHtml: plainTextToHtml(input.details),
				kind: input.kind,
				createdBy: person.id,
				updatedBy: person.id
			})
			.returning();
		await setStoryNeeds(tx, consortiumId, story!.id, input.needIds);
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'story.created',
			entityType: 'story',
			entityId: story!.id,
			after: { ...snapshot(story!), needIds: input.needIds },
			related: input.needIds
		});
		return story!;
	});
}

/** The fields of a story's form (the details are co-edited), as the conflict answer shows them. */
export function storyValues(s: Omit<StoryRow, 'search'>, needIds: string[]) {
	return { role: s.role, goal: s.goal, purpose: s.purpose, kind: s.kind, needIds, version: s.version };
}

/** Saves a story and its need links unless someone else saved it meanwhile. */
export async function updateStory(person: Who, consortiumId: string, input: UpdateStoryInput): Promise<StoryRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const before = await loadForUpdate(tx, userStories, input.id, consortiumId);
		if (before.version !== input.version) {
			const linked = await tx.select({ id: storyNeeds.needId }).from(storyNeeds).where(eq(storyNeeds.storyId, input.id));
			throw new StaleWrite(
				storyValues(
					before,
					linked.map((l) => l.id)
				)
			);
		}
		const [story] = await tx
			.update(userStories)
			.set({
				role: input.role,
				goal: input.goal,
				purpose: input.purpose,
				kind: input.kind,
				version: before.version + 1,
				updatedBy: person.id,
				updatedAt: new Date()
			})
			.where(eq(userStories.id, input.id))
			.returning();
		const beforeNeeds = (await tx.select({ id: storyNeeds.needId }).from(storyNeeds).where(eq(storyNeeds.storyId, input.id))).map((l) => l.id);
		await setStoryNeeds(tx, consortiumId, input.id, input.needIds);
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'story.updated',
			entityType: 'story',
			entityId: input.id,
			before: snapshot(before),
			after: { ...snapshot(story!), needIds: input.needIds },
			// the needs it links, before and after: their pages list it
			related: [...beforeNeeds, ...input.needIds]
		});
		return story!;
	});
}

/** Deletes a story, its links and its comments. */
export async function deleteStory(person: Who, consortiumId: string, id: string): Promise<void> {
	await withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const before = await loadForUpdate(tx, userStories, id, consortiumId);
		await tx.delete(comments).where(and(eq(comments.consortiumId, consortiumId), eq(comments.targetKind, 'story'), eq(comments.targetId, id)));
		const linked = (await tx.select({ id: storyNeeds.needId }).from(storyNeeds).where(eq(storyNeeds.storyId, id))).map((l) => l.id);
		await tx.delete(userStories).where(eq(userStories.id, id));
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'story.deleted',
			entityType: 'story',
			entityId: id,
			before: snapshot(before),
			related: linked
		});
	});
}

// ------------------------------------------------------------------------------------------ requirements

const contentFields = ['title', 'bodyText', 'rationale', 'acceptanceCriteria', 'obligation', 'weight', 'type', 'subtype', 'verification', 'scope'] as const;

function requirementColumns(input: RequirementInput) {
	return {
		title: input.title,
		bodyText: input.body,
		bodyHtml: plainTextToHtml(input.body),
		rationale: input.rationale,
		acceptanceCriteria: input.acceptanceCriteria,
		obligation: input.obligation,
		weight: input.obligation === 'criterion' ? (input.weight ?? null) : null,
		type: input.type,
		subtype: input.type === 'non_functional' ? (input.subtype ?? null) : null,
		verification: input.verification,
		scope: input.scope
	};
}

async function setRequirementLinks(tx: Transaction, consortiumId: string, requirementId: string, input: Omit<RequirementInput, 'body'>) {
	await assertOwned(tx, userStories, input.storyIds, consortiumId, 'storyIds');
	await assertOwned(tx, needs, input.needIds, consortiumId, 'needIds');
	const local = input.scope === 'local' ? [...new Set(input.localOrganisationIds)] : [];
	await assertOwned(tx, organisations, local, consortiumId, 'localOrganisationIds');
	await tx.delete(requirementStories).where(eq(requirementStories.requirementId, requirementId));
	await tx.delete(requirementNeeds).where(eq(requirementNeeds.requirementId, requirementId));
	await tx.delete(requirementOrganisations).where(eq(requirementOrganisations.requirementId, requirementId));
	const stories = [...new Set(input.storyIds)];
	const linkedNeeds = [...new Set(input.needIds)];
	if (stories.length) await tx.insert(requirementStories).values(stories.map((storyId) => ({ consortiumId, requirementId, storyId })));
	if (linkedNeeds.length) await tx.insert(requirementNeeds).values(linkedNeeds.map((needId) => ({ consortiumId, requirementId, needId })));
	if (local.length) await tx.insert(requirementOrganisations).values(local.map((organisationId) => ({ consortiumId, requirementId, organisationId })));
}

/** The stories and needs a requirement links, whose pages list it. */
const linkedIds = (links: { storyIds: string[]; needIds: string[] }) => [...links.storyIds, ...links.needIds];

async function linksOf(tx: Transaction, requirementId: string) {
	const [stories, linkedNeeds, local] = await Promise.all([
		tx.select({ id: requirementStories.storyId }).from(requirementStories).where(eq(requirementStories.requirementId, requirementId)),
		tx.select({ id: requirementNeeds.needId }).from(requirementNeeds).where(eq(requirementNeeds.requirementId, requirementId)),
		tx.select({ id: requirementOrganisations.organisationId }).from(requirementOrganisations).where(eq(requirementOrganisations.requirementId, requirementId))
	]);
	return { storyIds: stories.map((s) => s.id).sort(), needIds: linkedNeeds.map((n) => n.id).sort(), localOrganisationIds: local.map((o) => o.id).sort() };
}

/** The editable fields of a requirement revision, as the form and the conflict answer use them. */
export function requirementValues(r: Omit<RequirementRow, 'search'>, links: { storyIds: string[]; needIds: string[]; localOrganisationIds: string[] }) {
	return {
		title: r.title,
		body: r.bodyText,
		rationale: r.rationale,
		acceptanceCriteria: r.acceptanceCriteria,
		obligation: r.obligation,
		weight: r.weight === null ? '' : String(r.weight),
		type: r.type,
		subtype: r.subtype ?? '',
		verification: r.verification,
		scope: r.scope,
		...links,
		version: r.version
	};
}

/** Writes a new draft requirement with the consortium's next identifier (K-001, …). */
export async function createRequirement(person: Who, consortiumId: string, input: RequirementInput): Promise<RequirementRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const number = await nextRequirementNumber(tx, consortiumId);
		const [requirement] = await tx
			.insert(requirements)
			.values({ consortiumId, number, ...requirementColumns(input), createdBy: person.id, updatedBy: person.id })
			.returning();
		await setRequirementLinks(tx, consortiumId, requirement!.id, input);
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'requirement.created',
			entityType: 'requirement',
			entityId: requirement!.id,
			after: { ...snapshot(requirement!), ...(await linksOf(tx, requirement!.id)) },
			related: [...input.storyIds, ...input.needIds]
		});
		await refreshQuality(tx, consortiumId, [requirement!.id]);
		return requirement!;
	});
}

/**
 * Saves a requirement. Refused with StaleWrite when someone saved it since `input.version`.
 * Draft and in-review revisions change in place (a changed text in review clears the verdicts,
 * which were given on other words). A content change to an approved revision creates the next
 * revision, in review, and leaves the approved one readable; link changes alone do not.
 * Replaced and withdrawn revisions are history and cannot change.
 */
export async function updateRequirement(person: Who, consortiumId: string, input: UpdateRequirementInput): Promise<RequirementRow> {
	return withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'content.write');
		const before = await loadForUpdate(tx, requirements, input.id, consortiumId);
		const beforeLinks = await linksOf(tx, before.id);
		if (before.version !== input.version) throw new StaleWrite(requirementValues(before, beforeLinks));
		authorize(actor, 'requirement.update', before);
		// The text of a draft or in-review revision lives in its co-edited document; only an approved
		// revision's text arrives with the form (as the next revision's text).
		const coEdited = can(actor, 'requirement.edit_text', before);
		if (coEdited && input.body !== undefined && input.body !== before.bodyText.trim()) throw new CommandError('requirement_body_coedited', 'body', 409);
		const body = input.body ?? before.bodyText;
		const columns =
			body === before.bodyText ? { ...requirementColumns({ ...input, body }), bodyHtml: before.bodyHtml } : requirementColumns({ ...input, body });
		const contentChanged = contentFields.some((f) => (before as Record<string, unknown>)[f] !== (columns as Record<string, unknown>)[f]);

		if (before.status === 'approved' && contentChanged) {
			await tx
				.update(requirements)
				.set({ isLatest: false, version: before.version + 1 })
				.where(eq(requirements.id, before.id));
			const [next] = await tx
				.insert(requirements)
				.values({
					consortiumId,
					number: before.number,
					revision: before.revision + 1,
					replacesId: before.id,
					...columns,
					status: 'in_review',
					submittedAt: new Date(),
					createdBy: person.id,
					updatedBy: person.id
				})
				.returning();
			await setRequirementLinks(tx, consortiumId, next!.id, input);
			// What depends on a baselined revision is flagged for review with the revision itself.
			await flagImpactIn(tx, person.id, next!);
			await recordChange(tx, {
				actorId: person.id,
				consortiumId,
				action: 'requirement.revised',
				entityType: 'requirement',
				entityId: next!.id,
				before: { ...snapshot(before), ...beforeLinks },
				after: { ...snapshot(next!), ...(await linksOf(tx, next!.id)) },
				// the revision it replaces (its page says there is a newer one) and what both link
				related: [before.id, ...linkedIds(beforeLinks), ...input.storyIds, ...input.needIds]
			});
			await refreshQuality(tx, consortiumId, [next!.id]);
			return next!;
		}

		const [after] = await tx
			.update(requirements)
			.set({ ...columns, version: before.version + 1, updatedBy: person.id, updatedAt: new Date() })
			.where(eq(requirements.id, before.id))
			.returning();
		await setRequirementLinks(tx, consortiumId, before.id, input);
		if (before.status === 'in_review' && contentChanged) {
			await tx.delete(requirementApprovals).where(eq(requirementApprovals.requirementId, before.id));
		}
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'requirement.updated',
			entityType: 'requirement',
			entityId: before.id,
			before: { ...snapshot(before), ...beforeLinks },
			after: { ...snapshot(after!), ...(await linksOf(tx, before.id)) },
			related: [...linkedIds(beforeLinks), ...input.storyIds, ...input.needIds]
		});
		await refreshQuality(tx, consortiumId, [before.id]);
		return after!;
	});
}

/** Deletes a draft that was never reviewed (revision 1); anything else is withdrawn instead. */
export async function deleteRequirement(person: Who, consortiumId: string, id: string): Promise<void> {
	await withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'content.write');
		const before = await loadForUpdate(tx, requirements, id, consortiumId);
		authorize(actor, 'requirement.delete', before);
		const links = await linksOf(tx, id);
		await tx.delete(comments).where(and(eq(comments.consortiumId, consortiumId), eq(comments.targetKind, 'requirement'), eq(comments.targetId, id)));
		await tx.delete(requirements).where(eq(requirements.id, id));
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'requirement.deleted',
			entityType: 'requirement',
			entityId: id,
			before: snapshot(before),
			related: linkedIds(links)
		});
	});
}

/**
 * Reads a row of the consortium and locks it for the rest of the transaction, so two saves of the
 * same row queue behind each other and the second one sees the first one's version.
 */
export async function loadForUpdate<T extends typeof needs | typeof userStories | typeof requirements>(
	tx: Transaction,
	table: T,
	id: string,
	consortiumId: string
): Promise<T['$inferSelect']> {
	const rows = await tx
		.select()
		.from(table as typeof needs)
		.where(and(eq((table as typeof needs).id, id), eq((table as typeof needs).consortiumId, consortiumId)))
		.for('update');
	if (!rows[0]) throw new NotFound();
	return rows[0] as T['$inferSelect'];
}
