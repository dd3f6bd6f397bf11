import { and, asc, count, desc, eq, inArray, not, sql, type SQL } from 'drizzle-orm';
import { withUser } from '../db/request';
import {
	attachments,
	baselines,
	decisionAcknowledgements,
	decisionConflicts,
	decisionItems,
	decisionLinks,
	decisionPositionHistory,
	decisionPositions,
	decisionReservations,
	decisions,
	needs,
	organisations,
	requirements,
	userStories,
	users
} from '../db/schema';
import { NotFound } from '../errors';
import { abilities, can, itemAbilities } from '../policy';
import type { DecisionLevel } from '../../enums';
import { readerFor, type Who } from '../consortia/actor';
import { itemResource, positionsState } from './state';
import { verifyChain, type ChainVerdict } from './log-chain';

/** The consortium's decision items, open ones first (by deadline), then drafts, then the settled. */
export async function listDecisionItems(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const organisationId = actor.membership?.organisationId ?? null;
		const rows = await tx
			.select({
				id: decisionItems.id,
				title: decisionItems.title,
				level: decisionItems.level,
				status: decisionItems.status,
				deadline: decisionItems.deadline,
				result: decisionItems.result,
				stated: sql<number>`(select count(*)::int from ${decisionPositions} p where p.item_id = ${decisionItems.id})`,
				mineStated: organisationId
					? sql<boolean>`exists (select 1 from ${decisionPositions} p where p.item_id = ${decisionItems.id} and p.organisation_id = ${organisationId})`
					: sql<boolean>`false`,
				number: decisions.number
			})
			.from(decisionItems)
			.leftJoin(decisions, eq(decisions.itemId, decisionItems.id))
			.where(eq(decisionItems.consortiumId, consortiumId))
			.orderBy(
				sql`case ${decisionItems.status} when 'open' then 0 when 'closed' then 1 when 'draft' then 2 when 'recorded' then 3 else 4 end`,
				asc(decisionItems.deadline),
				desc(decisionItems.createdAt)
			);
		const [members] = await tx
			.select({ n: count() })
			.from(organisations)
			.where(and(eq(organisations.consortiumId, consortiumId), inArray(organisations.kind, ['municipality', 'region'])));
		return { items: rows, members: members?.n ?? 0, can: abilities(actor, { consortiumId }) };
	});
}

const linkTitle = {
	need: { table: needs, label: needs.title },
	story: { table: userStories, label: userStories.goal },
	requirement: { table: requirements, label: requirements.title },
	baseline: { table: baselines, label: baselines.name }
} as const;

/** One item whole: its words, options, links, every organisation's position and the tally, history, conflicts, reservations, its log entry. */
export async function decisionItemDetail(person: Who, consortiumId: string, id: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const [item] = await tx
			.select()
			.from(decisionItems)
			.where(and(eq(decisionItems.id, id), eq(decisionItems.consortiumId, consortiumId)));
		if (!item) throw new NotFound();
		const final = item.status === 'closed' || item.status === 'recorded';
		const [state, resource, linkRows, history, conflicts, reservations, [entry]] = await Promise.all([
			positionsState(tx, consortiumId, id, final),
			itemResource(tx, actor, item),
			tx.select({ kind: decisionLinks.targetKind, id: decisionLinks.targetId }).from(decisionLinks).where(eq(decisionLinks.itemId, id)),
			tx
				.select({
					organisation: organisations.name,
					stance: decisionPositionHistory.stance,
					optionId: decisionPositionHistory.optionId,
					reason: decisionPositionHistory.reason,
					actingAs: decisionPositionHistory.actingAs,
					byName: users.name,
					at: decisionPositionHistory.statedAt
				})
				.from(decisionPositionHistory)
				.innerJoin(organisations, eq(organisations.id, decisionPositionHistory.organisationId))
				.leftJoin(users, eq(users.id, decisionPositionHistory.userId))
				.where(eq(decisionPositionHistory.itemId, id))
				.orderBy(desc(decisionPositionHistory.statedAt)),
			tx
				.select({ organisation: organisations.name, byName: users.name, reason: decisionConflicts.reason, at: decisionConflicts.declaredAt })
				.from(decisionConflicts)
				.innerJoin(organisations, eq(organisations.id, decisionConflicts.organisationId))
				.leftJoin(users, eq(users.id, decisionConflicts.userId))
				.where(eq(decisionConflicts.itemId, id)),
			tx
				.select({
					organisationId: decisionReservations.organisationId,
					organisation: organisations.name,
					byName: users.name,
					reason: decisionReservations.reason
				})
				.from(decisionReservations)
				.innerJoin(organisations, eq(organisations.id, decisionReservations.organisationId))
				.leftJoin(users, eq(users.id, decisionReservations.userId))
				.where(eq(decisionReservations.itemId, id)),
			tx.select().from(decisions).where(eq(decisions.itemId, id))
		]);
		const links = [];
		for (const kind of Object.keys(linkTitle) as (keyof typeof linkTitle)[]) {
			const ids = linkRows.filter((l) => l.kind === kind).map((l) => l.id);
			if (ids.length === 0) continue;
			const { table, label } = linkTitle[kind];
			const found = await tx
				.select({ id: (table as typeof needs).id, title: label })
				.from(table as typeof needs)
				.where(inArray((table as typeof needs).id, ids));
			links.push(...found.map((f) => ({ kind, id: f.id, title: f.title })));
		}
		const organisationId = actor.membership?.organisationId;
		const itemCan = itemAbilities(actor, 'decision_item', resource);
		// What a correction can supersede: the consortium's recorded decisions, newest first
		const supersedable = itemCan.record
			? await tx
					.select({ id: decisions.id, number: decisions.number, title: decisions.title })
					.from(decisions)
					.where(eq(decisions.consortiumId, consortiumId))
					.orderBy(desc(decisions.year), desc(decisions.sequence))
					.limit(200)
			: [];
		return {
			item,
			...state,
			supersedable,
			links,
			history,
			conflicts,
			reservations,
			entry: entry ?? null,
			myPosition: state.positions.find((p) => p.organisationId === organisationId) ?? null,
			can: { ...itemCan, manage: abilities(actor, { consortiumId })['decisions.manage'] }
		};
	});
}

