import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import {
	backlogChanges,
	backlogItems,
	backlogReleaseItems,
	backlogReleases,
	backlogs,
	decisionItems,
	decisions,
	deliveryAcceptances,
	deliveryReports,
	groundRules,
	priorityRounds,
	requirements,
	userStories,
	users
} from '../db/schema';
import { NotFound } from '../errors';
import { abilities, can, itemAbilities } from '../policy';
import { readerFor, type Who } from '../consortia/actor';
import { itemsOf, standingsIn } from '../prioritisation/queries';
import { proposeCutLine } from '../prioritisation/cut-line';
import { backlogResource } from './state';
import { diffReleases, type ReleaseItemContent } from './release-content';

/** The backlogs and releases, for the backlog page: internal members see both, the supplier the releases. */
export async function backlogOverview(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId, 'published.read');
		const internal = can(actor, 'internal.read', { consortiumId });
		const releases = await releasesIn(tx, consortiumId);
		if (!internal) return { internal, backlogs: [], rounds: [], releases, can: abilities(actor, { consortiumId }) };
		const [rows, rounds] = await Promise.all([
			tx
				.select({
					id: backlogs.id,
					name: backlogs.name,
					status: backlogs.status,
					line: backlogs.line,
					lockedAt: backlogs.lockedAt,
					round: priorityRounds.title
				})
				.from(backlogs)
				.leftJoin(priorityRounds, eq(priorityRounds.id, backlogs.roundId))
				.where(eq(backlogs.consortiumId, consortiumId))
				.orderBy(desc(backlogs.createdAt)),
			tx
				.select({ id: priorityRounds.id, title: priorityRounds.title })
				.from(priorityRounds)
				.where(and(eq(priorityRounds.consortiumId, consortiumId), eq(priorityRounds.status, 'closed')))
				.orderBy(desc(priorityRounds.closedAt))
		]);
		return { internal, backlogs: rows, rounds, releases, can: abilities(actor, { consortiumId }) };
	});
}

function releasesIn(tx: Transaction, consortiumId: string) {
	return tx
		.select({
			id: backlogReleases.id,
			number: backlogReleases.number,
			version: backlogReleases.version,
			note: backlogReleases.note,
			decisionNumber: backlogReleases.decisionNumber,
			publishedAt: backlogReleases.publishedAt,
			acknowledgedAt: backlogReleases.acknowledgedAt
		})
		.from(backlogReleases)
		.where(eq(backlogReleases.consortiumId, consortiumId))
		.orderBy(desc(backlogReleases.number));
}

/** Each item's latest delivery report and the consortium's latest verdict, by backlog item. */
async function deliveryOf(tx: Transaction, itemIds: string[]) {
	if (itemIds.length === 0) return new Map<string, DeliveryView>();
	const [reports, verdicts] = await Promise.all([
		tx
			.select({
				itemId: deliveryReports.backlogItemId,
				status: deliveryReports.status,
				note: deliveryReports.note,
				at: deliveryReports.reportedAt,
				by: users.name
			})
			.from(deliveryReports)
			.leftJoin(users, eq(users.id, deliveryReports.reportedBy))
			.where(inArray(deliveryReports.backlogItemId, itemIds))
			.orderBy(asc(deliveryReports.reportedAt), asc(deliveryReports.id)),
		tx
			.select({
				itemId: deliveryAcceptances.backlogItemId,
				verdict: deliveryAcceptances.verdict,
				reason: deliveryAcceptances.reason,
				at: deliveryAcceptances.decidedAt,
				by: users.name
			})
			.from(deliveryAcceptances)
			.leftJoin(users, eq(users.id, deliveryAcceptances.decidedBy))
			.where(inArray(deliveryAcceptances.backlogItemId, itemIds))
			.orderBy(asc(deliveryAcceptances.decidedAt), asc(deliveryAcceptances.id))
	]);
	const views = new Map<string, DeliveryView>();
	for (const r of reports) views.set(r.itemId, { ...(views.get(r.itemId) ?? { report: null, verdict: null }), report: r });
	for (const v of verdicts) {
		const view = views.get(v.itemId) ?? { report: null, verdict: null };
		// A verdict answers the report before it; a newer report (redelivered after a return) stands alone.
		if (!view.report || view.report.at <= v.at) views.set(v.itemId, { ...view, verdict: v });
	}
	return views;
}

