import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { actionContext, commandFailure, parseForm } from '../actions';
import { addComment, deleteComment } from './commands';
import type { TargetKind } from './schemas';

const Body = z.object({ body: z.string({ message: 'required' }).trim().min(1, 'required').max(10_000, 'too_long') });
const Id = z.object({ id: z.uuid({ message: 'invalid' }) });

type Event = RequestEvent<{ slug: string; id: string }>;

/** The `comment` and `deleteComment` form actions of a need, story or requirement page. */
export function commentActions(kind: TargetKind) {
	return {
		comment: async ({ locals, request, params, url }: Event) => {
			const { user, consortium } = await actionContext(locals.user, params.slug);
			const input = await parseForm(request, Body);
			if (!input.ok) return input.failure;
			try {
				await addComment(user, consortium.id, { targetKind: kind, targetId: params.id, body: input.data.body }, url.origin);
			} catch (e) {
				return commandFailure(e, input.values);
			}
			return { commented: true };
		},
		deleteComment: async ({ locals, request, params }: Event) => {
			const { user, consortium } = await actionContext(locals.user, params.slug);
			const input = await parseForm(request, Id);
			if (!input.ok) return input.failure;
			try {
				await deleteComment(user, consortium.id, input.data.id);
			} catch (e) {
				return commandFailure(e, input.values);
			}
			return { commentDeleted: true };
		}
	};
}
