import { and, asc, count, desc, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import {
	needShares,
	needs,
	organisations,
	requirementNeeds,
	requirementOrganisations,
	requirementQuality,
	requirementStories,
	requirements,
	storyNeeds,
	userStories,
	users
} from '../db/schema';
import { NotFound } from '../errors';
import { abilities, itemAbilities } from '../policy';
import { readerFor, type Who } from '../consortia/actor';
import type { NeedFilters, RequirementFilters, StoryFilters } from './schemas';
import { approvalState } from './workflow';

const search = (column: AnyColumn, q: string | undefined): SQL | undefined => (q ? sql`${column} @@ websearch_to_tsquery('swedish', ${q})` : undefined);

/** The text of a story in the template's words. */
export function storySentence(s: { role: string; goal: string; purpose: string }): string {
	return `Jag som ${s.role}, vill kunna ${s.goal}, för att ${s.purpose}`;
}

// ------------------------------------------------------------------------------------------ requirements

/** A page of requirements (the newest revision of each unless replaced ones are asked for). */
export async function listRequirements(person: Who, consortiumId: string, filters: RequirementFilters) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		return listRequirementsIn(tx, consortiumId, filters, { texts: false });
	});
}

/** How much of each item a list carries: the API gives the texts, a page's table shows none of them. */
interface ListShape {
	texts: boolean;
}

/** The list query itself, inside a caller's transaction (the API uses it too, with the texts). */
export async function listRequirementsIn(tx: Transaction, consortiumId: string, filters: RequirementFilters, shape: ListShape = { texts: true }) {
	const r = requirements;
	const q = requirementQuality;
	const where = and(
		eq(r.consortiumId, consortiumId),
		filters.status === 'replaced' ? undefined : eq(r.isLatest, true),
		filters.status ? eq(r.status, filters.status) : undefined,
		filters.type ? eq(r.type, filters.type) : undefined,
		filters.obligation ? eq(r.obligation, filters.obligation) : undefined,
		filters.organisationId
			? or(
					eq(r.scope, 'common'),
					sql`exists (select 1 from ${requirementOrganisations} ro where ro.requirement_id = ${r.id} and ro.organisation_id = ${filters.organisationId})`
				)
			: undefined,
		filters.storyId ? sql`exists (select 1 from ${requirementStories} rs where rs.requirement_id = ${r.id} and rs.story_id = ${filters.storyId})` : undefined,
		filters.quality === 'needs_review' ? sql`${q.openFindings} > 0` : undefined,
		search(r.search, filters.q)
	);
	const order =
		filters.sort === 'title'
			? [asc(r.title), asc(r.number)]
			: filters.sort === 'updated'
				? [desc(r.updatedAt), asc(r.number)]
				: filters.sort === 'status'
					? [asc(r.status), asc(r.number)]
					: filters.sort === 'quality'
						? [sql`${q.score} asc nulls last`, asc(r.number)]
						: [asc(r.number), asc(r.revision)];
	const [items, [total]] = await Promise.all([
		tx
			.select({
				id: r.id,
				identifier: r.identifier,
				number: r.number,
				revision: r.revision,
				title: r.title,
				status: r.status,
				type: r.type,
				subtype: r.subtype,
				obligation: r.obligation,
				weight: r.weight,
				verification: r.verification,
				scope: r.scope,
				updatedAt: r.updatedAt,
				qualityScore: q.score,
				openFindings: q.openFindings,
				...(shape.texts ? { bodyText: r.bodyText, rationale: r.rationale, acceptanceCriteria: r.acceptanceCriteria } : {})
			})
			.from(r)
			.leftJoin(q, eq(q.requirementId, r.id))
			.where(where)
			.orderBy(...order)
			.limit(filters.limit)
			.offset(filters.offset),
		tx.select({ n: count() }).from(r).leftJoin(q, eq(q.requirementId, r.id)).where(where)
	]);
	return { items, total: total?.n ?? 0 };
}

