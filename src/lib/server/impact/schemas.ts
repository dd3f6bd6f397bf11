import { z } from 'zod';
import { RequiredText } from '../validation';

/** "Granskad": a flag cleared with a note saying what the review found. */
export const ClearImpactFlagInput = z.object({
	flagId: z.uuid({ message: 'invalid' }),
	note: RequiredText(1000)
});
export type ClearImpactFlagInput = z.infer<typeof ClearImpactFlagInput>;
