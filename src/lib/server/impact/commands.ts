import { and, eq, isNull } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { impactFlags, requirements } from '../db/schema';
import { CommandError, NotFound } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { authorize } from '../policy';
import { baselinedPredecessorIn, impactSetIn } from './dependents';
import { diffRevisions } from './diff';
import type { ClearImpactFlagInput } from './schemas';

type RequirementRow = typeof requirements.$inferSelect;
export type ImpactFlagRow = typeof impactFlags.$inferSelect;

/**
 * Flags everything that depends on a requirement whose new revision changes a baselined one, in the
 * caller's transaction (the revision's own). A target with an open flag for the same requirement
 * keeps that one flag, moved on to this revision with the diff from the baselined revision; others
 * get a new flag. Nothing happens for a requirement no baseline froze.
 */
export async function flagImpactIn(tx: Transaction, actorId: string | null, revision: RequirementRow): Promise<ImpactFlagRow[]> {
	if (revision.revision < 2) return [];
	const base = await baselinedPredecessorIn(tx, revision);
	if (!base) return [];
	const targets = await impactSetIn(tx, revision.consortiumId, revision, [base.id, revision.id]);
	if (targets.length === 0) return [];
	const diff = diffRevisions(base, revision);
	const open = await tx
		.select()
		.from(impactFlags)
		.where(and(eq(impactFlags.consortiumId, revision.consortiumId), eq(impactFlags.requirementNumber, revision.number), isNull(impactFlags.clearedAt)));
	const now = new Date();
	const flags: ImpactFlagRow[] = [];
	for (const target of targets) {
		const existing = open.find((f) => f.targetKind === target.kind && f.targetId === target.id);
		const moved = { toRevisionId: revision.id, toRevision: revision.revision, targetLabel: target.label.slice(0, 500), diff, updatedAt: now };
		const [row] = existing
			? await tx.update(impactFlags).set(moved).where(eq(impactFlags.id, existing.id)).returning()
			: await tx
					.insert(impactFlags)
					.values({
						consortiumId: revision.consortiumId,
						requirementNumber: revision.number,
						identifier: revision.identifier,
						fromRevisionId: base.id,
						fromRevision: base.revision,
						targetKind: target.kind,
						targetId: target.id,
						createdBy: actorId,
						createdAt: now,
						...moved
					})
					.returning();
		flags.push(row!);
	}
	await recordChange(tx, {
		actorId,
		consortiumId: revision.consortiumId,
		action: 'impact_flag.raised',
		entityType: 'impact_flag',
		entityId: null,
		// the open flags moved on to this revision, as they were
		before: open
			.filter((f) => flags.some((n) => n.id === f.id))
			.map((f) => ({ id: f.id, targetKind: f.targetKind, targetId: f.targetId, toRevision: f.toRevision })),
		after: {
			identifier: revision.identifier,
			fromRevision: base.revision,
			toRevision: revision.revision,
			flags: flags.map((f) => ({ id: f.id, targetKind: f.targetKind, targetId: f.targetId, targetLabel: f.targetLabel }))
		},
		// the revisions' pages (their impact summary) and every flagged thing's page
		related: [revision.id, base.id, ...flags.map((f) => f.targetId)]
	});
	return flags;
}

/**
 * "Granskad": a writer who reviewed the flagged thing clears its flag with a note (audited). A
 * flag someone else cleared meanwhile is refused (409), never cleared twice.
 */
export async function clearImpactFlag(person: Who, consortiumId: string, input: ClearImpactFlagInput): Promise<ImpactFlagRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const [before] = await tx
			.select()
			.from(impactFlags)
			.where(and(eq(impactFlags.id, input.flagId), eq(impactFlags.consortiumId, consortiumId)));
		if (!before) throw new NotFound();
		authorize(actor, 'impact_flag.clear', { consortiumId, cleared: before.clearedAt !== null });
		const [after] = await tx
			.update(impactFlags)
			.set({ clearedAt: new Date(), clearedBy: person.id, clearNote: input.note })
			.where(and(eq(impactFlags.id, before.id), isNull(impactFlags.clearedAt)))
			.returning();
		if (!after) throw new CommandError('impact_flag_cleared', 'form', 409);
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'impact_flag.cleared',
			entityType: 'impact_flag',
			entityId: after.id,
			before,
			after,
			related: [after.targetId, after.toRevisionId, after.fromRevisionId]
		});
		return after;
	});
}
