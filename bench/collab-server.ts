// A small entry that serves the real collaboration endpoint (the app's upgrade router with
// `/collab/` registered, the same code the SvelteKit server runs) on an embedded database.
// Used by the benchmark and by the kill -9 test. Run with tsx:
//   PGLITE_DIR=/tmp/x COLLAB_PORT=0 COLLAB_FIXTURES=3 npx tsx bench/collab-server.ts
// With COLLAB_FIXTURES=N it first creates N consortia, one admin in all of them and a session,
// and prints them; it always prints one JSON line {"port":…} once it listens.
import http from 'node:http';
import { createSession, generateSessionToken } from '../src/lib/server/auth/session';
import { closeDatabase, database } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { asSystem } from '../src/lib/server/db/request';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../src/lib/server/demo/factories';
import { configureLimits } from '../src/lib/server/collab/limits';
import { registerCollab, stopCollab } from '../src/lib/server/collab/server';
import { handleUpgrade } from '../src/lib/server/realtime/upgrade';

const handle = await database();
await migrateDatabase(handle);
if (process.env.COLLAB_LIMITS) configureLimits(JSON.parse(process.env.COLLAB_LIMITS));

const fixtures = Number(process.env.COLLAB_FIXTURES ?? 0);
let setup: { token: string; documents: string[] } | undefined;
if (fixtures > 0) {
	const documents: string[] = [];
	const user = await asSystem((tx) => buildUser(tx, { name: 'Bench Admin' }));
	for (let i = 0; i < fixtures; i += 50) {
		await asSystem(async (tx) => {
			for (let j = i; j < Math.min(fixtures, i + 50); j++) {
				const consortium = await buildConsortium(tx);
				const organisation = await buildOrganisation(tx, consortium.id);
				await buildMembership(tx, {
					consortiumId: consortium.id,
					userId: user.id,
					organisationId: organisation.id,
					role: 'admin'
				});
				documents.push(`consortium/${consortium.id}/description`);
			}
		});
	}
	const token = generateSessionToken();
	await createSession(token, user.id);
	setup = { token, documents };
}

registerCollab();
const server = http.createServer((_req, res) => {
	res.writeHead(200, { 'content-type': 'text/plain' });
	res.end('ok');
});
server.on('upgrade', handleUpgrade);
server.listen(Number(process.env.COLLAB_PORT ?? 0), '127.0.0.1', () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	process.stdout.write(`${JSON.stringify({ port, pid: process.pid, ...setup })}\n`);
});

async function stop() {
	server.close();
	await stopCollab();
	await closeDatabase();
	process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