/** A requirement revision with its links, its other revisions and the approval panel's state. */
export async function getRequirement(person: Who, consortiumId: string, id: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const [requirement] = await tx
			.select()
			.from(requirements)
			.where(and(eq(requirements.id, id), eq(requirements.consortiumId, consortiumId)));
		if (!requirement) throw new NotFound();
		const [stories, linkedNeeds, local, revisions, approval] = await Promise.all([
			tx
				.select({ id: userStories.id, role: userStories.role, goal: userStories.goal, purpose: userStories.purpose })
				.from(requirementStories)
				.innerJoin(userStories, eq(userStories.id, requirementStories.storyId))
				.where(eq(requirementStories.requirementId, id)),
			tx
				.select({ id: needs.id, title: needs.title })
				.from(requirementNeeds)
				.innerJoin(needs, eq(needs.id, requirementNeeds.needId))
				.where(eq(requirementNeeds.requirementId, id)),
			tx
				.select({ id: organisations.id, name: organisations.name })
				.from(requirementOrganisations)
				.innerJoin(organisations, eq(organisations.id, requirementOrganisations.organisationId))
				.where(eq(requirementOrganisations.requirementId, id)),
			tx
				.select({ id: requirements.id, revision: requirements.revision, status: requirements.status, updatedAt: requirements.updatedAt })
				.from(requirements)
				.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.number, requirement.number)))
				.orderBy(desc(requirements.revision)),
			approvalState(tx, consortiumId, id)
		]);
		const { search: _search, ...fields } = requirement;
		const membership = actor.membership;
		const myVote = membership ? (approval.votes.find((v) => v.organisationId === membership.organisationId) ?? null) : null;
		return {
			requirement: fields,
			stories: stories.map((s) => ({ id: s.id, text: storySentence(s) })),
			needs: linkedNeeds,
			localOrganisations: local,
			revisions,
			approval,
			myVote,
			can: abilities(actor, { consortiumId }),
			/** What the reader may do with this revision now (the policy's per-item answer). */
			itemCan: itemAbilities(actor, 'requirement', requirement)
		};
	});
}

// ------------------------------------------------------------------------------------------ needs

/** A page of needs with how many organisations share each and what answers them. */
export async function listNeeds(person: Who, consortiumId: string, filters: NeedFilters) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		return listNeedsIn(tx, consortiumId, filters, { texts: false });
	});
}

export async function listNeedsIn(tx: Transaction, consortiumId: string, filters: NeedFilters, shape: ListShape = { texts: true }) {
	const where = and(
		eq(needs.consortiumId, consortiumId),
		filters.source ? eq(needs.source, filters.source) : undefined,
		filters.organisationId
			? or(
					eq(needs.capturedByOrganisationId, filters.organisationId),
					sql`exists (select 1 from ${needShares} ns where ns.need_id = ${needs.id} and ns.organisation_id = ${filters.organisationId})`
				)
			: undefined,
		search(needs.search, filters.q)
	);
	const [items, [total]] = await Promise.all([
		tx
			.select({
				id: needs.id,
				title: needs.title,
				...(shape.texts ? { descriptionText: needs.descriptionText } : {}),
				source: needs.source,
				capturedOn: needs.capturedOn,
				capturedBy: organisations.name,
				capturedByOrganisationId: needs.capturedByOrganisationId,
				updatedAt: needs.updatedAt,
				shareCount: sql<number>`(select count(*)::int from ${needShares} ns where ns.need_id = ${needs.id})`,
				storyCount: sql<number>`(select count(*)::int from ${storyNeeds} sn where sn.need_id = ${needs.id})`
			})
			.from(needs)
			.leftJoin(organisations, eq(organisations.id, needs.capturedByOrganisationId))
			.where(where)
			.orderBy(asc(needs.createdAt), asc(needs.id))
			.limit(filters.limit)
			.offset(filters.offset),
		tx.select({ n: count() }).from(needs).where(where)
	]);
	return { items, total: total?.n ?? 0 };
}

