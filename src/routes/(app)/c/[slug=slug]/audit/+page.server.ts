import { error } from '@sveltejs/kit';
import { can } from '$lib/server/policy';
import { listAuditLog } from '$lib/server/consortia/queries';
import { AuditPage } from '$lib/server/consortia/schemas';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:any');
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	if (!can(actor, 'audit.read', { consortiumId: consortium.id })) error(404, 'Not found');
	const { page } = AuditPage.parse({ page: event.url.searchParams.get('page') ?? undefined });
	return { log: await listAuditLog(actor, consortium.id, page) };
};
