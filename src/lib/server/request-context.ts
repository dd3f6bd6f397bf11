import { error, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import type { SessionUser } from './auth/session';
import { consortiumActorIn, myConsortiaIn, type ConsortiumRef, type MyConsortium, type Who } from './consortia/actor';
import { withUser } from './db/request';
import { countUnreadIn } from './notifications/notifications';
import { can, type Actor } from './policy';

/** The consortium a request is about and the signed-in person's actor in it. */
export interface InConsortium {
	user: SessionUser;
	consortium: ConsortiumRef;
	actor: Actor & { resolvedIn: string };
}

/** What a request resolves once and every load, action and endpoint of it shares. */
export interface RequestContext {
	/** The consortium behind the slug and the person's actor in it (null: missing or not theirs). Resolved once. */
	consortium(slug: string): Promise<Omit<InConsortium, 'user'> | null>;
	/** Whether `consortium(slug)` was asked already. */
	has(slug: string): boolean;
	/** Keeps what a caller resolved in its own transaction (the shell), so nobody asks again. */
	keep(slug: string, found: Omit<InConsortium, 'user'> | null): void;
	/** Forgets what was resolved (after an action that may have changed the person's own standing). */
	forget(): void;
}

/** A request's context for a signed-in person (or nobody). */
export function createRequestContext(user: SessionUser | null): RequestContext {
	const resolved = new Map<string, Promise<Omit<InConsortium, 'user'> | null>>();
	return {
		consortium(slug) {
			if (!user) return Promise.resolve(null);
			let found = resolved.get(slug);
			if (!found) {
				found = withUser(user, (tx) => consortiumActorIn(tx, user, slug));
				resolved.set(slug, found);
			}
			return found;
		},
		has(slug) {
			return resolved.has(slug);
		},
		keep(slug, found) {
			resolved.set(slug, Promise.resolve(found));
		},
		forget() {
			resolved.clear();
		}
	};
}

/**
 * The header's data for a signed-in person — their consortia, their unread notifications and,
 * on a consortium's pages, their actor there — in one transaction.
 */
export async function loadShell(event: RequestEvent, user: SessionUser): Promise<{ myConsortia: MyConsortium[]; unreadNotifications: number }> {
	const slug = (event.params as { slug?: string }).slug;
	const context = event.locals.context;
	return withUser(user, async (tx) => {
		// The consortium is resolved here, in this transaction, unless a load started it already (never
		// awaited from inside this transaction: on the embedded database that would wait for itself).
		// The three statements are sent together: one round trip.
		const resolve = slug && !context.has(slug);
		const [myConsortia, unreadNotifications, found] = await Promise.all([
			myConsortiaIn(tx, user),
			countUnreadIn(tx, user),
			resolve ? consortiumActorIn(tx, user, slug) : null
		]);
		if (resolve) context.keep(slug, found);
		return { myConsortia, unreadNotifications };
	});
}

/**
 * What a server load waits for before it resolves the person's standing. A full page runs every
 * layout's load anyway, and the shell resolves the actor in its own transaction: waiting for it
 * (`parent()`) lets the page reuse that instead of asking again. A data request (a navigation in the
 * browser, a live update's reload) asks only for the loads whose data it wants, and `parent()` would
 * run the layouts' loads on the server just to throw their data away (the shell's reads on every
 * navigation): there the load resolves the actor itself, once per request as always.
 */
export async function afterLayouts(event: Pick<ServerLoadEvent, 'isDataRequest' | 'parent'>): Promise<void> {
	if (!event.isDataRequest) await event.parent();
}

/** The signed-in person, or a 401 for a request that needs one (pages redirect to sign-in first). */
export function signedIn(event: RequestEvent): SessionUser {
	if (event.locals.user) return event.locals.user;
	if (event.request.method === 'GET') redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	error(401, 'Sign in first');
}

/**
 * The signed-in person in the consortium of the route's slug, resolved once per request; 404 when
 * it does not exist or is not theirs (the same answer, so existence does not leak).
 */
export async function inConsortium(event: RequestEvent): Promise<InConsortium> {
	const user = signedIn(event);
	const slug = (event.params as { slug?: string }).slug;
	const found = slug ? await event.locals.context.consortium(slug) : null;
	if (!found) error(404, 'Not found');
	return { user, ...found };
}

/** `inConsortium` for someone who may read the consortium's internal content; the supplier gets 404. */
export async function asReader(event: RequestEvent): Promise<InConsortium> {
	const found = await inConsortium(event);
	if (!can(found.actor, 'internal.read', { consortiumId: found.consortium.id })) error(404, 'Not found');
	return found;
}

/** Who a command or query acts as: the actor resolved for this request. */
export type { Who };
