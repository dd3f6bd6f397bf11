import { z } from 'zod';

export const targetKinds = ['need', 'story', 'requirement'] as const;
export type TargetKind = (typeof targetKinds)[number];

export const CommentInput = z.object({
	targetKind: z.enum(targetKinds, { message: 'invalid' }),
	targetId: z.uuid({ message: 'invalid' }),
	body: z.string({ message: 'required' }).trim().min(1, 'required').max(10_000, 'too_long')
});
export type CommentInput = z.infer<typeof CommentInput>;