export interface DeliveryView {
	report: { status: 'not_started' | 'in_progress' | 'delivered'; note: string; at: Date; by: string | null } | null;
	verdict: { verdict: 'accepted' | 'returned'; reason: string; at: Date; by: string | null } | null;
}

/**
 * One backlog whole, for internal members: its ranked items with labels, estimates, MoSCoW and
 * criteria; the proposed line from the capacity, estimates and the round's combined ranking (each
 * item with its reason); the change requests and their decisions; what may be done.
 */
export async function backlogDetail(person: Who, consortiumId: string, id: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const [backlog] = await tx
			.select()
			.from(backlogs)
			.where(and(eq(backlogs.id, id), eq(backlogs.consortiumId, consortiumId)));
		if (!backlog) throw new NotFound();
		const rows = await tx
			.select({
				id: backlogItems.id,
				kind: backlogItems.itemKind,
				itemId: backlogItems.itemId,
				rank: backlogItems.rank,
				estimate: backlogItems.estimate,
				moscow: backlogItems.moscow,
				acceptanceCriteria: backlogItems.acceptanceCriteria,
				changedByDecision: backlogItems.changedByDecision,
				goal: userStories.goal,
				identifier: requirements.identifier,
				title: requirements.title
			})
			.from(backlogItems)
			.leftJoin(userStories, and(eq(backlogItems.itemKind, 'story'), eq(userStories.id, backlogItems.itemId)))
			.leftJoin(requirements, and(eq(backlogItems.itemKind, 'requirement'), eq(requirements.id, backlogItems.itemId)))
			.where(eq(backlogItems.backlogId, id))
			.orderBy(asc(backlogItems.rank));
		const items = rows
			.filter((r) => r.rank !== null)
			.map((r) => ({ ...r, rank: r.rank!, label: (r.kind === 'story' ? r.goal : r.title) ?? '–', identifier: r.kind === 'requirement' ? r.identifier : null }));
		// The reasons: the round's MoSCoW mix per item, matched by story or requirement.
		let mixes = new Map<string, Record<'must' | 'should' | 'could' | 'wont', number>>();
		let organisations = 0;
		if (backlog.roundId) {
			const [round] = await tx.select().from(priorityRounds).where(eq(priorityRounds.id, backlog.roundId));
			if (round) {
				const roundItems = await itemsOf(tx, round.id);
				const { ranking } = await standingsIn(tx, consortiumId, round, roundItems);
				if (ranking) {
					organisations = ranking.organisations;
					const target = new Map(roundItems.map((i) => [i.id, `${i.kind}:${i.targetId}`]));
					mixes = new Map(ranking.items.map((s) => [target.get(s.itemId)!, s.mix]));
				}
			}
		}
		const empty = { must: 0, should: 0, could: 0, wont: 0 };
		const proposal = proposeCutLine(
			items.map((i) => ({ itemId: i.id, place: i.rank, mix: mixes.get(`${i.kind}:${i.itemId}`) ?? empty })),
			new Map(items.map((i) => [i.id, i.estimate])),
			backlog.capacity,
			organisations
		);
		const used = items.filter((i) => i.rank <= backlog.line).reduce((sum, i) => sum + (i.estimate ?? 0), 0);
		const [changes, releaseRows, decided] = await Promise.all([
			tx
				.select({
					id: backlogChanges.id,
					number: backlogChanges.number,
					kind: backlogChanges.kind,
					status: backlogChanges.status,
					motivation: backlogChanges.motivation,
					impact: backlogChanges.impact,
					targetRank: backlogChanges.targetRank,
					decisionItemId: backlogChanges.decisionItemId,
					// The requirement the change is about (to add, or the backlog item's), for its impact view.
					requirementId: sql<
						string | null
					>`case when ${backlogChanges.itemKind} = 'requirement' then ${backlogChanges.itemId} when ${backlogItems.itemKind} = 'requirement' then ${backlogItems.itemId} end`,
					decisionItemStatus: decisionItems.status,
					decisionNumber: decisions.number,
					createdAt: backlogChanges.createdAt,
					byName: users.name
				})
				.from(backlogChanges)
				.innerJoin(decisionItems, eq(decisionItems.id, backlogChanges.decisionItemId))
				.leftJoin(backlogItems, eq(backlogItems.id, backlogChanges.backlogItemId))
				.leftJoin(decisions, eq(decisions.id, backlogChanges.decisionId))
				.leftJoin(users, eq(users.id, backlogChanges.createdBy))
				.where(eq(backlogChanges.backlogId, id))
				.orderBy(desc(backlogChanges.number)),
			tx
				.select({ number: backlogReleases.number, publishedAt: backlogReleases.publishedAt, acknowledgedAt: backlogReleases.acknowledgedAt })
				.from(backlogReleases)
				.where(eq(backlogReleases.backlogId, id))
				.orderBy(desc(backlogReleases.number)),
			tx
				.select({ id: decisions.id, number: decisions.number, title: decisions.title })
				.from(decisions)
				.where(and(eq(decisions.consortiumId, consortiumId), eq(decisions.result, 'adopted')))
				.orderBy(desc(decisions.recordedAt))
				.limit(50)
		]);
		const resource = await backlogResource(tx, backlog);
		const [stories, approved] = await Promise.all([
			tx
				.select({ id: userStories.id, goal: userStories.goal })
				.from(userStories)
				.where(eq(userStories.consortiumId, consortiumId))
				.orderBy(asc(userStories.createdAt)),
			tx
				.select({ id: requirements.id, identifier: requirements.identifier, title: requirements.title })
				.from(requirements)
				.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.isLatest, true), eq(requirements.status, 'approved')))
				.orderBy(asc(requirements.number))
		]);
		const inBacklog = new Set(items.map((i) => `${i.kind}:${i.itemId}`));
		return {
			backlog,
			items,
			proposal,
			used,
			organisations,
			changes,
			releases: releaseRows,
			decisions: decided,
			addable: [
				...stories.filter((s) => !inBacklog.has(`story:${s.id}`)).map((s) => ({ value: `story:${s.id}`, label: s.goal })),
				...approved.filter((r) => !inBacklog.has(`requirement:${r.id}`)).map((r) => ({ value: `requirement:${r.id}`, label: `${r.identifier} ${r.title}` }))
			],
			can: itemAbilities(actor, 'backlog', resource)
		};
	});
}

