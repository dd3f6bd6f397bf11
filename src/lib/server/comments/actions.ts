import { z } from 'zod';
import { formAction } from '../form-action';
import { addComment, deleteComment } from './commands';
import type { TargetKind } from './schemas';

const Body = z.object({ body: z.string().trim().min(1, 'required').max(10_000, 'too_long') });
const Id = z.object({ id: z.uuid() });

/** The `comment` and `deleteComment` form actions of a need, story or requirement page. */
export function commentActions(kind: TargetKind) {
	return {
		comment: formAction(Body, async (input, { actor, consortium, event }) => {
			const { comment } = await addComment(actor, consortium.id, { targetKind: kind, targetId: event.params.id!, body: input.body }, event.url.origin);
			return { id: comment.id };
		}),
		deleteComment: formAction(Id, async (input, { actor, consortium }) => {
			await deleteComment(actor, consortium.id, input.id);
		})
	};
}
