import { z } from 'zod';
import { contentKind } from '../db/schema/enums';
import { RequiredText } from '../validation';

export const targetKinds = contentKind.enumValues;
export type { ContentKind as TargetKind } from '../../enums';

export const CommentInput = z.object({
	targetKind: z.enum(targetKinds, { message: 'invalid' }),
	targetId: z.uuid({ message: 'invalid' }),
	body: RequiredText(10_000)
});
export type CommentInput = z.infer<typeof CommentInput>;
