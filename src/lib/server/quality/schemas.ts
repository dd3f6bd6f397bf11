import { z } from 'zod';
import { ruleIds } from '$lib/quality';
import { IntegerBetween, OptionalText, RequiredText } from '../validation';

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** A finding judged not to be a problem on a requirement, with why. */
export const DismissInput = z.object({
	requirementId: z.uuid({ message: 'invalid' }),
	key: RequiredText(400),
	reason: RequiredText(1000)
});
export type DismissInput = z.infer<typeof DismissInput>;

/** Taking a dismissal back: the finding counts again. */
export const RestoreInput = z.object({ requirementId: z.uuid({ message: 'invalid' }), key: RequiredText(400) });
export type RestoreInput = z.infer<typeof RestoreInput>;

/**
 * The consortium's own rules: the rules that stay on (checkboxes `enabled[]`), and its own vague
 * words, one per line (at most 200 words of at most 60 characters).
 */
export const QualitySettingsInput = z.object({
	version: IntegerBetween(1, 2_000_000_000),
	enabled: z.preprocess(list, z.array(z.enum(ruleIds, { message: 'invalid_choice' }))),
	words: OptionalText(20_000).pipe(
		z
			.string()
			.transform((text) => [
				...new Set(
					text
						.split(/\r?\n/)
						.map((w) => w.trim().toLocaleLowerCase('sv'))
						.filter(Boolean)
				)
			])
			.pipe(z.array(z.string().max(60, 'too_long')).max(200, 'quality_too_many_words'))
	)
});
export type QualitySettingsInput = z.infer<typeof QualitySettingsInput>;
