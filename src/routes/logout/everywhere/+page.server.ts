import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { endAllSessions } from '$lib/server/auth/commands';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/account/sessions');

export const actions: Actions = {
	/** Ends every session of mine, in every browser, this one included. */
	default: formAction(
		z.object({}),
		async (_input, { user, event }) => {
			if (user) await endAllSessions(user, event.getClientAddress());
			deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
			redirect(303, user ? '/login?notice=everywhere' : '/login');
		},
		{ access: 'public' }
	)
};
