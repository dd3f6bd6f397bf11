import { and, asc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { backlogItems, requirements, requirementStories, userStories } from '../db/schema';
import type { MoscowPriority, PriorityItemKind } from '../../enums';
import type { BacklogRow } from './state';

/** A requirement as a release carries it. */
export interface CarriedRequirement {
	identifier: string;
	title: string;
	text: string;
	acceptanceCriteria: string;
}

/** One item of a release, frozen as published (the jsonb of backlog_release_items, and the API's shape). */
export interface ReleaseItemContent {
	backlogItemId: string;
	rank: number;
	kind: PriorityItemKind;
	itemId: string;
	/** K-012 for a requirement; S-<place> for a story, which has no number of its own. */
	key: string;
	title: string;
	/** "Som … vill jag … så att …" and the story's details, or the requirement's text. */
	description: string;
	moscow: MoscowPriority | null;
	estimate: number | null;
	acceptanceCriteria: string;
	/** A story's requirements (latest revisions), or the requirement itself. */
	requirements: CarriedRequirement[];
	/** The decision number behind the last change to this item after the scope was locked. */
	changedByDecision: string | null;
}

/** The backlog's MVP items (above the line) as a release carries them, in order. */
export async function releaseContentIn(tx: Transaction, backlog: Pick<BacklogRow, 'id' | 'line'>): Promise<ReleaseItemContent[]> {
	const items = await tx
		.select()
		.from(backlogItems)
		.where(and(eq(backlogItems.backlogId, backlog.id), isNotNull(backlogItems.rank), lte(backlogItems.rank, backlog.line)))
		.orderBy(asc(backlogItems.rank));
	const storyIds = items.filter((i) => i.itemKind === 'story').map((i) => i.itemId);
	const requirementIds = items.filter((i) => i.itemKind === 'requirement').map((i) => i.itemId);
	const [stories, ownRequirements, storyRequirements] = await Promise.all([
		storyIds.length ? tx.select().from(userStories).where(inArray(userStories.id, storyIds)) : [],
		requirementIds.length ? tx.select().from(requirements).where(inArray(requirements.id, requirementIds)) : [],
		storyIds.length
			? tx
					.select({
						storyId: requirementStories.storyId,
						identifier: requirements.identifier,
						title: requirements.title,
						text: requirements.bodyText,
						acceptanceCriteria: requirements.acceptanceCriteria
					})
					.from(requirementStories)
					.innerJoin(requirements, eq(requirements.id, requirementStories.requirementId))
					.where(and(inArray(requirementStories.storyId, storyIds), eq(requirements.isLatest, true)))
					.orderBy(asc(requirements.number))
			: []
	]);
	return items.map((item) => {
		const base = {
			backlogItemId: item.id,
			rank: item.rank!,
			kind: item.itemKind,
			itemId: item.itemId,
			moscow: item.moscow,
			estimate: item.estimate,
			acceptanceCriteria: item.acceptanceCriteria,
			changedByDecision: item.changedByDecision
		};
		if (item.itemKind === 'story') {
			const story = stories.find((s) => s.id === item.itemId);
			const sentence = story ? `Som ${story.role} vill jag ${story.goal} så att ${story.purpose}` : '';
			return {
				...base,
				key: `S-${item.rank}`,
				title: story?.goal ?? '–',
				description: [sentence, story?.detailsText ?? ''].filter(Boolean).join('\n\n'),
				requirements: storyRequirements
					.filter((r) => r.storyId === item.itemId)
					.map((r) => ({ identifier: r.identifier, title: r.title, text: r.text, acceptanceCriteria: r.acceptanceCriteria }))
			};
		}
		const requirement = ownRequirements.find((r) => r.id === item.itemId);
		return {
			...base,
			key: requirement?.identifier ?? '–',
			title: requirement?.title ?? '–',
			description: requirement?.bodyText ?? '',
			requirements: requirement
				? [{ identifier: requirement.identifier, title: requirement.title, text: requirement.bodyText, acceptanceCriteria: requirement.acceptanceCriteria }]
				: []
		};
	});
}

/** What changed from one release to the next, by backlog item. */
export interface ReleaseDiff {
	added: ReleaseItemContent[];
	removed: ReleaseItemContent[];
	moved: { item: ReleaseItemContent; from: number }[];
	/** Items whose acceptance criteria, MoSCoW, estimate or carried texts changed. */
	changed: ReleaseItemContent[];
}

/** Indexes of a longest strictly increasing subsequence of `values` (patience sorting). */
function longestIncreasing(values: readonly number[]): Set<number> {
	const tails: number[] = [];
	const previous: number[] = new Array(values.length).fill(-1);
	for (let i = 0; i < values.length; i++) {
		let lo = 0;
		let hi = tails.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
			else hi = mid;
		}
		if (lo > 0) previous[i] = tails[lo - 1]!;
		tails[lo] = i;
	}
	const kept = new Set<number>();
	for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) kept.add(i);
	return kept;
}

/**
 * The difference between the previous release's items and this one's (pure). An item counts as moved
 * only when its order among the items both releases carry changed, and then only the fewest items
 * that explain the new order (those outside a longest run kept in order), so one item moved up is one
 * move, not a shift of everything it passed.
 */
export function diffReleases(previous: readonly ReleaseItemContent[], current: readonly ReleaseItemContent[]): ReleaseDiff {
	const before = new Map(previous.map((i) => [i.backlogItemId, i]));
	const now = new Set(current.map((i) => i.backlogItemId));
	const diff: ReleaseDiff = { added: [], removed: previous.filter((i) => !now.has(i.backlogItemId)), moved: [], changed: [] };
	const common = current.filter((i) => before.has(i.backlogItemId));
	const oldOrder = [...previous].filter((i) => now.has(i.backlogItemId)).map((i) => i.backlogItemId);
	const kept = longestIncreasing(common.map((i) => oldOrder.indexOf(i.backlogItemId)));
	const words = (i: ReleaseItemContent) => JSON.stringify([i.acceptanceCriteria, i.moscow, i.estimate, i.title, i.description, i.requirements]);
	for (const item of current) if (!before.has(item.backlogItemId)) diff.added.push(item);
	common.forEach((item, index) => {
		const old = before.get(item.backlogItemId)!;
		if (!kept.has(index)) diff.moved.push({ item, from: old.rank });
		if (words(old) !== words(item)) diff.changed.push(item);
	});
	return diff;
}
