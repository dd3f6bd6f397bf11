import { error } from '@sveltejs/kit';
import { devMailVisible, listDevMail } from '$lib/server/mail/dev-mail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ setHeaders }) => {
	if (!devMailVisible()) error(404, 'Not found');
	setHeaders({ 'cache-control': 'no-store' });
	return { mail: await listDevMail() };
};
