import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { ImpactTargetKind } from '../../enums';
import type { Transaction } from '../db/client';
import {
	backlogItems,
	backlogReleaseItems,
	backlogReleases,
	backlogs,
	baselineItems,
	decisionItems,
	decisionLinks,
	documents,
	effectGoalLinks,
	effectGoals,
	needs,
	priorityRoundItems,
	priorityRounds,
	questions,
	requirementNeeds,
	requirements,
	requirementStories,
	userStories
} from '../db/schema';

type RequirementRow = typeof requirements.$inferSelect;

/** Something a change to a requirement affects: its kind, id and name, and its page below the consortium's address. */
export interface ImpactTarget {
	kind: ImpactTargetKind;
	id: string;
	label: string;
	path: string;
}

/**
 * The latest revision of the same requirement before `revision` that some baseline froze (and so went
 * out), or null when none did: a change is measured from what the recipients have.
 */
export async function baselinedPredecessorIn(tx: Transaction, revision: Pick<RequirementRow, 'consortiumId' | 'number' | 'revision'>) {
	const [row] = await tx
		.select()
		.from(requirements)
		.where(
			and(
				eq(requirements.consortiumId, revision.consortiumId),
				eq(requirements.number, revision.number),
				lt(requirements.revision, revision.revision),
				sql`exists (select 1 from ${baselineItems} b where b.requirement_id = ${requirements.id})`
			)
		)
		.orderBy(desc(requirements.revision))
		.limit(1);
	return row ?? null;
}

/** Word-boundary match of an identifier in free text: K-012, but not K-0120 or XK-012. */
const mentions = (identifier: string) => `(^|[^[:alnum:]])${identifier}($|[^[:alnum:]])`;

/**
 * Everything that depends on requirement `number` of the consortium (any of its revisions), read in
 * the caller's transaction: the backlog items that carry it (itself, or a story it traces to), the
 * releases whose frozen items carry it, the supplier's questions about it (answered ones too), the
 * decision items that link it, the documents that cite it (a kravspecifikation whose baseline froze
 * it, or any document whose text names its identifier), the priority rounds that rank it, the user
 * stories and needs the revisions in `traceIds` trace to, and the effect goals that link it.
 */
