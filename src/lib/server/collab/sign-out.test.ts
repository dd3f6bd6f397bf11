import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../db/request';
import { passwordResets } from '../db/schema';
import { useFreshDatabase } from '../testing/database';
import { changePassword, endAllSessions, endSession, signOut } from '../auth/commands';
import { hashPassword } from '../auth/password';
import { newOneTimeToken, resetPassword } from '../auth/password-reset';
import { createSession, generateSessionToken, sessionIdOf } from '../auth/session';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { closeAllDocuments } from './documents';
import { configureLimits, limits } from './limits';
import { CLOSE } from './protocol';
import { closed, rawSocket, startCollabServer } from './testing';

useFreshDatabase();

let server: Awaited<ReturnType<typeof startCollabServer>>;
const defaults = { ...limits };
beforeAll(async () => {
	// The periodic session check (the fallback) cannot be what closes the sockets in these tests.
	configureLimits({ sessionCheckMs: 10 * 60_000 });
	server = await startCollabServer();
});
afterAll(async () => {
	await closeAllDocuments();
	await server.close();
	configureLimits(defaults);
});

const PASSWORD = 'ett långt och ovanligt lösen';

/** A signed-in admin of a fresh consortium, with `count` sessions (browsers). */
async function person(count = 1) {
	const user = await asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const organisation = await buildOrganisation(tx, consortium.id);
		const user = await buildUser(tx, { passwordHash: await hashPassword(PASSWORD) });
		await buildMembership(tx, { consortiumId: consortium.id, userId: user.id, organisationId: organisation.id, role: 'admin' });
		return { ...user, consortiumId: consortium.id };
	});
	const tokens = Array.from({ length: count }, () => generateSessionToken());
	for (const token of tokens) await createSession(token, user.id);
	return { user, tokens, document: `consortium/${user.consortiumId}/description` };
}

/** An open co-editing socket of one session, and the promise of its close. */
async function socketOf(document: string, token: string) {
	const opened = await rawSocket(`${server.url}/${document}`, { cookie: `samsyn_session=${token}`, origin: server.origin });
	if (!('ws' in opened)) throw new Error(`refused with ${opened.status}`);
	const done = closed(opened.ws, 5000);
	done.catch(() => {}); // awaited only where the socket should close
	return { ws: opened.ws, closed: done };
}

const sessionEnded = { code: CLOSE.sessionEnded, reason: 'session ended' };

describe('ending a session closes its co-editing sockets at once', () => {
	it('signing out', async () => {
		const p = await person();
		const socket = await socketOf(p.document, p.tokens[0]!);
		await signOut(p.user, sessionIdOf(p.tokens[0]!));
		expect(await socket.closed).toEqual(sessionEnded);
	});

	it('ending one session on the sessions page closes that session’s sockets only', async () => {
		const p = await person(2);
		const [ended, kept] = [await socketOf(p.document, p.tokens[0]!), await socketOf(p.document, p.tokens[1]!)];
		await endSession(p.user, sessionIdOf(p.tokens[0]!));
		expect(await ended.closed).toEqual(sessionEnded);
		expect(kept.ws.readyState).toBe(kept.ws.OPEN);
		kept.ws.close();
	});

	it('signing out everywhere', async () => {
		const p = await person(2);
		const sockets = [await socketOf(p.document, p.tokens[0]!), await socketOf(p.document, p.tokens[1]!)];
		await endAllSessions(p.user);
		for (const socket of sockets) expect(await socket.closed).toEqual(sessionEnded);
	});

	it('changing the password ends the other sessions, and their sockets', async () => {
		const p = await person(2);
		const [current, other] = [await socketOf(p.document, p.tokens[0]!), await socketOf(p.document, p.tokens[1]!)];
		await changePassword(p.user, { currentPassword: PASSWORD, password: 'ett annat långt lösenord' }, sessionIdOf(p.tokens[0]!));
		expect(await other.closed).toEqual(sessionEnded);
		expect(current.ws.readyState).toBe(current.ws.OPEN);
		current.ws.close();
	});

	it('a password reset', async () => {
		const p = await person();
		const socket = await socketOf(p.document, p.tokens[0]!);
		const { token, hash } = newOneTimeToken();
		await asSystem((tx) => tx.insert(passwordResets).values({ userId: p.user.id, tokenHash: hash, expiresAt: new Date(Date.now() + 60_000) }));
		await resetPassword(token, 'ett helt nytt lösenord');
		expect(await socket.closed).toEqual(sessionEnded);
	});
});
