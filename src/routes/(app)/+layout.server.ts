import { redirect } from '@sveltejs/kit';
import { listMyConsortia } from '$lib/server/consortia/actor';
import { countUnread } from '$lib/server/notifications/notifications';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	return {
		user: locals.user,
		myConsortia: await listMyConsortia(locals.user),
		unreadNotifications: await countUnread(locals.user)
	};
};
