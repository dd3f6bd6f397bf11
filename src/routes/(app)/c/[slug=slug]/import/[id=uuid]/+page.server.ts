import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getLocale } from '$lib/paraglide/runtime';
import { requirementHeadings } from '$lib/server/exports/columns';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { confirmImport, discardImport } from '$lib/server/imports/commands';
import { getPendingImport } from '$lib/server/imports/queries';
import { needHeadings } from '$lib/server/imports/rows';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

/** Rows shown on the page; the counts always cover the whole file. */
const SHOWN_ROWS = 200;

export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`);
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	try {
		const pending = await getPendingImport(actor, consortium.id, event.params.id);
		const invalid = pending.rows.filter((r) => r.errors.length > 0);
		const valid = pending.rows.filter((r) => r.errors.length === 0);
		const headings: Record<string, string> = pending.kind === 'requirements' ? requirementHeadings(getLocale()) : needHeadings(getLocale());
		return {
			pending: {
				id: pending.id,
				kind: pending.kind,
				fileName: pending.fileName,
				confirmed: pending.confirmedAt !== null,
				validCount: pending.validCount,
				invalidCount: pending.invalidCount,
				ignoredColumns: pending.ignoredColumns,
				invalid: invalid.slice(0, SHOWN_ROWS).map((r) => ({ line: r.line, cells: r.cells, errors: r.errors })),
				valid: valid.slice(0, SHOWN_ROWS).map((r) => ({ line: r.line, title: r.cells.title ?? '' })),
				moreInvalid: Math.max(0, invalid.length - SHOWN_ROWS),
				moreValid: Math.max(0, valid.length - SHOWN_ROWS)
			},
			headings
		};
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	confirm: formAction(z.object({}), async (_input, { actor, consortium, event }) => {
		const result = await confirmImport(actor, consortium.id, event.params.id!);
		redirect(303, `/c/${consortium.slug}/import?done=${result.kind}-${result.created}`);
	}),
	discard: formAction(z.object({}), async (_input, { actor, consortium, event }) => {
		await discardImport(actor, consortium.id, event.params.id!);
		redirect(303, `/c/${consortium.slug}/import?done=discarded`);
	})
};
