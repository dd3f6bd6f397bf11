import { error, redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth/commands';
import { listMySessions } from '$lib/server/auth/queries';
import { SessionIdInput } from '$lib/server/auth/schemas';
import { NotFound } from '$lib/server/errors';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/login?next=/account/sessions');
	return { sessions: await listMySessions(locals.user, locals.session?.id ?? null) };
};

export const actions: Actions = {
	/** Ends one of my other sessions. Ending this one is signing out (/logout). */
	end: async ({ request, locals, getClientAddress }) => {
		if (!locals.user) redirect(303, '/login?next=/account/sessions');
		const input = await parseForm(request, SessionIdInput);
		if (!input.ok) return input.failure;
		try {
			await endSession(locals.user, input.data.sessionId, getClientAddress());
		} catch (e) {
			if (e instanceof NotFound) error(404, 'Not found');
			throw e;
		}
		if (input.data.sessionId === locals.session?.id) redirect(303, '/login');
		return { ended: true };
	}
};
