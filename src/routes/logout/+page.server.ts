import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { signOut } from '$lib/server/auth/commands';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	/** Signs out of this browser. */
	default: formAction(
		z.object({}),
		async (_input, { user, event }) => {
			if (user && event.locals.session) await signOut(user, event.locals.session.id, event.getClientAddress());
			deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
			redirect(303, '/login');
		},
		{ access: 'public' }
	)
};
