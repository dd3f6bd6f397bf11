import { formAction } from '../form-action';
import { clearImpactFlag } from './commands';
import { ClearImpactFlagInput } from './schemas';

/**
 * "Granskad": the one form action every page with an impact notice adds as `clearImpact`, so a flag
 * is cleared on the flagged thing's own page (and on the review list) by the same command.
 */
export const clearImpactAction = formAction(ClearImpactFlagInput, async (input, { actor, consortium }) => {
	const flag = await clearImpactFlag(actor, consortium.id, input);
	return { identifier: flag.identifier };
});
