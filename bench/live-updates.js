// Benchmark of how quiet live updates stay while people type (not a test; not for CI).
//
//   npm run bench:live -- [--app <dir>] [--duration 60] [--viewers 10] [--typists 3]
//
// Starts the production build of the app in `--app` (default: this checkout; run `npm run build`
// first) on a fresh database on the PostgreSQL server at BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/postgres), with the demo data. Then, for `duration` seconds:
// `typists` people type into one draft requirement's co-edited text (real y-websocket clients, one
// keystroke each every 250 ms), while `viewers` others have pages open in the system Chromium (the
// real app, with its live-update stream): most on that requirement's page, some on the requirement
// list and the consortium's front page. It counts, over the window, the transactions and table reads
// the database ran (from pg_stat_database and pg_stat_user_tables, so any version of the app can be
// measured the same way), the live events sent, and the page-data reloads the browsers made.
// Pointing `--app` at another checkout (a worktree of an older commit, built) measures before/after.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import postgres from 'postgres';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';

const require = createRequire(import.meta.url);
const { chromium } = require('@playwright/test');

const args = {};
for (let i = 2; i < process.argv.length; i++) {
	if (!process.argv[i].startsWith('--')) continue;
	const value = process.argv[i + 1];
	args[process.argv[i].slice(2)] = value === undefined || value.startsWith('--') ? true : (i++, value);
}
const settings = {
	app: resolve(args.app ?? '.'),
	duration: Number(args.duration ?? 60),
	viewers: Number(args.viewers ?? 10),
	typists: Number(args.typists ?? 3)
};
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'samsyn-demo-2026';
const people = [
	'ombud.ydre@samsyn.demo',
	'ombud.norrkoping@samsyn.demo',
	'ombud.kinda@samsyn.demo',
	'ombud.finspang@samsyn.demo',
	'ombud.mjolby@samsyn.demo',
	'ombud.vadstena@samsyn.demo',
	'ersattare.ydre@samsyn.demo',
	'observator@samsyn.demo',
	'ombud.linkoping@samsyn.demo',
	'admin@samsyn.demo'
];
const typists = ['deltagare.motala@samsyn.demo', 'ombud.linkoping@samsyn.demo', 'admin@samsyn.demo'];

if (!existsSync(resolve(settings.app, 'build/handler.js'))) {
	console.error(`No production build in ${settings.app}: run npm run build there first.`);
	process.exit(1);
}
console.log(`live-updates benchmark: ${settings.app}, ${settings.typists} typing, ${settings.viewers} viewing, ${settings.duration} s`);
console.log(
	`node ${process.version}, load average before: ${loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`
);

let measuring = false;
const server = await startServer();
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
});
const admin = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
try {
	const requirementPath = await draftRequirementPath(server.base, await signIn(server.base, 'admin@samsyn.demo'));
	const requirementId = requirementPath.split('/').pop();
	const pages = [];
	let reloads = 0;
	let events = 0;
	for (let i = 0; i < settings.viewers; i++) {
		const context = await browser.newContext({ locale: 'sv-SE' });
		await context.addCookies([{ name: 'samsyn_session', value: (await signIn(server.base, people[i % people.length])).split('=')[1], url: server.base }]);
		const page = await context.newPage();
		const path = i < Math.ceil(settings.viewers * 0.6) ? requirementPath : i % 2 ? '/c/ostergotland/requirements' : '/c/ostergotland';
		page.on('request', (request) => {
			if (!measuring) return;
			if (request.url().includes('__data.json')) reloads++;
		});
		await page.goto(server.base + path);
		await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
		pages.push(page);
	}
	// Count the live events one viewer's stream carries (every viewer here may see every event).
	const listener = await browser.newContext();
	await listener.addCookies([{ name: 'samsyn_session', value: (await signIn(server.base, 'ombud.ydre@samsyn.demo')).split('=')[1], url: server.base }]);
	const stream = await listener.newPage();
	await stream.goto(`${server.base}/login`);
	await stream.exposeFunction('__event', () => {
		if (measuring) events++;
	});
	await stream.evaluate(() => {
		const source = new EventSource('/events');
		source.addEventListener('change', () => window.__event());
	});

	const writers = [];
	for (let i = 0; i < settings.typists; i++) {
		const cookie = await signIn(server.base, typists[i % typists.length]);
		const doc = new Y.Doc();
		const provider = new WebsocketProvider(`${server.base.replace('http', 'ws')}/collab`, `requirement/${requirementId}/body`, doc, {
			WebSocketPolyfill: class extends WebSocket {
				constructor(address, protocols) {
					super(address, protocols, { headers: { cookie, origin: server.base } });
				}
			},
			disableBc: true
		});
		await new Promise((done) => provider.once('sync', done));
		writers.push({ doc, provider });
	}

	const before = await stats(admin);
	measuring = true;
	const started = Date.now();
	let keystrokes = 0;
	const timers = writers.map(({ doc }, i) =>
		setInterval(() => {
			const fragment = doc.getXmlFragment('default');
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [new Y.XmlText(`${i}`)]);
			if (fragment.length === 0 || keystrokes % 40 === 0) fragment.push([paragraph]);
			else {
				const last = fragment.get(fragment.length - 1);
				const text = last.get(0);
				if (text instanceof Y.XmlText) text.insert(text.length, String.fromCharCode(97 + (keystrokes % 26)));
				else fragment.push([paragraph]);
			}
			keystrokes++;
		}, 250)
	);
	await new Promise((done) => setTimeout(done, settings.duration * 1000));
	timers.forEach(clearInterval);
	measuring = false;
	const after = await stats(admin);
	const minutes = (Date.now() - started) / 60_000;
	const per = (n) => (n / minutes).toFixed(0);
	console.log(`\n${keystrokes} keystrokes in ${(minutes * 60).toFixed(0)} s`);
	console.log(`  transactions          ${per(after.transactions - before.transactions)} per minute`);
	console.log(`  table reads           ${per(after.reads - before.reads)} per minute (sequential + index scans)`);
	console.log(`  rows written          ${per(after.writes - before.writes)} per minute`);
	console.log(`  audit log entries     ${per(after.audit - before.audit)} per minute`);
	console.log(`  live events           ${per(events)} per minute (one viewer's stream)`);
	console.log(`  page-data reloads     ${per(reloads)} per minute (all ${settings.viewers} viewers)`);
	for (const { provider } of writers) provider.destroy();
} finally {
	await browser.close();
	await admin.end();
	await server.stop();
}