/** A need with its sharing organisations, the stories that answer it and their requirements. */
export async function getNeed(person: Who, consortiumId: string, id: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const [need] = await tx
			.select({
				id: needs.id,
				title: needs.title,
				descriptionText: needs.descriptionText,
				descriptionHtml: needs.descriptionHtml,
				source: needs.source,
				capturedOn: needs.capturedOn,
				capturedByOrganisationId: needs.capturedByOrganisationId,
				capturedBy: organisations.name,
				version: needs.version,
				updatedAt: needs.updatedAt
			})
			.from(needs)
			.leftJoin(organisations, eq(organisations.id, needs.capturedByOrganisationId))
			.where(and(eq(needs.id, id), eq(needs.consortiumId, consortiumId)));
		if (!need) throw new NotFound();
		const [shares, stories, reqs] = await Promise.all([
			tx
				.select({ organisationId: needShares.organisationId, name: organisations.name, comment: needShares.comment, at: needShares.createdAt })
				.from(needShares)
				.innerJoin(organisations, eq(organisations.id, needShares.organisationId))
				.where(eq(needShares.needId, id))
				.orderBy(asc(organisations.name)),
			tx
				.select({ id: userStories.id, role: userStories.role, goal: userStories.goal, purpose: userStories.purpose })
				.from(storyNeeds)
				.innerJoin(userStories, eq(userStories.id, storyNeeds.storyId))
				.where(eq(storyNeeds.needId, id)),
			tx
				.select({ id: requirements.id, identifier: requirements.identifier, title: requirements.title, status: requirements.status })
				.from(requirementNeeds)
				.innerJoin(requirements, eq(requirements.id, requirementNeeds.requirementId))
				.where(and(eq(requirementNeeds.needId, id), eq(requirements.isLatest, true)))
				.orderBy(asc(requirements.number))
		]);
		const own = actor.membership?.organisationId ?? null;
		return {
			need,
			shares,
			stories: stories.map((s) => ({ id: s.id, text: storySentence(s) })),
			requirements: reqs,
			sharedByMe: shares.some((s) => s.organisationId === own),
			capturedByMe: need.capturedByOrganisationId !== null && need.capturedByOrganisationId === own,
			can: abilities(actor, { consortiumId }),
			itemCan: itemAbilities(actor, 'need', { consortiumId, capturedByOrganisationId: need.capturedByOrganisationId })
		};
	});
}

// ------------------------------------------------------------------------------------------ stories

/** A page of user stories. */
export async function listStories(person: Who, consortiumId: string, filters: StoryFilters) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		return listStoriesIn(tx, consortiumId, filters, { texts: false });
	});
}

export async function listStoriesIn(tx: Transaction, consortiumId: string, filters: StoryFilters, shape: ListShape = { texts: true }) {
	const s = userStories;
	const where = and(
		eq(s.consortiumId, consortiumId),
		filters.kind ? eq(s.kind, filters.kind) : undefined,
		filters.needId ? sql`exists (select 1 from ${storyNeeds} sn where sn.story_id = ${s.id} and sn.need_id = ${filters.needId})` : undefined,
		search(s.search, filters.q)
	);
	const [items, [total]] = await Promise.all([
		tx
			.select({
				id: s.id,
				role: s.role,
				goal: s.goal,
				purpose: s.purpose,
				kind: s.kind,
				...(shape.texts ? { detailsText: s.detailsText } : {}),
				updatedAt: s.updatedAt,
				needCount: sql<number>`(select count(*)::int from ${storyNeeds} sn where sn.story_id = ${s.id})`,
				requirementCount: sql<number>`(select count(*)::int from ${requirementStories} rs join ${requirements} r on r.id = rs.requirement_id and r.is_latest where rs.story_id = ${s.id})`
			})
			.from(s)
			.where(where)
			.orderBy(asc(s.createdAt), asc(s.id))
			.limit(filters.limit)
			.offset(filters.offset),
		tx.select({ n: count() }).from(s).where(where)
	]);
	return { items: items.map((i) => ({ ...i, text: storySentence(i) })), total: total?.n ?? 0 };
}

