import type { SessionUser } from '$lib/server/auth/session';
import type { Session } from '$lib/server/auth/session';

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
		}
		interface PageState {}
		interface Platform {}
	}
}

export {};
