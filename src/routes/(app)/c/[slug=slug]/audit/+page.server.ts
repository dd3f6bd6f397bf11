import { error } from '@sveltejs/kit';
import { listAuditLog } from '$lib/server/consortia/queries';
import { AuditPage } from '$lib/server/consortia/schemas';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals, url }) => {
	const { consortium, can } = await parent();
	if (!can['audit.read']) error(404, 'Not found');
	const { page } = AuditPage.parse({ page: url.searchParams.get('page') ?? undefined });
	return { log: await listAuditLog(locals.user!, consortium.id, page) };
};