/** A story with the needs it answers and the requirements broken out of it. */
export async function getStory(person: Who, consortiumId: string, id: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const [story] = await tx
			.select()
			.from(userStories)
			.where(and(eq(userStories.id, id), eq(userStories.consortiumId, consortiumId)));
		if (!story) throw new NotFound();
		const [linkedNeeds, reqs] = await Promise.all([
			tx.select({ id: needs.id, title: needs.title }).from(storyNeeds).innerJoin(needs, eq(needs.id, storyNeeds.needId)).where(eq(storyNeeds.storyId, id)),
			tx
				.select({ id: requirements.id, identifier: requirements.identifier, title: requirements.title, status: requirements.status })
				.from(requirementStories)
				.innerJoin(requirements, eq(requirements.id, requirementStories.requirementId))
				.where(and(eq(requirementStories.storyId, id), eq(requirements.isLatest, true)))
				.orderBy(asc(requirements.number))
		]);
		const { search: _search, ...fields } = story;
		return { story: { ...fields, text: storySentence(story) }, needs: linkedNeeds, requirements: reqs, can: abilities(actor, { consortiumId }) };
	});
}

// ------------------------------------------------------------------------------------------ options, tree, matrix

/** What the forms offer to link: needs, stories and the member organisations. */
export async function linkOptions(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const [needOptions, storyOptions, organisationOptions] = await Promise.all([
			tx.select({ id: needs.id, title: needs.title }).from(needs).where(eq(needs.consortiumId, consortiumId)).orderBy(asc(needs.title)),
			tx
				.select({ id: userStories.id, role: userStories.role, goal: userStories.goal, purpose: userStories.purpose })
				.from(userStories)
				.where(eq(userStories.consortiumId, consortiumId))
				.orderBy(asc(userStories.createdAt)),
			tx
				.select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
				.from(organisations)
				.where(and(eq(organisations.consortiumId, consortiumId), inArray(organisations.kind, ['municipality', 'region'])))
				.orderBy(asc(organisations.name))
		]);
		return {
			needs: needOptions,
			stories: storyOptions.map((s) => ({ id: s.id, text: storySentence(s) })),
			organisations: organisationOptions
		};
	});
}

/** Needs → stories → requirements (newest revisions, withdrawn ones left out), for the tree view. */
export async function traceability(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const [needRows, storyRows, reqRows, sn, rs, rn] = await Promise.all([
			tx.select({ id: needs.id, title: needs.title }).from(needs).where(eq(needs.consortiumId, consortiumId)).orderBy(asc(needs.createdAt)),
			tx
				.select({ id: userStories.id, role: userStories.role, goal: userStories.goal, purpose: userStories.purpose })
				.from(userStories)
				.where(eq(userStories.consortiumId, consortiumId))
				.orderBy(asc(userStories.createdAt)),
			tx
				.select({ id: requirements.id, identifier: requirements.identifier, title: requirements.title, status: requirements.status })
				.from(requirements)
				.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.isLatest, true), sql`${requirements.status} <> 'withdrawn'`))
				.orderBy(asc(requirements.number)),
			tx.select({ storyId: storyNeeds.storyId, needId: storyNeeds.needId }).from(storyNeeds).where(eq(storyNeeds.consortiumId, consortiumId)),
			tx
				.select({ requirementId: requirementStories.requirementId, storyId: requirementStories.storyId })
				.from(requirementStories)
				.where(eq(requirementStories.consortiumId, consortiumId)),
			tx
				.select({ requirementId: requirementNeeds.requirementId, needId: requirementNeeds.needId })
				.from(requirementNeeds)
				.where(eq(requirementNeeds.consortiumId, consortiumId))
		]);
		return buildTraceability(needRows, storyRows, reqRows, sn, rs, rn);
	});
}

