import { error, fail, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { loadConsortiumActor } from '$lib/server/consortia/actor';
import { CommandError, NotFound } from '$lib/server/errors';
import { requirementHeadings } from '$lib/server/exports/columns';
import { confirmImport, discardImport } from '$lib/server/imports/commands';
import { getPendingImport } from '$lib/server/imports/queries';
import { needHeadings } from '$lib/server/imports/rows';
import { Forbidden } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';

/** Rows shown on the page; the counts always cover the whole file. */
const SHOWN_ROWS = 200;

export const load: PageServerLoad = async ({ locals, parent, params }) => {
	const { consortium } = await parent();
	try {
		const pending = await getPendingImport(locals.user!, consortium.id, params.id);
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
		if (e instanceof NotFound || e instanceof Forbidden) error(404, 'Not found');
		throw e;
	}
};

async function context(user: App.Locals['user'], slug: string) {
	if (!user) error(401, 'Sign in first');
	const found = await loadConsortiumActor(user, slug);
	if (!found) error(404, 'Not found');
	return { user, consortiumId: found.consortium.id };
}

export const actions: Actions = {
	confirm: async ({ locals, params }) => {
		const { user, consortiumId } = await context(locals.user, params.slug);
		let result;
		try {
			result = await confirmImport(user, consortiumId, params.id);
		} catch (e) {
			if (e instanceof NotFound || e instanceof Forbidden) error(404, 'Not found');
			if (e instanceof CommandError) return fail(e.status, { errors: { form: e.key } });
			throw e;
		}
		redirect(303, `/c/${params.slug}/import?done=${result.kind}-${result.created}`);
	},
	discard: async ({ locals, params }) => {
		const { user, consortiumId } = await context(locals.user, params.slug);
		try {
			await discardImport(user, consortiumId, params.id);
		} catch (e) {
			if (e instanceof NotFound || e instanceof Forbidden) error(404, 'Not found');
			throw e;
		}
		redirect(303, `/c/${params.slug}/import?done=discarded`);
	}
};