async function stats(sql) {
	const [db] = await sql`select xact_commit + xact_rollback as transactions from pg_stat_database where datname = current_database()`;
	const [tables] = await sql`
		select coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0) as reads, coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) as writes
		from pg_stat_user_tables`;
	const [audit] = await sql`select count(*) as n from audit_log`;
	// The statistics collector reports with a delay; a snapshot of now is good enough over a minute.
	await sql`select pg_stat_clear_snapshot()`;
	return { transactions: Number(db.transactions), reads: Number(tables.reads), writes: Number(tables.writes), audit: Number(audit.n) };
}

async function startServer() {
	const port = 40000 + Math.floor(Math.random() * 20000);
	const name = `samsyn_bench_${Date.now().toString(36)}`;
	const root = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await root.unsafe(`create database ${name}`);
	await root.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const env = {
		...process.env,
		PORT: String(port),
		NODE_ENV: 'production',
		LOG_LEVEL: 'warn',
		DATABASE_URL: url.toString(),
		MIGRATE_ON_START: 'true',
		SEED_DEMO: 'true',
		SEED_E2E_FIXTURES: 'false'
	};
	delete env.TEST_DATABASE_URL;
	const child = spawn(process.execPath, ['server/index.js'], { cwd: settings.app, env, stdio: ['ignore', 'ignore', 'inherit'] });
	const base = `http://localhost:${port}`;
	const started = Date.now();
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${base}/healthz`)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() - started > 180_000) throw new Error('the server did not start within 3 minutes');
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		base,
		databaseUrl: url.toString(),
		stop: async () => {
			await new Promise((done) => {
				child.once('exit', done);
				child.kill('SIGTERM');
			});
			const root = postgres(serverUrl, { max: 1, onnotice: () => {} });
			await root.unsafe(`drop database if exists ${name} with (force)`);
			await root.end();
		}
	};
}

async function signIn(base, email) {
	const response = await fetch(`${base}/login`, {
		method: 'POST',
		body: new URLSearchParams({ email, password: PASSWORD }),
		redirect: 'manual',
		headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
	});
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('samsyn_session='));
	if (!cookie) throw new Error(`sign-in failed for ${email}: ${response.status}`);
	return cookie;
}

async function draftRequirementPath(base, cookie) {
	for (const status of ['draft', 'in_review']) {
		const answer = await (await fetch(`${base}/api/v1/c/ostergotland/requirements?status=${status}&limit=1`, { headers: { cookie } })).json();
		const id = answer.items?.[0]?.id;
		if (id) return `/c/ostergotland/requirements/${id}`;
	}
	throw new Error('no draft or in-review requirement in the demo data');
}
