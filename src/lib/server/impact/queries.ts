import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ImpactTargetKind } from '../../enums';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { backlogItems, impactFlags, requirements, users } from '../db/schema';
import { NotFound } from '../errors';
import { actorOf, readerFor, type Who } from '../consortia/actor';
import { can, type Actor } from '../policy';
import { baselinedPredecessorIn, impactSetIn, targetPathsIn, type ImpactTarget } from './dependents';
import { diffRevisions } from './diff';
import type { OpenImpactFlag } from '../../impact-types';

export type { OpenImpactFlag };

const openColumns = {
	id: impactFlags.id,
	identifier: impactFlags.identifier,
	fromRevision: impactFlags.fromRevision,
	toRevision: impactFlags.toRevision,
	fromRevisionId: impactFlags.fromRevisionId,
	toRevisionId: impactFlags.toRevisionId,
	targetKind: impactFlags.targetKind,
	targetId: impactFlags.targetId,
	targetLabel: impactFlags.targetLabel,
	diff: impactFlags.diff,
	createdAt: impactFlags.createdAt,
	updatedAt: impactFlags.updatedAt
};

async function withPaths(tx: Transaction, rows: Omit<OpenImpactFlag, 'path'>[]): Promise<OpenImpactFlag[]> {
	const paths = await targetPathsIn(tx, rows);
	return rows.map((r) => ({ ...r, path: paths.get(r.targetId) ?? null }));
}

/** A target of the impact view: what it is, and its flag for this requirement if one was raised. */
export interface ImpactViewTarget extends ImpactTarget {
	flag: { id: string; toRevision: number; cleared: boolean; clearedAt: Date | null; clearNote: string | null; clearedBy: string | null } | null;
}

/**
 * The impact view of one revision, written nowhere: for a revision 2 or later whose requirement a
 * baseline froze earlier, the diff from the baselined revision and everything that depends on the
 * requirement (grouped by the page), with the flag each has for this requirement (open or cleared),
 * so a revision still in review shows its whole impact before anyone approves it. For a revision no
 * baseline precedes, `baseline` is null and the set is empty. Internal members only.
 */
export async function impactOf(person: Who, consortiumId: string, requirementId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const [revision] = await tx
			.select()
			.from(requirements)
			.where(and(eq(requirements.id, requirementId), eq(requirements.consortiumId, consortiumId)));
		if (!revision) throw new NotFound();
		const shown = { id: revision.id, identifier: revision.identifier, revision: revision.revision, title: revision.title, status: revision.status };
		const base = revision.revision >= 2 ? await baselinedPredecessorIn(tx, revision) : null;
		if (!base) {
			// Nothing that went out changes, but a change request about the requirement still shows what
			// hangs on it: the same set, computed now, with no diff and no flags.
			const dependents = await impactSetIn(tx, consortiumId, revision, [revision.id]);
			return { revision: shown, baseline: null, diff: null, targets: dependents.map((t) => ({ ...t, flag: null })) as ImpactViewTarget[], canClear: false };
		}
		const [targets, flags] = await Promise.all([
			impactSetIn(tx, consortiumId, revision, [base.id, revision.id]),
			tx
				.select({
					id: impactFlags.id,
					targetKind: impactFlags.targetKind,
					targetId: impactFlags.targetId,
					toRevision: impactFlags.toRevision,
					clearedAt: impactFlags.clearedAt,
					clearNote: impactFlags.clearNote,
					clearedBy: users.name
				})
				.from(impactFlags)
				.leftJoin(users, eq(users.id, impactFlags.clearedBy))
				.where(and(eq(impactFlags.consortiumId, consortiumId), eq(impactFlags.requirementNumber, revision.number)))
				.orderBy(desc(impactFlags.updatedAt))
		]);
		// A target's open flag if it has one, else its latest cleared one.
		const flagOf = (t: ImpactTarget) => {
			const mine = flags.filter((f) => f.targetKind === t.kind && f.targetId === t.id);
			const f = mine.find((x) => x.clearedAt === null) ?? mine[0];
			return f
				? { id: f.id, toRevision: f.toRevision, cleared: f.clearedAt !== null, clearedAt: f.clearedAt, clearNote: f.clearNote, clearedBy: f.clearedBy }
				: null;
		};
		return {
			revision: shown,
			baseline: { id: base.id, revision: base.revision },
			diff: diffRevisions(base, revision),
			targets: targets.map((t) => ({ ...t, flag: flagOf(t) })),
			canClear: can(actor, 'content.write', { consortiumId })
		};
	});
}