type Req = { id: string; identifier: string; title: string; status: string };

/** Assembles the tree and the matrix; a requirement traces to a need directly or through a story. */
export function buildTraceability(
	needRows: { id: string; title: string }[],
	storyRows: { id: string; role: string; goal: string; purpose: string }[],
	reqRows: Req[],
	storyNeedLinks: { storyId: string; needId: string }[],
	requirementStoryLinks: { requirementId: string; storyId: string }[],
	requirementNeedLinks: { requirementId: string; needId: string }[]
) {
	const reqById = new Map(reqRows.map((r) => [r.id, r]));
	const reqsOfStory = new Map<string, Req[]>();
	for (const l of requirementStoryLinks) {
		const r = reqById.get(l.requirementId);
		if (r) reqsOfStory.set(l.storyId, [...(reqsOfStory.get(l.storyId) ?? []), r]);
	}
	const storiesOfNeed = new Map<string, string[]>();
	for (const l of storyNeedLinks) storiesOfNeed.set(l.needId, [...(storiesOfNeed.get(l.needId) ?? []), l.storyId]);
	const storyById = new Map(storyRows.map((s) => [s.id, { id: s.id, text: storySentence(s) }]));

	/** need id → requirement id → how it traces ('direct' wins over 'story'). */
	const cells = new Map<string, Map<string, 'direct' | 'story'>>();
	const mark = (needId: string, requirementId: string, how: 'direct' | 'story') => {
		if (!reqById.has(requirementId)) return;
		const row = cells.get(needId) ?? new Map();
		if (row.get(requirementId) !== 'direct') row.set(requirementId, how);
		cells.set(needId, row);
	};
	for (const l of requirementNeedLinks) mark(l.needId, l.requirementId, 'direct');
	for (const l of storyNeedLinks) for (const r of reqsOfStory.get(l.storyId) ?? []) mark(l.needId, r.id, 'story');

	const tracedRequirements = new Set([...cells.values()].flatMap((row) => [...row.keys()]));
	const tree = needRows.map((n) => ({
		...n,
		stories: (storiesOfNeed.get(n.id) ?? []).flatMap((sid) => {
			const s = storyById.get(sid);
			return s ? [{ ...s, requirements: reqsOfStory.get(sid) ?? [] }] : [];
		}),
		directRequirements: requirementNeedLinks.filter((l) => l.needId === n.id).flatMap((l) => reqById.get(l.requirementId) ?? [])
	}));
	const linkedStories = new Set(storyNeedLinks.map((l) => l.storyId));
	return {
		tree,
		storiesWithoutNeed: storyRows.filter((s) => !linkedStories.has(s.id)).map((s) => ({ ...storyById.get(s.id)!, requirements: reqsOfStory.get(s.id) ?? [] })),
		needs: needRows.map((n) => ({ ...n, covered: (cells.get(n.id)?.size ?? 0) > 0 })),
		requirements: reqRows.map((r) => ({ ...r, traced: tracedRequirements.has(r.id) })),
		cells: Object.fromEntries([...cells].map(([needId, row]) => [needId, Object.fromEntries(row)])) as Record<string, Record<string, 'direct' | 'story'>>
	};
}

/** People in the consortium whom a comment may mention (internal members). */
export async function mentionablePeople(tx: Transaction, consortiumId: string) {
	return tx
		.select({ id: users.id, name: users.name, email: users.email, mailNotifications: users.mailNotifications, locale: users.locale })
		.from(users)
		.innerJoin(sql`memberships m`, sql`m.user_id = ${users.id} and m.consortium_id = ${consortiumId} and m.role not in ('supplier', 'reviewer')`);
}
