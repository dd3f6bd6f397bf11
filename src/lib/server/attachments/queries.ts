import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { attachments, requirements, users } from '../db/schema';
import { NotFound } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { authorize, can, decide, type Actor } from '../policy';
import { config } from '../config';
import type { AttachmentTarget } from '../../enums';
import { publishedToSupplier, targetResource } from './state';
import { storeOf } from './store';

/** One attachment as a list shows it. */
export interface AttachmentItem {
	id: string;
	name: string;
	contentType: string;
	size: number;
	uploadedBy: string | null;
	createdAt: Date;
	/** Whether the person may remove it. */
	removable: boolean;
}

/** What the attachments section of a target's page needs. */
export interface AttachmentList {
	target: { kind: AttachmentTarget; id: string };
	items: AttachmentItem[];
	/** Whether the person may attach a file, and the largest one accepted. */
	canAdd: boolean;
	maxBytes: number;
}

/** The ids attachments of a target hang on: a requirement's are those of all its revisions. */
async function targetIds(tx: Transaction, consortiumId: string, kind: AttachmentTarget, id: string): Promise<string[]> {
	if (kind !== 'requirement') return [id];
	const [row] = await tx
		.select({ number: requirements.number })
		.from(requirements)
		.where(and(eq(requirements.id, id), eq(requirements.consortiumId, consortiumId)));
	if (!row) return [id];
	const revisions = await tx
		.select({ id: requirements.id })
		.from(requirements)
		.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.number, row.number)));
	return revisions.map((r) => r.id);
}

/** Whether the actor may read the target's attachments: a 404 for the supplier unless it reached it. */
async function authorizeRead(tx: Transaction, actor: Actor, consortiumId: string, kind: AttachmentTarget, id: string): Promise<void> {
	const published = can(actor, 'internal.read', { consortiumId }) ? false : await publishedToSupplier(tx, consortiumId, kind, id);
	authorize(actor, 'attachment.read', { consortiumId, publishedToSupplier: published });
}

/**
 * A target's attachments, oldest first, with what the person may do with them. Whoever reads the
 * target reads them; the supplier only a meeting's and a communicated decision's (NotFound otherwise).
 */
export async function listAttachments(who: Who, consortiumId: string, target: { kind: AttachmentTarget; id: string }): Promise<AttachmentList> {
	return withUser(who, async (tx) => {
		const actor = await readerFor(tx, who, consortiumId, 'published.read');
		await authorizeRead(tx, actor, consortiumId, target.kind, target.id);
		const ids = await targetIds(tx, consortiumId, target.kind, target.id);
		const rows = await tx
			.select({
				id: attachments.id,
				name: attachments.name,
				contentType: attachments.contentType,
				size: attachments.size,
				uploadedById: attachments.uploadedBy,
				uploadedBy: users.name,
				createdAt: attachments.createdAt,
				targetId: attachments.targetId
			})
			.from(attachments)
			.leftJoin(users, eq(users.id, attachments.uploadedBy))
			.where(and(eq(attachments.consortiumId, consortiumId), eq(attachments.targetKind, target.kind), inArray(attachments.targetId, ids)))
			.orderBy(asc(attachments.createdAt), asc(attachments.name));
		const internal = can(actor, 'internal.read', { consortiumId });
		const resources = new Map<string, Awaited<ReturnType<typeof targetResource>>>();
		const resourceOf = async (id: string) => {
			if (!resources.has(id)) resources.set(id, await targetResource(tx, consortiumId, target.kind, id));
			return resources.get(id)!;
		};
		const items: AttachmentItem[] = [];
		for (const row of rows) {
			const removable =
				internal && decide(actor, 'attachment.delete', { consortiumId, uploadedBy: row.uploadedById, target: await resourceOf(row.targetId) }) === true;
			items.push({
				id: row.id,
				name: row.name,
				contentType: row.contentType,
				size: row.size,
				// The supplier is not told which member of the consortium uploaded what.
				uploadedBy: internal ? row.uploadedBy : null,
				createdAt: row.createdAt,
				removable
			});
		}
		const canAdd = internal && can(actor, 'attachment.add', await resourceOf(target.id));
		return { target, items, canAdd, maxBytes: config().ATTACHMENT_MAX_BYTES };
	});
}

/** An attachment to download: its name, type, size and its bytes as a stream. */
export interface Download {
	name: string;
	contentType: string;
	size: number;
	body: ReadableStream<Uint8Array>;
}

/**
 * An attachment's bytes for someone who may read it (row-level security and the policy both ask),
 * NotFound for anyone else, as for one that does not exist. The bytes are read after the
 * transaction, from the store the attachment was written to.
 */
export async function downloadAttachment(who: Who, consortiumId: string, id: string): Promise<Download> {
	const row = await withUser(who, async (tx) => {
		const actor = await readerFor(tx, who, consortiumId, 'published.read');
		const [found] = await tx
			.select()
			.from(attachments)
			.where(and(eq(attachments.id, id), eq(attachments.consortiumId, consortiumId)));
		if (!found) throw new NotFound();
		await authorizeRead(tx, actor, consortiumId, found.targetKind, found.targetId);
		return found;
	});
	const body = await storeOf(row.backend).get(row.storageKey);
	if (!body) throw new NotFound();
	return { name: row.name, contentType: row.contentType, size: row.size, body };
}
