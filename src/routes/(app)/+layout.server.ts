import { loadShell, signedIn } from '$lib/server/request-context';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	event.depends('samsyn:notification', 'samsyn:membership');
	const user = signedIn(event);
	return { user, ...(await loadShell(event, user)) };
};
