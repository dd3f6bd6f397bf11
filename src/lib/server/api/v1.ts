import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { loadConsortiumActor } from '../consortia/actor';
import { withUser } from '../db/request';
import { NotFound } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { listNeedsIn, listRequirementsIn, listStoriesIn } from '../requirements/queries';
import { listDecisionsIn } from '../decisions/exports';
import { decisionLevels } from '../../enums';
import { NeedFilters, RequirementFilters, StoryFilters, statuses, requirementTypes } from '../requirements/schemas';
import { INT4_MAX } from '../validation';
import { authenticateApiToken } from './tokens';
import { backlogOverview, releaseDetail } from '../backlog/queries';
import { releaseToJson } from '../backlog/exports';
import { Forbidden } from '../policy';

/** An opaque cursor: the offset of the next page, so clients need not compute it. */
const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
function decodeCursor(cursor: string): number | null {
	try {
		const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
		return Number.isInteger(value.o) && (value.o as number) >= 0 && (value.o as number) <= INT4_MAX ? (value.o as number) : null;
	} catch {
		return null;
	}
}

/** A query parameter holding a whole number from min to max; longer digit strings are refused, not rounded. */
const integerParam = (name: string, min: number, max: number) => {
	const message = `${name} must be an integer from ${min} to ${max}`;
	return z
		.string()
		.regex(/^\d{1,10}$/, message)
		.transform(Number)
		.pipe(z.number().min(min, message).max(max, message));
};

const pagingParams = {
	limit: integerParam('limit', 1, 500).optional(),
	// The lists take int4 offsets (as every integer the app accepts): far beyond any list, and
	// exact in JavaScript, so an offset can never round to another one.
	offset: integerParam('offset', 0, INT4_MAX).optional(),
	cursor: z.string().max(200, 'malformed cursor').optional()
};

const Paging = z
	.object({
		...pagingParams,
		q: z.string().max(200, 'q must be at most 200 characters').optional(),
		status: z.enum(statuses, { message: `status must be one of ${statuses.join(', ')}` }).optional(),
		type: z.enum(requirementTypes, { message: `type must be one of ${requirementTypes.join(', ')}` }).optional()
	})
	.strict();

const problem = (status: number, message: string) => json({ error: message }, { status });

type Resource = 'requirements' | 'needs' | 'stories';

/** Who asks: a bearer token for this consortium, or a signed-in person who may read it. */
async function caller(event: RequestEvent, slug: string): Promise<{ person: Who; consortiumId: string } | Response> {
	const header = event.request.headers.get('authorization');
	if (header) {
		const match = /^Bearer\s+(\S+)$/i.exec(header);
		const found = match ? await authenticateApiToken(match[1]!, slug) : null;
		return found ?? problem(401, 'invalid or revoked API token');
	}
	if (!event.locals.user) return problem(401, 'sign in or send an API token as Authorization: Bearer <token>');
	const found = await loadConsortiumActor(event.locals.user, slug);
	if (!found) return problem(404, 'not found');
	return { person: event.locals.user, consortiumId: found.consortium.id };
}

/** The decision log's parameters: the paging, a year and a level. */
const DecisionPaging = z
	.object({
		...pagingParams,
		year: integerParam('year', 2000, 2999).optional(),
		level: z.enum(decisionLevels, { message: `level must be one of ${decisionLevels.join(', ')}` }).optional()
	})
	.strict();

type Params<S extends z.ZodType> = Omit<z.infer<S>, 'limit' | 'offset' | 'cursor'> & { limit: number; offset: number };

/** The parameters by `schema`, with the page (cursor or offset) resolved, or the 400 answer saying what is wrong with them. */
function paramsOf<S extends typeof Paging | typeof DecisionPaging>(event: RequestEvent, schema: S): Params<S> | Response {
	const parsed = schema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const message = issue.code === 'unrecognized_keys' ? `unknown parameter: ${issue.keys.join(', ')}` : `${issue.path.join('.')}: ${issue.message}`;
		return problem(400, message);
	}
	const { limit, offset, cursor, ...rest } = parsed.data as { limit?: number; offset?: number; cursor?: string };
	if (cursor !== undefined && offset !== undefined) return problem(400, 'give either cursor or offset, not both');
	let start = offset ?? 0;
	if (cursor !== undefined) {
		const decoded = decodeCursor(cursor);
		if (decoded === null) return problem(400, 'cursor: malformed cursor');
		start = decoded;
	}
	return { ...rest, limit: limit ?? 50, offset: start } as Params<S>;
}

/** The page asked for, or the 400 answer saying what is wrong with the parameters. */
function pageOf(event: RequestEvent, resource: Resource): { q?: string; status?: string; type?: string; limit: number; offset: number } | Response {
	const p = paramsOf(event, Paging);
	if (p instanceof Response) return p;
	if (resource !== 'requirements' && (p.status || p.type)) return problem(400, `status and type filter requirements only`);
	return p;
}

/** Thrown inside the reading transaction to answer 400 once the caller is known to be allowed to read. */
class BadRequest extends Error {
	constructor(readonly response: Response) {
		super('bad request');
	}
}

/**
 * GET /api/v1/c/<slug>/<resource>: a page of items, with `limit`, `offset` or `cursor`, `q`, `status`, `type`.
 * Authenticates (401), then authorises (404, as for a consortium that does not exist), and only then
 * validates the parameters (400), so a stranger learns nothing from how the parameters are checked.
 */
