import { redirect } from '@sveltejs/kit';
import { createStatusReport } from '$lib/server/status-reports/commands';
import { listStatusReports } from '$lib/server/status-reports/queries';
import { StatusReportInput } from '$lib/server/status-reports/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

/** The consortium's monthly status reports, and a new one begun as a draft. */
export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:status_report', 'samsyn:initiative');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	try {
		return await listStatusReports(actor, consortium.id);
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	create: formAction(StatusReportInput, async (input, { actor, consortium }) => {
		const report = await createStatusReport(actor, consortium.id, input);
		redirect(303, `/c/${consortium.slug}/governance/status-reports/${report.id}`);
	})
};
