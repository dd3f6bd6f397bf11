import { redirect } from '@sveltejs/kit';
import { signOut } from '$lib/server/auth/commands';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	/** Signs out of this browser. */
	default: async ({ locals, cookies, url, getClientAddress }) => {
		if (locals.user && locals.session) await signOut(locals.user, locals.session.id, getClientAddress());
		deleteSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, '/login');
	}
};
