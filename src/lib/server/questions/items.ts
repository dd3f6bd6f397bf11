import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { backlogItems, backlogReleaseItems, requirements, userStories } from '../db/schema';
import type { PriorityItemKind } from '../../enums';

export interface ItemRef {
	kind: PriorityItemKind;
	id: string;
}

export interface ItemView extends ItemRef {
	/** The words it is known by: a story's goal, or a requirement's identifier and title. */
	label: string;
}

/**
 * The stories and requirements a question may be about, as the asking person may see them (row-level
 * security): the items published releases carried, named as they were published. The supplier reads
 * no story or requirement otherwise, so before the first release its questions are general ones.
 */
export async function askableItems(tx: Transaction, consortiumId: string): Promise<ItemView[]> {
	const rows = await tx
		.selectDistinctOn([backlogItems.itemKind, backlogItems.itemId], {
			kind: backlogItems.itemKind,
			id: backlogItems.itemId,
			key: sql<string | null>`${backlogReleaseItems.content} ->> 'key'`,
			title: sql<string | null>`${backlogReleaseItems.content} ->> 'title'`
		})
		.from(backlogReleaseItems)
		.innerJoin(backlogItems, eq(backlogItems.id, backlogReleaseItems.backlogItemId))
		.where(eq(backlogReleaseItems.consortiumId, consortiumId))
		.orderBy(backlogItems.itemKind, backlogItems.itemId);
	return rows
		.map((r) => ({ kind: r.kind, id: r.id, label: [r.key, r.title].filter(Boolean).join(' ') || '–' }))
		.sort((a, b) => a.label.localeCompare(b.label, 'sv'));
}

/** Whether the person may ask about `item`: it is one of `askableItems`, read under their own row-level security. */
export async function mayAskAbout(tx: Transaction, consortiumId: string, item: ItemRef): Promise<boolean> {
	const [row] = await tx
		.select({ id: backlogItems.id })
		.from(backlogReleaseItems)
		.innerJoin(backlogItems, eq(backlogItems.id, backlogReleaseItems.backlogItemId))
		.where(and(eq(backlogReleaseItems.consortiumId, consortiumId), eq(backlogItems.itemKind, item.kind), eq(backlogItems.itemId, item.id)))
		.limit(1);
	return Boolean(row);
}

/**
 * The words each item is known by, for whoever reads: internal members see the story or requirement
 * itself; the supplier sees it as a release published it (row-level security hides the rest).
 */
export async function itemLabels(tx: Transaction, consortiumId: string, items: ItemRef[]): Promise<Map<string, string>> {
	const labels = new Map<string, string>();
	if (items.length === 0) return labels;
	const storyIds = items.filter((i) => i.kind === 'story').map((i) => i.id);
	const requirementIds = items.filter((i) => i.kind === 'requirement').map((i) => i.id);
	const [stories, reqs, released] = await Promise.all([
		storyIds.length
			? tx
					.select({ id: userStories.id, goal: userStories.goal })
					.from(userStories)
					.where(and(eq(userStories.consortiumId, consortiumId), inArray(userStories.id, storyIds)))
			: Promise.resolve([]),
		requirementIds.length
			? tx
					.select({ id: requirements.id, identifier: requirements.identifier, title: requirements.title })
					.from(requirements)
					.where(and(eq(requirements.consortiumId, consortiumId), inArray(requirements.id, requirementIds)))
			: Promise.resolve([]),
		askableItems(tx, consortiumId)
	]);
	for (const r of released) labels.set(`${r.kind}:${r.id}`, r.label);
	for (const s of stories) labels.set(`story:${s.id}`, s.goal);
	for (const r of reqs) labels.set(`requirement:${r.id}`, `${r.identifier} ${r.title}`);
	return labels;
}

/** Where an item lives in the app, from the consortium's root. */
export const itemPath = (item: ItemRef) => `${item.kind === 'story' ? 'stories' : 'requirements'}/${item.id}`;
