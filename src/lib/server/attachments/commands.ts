import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { advisoryLock } from '../db/locks';
import { attachments } from '../db/schema';
import { recordChange } from '../audit/record-change';
import { CommandError } from '../errors';
import { actorFor, readerFor, type Who } from '../consortia/actor';
import { authorize } from '../policy';
import { config } from '../config';
import type { AttachmentTarget } from '../../enums';
import { inspectUpload, safeFileName } from './content';
import { attachmentStore, storeOf, type AttachmentStore } from './store';
import { attachmentResource, loadAttachment, publishedToSupplier, targetResource, topicOf, type AttachmentRow } from './state';

/** A file as it arrives: its name and the type the browser gave (both only claims), and its content as a stream. */
export interface IncomingFile {
	name: string;
	type?: string;
	stream: ReadableStream<Uint8Array>;
}

/** What the audit log keeps of an attachment (never its bytes or its storage key). */
const logged = (row: AttachmentRow) => ({
	targetKind: row.targetKind,
	targetId: row.targetId,
	name: row.name,
	contentType: row.contentType,
	size: row.size,
	sha256: row.sha256
});

/** Who hears of a change live: everyone the attachment reaches (the supplier too, for what was published to it). */
const audienceOf = async (tx: Transaction, row: AttachmentRow) =>
	(await publishedToSupplier(tx, row.consortiumId, row.targetKind, row.targetId)) ? ('everyone' as const) : ('internal' as const);

/**
 * Attaches a file to a decision item, meeting, requirement or initiative that the person may change.
 * The content is streamed through the type check and the size limit into the store: refused (413)
 * the moment it passes the limit, (422) when it is not an allowed type or not the type its name
 * claims; then nothing is stored and no row is written. The bytes go to the configured store under a
 * random key; the name is only shown, with path characters taken out.
 */
export async function addAttachment(
	who: Who,
	consortiumId: string,
	target: { kind: AttachmentTarget; id: string },
	file: IncomingFile,
	options: AddOptions = {}
): Promise<{ id: string; name: string }> {
	return withUser(who, async (tx) => {
		const actor = await actorFor(tx, who, consortiumId, 'content.write');
		// Queued behind a change to the target's state (closing an item, justering), as its own commands are.
		await advisoryLock(tx, target.id, 'shared');
		authorize(actor, 'attachment.add', await targetResource(tx, consortiumId, target.kind, target.id));
		return addAttachmentIn(tx, actor.id, consortiumId, target, file, options);
	});
}

interface AddOptions {
	maxBytes?: number;
	/** The store to write to (the tests name one); the configured one by default. */
	store?: (tx: Transaction) => AttachmentStore;
}

/** The writing part of `addAttachment`, in the caller's transaction, once the policy has allowed it (the demo calls it too). */
export async function addAttachmentIn(
	tx: Transaction,
	uploadedBy: string | null,
	consortiumId: string,
	target: { kind: AttachmentTarget; id: string },
	file: IncomingFile,
	options: AddOptions = {}
): Promise<{ id: string; name: string }> {
	const inspected = await inspectUpload(file.stream, { name: file.name, type: file.type }, options.maxBytes ?? config().ATTACHMENT_MAX_BYTES);
	const store = options.store ? options.store(tx) : attachmentStore(tx);
	const storageKey = randomUUID();
	await store.put(storageKey, inspected.body, inspected.type);
	try {
		const { size, sha256 } = inspected.digest();
		const [row] = await tx
			.insert(attachments)
			.values({
				consortiumId,
				targetKind: target.kind,
				targetId: target.id,
				storageKey,
				backend: store.backend,
				name: safeFileName(file.name, inspected.type),
				contentType: inspected.type,
				size,
				sha256,
				uploadedBy
			})
			.returning();
		await recordChange(tx, {
			actorId: uploadedBy,
			consortiumId,
			action: 'attachment.added',
			entityType: topicOf[target.kind],
			entityId: target.id,
			after: { id: row!.id, ...logged(row!) },
			audience: await audienceOf(tx, row!),
			related: [row!.id]
		});
		return { id: row!.id, name: row!.name };
	} catch (e) {
		// The PostgreSQL store's chunks roll back with the transaction; Supabase's object does not.
		if (store.backend !== 'postgres') await store.delete(storageKey).catch(() => {});
		throw e;
	}
}

/**
 * Removes an attachment: its uploader or an admin, while its target still takes changes. The row
 * and (in PostgreSQL) the bytes go in the transaction; an object in Supabase Storage goes once it
 * has committed, so a rollback never leaves a row without its bytes.
 */
export async function removeAttachment(who: Who, consortiumId: string, id: string): Promise<{ name: string }> {
	let removed: AttachmentRow | undefined;
	const result = await withUser(who, async (tx) => {
		const actor = await readerFor(tx, who, consortiumId, 'published.read');
		const row = await loadAttachment(tx, consortiumId, id);
		await advisoryLock(tx, row.targetId, 'shared');
		authorize(actor, 'attachment.delete', await attachmentResource(tx, row));
		const audience = await audienceOf(tx, row);
		const deleted = await tx.delete(attachments).where(eq(attachments.id, row.id)).returning({ id: attachments.id });
		if (deleted.length === 0) throw new CommandError('not_found', 'form', 404);
		await recordChange(tx, {
			actorId: actor.id,
			consortiumId,
			action: 'attachment.removed',
			entityType: topicOf[row.targetKind],
			entityId: row.targetId,
			before: { id: row.id, ...logged(row) },
			audience,
			related: [row.id]
		});
		removed = row;
		return { name: row.name };
	});
	if (removed && removed.backend !== 'postgres') await storeOf(removed.backend).delete(removed.storageKey);
	return result;
}
