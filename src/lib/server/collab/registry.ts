import type { Transaction } from '../db/client';
import type { Action, ItemAction, ItemResources } from '../policy';

/** What a document name resolves to: the consortium it belongs to and whether its supplier may read it. */
export interface ResolvedEntity {
	consortiumId: string;
	/** A supplier may open the document read-only when the entity is published to it. */
	publishedToSupplier?: boolean;
	/** Nobody may edit it right now (e.g. an approved requirement revision); those who may read, read. */
	readOnly?: boolean;
	/**
	 * The policy's per-item rule that decides editing, with the item it is decided on (a requirement
	 * revision's text is edited while `requirement.edit_text` allows it). Replaces `editAction`.
	 */
	edit?: { [A in ItemAction]: { action: A; resource: ItemResources[A] } }[ItemAction];
}

/** The plain text and sanitised HTML rendered from a document once edits settle. */
export interface DerivedContent {
	text: string;
	html: string;
}

/**
 * A kind of co-edited entity. Names look like `<kind>/<uuid>/<field>`; `resolve` runs in the
 * connecting user's transaction (row-level security applies) and returns null for "no such thing".
 */
export interface DocumentKind {
	/** The entity's co-edited fields: a fixed list, or a test for fields named by data (a meeting's paragraphs `p1`, `p2`, …). */
	fields: readonly string[] | ((field: string) => boolean);
	/** The policy action that lets someone edit; defaults to `content.write`. */
	editAction?: Action;
	/**
	 * Live-event actions on the entity (events whose topic is this kind and whose entity is the
	 * document's) that can change who may edit it, such as a status change that locks the text: on
	 * each, every process decides its open connections to the entity's documents again.
	 */
	accessChangedBy?: readonly string[];
	resolve(tx: Transaction, id: string, field: string): Promise<ResolvedEntity | null>;
	/**
	 * The entity's text from before it was co-edited (typed into a creation form, imported, seeded),
	 * which becomes the first edit of an empty document; runs on the server's own connection.
	 */
	initialText?(tx: Transaction, id: string, field: string): Promise<string | null>;
	/** Stores the derived text/HTML on the entity; runs on the server's own connection. */
	onDerived?(tx: Transaction, id: string, field: string, content: DerivedContent): Promise<void>;
}

export interface DocumentName {
	name: string;
	kind: string;
	id: string;
	field: string;
}

const kinds = new Map<string, DocumentKind>();

/** Registers (or replaces) a kind of co-edited document. */
export function registerDocumentKind(kind: string, definition: DocumentKind): void {
	if (!/^[a-z][a-z0-9_-]{0,39}$/.test(kind)) throw new Error(`invalid document kind: ${kind}`);
	kinds.set(kind, definition);
}

export function documentKind(kind: string): DocumentKind | undefined {
	return kinds.get(kind);
}

const NAME = /^([a-z][a-z0-9_-]{0,39})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([a-z][a-z0-9_]{0,39})$/;

/** Parses `<kind>/<uuid>/<field>` for a registered kind and field; null for anything else. */
export function parseDocumentName(name: string): DocumentName | null {
	if (name.length > 200) return null;
	const match = NAME.exec(name);
	if (!match) return null;
	const [, kind, id, field] = match as unknown as [string, string, string, string];
	const definition = kinds.get(kind);
	if (!definition) return null;
	const known = typeof definition.fields === 'function' ? definition.fields(field) : definition.fields.includes(field);
	if (!known) return null;
	return { name, kind, id, field };
}

/** The canonical name of a document. */
export function documentName(kind: string, id: string, field: string): string {
	return `${kind}/${id}/${field}`;
}
