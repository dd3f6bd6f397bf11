import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { budgetChart } from '$lib/server/budget/chart';
import { deleteBudgetLine, importBudget, saveBudgetLine } from '$lib/server/budget/commands';
import { budgetPage } from '$lib/server/budget/queries';
import { BudgetImportInput, BudgetLineInput, BudgetLineRef, BudgetScope } from '$lib/server/budget/schemas';
import type { CellProblem, SumProblem } from '$lib/server/budget/sums';
import { CommandError } from '$lib/server/errors';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '$lib/server/imports/parse';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const limits = { maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024, maxRows: MAX_IMPORT_ROWS, maxBytes: MAX_IMPORT_BYTES };
/** Multipart overhead allowed on top of the file itself before the body is refused unread. */
const FORM_OVERHEAD = 64 * 1024;

/** Budget against outcome of the consortium, or of the initiative in `?initiative=`, with its chart. */
export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:budget', 'samsyn:initiative');
	await afterLayouts(event);
	const { consortium, actor } = await asReader(event);
	const { initiative } = BudgetScope.parse({ initiative: event.url.searchParams.get('initiative') ?? undefined });
	try {
		const page = await budgetPage(actor, consortium.id, initiative ?? null);
		const number = new Intl.NumberFormat(getLocale() === 'en' ? 'en-GB' : 'sv-SE');
		const chart = budgetChart(page.categories, {
			budget: m.budget_series_budget(),
			outcome: m.budget_series_outcome(),
			category: m.budget_col_category(),
			summary: (f) => m.budget_chart_summary({ categories: String(f.categories), budget: f.budget, outcome: f.outcome }),
			amount: (n) => number.format(n)
		});
		return { ...page, chart, limits };
	} catch (e) {
		notFoundOn(e);
	}
};

const importAction = formAction(
	BudgetImportInput,
	async (input, { actor, consortium, files }) => {
		const file = files.file;
		if (!file || file.size === 0) throw new CommandError('file_required', 'file');
		if (file.size > MAX_IMPORT_BYTES) throw new CommandError('import_too_large', 'file', 413, { size: limits.maxMegabytes });
		const outcome = await importBudget(actor, consortium.id, input, { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || 'import' });
		if (outcome.ok) return { imported: outcome.imported, ignoredTotals: outcome.ignoredTotals };
		// What was chosen goes back with the problems, so a page without JavaScript keeps it.
		const values = { column: input.column, encoding: input.encoding, ...(input.ignoreTotals ? { ignoreTotals: 'true' } : {}) };
		return { problems: { cells: outcome.cellProblems, sums: outcome.sumProblems }, values };
	},
	{ maxBytes: MAX_IMPORT_BYTES + FORM_OVERHEAD }
);

export const actions: Actions = {
	save: formAction(BudgetLineInput, async (input, { actor, consortium }) => {
		const line = await saveBudgetLine(actor, consortium.id, input);
		return { category: line.category, year: line.year };
	}),
	remove: formAction(BudgetLineRef, async (input, { actor, consortium }) => {
		await deleteBudgetLine(actor, consortium.id, input.lineId);
		return { done: 'removed' };
	}),
	// A file whose sums do not add up is refused (422) with every problem listed beside the file field.
	import: async (event: RequestEvent) => {
		const answer = await importAction(event);
		const refused = answer as { problems?: { cells: CellProblem[]; sums: SumProblem[] }; values?: Record<string, string> } | undefined;
		const problems = refused?.problems;
		if (problems) {
			const { cells, sums } = problems;
			return fail(422, {
				form: 'import',
				ok: false as const,
				errors: { file: { key: 'budget_import_not_adding_up', params: { count: cells.length + sums.length } } },
				values: refused?.values ?? {},
				problems
			});
		}
		return answer;
	}
};
