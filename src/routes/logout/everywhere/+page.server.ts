import { redirect } from '@sveltejs/kit';
import { endAllSessions } from '$lib/server/auth/commands';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/account/sessions');

export const actions: Actions = {
	/** Ends every session of mine, in every browser, this one included. */
	default: async ({ locals, cookies, url, getClientAddress }) => {
		if (locals.user) await endAllSessions(locals.user, getClientAddress());
		deleteSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, locals.user ? '/login?notice=everywhere' : '/login');
	}
};
