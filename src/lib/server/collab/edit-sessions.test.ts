import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import * as Y from 'yjs';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { auditLog, requirements } from '../db/schema';
import { createSession, generateSessionToken } from '../auth/session';
import { buildConsortium, buildMembership, buildOrganisation, buildRequirement, buildUser } from '../demo/factories';
import { database } from '../db/client';
import { EVENTS_CHANNEL, LiveEvent } from '../events/event';
import { closeAllDocuments, deriveAll } from './documents';
import { editSessionsWritten } from './edit-sessions';
import { configureLimits, limits } from './limits';
import { client, eventually, startCollabServer, synced } from './testing';

useFreshDatabase();

let server: Awaited<ReturnType<typeof startCollabServer>>;
const defaults = { ...limits };
beforeAll(async () => {
	// Derived text is stored quickly, as it is while people type; a session ends after a short idle.
	configureLimits({ derivedDebounceMs: 20, derivedMaxWaitMs: 50, unloadAfterMs: 60_000, editSessionIdleMs: 60_000 });
	server = await startCollabServer();
});
afterAll(async () => {
	await closeAllDocuments();
	await server.close();
	configureLimits(defaults);
});

async function world() {
	const w = await asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const organisation = await buildOrganisation(tx, consortium.id);
		const writer = await buildUser(tx);
		await buildMembership(tx, { consortiumId: consortium.id, userId: writer.id, organisationId: organisation.id, role: 'member' });
		const requirement = await buildRequirement(tx, consortium.id, { status: 'draft', bodyText: '' });
		return { consortiumId: consortium.id, writer, requirement };
	});
	const token = generateSessionToken();
	await createSession(token, w.writer.id);
	return { ...w, cookie: `samsyn_session=${token}`, document: `requirement/${w.requirement.id}/body` };
}

function type(doc: Y.Doc, text: string): void {
	const fragment = doc.getXmlFragment('default');
	let paragraph = fragment.get(0) as Y.XmlElement | undefined;
	if (!paragraph) {
		paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText('')]);
		fragment.push([paragraph]);
	}
	const node = paragraph.get(0) as Y.XmlText;
	node.insert(node.length, text);
}

describe('co-editing is quiet: recorded as sessions, not as every stored text', () => {
	it('stores the derived text while someone types without an audit row or a live event per store; leaving writes one session entry', async () => {
		const w = await world();
		const events: LiveEvent[] = [];
		const stop = await (await database()).listen(EVENTS_CHANNEL, (payload) => events.push(LiveEvent.parse(JSON.parse(payload))));
		try {
			const editor = client(server.url, w.document, { cookie: w.cookie, origin: server.origin });
			await synced(editor.provider);
			// Type in bursts, letting the derived text be stored between them, as it is every few seconds.
			for (const word of ['Sensorn ', 'ska ', 'larma ', 'inom ', '30 sekunder.']) {
				type(editor.doc, word);
				await eventually(async () => {
					const [row] = await asSystem((tx) => tx.select({ text: requirements.bodyText }).from(requirements).where(eq(requirements.id, w.requirement.id)));
					return row!.text.endsWith(word.trim());
				});
			}
			await deriveAll();
			const [row] = await asSystem((tx) => tx.select({ text: requirements.bodyText }).from(requirements).where(eq(requirements.id, w.requirement.id)));
			expect(row!.text).toBe('Sensorn ska larma inom 30 sekunder.');

			const auditOf = () =>
				asSystem((tx) =>
					tx
						.select()
						.from(auditLog)
						.where(and(eq(auditLog.entityId, w.requirement.id), like(auditLog.action, 'requirement.%')))
				);
			// Five stores of the text, and not one audit row or live event for them.
			expect(await auditOf()).toEqual([]);
			expect(events.filter((e) => e.entityId === w.requirement.id)).toEqual([]);

			editor.provider.destroy();
			await eventually(async () => (await auditOf()).length > 0);
			await editSessionsWritten();
			const entries = await auditOf();
			expect(entries).toHaveLength(1);
			expect(entries[0]).toMatchObject({ action: 'requirement.text_edited', actorId: w.writer.id, entityType: 'requirement' });
			const after = entries[0]!.after as { field: string; from: string; to: string; updates: number };
			expect(after.field).toBe('body');
			expect(after.updates).toBeGreaterThanOrEqual(5);
			expect(new Date(after.from).getTime()).toBeLessThanOrEqual(new Date(after.to).getTime());
			// Recording the session announces nothing either: everyone with the text open saw it live.
			expect(events.filter((e) => e.entityId === w.requirement.id)).toEqual([]);
		} finally {
			await stop();
		}
	});
});
