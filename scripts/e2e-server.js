// The server the browser tests run against: the production build on a fresh database (a new
// embedded PGlite directory, or, with TEST_DATABASE_URL, a new database on that server).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

const cleanups = [];
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
	const name = `samsyn_e2e_${Date.now().toString(36)}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	process.env.DATABASE_URL = url.toString();
	process.env.MIGRATE_ON_START = 'true';
	process.env.SEED_DEMO = 'true';
	cleanups.push(async () => {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	});
} else {
	const dir = mkdtempSync(join(tmpdir(), 'samsyn-e2e-'));
	process.env.PGLITE_DIR = join(dir, 'pglite');
	cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
}
process.env.SHOW_DEV_MAIL ??= 'true';
process.env.SEED_E2E_FIXTURES ??= 'true';
globalThis.__samsynCleanup = async () => {
	for (const cleanup of cleanups) await cleanup().catch(() => {});
};
await import('./start.js');
