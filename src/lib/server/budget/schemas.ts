import { z } from 'zod';
import { encodings } from '../imports/parse';
import { blankToUndefined, IntegerBetween, RequiredText } from '../validation';
import { MAX_AMOUNT } from './sums';

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const optionalInitiative = z.preprocess(blankToUndefined, z.uuid({ message: 'invalid_choice' }).optional());

/** An amount in whole kronor as typed (`1 200 000` too); blank is none. Negative or fractional amounts are refused. */
const Amount = z.preprocess(
	(v) => {
		const given = blankToUndefined(v);
		return typeof given === 'string' ? Number(given.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')) : given;
	},
	z
		.number({ error: () => 'not_a_number' })
		.refine((n) => !Number.isNaN(n), { message: 'not_a_number', abort: true })
		.refine((n) => n >= 0, { message: 'budget_amount_negative', abort: true })
		.refine(Number.isInteger, { message: 'not_a_whole_number', abort: true })
		.refine((n) => n <= MAX_AMOUNT, { message: 'too_big', params: { max: MAX_AMOUNT } })
		.optional()
);

/** One category and year of the budget: what was budgeted and what the outcome is (either may be blank, not both). */
export const BudgetLineInput = z
	.object({
		initiativeId: optionalInitiative,
		category: RequiredText(120),
		year: IntegerBetween(1900, 2999),
		budget: Amount,
		outcome: Amount
	})
	.refine((v) => v.budget !== undefined || v.outcome !== undefined, { path: ['budget'], message: 'budget_amount_required' });
export type BudgetLineInput = z.infer<typeof BudgetLineInput>;

export const budgetColumns = ['budget', 'outcome'] as const;

/**
 * A cost table to import: whether its amounts are the budget or the outcome, for the consortium or
 * an initiative; `ignoreTotals` imports the periods even where the stated totals do not add up.
 */
export const BudgetImportInput = z.object({
	initiativeId: optionalInitiative,
	column: z.enum(budgetColumns, { message: 'invalid_choice' }),
	ignoreTotals: checkbox,
	encoding: z.preprocess((v) => blankToUndefined(v) ?? 'utf-8', z.enum(encodings, { message: 'invalid_choice' }))
});
export type BudgetImportInput = z.infer<typeof BudgetImportInput>;

export const BudgetLineRef = z.object({ lineId: z.uuid({ message: 'invalid' }) });

/** Which budget a page shows: the consortium's own (no initiative) or an initiative's. */
export const BudgetScope = z.object({ initiative: z.preprocess(blankToUndefined, z.uuid().optional()).catch(undefined) });
