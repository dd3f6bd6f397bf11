import { recordChange } from '../audit/record-change';
import { asSystem } from '../db/request';
import { log } from '../log';
import { limits } from './limits';
import type { DocumentName } from './registry';

/*
 * Who co-edited which text, and from when to when: the audit log's record of co-editing. A text
 * changes with every keystroke and its derived copy on the row is stored every few seconds; neither
 * is a change a person makes to audit or announce one by one (everyone with the text open sees it
 * live over its socket). A person's session on a document starts with their first edit and ends
 * when they leave the document (their last connection to it closes), after `editSessionIdleMs`
 * without an edit, or when the server stops; it is then written as one audit entry.
 */

interface Session {
	from: Date;
	to: Date;
	updates: number;
	idle: ReturnType<typeof setTimeout> | undefined;
}

interface Where {
	name: DocumentName;
	consortiumId: string;
}

const open = new Map<string, { where: Where; byUser: Map<string, Session> }>();
const writing = new Set<Promise<void>>();

/** Notes one edit by `userId` to the document; starts their session, or extends it. */
export function noteEdit(where: Where, userId: string | null): void {
	if (!userId) return;
	let document = open.get(where.name.name);
	if (!document) {
		document = { where, byUser: new Map() };
		open.set(where.name.name, document);
	}
	const now = new Date();
	let session = document.byUser.get(userId);
	if (!session) {
		session = { from: now, to: now, updates: 0, idle: undefined };
		document.byUser.set(userId, session);
	}
	session.to = now;
	session.updates++;
	clearTimeout(session.idle);
	session.idle = setTimeout(() => endEditSession(where.name.name, userId), limits.editSessionIdleMs);
	session.idle.unref?.();
}

/** Ends `userId`'s session on the document (they left it, or went idle) and writes it down. */
export function endEditSession(document: string, userId: string): void {
	const entry = open.get(document);
	const session = entry?.byUser.get(userId);
	if (!entry || !session) return;
	clearTimeout(session.idle);
	entry.byUser.delete(userId);
	if (entry.byUser.size === 0) open.delete(document);
	const { name, consortiumId } = entry.where;
	const write = asSystem((tx) =>
		recordChange(tx, {
			actorId: userId,
			consortiumId,
			action: `${name.kind}.text_edited`,
			entityType: name.kind,
			entityId: name.id,
			after: { field: name.field, from: session.from.toISOString(), to: session.to.toISOString(), updates: session.updates },
			quiet: true
		})
	)
		.catch((error) => log.error({ err: error, document }, 'could not record a co-editing session'))
		.finally(() => writing.delete(write));
	writing.add(write);
}

/** Ends every open session on a document (it unloads), or on all of them (the server stops). */
export function endEditSessions(document?: string): void {
	for (const [name, entry] of [...open]) {
		if (document !== undefined && name !== document) continue;
		for (const userId of [...entry.byUser.keys()]) endEditSession(name, userId);
	}
}

/** Resolves once every ended session is written (tests, shutdown). */
export async function editSessionsWritten(): Promise<void> {
	while (writing.size) await Promise.all([...writing]);
}
