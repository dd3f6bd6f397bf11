import { acknowledgeStatusReport, addCustomRow, removeCustomRow, saveStatusReport, submitStatusReport } from '$lib/server/status-reports/commands';
import { statusReportPage } from '$lib/server/status-reports/queries';
import { CustomRowInput, RowRef, StatusReportUpdate, VersionRef } from '$lib/server/status-reports/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

/** One status report: its rows, the trend of its scope, and what the person may do with it. */
export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`, 'samsyn:status_report');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	try {
		return await statusReportPage(actor, consortium.id, event.params.id);
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	save: formAction(StatusReportUpdate, async (input, { actor, consortium, event }) => {
		await saveStatusReport(actor, consortium.id, event.params.id!, input);
		return { done: 'saved' };
	}),
	addRow: formAction(CustomRowInput, async (input, { actor, consortium, event }) => {
		const row = await addCustomRow(actor, consortium.id, event.params.id!, input);
		return { name: row.name };
	}),
	removeRow: formAction(RowRef, async (input, { actor, consortium, event }) => {
		await removeCustomRow(actor, consortium.id, event.params.id!, input.rowId);
		return { done: 'removed' };
	}),
	submit: formAction(VersionRef, async (input, { actor, consortium, event }) => {
		await submitStatusReport(actor, consortium.id, event.params.id!, input.version);
		return { done: 'submitted' };
	}),
	acknowledge: formAction(z.object({}), async (_input, { actor, consortium, event }) => {
		await acknowledgeStatusReport(actor, consortium.id, event.params.id!);
		return { done: 'acknowledged' };
	})
};
