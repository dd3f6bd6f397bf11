import { z } from 'zod';
import { attachmentTargets } from '../../enums';

/** An upload form: what the file is attached to (the file itself arrives as a part of its own, `file`). */
export const AttachInput = z.object({
	targetKind: z.enum(attachmentTargets, { message: 'invalid_choice' }),
	targetId: z.uuid({ message: 'invalid_choice' })
});
export type AttachInput = z.infer<typeof AttachInput>;

/** Removing an attachment. */
export const RemoveAttachmentInput = z.object({
	attachmentId: z.uuid({ message: 'invalid_choice' })
});
export type RemoveAttachmentInput = z.infer<typeof RemoveAttachmentInput>;
