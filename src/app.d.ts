import type { SessionUser } from '$lib/server/auth/session';
import type { Session } from '$lib/server/auth/session';
import type { RequestContext } from '$lib/server/request-context';

declare global {
	namespace App {
		interface Error {
			message: string;
			id?: string;
		}
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			requestId: string;
			/** What the request resolves once (the consortium and the actor in it) for its loads and actions. */
			context: RequestContext;
		}
		interface PageState {}
		interface Platform {}
	}
}

export {};
