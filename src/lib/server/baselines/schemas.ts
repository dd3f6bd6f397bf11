import { z } from 'zod';
import { OptionalText, RequiredText } from '../validation';

export const CreateBaselineInput = z.object({
	name: RequiredText(200),
	description: OptionalText(5000)
});
export type CreateBaselineInput = z.infer<typeof CreateBaselineInput>;

/** Two baselines to compare, from the compare form's query string. */
export const CompareInput = z.object({
	from: z.uuid({ message: 'required' }),
	to: z.uuid({ message: 'required' })
});
export type CompareInput = z.infer<typeof CompareInput>;

export const exportFormats = ['docx', 'csv', 'xlsx', 'reqif'] as const;
export type ExportFormat = (typeof exportFormats)[number];
