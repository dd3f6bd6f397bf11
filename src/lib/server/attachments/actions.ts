import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { CommandError } from '../errors';
import { config } from '../config';
import { formAction } from '../form-action';
import { contentDisposition } from '../exports/http';
import type { AttachmentTarget } from '../../enums';
import { addAttachment, removeAttachment } from './commands';
import type { Download } from './queries';
import { RemoveAttachmentInput } from './schemas';

/** Room in a multipart body for its boundaries and part headers besides the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * The two form actions of a page that shows a target's attachments (`?/attach`, `?/removeAttachment`),
 * for the target the page's `[id]` names. An upload is an ordinary form action: the body is read
 * within the limit and refused (413, connection closed) as soon as it passes it, then the file
 * streams through the type check and the exact limit into the store.
 */
export function attachmentActions(kind: AttachmentTarget, targetOf: (event: RequestEvent) => string = (event) => event.params.id!) {
	return {
		attach: formAction(
			z.object({}),
			async (_input, { actor, consortium, event, files }) => {
				const file = files.file;
				if (!file || (file.size === 0 && !file.name)) throw new CommandError('attachments_no_file', 'file', 400);
				const added = await addAttachment(actor, consortium.id, { kind, id: targetOf(event) }, { name: file.name, type: file.type, stream: file.stream() });
				return { attachmentId: added.id, name: added.name };
			},
			{ maxBytes: config().ATTACHMENT_MAX_BYTES + MULTIPART_OVERHEAD }
		),
		removeAttachment: formAction(RemoveAttachmentInput, async (input, { actor, consortium }) => {
			return await removeAttachment(actor, consortium.id, input.attachmentId);
		})
	};
}

/** A download: always saved, never shown inline, with the type the content was recognised as and no sniffing. */
export function downloadResponse(download: Download): Response {
	return new Response(download.body, {
		headers: {
			'content-type': download.contentType,
			'content-length': String(download.size),
			'content-disposition': contentDisposition(download.name),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
}
