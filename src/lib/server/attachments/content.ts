import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { CommandError } from '../errors';

/** The kinds of file an attachment may be, by the type its content is recognised as. */
export const allowedTypes = {
	'application/pdf': 'pdf',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/gif': 'gif',
	'image/webp': 'webp'
} as const;
export type AllowedType = keyof typeof allowedTypes;

/** How much of the start of a file its type is read from (a zip container's first parts fit). */
const SNIFF_BYTES = 256 * 1024;

/** What a name's extension claims the file to be; `jpeg` and `jpg` are one. */
const typeOfExtension: Record<string, AllowedType> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp'
};

/** A short name of a type for messages ("PDF", "Word", "PNG"). */
export function typeName(type: string | undefined): string {
	switch (type) {
		case 'application/pdf':
			return 'PDF';
		case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
			return 'Word (docx)';
		case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
			return 'Excel (xlsx)';
		case 'image/png':
			return 'PNG';
		case 'image/jpeg':
			return 'JPEG';
		case 'image/gif':
			return 'GIF';
		case 'image/webp':
			return 'WebP';
		default:
			return type ?? '?';
	}
}

const isAllowed = (type: string | undefined): type is AllowedType => !!type && type in allowedTypes;

/**
 * The name shown for a file: the last part of whatever path it came with, without control
 * characters or the characters that make a path or trouble in a file system, at most 255
 * characters with its extension kept. Only ever shown and offered as the download's name; the
 * bytes are stored under a random key.
 */
export function safeFileName(name: string, type: AllowedType): string {
	const last = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
	let safe = last
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
		.replace(/[<>:"|?*]/g, '_')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^[.\s]+/, '');
	if (!safe) safe = `bilaga.${allowedTypes[type]}`;
	if (safe.length > 255) {
		const dot = safe.lastIndexOf('.');
		const extension = dot > 0 && safe.length - dot <= 10 ? safe.slice(dot) : '';
		safe = safe.slice(0, 255 - extension.length) + extension;
	}
	return safe;
}

/** The type a file claims to be: by its name's extension, else by what the browser said; null when it claims nothing. */
export function claimedType(name: string, browserType: string | undefined): string | null {
	const extension = /\.([a-z0-9]{1,10})$/i.exec(name.trim())?.[1]?.toLowerCase();
	if (extension) return typeOfExtension[extension] ?? `.${extension}`;
	if (browserType && browserType !== 'application/octet-stream') return browserType === 'image/jpg' ? 'image/jpeg' : browserType;
	return null;
}

/** A refused upload's message key and figures, on the form's file field. */
const refuse = (key: string, params?: Record<string, string | number>) => new CommandError(key, 'file', key === 'attachments_too_large' ? 413 : 422, params);

export interface Inspected {
	/** The type the content was recognised as. */
	type: AllowedType;
	/** The content, to be stored: fails with the size refusal as soon as it passes the limit. */
	body: ReadableStream<Uint8Array>;
	/** Size and SHA-256, known once `body` has been read to its end. */
	digest(): { size: number; sha256: string };
}

/**
 * Looks at a file's content while it streams: counts its bytes and refuses it (413) the moment it
 * passes `maxBytes`, recognises its type by its first bytes (magic numbers; a zip container is told
 * apart as Word or Excel by its parts), refuses (422) what is not an allowed type or not the type its
 * name or the browser claims. Nothing is stored by this; the caller stores `body`.
 */
export async function inspectUpload(source: ReadableStream<Uint8Array>, claimed: { name: string; type?: string }, maxBytes: number): Promise<Inspected> {
	let size = 0;
	const hash = createHash('sha256');
	const limited = source.pipeThrough(
		new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, controller) {
				size += chunk.byteLength;
				if (size > maxBytes) {
					controller.error(refuse('attachments_too_large', { max: Math.floor(maxBytes / 1_000_000) || 1 }));
					return;
				}
				hash.update(chunk);
				controller.enqueue(chunk);
			}
		})
	);
	// The first bytes decide the type: a signature, or for a zip container the parts it names first.
	const reader = limited.getReader();
	const head: Uint8Array[] = [];
	let headBytes = 0;
	let ended = false;
	while (headBytes < SNIFF_BYTES) {
		const { done, value } = await reader.read();
		if (done) {
			ended = true;
			break;
		}
		head.push(value);
		headBytes += value.byteLength;
	}
	// A malformed container is simply not a type we recognise.
	const detected = headBytes ? (await fileTypeFromBuffer(Buffer.concat(head)).catch(() => undefined))?.mime : undefined;
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			for (const part of head) controller.enqueue(part);
			if (ended) controller.close();
		},
		async pull(controller) {
			const { done, value } = await reader.read();
			if (done) controller.close();
			else controller.enqueue(value);
		},
		cancel: (reason) => reader.cancel(reason)
	});
	const claim = claimedType(claimed.name, claimed.type);
	if (!isAllowed(detected)) {
		await body.cancel().catch(() => {});
		throw refuse('attachments_type_not_allowed', { actual: detected ? typeName(detected) : '?' });
	}
	if (claim !== null && claim !== detected) {
		await body.cancel().catch(() => {});
		throw refuse('attachments_type_mismatch', { claimed: claim.startsWith('.') ? claim : typeName(claim), actual: typeName(detected) });
	}
	return { type: detected, body, digest: () => ({ size, sha256: hash.digest('hex') }) };
}
