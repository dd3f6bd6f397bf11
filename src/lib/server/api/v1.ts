import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { loadConsortiumActor } from '../consortia/actor';
import { withUser } from '../db/request';
import { NotFound } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { listNeedsIn, listRequirementsIn, listStoriesIn } from '../requirements/queries';
import { NeedFilters, RequirementFilters, StoryFilters, statuses, requirementTypes } from '../requirements/schemas';
import { authenticateApiToken } from './tokens';

/** An opaque cursor: the offset of the next page, so clients need not compute it. */
const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
function decodeCursor(cursor: string): number | null {
	try {
		const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
		return Number.isInteger(value.o) && (value.o as number) >= 0 ? (value.o as number) : null;
	} catch {
		return null;
	}
}

const Paging = z
	.object({
		limit: z.string().regex(/^\d+$/, 'limit must be an integer from 1 to 500').optional(),
		offset: z.string().regex(/^\d+$/, 'offset must be a non-negative integer').optional(),
		cursor: z.string().max(200).optional(),
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

/** GET /api/v1/c/<slug>/<resource>: a page of items, with `limit`, `offset` or `cursor`, `q`, `status`, `type`. */
export async function listResource(event: RequestEvent, slug: string, resource: Resource): Promise<Response> {
	const params = Object.fromEntries(event.url.searchParams);
	const parsed = Paging.safeParse(params);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const message = issue.code === 'unrecognized_keys' ? `unknown parameter: ${issue.keys.join(', ')}` : `${issue.path.join('.')}: ${issue.message}`;
		return problem(400, message);
	}
	const p = parsed.data;
	if (p.cursor !== undefined && p.offset !== undefined) return problem(400, 'give either cursor or offset, not both');
	if (resource !== 'requirements' && (p.status || p.type)) return problem(400, `status and type filter requirements only`);
	const limit = p.limit === undefined ? 50 : Number(p.limit);
	if (limit < 1 || limit > 500) return problem(400, 'limit: limit must be an integer from 1 to 500');
	let offset = p.offset === undefined ? 0 : Number(p.offset);
	if (p.cursor !== undefined) {
		const decoded = decodeCursor(p.cursor);
		if (decoded === null) return problem(400, 'cursor: malformed cursor');
		offset = decoded;
	}
	const who = await caller(event, slug);
	if (who instanceof Response) return who;

	try {
		const page = await withUser(who.person, async (tx) => {
			await readerFor(tx, who.person, who.consortiumId);
			if (resource === 'requirements') {
				const list = await listRequirementsIn(tx, who.consortiumId, RequirementFilters.parse({ q: p.q, status: p.status, type: p.type, limit, offset }));
				return { ...list, items: list.items.map((r) => ({ ...r, document: `requirement/${r.id}/body` })) };
			}
			if (resource === 'needs') {
				const list = await listNeedsIn(tx, who.consortiumId, NeedFilters.parse({ q: p.q, limit, offset }));
				return { ...list, items: list.items.map((n) => ({ ...n, document: `need/${n.id}/description` })) };
			}
			const list = await listStoriesIn(tx, who.consortiumId, StoryFilters.parse({ q: p.q, limit, offset }));
			return { ...list, items: list.items.map((s) => ({ ...s, document: `story/${s.id}/details` })) };
		});
		const next = offset + limit < page.total ? encodeCursor(offset + limit) : null;
		return json({ items: page.items, total: page.total, limit, offset, next_cursor: next });
	} catch (e) {
		if (e instanceof NotFound) return problem(404, 'not found');
		throw e;
	}
}