async function releaseRow(tx: Transaction, consortiumId: string, number: number) {
	const [release] = await tx
		.select({
			id: backlogReleases.id,
			backlogId: backlogReleases.backlogId,
			number: backlogReleases.number,
			version: backlogReleases.version,
			note: backlogReleases.note,
			decisionNumber: backlogReleases.decisionNumber,
			capacity: backlogReleases.capacity,
			capacityUnit: backlogReleases.capacityUnit,
			publishedAt: backlogReleases.publishedAt,
			publishedBy: users.name,
			acknowledgedAt: backlogReleases.acknowledgedAt,
			acknowledgedBy: backlogReleases.acknowledgedBy
		})
		.from(backlogReleases)
		.leftJoin(users, eq(users.id, backlogReleases.publishedBy))
		.where(and(eq(backlogReleases.consortiumId, consortiumId), eq(backlogReleases.number, number)));
	if (!release) throw new NotFound();
	return release;
}

async function contentOf(tx: Transaction, releaseId: string): Promise<ReleaseItemContent[]> {
	const rows = await tx
		.select({ content: backlogReleaseItems.content })
		.from(backlogReleaseItems)
		.where(eq(backlogReleaseItems.releaseId, releaseId))
		.orderBy(asc(backlogReleaseItems.rank));
	return rows.map((r) => r.content as ReleaseItemContent);
}

/**
 * One release, for internal members and the supplier alike: its items as published, what changed
 * since the previous release, each item's delivery status and verdict, and the acknowledgement.
 */
export async function releaseDetail(person: Who, consortiumId: string, number: number) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId, 'published.read');
		return releaseDetailIn(tx, actor, consortiumId, number);
	});
}