export async function listResource(event: RequestEvent, slug: string, resource: Resource): Promise<Response> {
	const who = await caller(event, slug);
	if (who instanceof Response) return who;

	try {
		const page = await withUser(who.person, async (tx) => {
			await readerFor(tx, who.person, who.consortiumId);
			const p = pageOf(event, resource);
			if (p instanceof Response) throw new BadRequest(p);
			const { q, limit, offset } = p;
			let list: { items: { id: string }[]; total: number };
			if (resource === 'requirements') {
				const found = await listRequirementsIn(tx, who.consortiumId, RequirementFilters.parse({ q, status: p.status, type: p.type, limit, offset }));
				list = { ...found, items: found.items.map((r) => ({ ...r, document: `requirement/${r.id}/body` })) };
			} else if (resource === 'needs') {
				const found = await listNeedsIn(tx, who.consortiumId, NeedFilters.parse({ q, limit, offset }));
				list = { ...found, items: found.items.map((n) => ({ ...n, document: `need/${n.id}/description` })) };
			} else {
				const found = await listStoriesIn(tx, who.consortiumId, StoryFilters.parse({ q, limit, offset }));
				list = { ...found, items: found.items.map((s) => ({ ...s, document: `story/${s.id}/details` })) };
			}
			return { ...list, limit, offset };
		});
		const { items, total, limit, offset } = page;
		const next = offset + limit < total ? encodeCursor(offset + limit) : null;
		return json({ items, total, limit, offset, next_cursor: next });
	} catch (e) {
		if (e instanceof BadRequest) return e.response;
		if (e instanceof NotFound) return problem(404, 'not found');
		throw e;
	}
}

/**
 * GET /api/v1/c/<slug>/decisions: a page of the decision log, every entry whole (the decision, the
 * outcome in words, each organisation's position and capacity, the reservations, § and registration
 * number), oldest first, with `limit`, `offset` or `cursor`, `year` and `level`. For internal
 * members and API tokens; the supplier, like a stranger, gets 404. Checked in the same order as the
 * other lists: 401, then 404, then 400.
 */
export async function listDecisions(event: RequestEvent, slug: string): Promise<Response> {
	const who = await caller(event, slug);
	if (who instanceof Response) return who;

	try {
		const page = await withUser(who.person, async (tx) => {
			await readerFor(tx, who.person, who.consortiumId);
			const p = paramsOf(event, DecisionPaging);
			if (p instanceof Response) throw new BadRequest(p);
			const found = await listDecisionsIn(tx, who.consortiumId, p);
			return { ...found, limit: p.limit, offset: p.offset };
		});
		const { items, total, limit, offset } = page;
		const next = offset + limit < total ? encodeCursor(offset + limit) : null;
		return json({ items, total, limit, offset, next_cursor: next });
	} catch (e) {
		if (e instanceof BadRequest) return e.response;
		if (e instanceof NotFound) return problem(404, 'not found');
		throw e;
	}
}

/**
 * GET /api/v1/c/<slug>/releases: the backlog releases published to the supplier, newest first, each
 * with its number, version, note, decision, publishing and acknowledgement times and item count. For
 * internal members, the supplier and their API tokens (a supplier's token sees what the supplier sees).
 */
export async function listReleases(event: RequestEvent, slug: string): Promise<Response> {
	const who = await caller(event, slug);
	if (who instanceof Response) return who;
	if ([...event.url.searchParams.keys()].length > 0) return problem(400, `unknown parameter: ${[...event.url.searchParams.keys()].join(', ')}`);
	try {
		const { releases } = await backlogOverview(who.person, who.consortiumId);
		return json({
			items: releases.map((r) => ({
				number: r.number,
				version: r.version,
				note: r.note,
				decision: r.decisionNumber,
				published_at: r.publishedAt.toISOString(),
				acknowledged_at: r.acknowledgedAt?.toISOString() ?? null,
				href: `/api/v1/c/${slug}/releases/${r.number}`
			})),
			total: releases.length
		});
	} catch (e) {
		if (e instanceof NotFound || e instanceof Forbidden) return problem(404, 'not found');
		throw e;
	}
}

/** GET /api/v1/c/<slug>/releases/<n>: one release whole, in the JSON export's shape, with each item's delivery status. */
export async function getRelease(event: RequestEvent, slug: string, number: number): Promise<Response> {
	const who = await caller(event, slug);
	if (who instanceof Response) return who;
	try {
		const { release, items } = await releaseDetail(who.person, who.consortiumId, number);
		const body = releaseToJson({ ...release, items });
		return json({
			...body,
			acknowledged_at: release.acknowledgedAt?.toISOString() ?? null,
			items: body.items.map((item, i) => {
				const delivery = items[i]!.delivery;
				return {
					...item,
					delivery: delivery.report ? { status: delivery.report.status, note: delivery.report.note, reported_at: delivery.report.at.toISOString() } : null,
					verdict: delivery.verdict
						? { verdict: delivery.verdict.verdict, reason: delivery.verdict.reason, decided_at: delivery.verdict.at.toISOString() }
						: null
				};
			})
		});
	} catch (e) {
		if (e instanceof NotFound || e instanceof Forbidden) return problem(404, 'not found');
		throw e;
	}
}
