import { z } from 'zod';
import { blankToUndefined } from '../validation';

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** "Ta fram upphandlingsdokument": a baseline, the approved versions to include, and the decision that approved them (optional: a draft package). */
export const TenderPackageInput = z.object({
	baselineId: z.uuid({ message: 'invalid_choice' }),
	versionIds: z.preprocess(list, z.array(z.uuid({ message: 'invalid_choice' })).max(50, 'too_long')),
	decisionId: z.preprocess(blankToUndefined, z.uuid({ message: 'invalid_choice' }).optional())
});
export type TenderPackageInput = z.infer<typeof TenderPackageInput>;