/** Where-clause of a consortium's log, by year and level; the supplier's also says what RLS says. */
export function logWhere(consortiumId: string, internal: boolean, filter: { year?: number; level?: DecisionLevel; id?: string }): SQL | undefined {
	return and(
		eq(decisions.consortiumId, consortiumId),
		filter.id ? eq(decisions.id, filter.id) : undefined,
		filter.year ? eq(decisions.year, filter.year) : undefined,
		filter.level ? eq(decisions.level, filter.level) : undefined,
		// Row-level security already hides the rest from the supplier; this only says it again.
		internal ? undefined : and(eq(decisions.communicated, true), not(decisions.secret))
	);
}

export interface LogFilter {
	year?: number;
	level?: 'project_group' | 'steering_group';
	limit?: number;
	offset?: number;
}

/** The decision log, newest first, with the supplier's receipts; for the supplier only what was communicated to it and not secret (row-level security). */
export async function decisionLog(person: Who, consortiumId: string, filter: LogFilter = {}) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId, 'published.read');
		const internal = can(actor, 'internal.read', { consortiumId });
		const where = logWhere(consortiumId, internal, filter);
		const rows = await tx
			.select({
				id: decisions.id,
				number: decisions.number,
				title: decisions.title,
				text: decisions.text,
				level: decisions.level,
				decidedOn: decisions.decidedOn,
				result: decisions.result,
				communicated: decisions.communicated,
				secret: decisions.secret,
				itemId: decisions.itemId,
				supersedesId: decisions.supersedesId,
				/** The numbers of the entry this one corrects, and of the one that corrected it (what the reader may see of them). */
				supersedes: sql<string | null>`(select s.number from decisions s where s.id = decisions.supersedes_id)`,
				supersededBy: sql<string | null>`(select n.number from decisions n where n.supersedes_id = decisions.id order by n.recorded_at limit 1)`,
				acknowledgedAt: sql<Date | null>`(select min(a.created_at) from ${decisionAcknowledgements} a where a.decision_id = ${decisions.id})`
			})
			.from(decisions)
			.where(where)
			.orderBy(desc(decisions.year), desc(decisions.sequence))
			.limit(Math.min(filter.limit ?? 100, 500))
			.offset(filter.offset ?? 0);
		const [total] = await tx.select({ n: count() }).from(decisions).where(where);
		// The attachments of each entry's item, as row-level security shows them (the supplier: a communicated decision's).
		const itemIds = [...new Set(rows.map((r) => r.itemId).filter((id): id is string => id !== null))];
		const files = itemIds.length
			? await tx
					.select({ id: attachments.id, name: attachments.name, itemId: attachments.targetId })
					.from(attachments)
					.where(and(eq(attachments.consortiumId, consortiumId), eq(attachments.targetKind, 'decision_item'), inArray(attachments.targetId, itemIds)))
					.orderBy(asc(attachments.createdAt))
			: [];
		const filesOf = (itemId: string | null) => files.filter((f) => f.itemId === itemId).map((f) => ({ id: f.id, name: f.name }));
		return {
			entries: rows.map((r) => ({ ...(internal ? r : { ...r, itemId: null, secret: false }), files: filesOf(r.itemId) })),
			total: total?.n ?? 0,
			internal,
			can: abilities(actor, { consortiumId })
		};
	});
}

/** Recomputes the consortium's hash chain and names the first entry that does not hold. */
export async function verifyDecisionLog(person: Who, consortiumId: string): Promise<ChainVerdict> {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const rows = await tx
			.select()
			.from(decisions)
			.where(eq(decisions.consortiumId, consortiumId))
			.orderBy(asc(decisions.recordedAt), asc(decisions.year), asc(decisions.sequence));
		return verifyChain(rows);
	});
}

/** What a new item can link to, for the form: the requirements (latest revisions) and the baselines. */
export async function decisionLinkOptions(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const [needOptions, storyOptions, requirementOptions, baselineOptions] = await Promise.all([
			tx.select({ id: needs.id, title: needs.title }).from(needs).where(eq(needs.consortiumId, consortiumId)).orderBy(asc(needs.title)),
			tx
				.select({ id: userStories.id, title: userStories.goal })
				.from(userStories)
				.where(eq(userStories.consortiumId, consortiumId))
				.orderBy(asc(userStories.goal)),
			tx
				.select({ id: requirements.id, number: requirements.identifier, title: requirements.title })
				.from(requirements)
				.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.isLatest, true)))
				.orderBy(asc(requirements.number)),
			tx.select({ id: baselines.id, name: baselines.name }).from(baselines).where(eq(baselines.consortiumId, consortiumId)).orderBy(desc(baselines.createdAt))
		]);
		return { needs: needOptions, stories: storyOptions, requirements: requirementOptions, baselines: baselineOptions };
	});
}
