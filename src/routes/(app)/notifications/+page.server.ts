import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { listNotifications, markRead } from '$lib/server/notifications/notifications';
import { NotFound } from '$lib/server/errors';
import { parseForm } from '$lib/server/actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ notifications: await listNotifications(locals.user!) });

const Id = z.object({ id: z.uuid({ message: 'invalid' }) });

export const actions: Actions = {
	read: async ({ locals, request }) => {
		if (!locals.user) error(401, 'Sign in first');
		const input = await parseForm(request, Id);
		if (!input.ok) return input.failure;
		try {
			await markRead(locals.user, input.data.id);
		} catch (e) {
			if (e instanceof NotFound) return fail(404, { errors: { form: 'invalid' }, values: {} });
			throw e;
		}
		return { read: true };
	},
	readAll: async ({ locals }) => {
		if (!locals.user) error(401, 'Sign in first');
		await markRead(locals.user);
		return { read: true };
	}
};
