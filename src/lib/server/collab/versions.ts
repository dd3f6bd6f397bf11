import { and, desc, eq } from 'drizzle-orm';
import { diffLines } from 'diff';
import * as Y from 'yjs';
import { z } from 'zod';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { collabUpdates, collabVersions, users } from '../db/schema';
import { CommandError, NotFound } from '../errors';
import { Forbidden } from '../policy';
import { accessIn, resolveAccess, type DocumentAccess } from './access';
import { applySaved, openDocument, settled } from './documents';
import { FRAGMENT, renderState } from './render';
import { loadState, settledDocumentOf } from './store';

/**
 * Named versions of a co-edited document, for the editor's routes. Every function takes the
 * signed-in user and a document name (`<kind>/<uuid>/<field>`) and decides access with the same
 * policy as the WebSocket: reading needs read access, naming and restoring need edit access.
 * No access or no such thing: `NotFound`; read-only trying to write: `Forbidden`.
 */

interface Person {
	id: string;
	isOperator: boolean;
	name?: string;
}

export interface VersionSummary {
	id: string;
	name: string;
	createdAt: Date;
	createdBy: { id: string; name: string } | null;
}

export interface VersionContent extends VersionSummary {
	text: string;
	html: string;
	/** The full Yjs state (an update), for opening it read-only in an editor. */
	state: Uint8Array;
}

export interface TextChange {
	value: string;
	added: boolean;
	removed: boolean;
}

/** `current` stands for the document as it is now. */
export type VersionRef = string | 'current';

export const VersionName = z.string().trim().min(1, 'collab_version_name_required').max(200, 'collab_version_name_too_long');

async function access(tx: Transaction, user: Person, document: string, level: 'read' | 'edit'): Promise<DocumentAccess> {
	const found = await accessIn(tx, user, document);
	if (!found) throw new NotFound();
	if (level === 'edit' && found.level !== 'edit') throw new Forbidden('content.write');
	return found;
}

const summaryColumns = {
	id: collabVersions.id,
	name: collabVersions.name,
	createdAt: collabVersions.createdAt,
	createdById: collabVersions.createdBy,
	createdByName: users.name
};

function summary(row: { id: string; name: string; createdAt: Date; createdById: string | null; createdByName: string | null }): VersionSummary {
	return {
		id: row.id,
		name: row.name,
		createdAt: row.createdAt,
		createdBy: row.createdById ? { id: row.createdById, name: row.createdByName ?? '' } : null
	};
}

/** The document's named versions, newest first. */
export async function listVersions(user: Person, document: string): Promise<VersionSummary[]> {
	return withUser(user, async (tx) => {
		await access(tx, user, document, 'read');
		const rows = await tx
			.select(summaryColumns)
			.from(collabVersions)
			.leftJoin(users, eq(users.id, collabVersions.createdBy))
			.where(eq(collabVersions.document, document))
			.orderBy(desc(collabVersions.createdAt));
		return rows.map(summary);
	});
}

/** Names the document's current state ("Skickad till leverantören 2026-03-01"). */
export async function createVersion(user: Person, document: string, input: { name: string }): Promise<VersionSummary> {
	const parsed = VersionName.safeParse(input.name);
	if (!parsed.success) throw new CommandError(parsed.error.issues[0]?.message ?? 'collab_version_name_required', 'name', 422);
	await settled(); // every accepted update is in the database
	return withUser(user, async (tx) => {
		const found = await access(tx, user, document, 'edit');
		const state = await loadState(tx, document);
		const [row] = await tx
			.insert(collabVersions)
			.values({
				document,
				consortiumId: found.consortiumId,
				name: parsed.data,
				state,
				createdBy: user.id
			})
			.returning({
				id: collabVersions.id,
				name: collabVersions.name,
				createdAt: collabVersions.createdAt
			});
		await recordChange(tx, {
			actorId: user.id,
			consortiumId: found.consortiumId,
			action: 'collab.version_named',
			entityType: 'collab_version',
			entityId: row!.id,
			after: { document, name: row!.name }
		});
		return { ...row!, createdBy: { id: user.id, name: user.name ?? '' } };
	});
}

async function stateAt(tx: Transaction, document: string, ref: VersionRef): Promise<{ id: string; name: string; state: Uint8Array }> {
	if (ref === 'current')
		return {
			id: 'current',
			name: 'current',
			state: await loadState(tx, document)
		};
	if (!z.uuid().safeParse(ref).success) throw new NotFound();
	const [row] = await tx
		.select({
			id: collabVersions.id,
			name: collabVersions.name,
			state: collabVersions.state
		})
		.from(collabVersions)
		.where(and(eq(collabVersions.id, ref), eq(collabVersions.document, document)));
	if (!row) throw new NotFound();
	return row;
}

