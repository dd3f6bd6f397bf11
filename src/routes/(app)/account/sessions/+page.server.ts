import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth/commands';
import { listMySessions } from '$lib/server/auth/queries';
import { SessionIdInput } from '$lib/server/auth/schemas';
import { formAction } from '$lib/server/form-action';
import { signedIn } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:session');
	const user = signedIn(event);
	return { sessions: await listMySessions(user, event.locals.session?.id ?? null) };
};

export const actions: Actions = {
	/** Ends one of my other sessions. Ending this one is signing out (/logout). */
	end: formAction(
		SessionIdInput,
		async (input, { user, event }) => {
			await endSession(user, input.sessionId, event.getClientAddress());
			if (input.sessionId === event.locals.session?.id) redirect(303, '/login');
		},
		{ access: 'user' }
	)
};
