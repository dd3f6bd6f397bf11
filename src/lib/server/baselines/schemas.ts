import { z } from 'zod';

export const CreateBaselineInput = z.object({
	name: z.string({ message: 'required' }).trim().min(1, 'required').max(200, 'too_long'),
	description: z.string().trim().max(5000, 'too_long').optional().default('')
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