export async function impactSetIn(
	tx: Transaction,
	consortiumId: string,
	requirement: { number: number; identifier: string },
	traceIds: readonly string[]
): Promise<ImpactTarget[]> {
	const revisionIds = (
		await tx
			.select({ id: requirements.id })
			.from(requirements)
			.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.number, requirement.number)))
	).map((r) => r.id);
	if (revisionIds.length === 0) return [];
	const traces = traceIds.length ? [...traceIds] : revisionIds;
	const [stories, linkedNeeds] = await Promise.all([
		tx
			.selectDistinct({ id: userStories.id, goal: userStories.goal })
			.from(requirementStories)
			.innerJoin(userStories, eq(userStories.id, requirementStories.storyId))
			.where(and(eq(requirementStories.consortiumId, consortiumId), inArray(requirementStories.requirementId, traces)))
			.orderBy(asc(userStories.goal)),
		tx
			.selectDistinct({ id: needs.id, title: needs.title })
			.from(requirementNeeds)
			.innerJoin(needs, eq(needs.id, requirementNeeds.needId))
			.where(and(eq(requirementNeeds.consortiumId, consortiumId), inArray(requirementNeeds.requirementId, traces)))
			.orderBy(asc(needs.title))
	]);
	const storyIds = stories.map((s) => s.id);
	const carried = storyIds.length
		? sql`((${backlogItems.itemKind} = 'requirement' and ${inArray(backlogItems.itemId, revisionIds)}) or (${backlogItems.itemKind} = 'story' and ${inArray(backlogItems.itemId, storyIds)}))`
		: sql`(${backlogItems.itemKind} = 'requirement' and ${inArray(backlogItems.itemId, revisionIds)})`;
	const [items, releases, asked, decided, cited, rounds, goals] = await Promise.all([
		tx
			.select({
				id: backlogItems.id,
				backlogId: backlogs.id,
				backlog: backlogs.name,
				kind: backlogItems.itemKind,
				story: userStories.goal
			})
			.from(backlogItems)
			.innerJoin(backlogs, eq(backlogs.id, backlogItems.backlogId))
			.leftJoin(userStories, and(eq(backlogItems.itemKind, 'story'), eq(userStories.id, backlogItems.itemId)))
			.where(and(eq(backlogItems.consortiumId, consortiumId), carried))
			.orderBy(asc(backlogs.name), asc(backlogItems.rank)),
		tx
			.selectDistinct({ id: backlogReleases.id, number: backlogReleases.number, version: backlogReleases.version })
			.from(backlogReleaseItems)
			.innerJoin(backlogReleases, eq(backlogReleases.id, backlogReleaseItems.releaseId))
			.where(
				and(
					eq(backlogReleaseItems.consortiumId, consortiumId),
					sql`${backlogReleaseItems.content} -> 'requirements' @> jsonb_build_array(jsonb_build_object('identifier', ${requirement.identifier}::text))`
				)
			)
			.orderBy(asc(backlogReleases.number)),
		tx
			.select({ id: questions.id, number: questions.number, title: questions.title })
			.from(questions)
			.where(and(eq(questions.consortiumId, consortiumId), eq(questions.itemKind, 'requirement'), inArray(questions.itemId, revisionIds)))
			.orderBy(asc(questions.number)),
		tx
			.selectDistinct({ id: decisionItems.id, title: decisionItems.title })
			.from(decisionLinks)
			.innerJoin(decisionItems, eq(decisionItems.id, decisionLinks.itemId))
			.where(and(eq(decisionLinks.consortiumId, consortiumId), eq(decisionLinks.targetKind, 'requirement'), inArray(decisionLinks.targetId, revisionIds)))
			.orderBy(asc(decisionItems.title)),
		tx
			.select({ id: documents.id, title: documents.title })
			.from(documents)
			.where(
				and(
					eq(documents.consortiumId, consortiumId),
					sql`(${documents.baselineId} in (select b.baseline_id from ${baselineItems} b where b.consortium_id = ${consortiumId} and b.number = ${requirement.number})
						or ${documents.text} ~ ${mentions(requirement.identifier)})`
				)
			)
			.orderBy(asc(documents.title)),
		tx
			.selectDistinct({ id: priorityRounds.id, title: priorityRounds.title })
			.from(priorityRoundItems)
			.innerJoin(priorityRounds, eq(priorityRounds.id, priorityRoundItems.roundId))
			.where(
				and(eq(priorityRoundItems.consortiumId, consortiumId), eq(priorityRoundItems.itemKind, 'requirement'), inArray(priorityRoundItems.itemId, revisionIds))
			)
			.orderBy(asc(priorityRounds.title)),
		tx
			.selectDistinct({ id: effectGoals.id, title: effectGoals.title })
			.from(effectGoalLinks)
			.innerJoin(effectGoals, eq(effectGoals.id, effectGoalLinks.goalId))
			.where(and(eq(effectGoalLinks.consortiumId, consortiumId), inArray(effectGoalLinks.requirementId, revisionIds)))
			.orderBy(asc(effectGoals.title))
	]);
	return [
		...items.map((i) => ({
			kind: 'backlog_item' as const,
			id: i.id,
			label: `${i.backlog}: ${i.kind === 'story' ? (i.story ?? '–') : requirement.identifier}`,
			path: `backlog/${i.backlogId}`
		})),
		...releases.map((r) => ({ kind: 'release' as const, id: r.id, label: `${r.number} (${r.version})`, path: `backlog/releases/${r.number}` })),
		...asked.map((q) => ({ kind: 'question' as const, id: q.id, label: `F-${q.number} ${q.title}`, path: `questions/${q.id}` })),
		...decided.map((d) => ({ kind: 'decision_item' as const, id: d.id, label: d.title, path: `decisions/${d.id}` })),
		...cited.map((d) => ({ kind: 'document' as const, id: d.id, label: d.title, path: `documents/${d.id}` })),
		...rounds.map((r) => ({ kind: 'priority_round' as const, id: r.id, label: r.title, path: `prioritisation/${r.id}` })),
		...stories.map((s) => ({ kind: 'story' as const, id: s.id, label: s.goal, path: `stories/${s.id}` })),
		...linkedNeeds.map((n) => ({ kind: 'need' as const, id: n.id, label: n.title, path: `needs/${n.id}` })),
		...goals.map((g) => ({ kind: 'effect_goal' as const, id: g.id, label: g.title, path: `governance/goals/${g.id}` }))
	];
}

/** The page of each flagged target below the consortium's address (a backlog item's is its backlog's, a release's is by number). */
export async function targetPathsIn(tx: Transaction, targets: readonly { targetKind: ImpactTargetKind; targetId: string }[]): Promise<Map<string, string>> {
	const itemIds = targets.filter((t) => t.targetKind === 'backlog_item').map((t) => t.targetId);
	const releaseIds = targets.filter((t) => t.targetKind === 'release').map((t) => t.targetId);
	const [items, releases] = await Promise.all([
		itemIds.length ? tx.select({ id: backlogItems.id, backlogId: backlogItems.backlogId }).from(backlogItems).where(inArray(backlogItems.id, itemIds)) : [],
		releaseIds.length
			? tx.select({ id: backlogReleases.id, number: backlogReleases.number }).from(backlogReleases).where(inArray(backlogReleases.id, releaseIds))
			: []
	]);
	const paths = new Map<string, string>();
	const plain: Record<Exclude<ImpactTargetKind, 'backlog_item' | 'release'>, string> = {
		question: 'questions',
		decision_item: 'decisions',
		document: 'documents',
		priority_round: 'prioritisation',
		story: 'stories',
		need: 'needs',
		effect_goal: 'governance/goals'
	};
	for (const t of targets) {
		if (t.targetKind === 'backlog_item') {
			const item = items.find((i) => i.id === t.targetId);
			if (item) paths.set(t.targetId, `backlog/${item.backlogId}`);
		} else if (t.targetKind === 'release') {
			const release = releases.find((r) => r.id === t.targetId);
			if (release) paths.set(t.targetId, `backlog/releases/${release.number}`);
		} else paths.set(t.targetId, `${plain[t.targetKind]}/${t.targetId}`);
	}
	return paths;
}
