import { z } from 'zod';
import { listNotifications, markRead } from '$lib/server/notifications/notifications';
import { formAction } from '$lib/server/form-action';
import { signedIn } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:notification');
	return { notifications: await listNotifications(signedIn(event)) };
};

export const actions: Actions = {
	read: formAction(
		z.object({ id: z.uuid() }),
		async (input, { user }) => {
			await markRead(user, input.id);
		},
		{ access: 'user' }
	),
	readAll: formAction(
		z.object({}),
		async (_input, { user }) => {
			return { count: await markRead(user) };
		},
		{ access: 'user' }
	)
};