/** A past version's content: plain text, sanitised HTML and the Yjs state, for reading only. */
export async function getVersion(user: Person, document: string, versionId: string): Promise<VersionContent> {
	return withUser(user, async (tx) => {
		await access(tx, user, document, 'read');
		if (!z.uuid().safeParse(versionId).success) throw new NotFound();
		const [row] = await tx
			.select({ ...summaryColumns, state: collabVersions.state })
			.from(collabVersions)
			.leftJoin(users, eq(users.id, collabVersions.createdBy))
			.where(and(eq(collabVersions.id, versionId), eq(collabVersions.document, document)));
		if (!row) throw new NotFound();
		return { ...summary(row), ...renderState(row.state), state: row.state };
	});
}

/** Compares two versions (or a version and `current`) line by line on their plain text. */
export async function diffVersions(
	user: Person,
	document: string,
	from: VersionRef,
	to: VersionRef
): Promise<{
	from: { id: string; name: string };
	to: { id: string; name: string };
	changes: TextChange[];
}> {
	await settled();
	return withUser(user, async (tx) => {
		await access(tx, user, document, 'read');
		const a = await stateAt(tx, document, from);
		const b = await stateAt(tx, document, to);
		return {
			from: { id: a.id, name: a.name },
			to: { id: b.id, name: b.name },
			changes: diffTexts(renderState(a.state).text, renderState(b.state).text)
		};
	});
}

/** A line diff of two texts; every line ends with a newline so a changed last line diffs cleanly. */
export function diffTexts(before: string, after: string): TextChange[] {
	const withNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
	return diffLines(withNewline(before), withNewline(after)).map((c) => ({
		value: c.value,
		added: !!c.added,
		removed: !!c.removed
	}));
}

/**
 * The update that turns `current` into `target`'s content: the fragment's children are replaced
 * with copies of the version's, as a new edit on top of the history.
 */
export function restoreUpdate(current: Y.Doc, target: Uint8Array): Uint8Array {
	const scratch = new Y.Doc();
	const version = new Y.Doc();
	try {
		Y.applyUpdate(scratch, Y.encodeStateAsUpdate(current));
		Y.applyUpdate(version, target);
		const before = Y.encodeStateVector(scratch);
		const fragment = scratch.getXmlFragment(FRAGMENT);
		const source = version.getXmlFragment(FRAGMENT);
		scratch.transact(() => {
			fragment.delete(0, fragment.length);
			fragment.insert(0, source.toArray().map((node) => node.clone()) as (Y.XmlElement | Y.XmlText)[]);
		});
		return Y.encodeStateAsUpdate(scratch, before);
	} finally {
		scratch.destroy();
		version.destroy();
	}
}

/** Restores a version as a new edit: everyone connected sees it at once; the history stays. */
export async function restoreVersion(user: Person, document: string, versionId: string): Promise<void> {
	await restoreState(user, document, async (tx) => {
		const version = await stateAt(tx, document, versionId === 'current' ? '' : versionId);
		return {
			state: version.state,
			audit: { action: 'collab.version_restored', entityType: 'collab_version', entityId: version.id, after: { document, name: version.name } }
		};
	});
}

/**
 * Makes a document's content that of a given state, as a new edit by `user` on top of the history:
 * `target` reads the state (and says how to audit the change) in the user's transaction, after the
 * user's edit access is checked again there. Everyone connected sees the change at once.
 */
export async function restoreState(
	user: Person,
	document: string,
	target: (tx: Transaction) => Promise<{ state: Uint8Array; audit: { action: string; entityType: string; entityId: string; after: unknown } }>
): Promise<void> {
	const found = await resolveAccess(user, document);
	if (!found) throw new NotFound();
	if (found.level !== 'edit') throw new Forbidden('content.write');
	const shared = await openDocument(document, found.consortiumId);
	await settled();
	const update = await withUser(user, async (tx) => {
		await access(tx, user, document, 'edit');
		const { state, audit } = await target(tx);
		const update = restoreUpdate(shared.doc, state);
		await tx.insert(collabUpdates).values({
			document,
			consortiumId: found.consortiumId,
			update,
			userId: user.id
		});
		await recordChange(tx, { actorId: user.id, consortiumId: found.consortiumId, ...audit });
		return update;
	}).catch((error: unknown) => {
		// The text was settled (approved, opened for positions, justerad) after the check above: the log
		// refused the restore, as the check would have a moment later.
		if (settledDocumentOf(error) === document) throw new Forbidden('content.write');
		throw error;
	});
	applySaved(shared, update, null);
}