/**
 * For a requirement's page: how many things a revision affects (its impact set, computed now), or
 * null when it has no baselined predecessor, or when the person may not read internal content.
 */
export async function impactSummary(person: Who, consortiumId: string, requirementId: string): Promise<{ count: number; open: number } | null> {
	return withUser(person, async (tx) => {
		const actor = await actorOf(tx, person, consortiumId);
		if (!can(actor, 'internal.read', { consortiumId })) return null;
		const [revision] = await tx
			.select()
			.from(requirements)
			.where(and(eq(requirements.id, requirementId), eq(requirements.consortiumId, consortiumId)));
		if (!revision || revision.revision < 2) return null;
		const base = await baselinedPredecessorIn(tx, revision);
		if (!base) return null;
		const targets = await impactSetIn(tx, consortiumId, revision, [base.id, revision.id]);
		const [open] = await tx
			.select({ n: sql<number>`count(*)::int` })
			.from(impactFlags)
			.where(and(eq(impactFlags.consortiumId, consortiumId), eq(impactFlags.requirementNumber, revision.number), isNull(impactFlags.clearedAt)));
		return { count: targets.length, open: open?.n ?? 0 };
	});
}

/** Every open flag of the consortium, oldest first, for the review list. Internal members only. */
export async function listOpenImpactFlags(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const rows = await tx
			.select(openColumns)
			.from(impactFlags)
			.where(and(eq(impactFlags.consortiumId, consortiumId), isNull(impactFlags.clearedAt)))
			.orderBy(asc(impactFlags.requirementNumber), asc(impactFlags.targetKind), asc(impactFlags.targetLabel));
		return { flags: await withPaths(tx, rows), canClear: can(actor, 'content.write', { consortiumId }) };
	});
}

/**
 * The open flags on one thing, for the notice on its own page; none for anyone who may not read
 * internal content (the supplier reads a question's page, never its flags).
 */
export async function impactFlagsOn(person: Who, consortiumId: string, targetKind: ImpactTargetKind, targetIds: string | readonly string[]) {
	const ids = typeof targetIds === 'string' ? [targetIds] : [...targetIds];
	return withUser(person, async (tx) => {
		const actor = await actorOf(tx, person, consortiumId);
		if (!can(actor, 'internal.read', { consortiumId }) || ids.length === 0) return { flags: [] as OpenImpactFlag[], canClear: false };
		const rows = await tx
			.select(openColumns)
			.from(impactFlags)
			.where(
				and(
					eq(impactFlags.consortiumId, consortiumId),
					eq(impactFlags.targetKind, targetKind),
					inArray(impactFlags.targetId, ids),
					isNull(impactFlags.clearedAt)
				)
			)
			.orderBy(asc(impactFlags.requirementNumber));
		return { flags: await withPaths(tx, rows), canClear: can(actor, 'content.write', { consortiumId }) };
	});
}

/** For the home page of writers: the consortium's open flags (at most 20), oldest first, and how many there are. */
export async function impactAttentionIn(tx: Transaction, actor: Actor, consortiumId: string) {
	if (!can(actor, 'content.write', { consortiumId })) return { openImpactFlags: [], openImpactFlagCount: 0 };
	const rows = await tx
		.select(openColumns)
		.from(impactFlags)
		.where(and(eq(impactFlags.consortiumId, consortiumId), isNull(impactFlags.clearedAt)))
		.orderBy(asc(impactFlags.createdAt), asc(impactFlags.requirementNumber))
		.limit(20);
	const [count] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(impactFlags)
		.where(and(eq(impactFlags.consortiumId, consortiumId), isNull(impactFlags.clearedAt)));
	return { openImpactFlags: await withPaths(tx, rows), openImpactFlagCount: count?.n ?? 0 };
}

/** The open flags on the items of one backlog, for the notice on the backlog's page (its items have no page of their own). */
export async function impactFlagsOnBacklog(person: Who, consortiumId: string, backlogId: string) {
	return withUser(person, async (tx) => {
		const items = await tx
			.select({ id: backlogItems.id })
			.from(backlogItems)
			.where(and(eq(backlogItems.consortiumId, consortiumId), eq(backlogItems.backlogId, backlogId)));
		return impactFlagsOn(
			person,
			consortiumId,
			'backlog_item',
			items.map((i) => i.id)
		);
	});
}
