import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { confirmPortfolioImport, discardPortfolioImport, getPortfolioImport } from '$lib/server/portfolio/import';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

/** Rows shown on the page; the counts always cover the whole file. */
const SHOWN_ROWS = 200;

export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`, 'samsyn:portfolio');
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	try {
		const report = await getPortfolioImport(actor, consortium.id, event.params.id);
		return {
			report: {
				...report,
				invalid: report.invalid.slice(0, SHOWN_ROWS).map((r) => ({ line: r.line, cells: r.cells, errors: r.errors })),
				valid: report.valid.slice(0, SHOWN_ROWS).map((r) => ({
					line: r.line,
					cells: r.cells,
					municipality: r.municipality,
					technology: r.technology,
					before: r.before,
					after: r.after
				})),
				moreInvalid: Math.max(0, report.invalid.length - SHOWN_ROWS),
				moreValid: Math.max(0, report.valid.length - SHOWN_ROWS)
			}
		};
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	confirm: formAction(
		z.object({}),
		async (_input, { actor, consortium, event }) => {
			const { imported } = await confirmPortfolioImport(actor, consortium.id, event.params.id!);
			redirect(303, `/c/${consortium.slug}/portfolio?imported=${imported}`);
		},
		{ visibleTo: 'content.write' }
	),
	discard: formAction(
		z.object({}),
		async (_input, { actor, consortium, event }) => {
			await discardPortfolioImport(actor, consortium.id, event.params.id!);
			redirect(303, `/c/${consortium.slug}/portfolio/import?discarded=1`);
		},
		{ visibleTo: 'content.write' }
	)
};