export async function releaseDetailIn(tx: Transaction, actor: Awaited<ReturnType<typeof readerFor>>, consortiumId: string, number: number) {
	const release = await releaseRow(tx, consortiumId, number);
	const items = await contentOf(tx, release.id);
	const [previous] = await tx
		.select({ id: backlogReleases.id, number: backlogReleases.number })
		.from(backlogReleases)
		.where(and(eq(backlogReleases.consortiumId, consortiumId), lt(backlogReleases.number, number)))
		.orderBy(desc(backlogReleases.number))
		.limit(1);
	const diff = previous ? diffReleases(await contentOf(tx, previous.id), items) : null;
	const delivery = await deliveryOf(
		tx,
		items.map((i) => i.backlogItemId)
	);
	const [acknowledger] = release.acknowledgedBy ? await tx.select({ name: users.name }).from(users).where(eq(users.id, release.acknowledgedBy)) : [];
	const [backlog] = await tx.select({ status: backlogs.status, consortiumId: backlogs.consortiumId }).from(backlogs).where(eq(backlogs.id, release.backlogId));
	const publishing = backlog ? (await backlogResource(tx, backlog)).publishing : 'admins';
	return {
		release: { ...release, acknowledgedBy: acknowledger?.name ?? null },
		items: items.map((i) => ({ ...i, delivery: delivery.get(i.backlogItemId) ?? { report: null, verdict: null } })),
		previous: previous?.number ?? null,
		diff,
		can: {
			acknowledge: can(actor, 'supplier.interact', { consortiumId }) && !release.acknowledgedAt,
			report: can(actor, 'supplier.interact', { consortiumId }),
			judge: can(actor, 'supplier.publish', { consortiumId, publishing })
		}
	};
}

/**
 * What the backlog asks of the person on the front page: for the supplier, the releases it has not
 * acknowledged; for whoever may speak to the supplier, the items it reported delivered that await
 * the consortium's verdict (newest report after the last verdict).
 */
export async function backlogAttentionIn(tx: Transaction, actor: Awaited<ReturnType<typeof readerFor>>, consortiumId: string) {
	if (can(actor, 'supplier.interact', { consortiumId })) {
		const unacknowledged = await tx
			.select({ number: backlogReleases.number, version: backlogReleases.version })
			.from(backlogReleases)
			.where(and(eq(backlogReleases.consortiumId, consortiumId), sql`${backlogReleases.acknowledgedAt} is null`))
			.orderBy(asc(backlogReleases.number));
		return { unacknowledgedReleases: unacknowledged, awaitingVerdict: [] };
	}
	const [rules] = await tx.select({ publishing: groundRules.publishing }).from(groundRules).where(eq(groundRules.consortiumId, consortiumId));
	if (!can(actor, 'supplier.publish', { consortiumId, publishing: rules?.publishing ?? 'admins' })) return { unacknowledgedReleases: [], awaitingVerdict: [] };
	const awaitingVerdict = await tx
		.select({
			backlogItemId: backlogItems.id,
			release: sql<number>`(select max(r.number) from ${backlogReleaseItems} ri join ${backlogReleases} r on r.id = ri.release_id where ri.backlog_item_id = ${backlogItems.id})`,
			title: sql<string>`coalesce(${userStories.goal}, ${requirements.title}, '–')`
		})
		.from(backlogItems)
		.leftJoin(userStories, and(eq(backlogItems.itemKind, 'story'), eq(userStories.id, backlogItems.itemId)))
		.leftJoin(requirements, and(eq(backlogItems.itemKind, 'requirement'), eq(requirements.id, backlogItems.itemId)))
		.where(
			and(
				eq(backlogItems.consortiumId, consortiumId),
				sql`(select d.status from ${deliveryReports} d where d.backlog_item_id = ${backlogItems.id} order by d.reported_at desc, d.id desc limit 1) = 'delivered'`,
				sql`not exists (select 1 from ${deliveryAcceptances} a where a.backlog_item_id = ${backlogItems.id} and a.decided_at >= (select max(d.reported_at) from ${deliveryReports} d where d.backlog_item_id = ${backlogItems.id}))`
			)
		)
		.orderBy(asc(backlogItems.rank));
	return { unacknowledgedReleases: [], awaitingVerdict };
}
