import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { actorIn } from '../consortia/actor';
import { can } from '../policy';
import { documentKind, parseDocumentName, type DocumentName } from './registry';
import './kinds';

export type AccessLevel = 'edit' | 'read';

export interface DocumentAccess {
	document: DocumentName;
	consortiumId: string;
	level: AccessLevel;
}

interface Person {
	id: string;
	isOperator: boolean;
}

/**
 * What a person may do with a document, decided by the policy: `edit`, `read` (an observer, or a
 * supplier where the entity is published to it), or null: no such document or no access, which
 * callers answer alike (404) so that existence does not leak.
 */
export async function accessIn(tx: Transaction, person: Person, name: string): Promise<DocumentAccess | null> {
	const document = parseDocumentName(name);
	if (!document) return null;
	const kind = documentKind(document.kind)!;
	const entity = await kind.resolve(tx, document.id, document.field);
	if (!entity) return null;
	const actor = await actorIn(tx, person, entity.consortiumId);
	const resource = { consortiumId: entity.consortiumId };
	let level: AccessLevel | null = null;
	const editable = entity.edit
		? can(actor, entity.edit.action, entity.edit.resource as never)
		: can(actor, kind.editAction ?? 'content.write', resource) && !entity.readOnly;
	if (editable) level = 'edit';
	else if (can(actor, 'internal.read', resource)) level = 'read';
	else if (entity.publishedToSupplier && can(actor, 'published.read', resource)) level = 'read';
	return level ? { document, consortiumId: entity.consortiumId, level } : null;
}

/** `accessIn` in a request transaction of its own. */
export function resolveAccess(person: Person, name: string): Promise<DocumentAccess | null> {
	if (!parseDocumentName(name)) return Promise.resolve(null);
	return withUser(person, (tx) => accessIn(tx, person, name));
}
