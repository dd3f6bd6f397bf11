// Benchmark of pages that serve many people (not a test; not for CI).
//
//   npm run bench:pages -- [--app <dir>] [--database pglite|postgres|both] [--duration 15]
//                          [--connections 8] [--rounds 1] [--pages <name>,<name>]
//
// Starts the production build of the app in `--app` (default: this checkout; run `npm run build`
// first) on a fresh database with the demo data — an embedded PGlite, and/or a new database on the
// PostgreSQL server at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) —
// signs in as the demo convenor, and drives each page with `wrk -t1 -c<connections> -d<duration>s`
// (Debian's package `wrk`). The peer, measured in the same run, is the sign-in page: a page with no
// data behind it, so the ratio says what a page's data costs on top of rendering at all.
// Pointing `--app` at another checkout (a worktree of an older commit, built) measures before/after.
// `--pages` measures only the pages whose names contain one of the given words (and the peer).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';

const args = {};
for (let i = 2; i < process.argv.length; i++) {
	if (!process.argv[i].startsWith('--')) continue;
	const value = process.argv[i + 1];
	args[process.argv[i].slice(2)] = value === undefined || value.startsWith('--') ? true : (i++, value);
}
const settings = {
	app: resolve(args.app ?? '.'),
	database: args.database ?? 'both',
	duration: Number(args.duration ?? 15),
	connections: Number(args.connections ?? 8),
	rounds: Math.max(1, Number(args.rounds ?? 1)),
	pages: typeof args.pages === 'string' ? args.pages.split(',').map((word) => word.trim()) : null
};
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const allPages = [
	{ name: 'sign-in page (peer)', path: '/login', signedIn: false },
	{ name: 'consortium front page', path: '/c/ostergotland', signedIn: true },
	{ name: 'requirements list', path: '/c/ostergotland/requirements', signedIn: true },
	{ name: 'needs list', path: '/c/ostergotland/needs', signedIn: true },
	{ name: 'stories list', path: '/c/ostergotland/stories', signedIn: true },
	{ name: 'requirement page', path: null, signedIn: true },
	// What a page costs without its own data: the session, the shell and rendering (the floor).
	{ name: 'account page', path: '/account', signedIn: true },
	// Moving from another list to this one in the browser: only the page's data is asked for, as
	// SvelteKit's client does (the layouts' flags 0, the page's 1), no HTML rendered.
	{ name: 'requirements, navigation', path: '/c/ostergotland/requirements/__data.json?x-sveltekit-invalidated=0001', signedIn: true }
];
const pages = allPages.filter((page, index) => index === 0 || !settings.pages || settings.pages.some((word) => page.name.includes(word)));

if (spawnSync('wrk', ['--version']).error) {
	console.error('bench:pages needs wrk: apt-get install wrk');
	process.exit(1);
}
if (!existsSync(resolve(settings.app, 'build/handler.js'))) {
	console.error(`No production build in ${settings.app}: run npm run build there first.`);
	process.exit(1);
}

console.log(`pages benchmark: ${settings.app}, wrk -t1 -c${settings.connections} -d${settings.duration}s, ${settings.rounds} round(s)`);
console.log(
	`node ${process.version}, load average before: ${loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`
);
const databases = settings.database === 'both' ? ['pglite', 'postgres'] : [settings.database];
for (const database of databases) {
	const server = await startServer(database);
	try {
		const cookie = await signIn(server.base, 'admin@samsyn.demo');
		const requirementPath = pages.some((page) => page.path === null) ? await firstRequirementPath(server.base, cookie) : null;
		const results = [];
		for (let round = 0; round < settings.rounds; round++) {
			for (const page of pages) {
				const path = page.path ?? requirementPath;
				const headers = page.signedIn ? ['-H', `Cookie: ${cookie}`] : [];
				wrk(server.base + path, headers, 2); // warm up
				const rate = wrk(server.base + path, headers, settings.duration);
				results.push({ round, page: page.name, path, rate });
			}
		}
		print(database, results);
	} finally {
		await server.stop();
	}
}

function wrk(url, headers, seconds) {
	const out = spawnSync('wrk', ['-t1', `-c${settings.connections}`, `-d${seconds}s`, ...headers, url], { encoding: 'utf8' });
	const match = /Requests\/sec:\s+([\d.]+)/.exec(out.stdout);
	const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out.stdout);
	if (non2xx) throw new Error(`${url} answered ${non2xx[1]} non-2xx responses`);
	if (!match) throw new Error(`wrk printed no rate for ${url}:\n${out.stdout}\n${out.stderr}`);
	return Number(match[1]);
}

function print(database, results) {
	console.log(`\n${database}`);
	const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
	const peer = median(results.filter((r) => r.page === pages[0].name).map((r) => r.rate));
	for (const page of pages) {
		const rate = median(results.filter((r) => r.page === page.name).map((r) => r.rate));
		console.log(`  ${page.name.padEnd(26)} ${rate.toFixed(0).padStart(6)} req/s  ${(rate / peer).toFixed(2)}× the sign-in page`);
	}
}

async function startServer(database) {
	const port = 40000 + Math.floor(Math.random() * 20000);
	const env = { ...process.env, PORT: String(port), NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_E2E_FIXTURES: 'false' };
	delete env.TEST_DATABASE_URL;
	if (database === 'postgres') env.TEST_DATABASE_URL = serverUrl;
	const child = spawn(process.execPath, ['scripts/e2e-server.js'], { cwd: settings.app, env, stdio: ['ignore', 'ignore', 'inherit'] });
	const base = `http://127.0.0.1:${port}`;
	const started = Date.now();
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the ${database} server exited with ${child.exitCode}`);
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
		stop: () =>
			new Promise((done) => {
				child.once('exit', done);
				child.kill('SIGTERM');
			})
	};
}

async function signIn(base, email) {
	const body = new URLSearchParams({ email, password: 'samsyn-demo-2026' });
	const response = await fetch(`${base}/login`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
	});
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('samsyn_session='));
	if (!cookie) throw new Error(`sign-in failed: ${response.status}`);
	return cookie;
}

async function firstRequirementPath(base, cookie) {
	const html = await (await fetch(`${base}/c/ostergotland/requirements`, { headers: { cookie } })).text();
	const match = /href="(\/c\/ostergotland\/requirements\/[0-9a-f-]{36})"/.exec(html);
	if (!match) throw new Error('no requirement link on the list page');
	return match[1];
}
