// Benchmark of the portfolio matrix and the roadmap at scale (not a test; not for CI).
//
//   npm run bench:portfolio -- [--municipalities 100] [--technologies 300] [--initiatives 200]
//                              [--samples 100] [--only pglite|postgres] [--pages] [--write]
//
// For each database in turn — the embedded PGlite (in memory) and the local PostgreSQL server
// (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres; loopback only; a fresh
// database that is dropped afterwards) — it runs bench/portfolio-run.ts in its own process and
// times the server functions behind the matrix, the joint candidates and the roadmap against the
// peer: the same rows read by plain SELECTs. Target: p95 under 100 ms. With --pages (needs
// `npm run build` first and the system Chromium) it then serves the production build on the
// PostgreSQL database it seeded and times, in Chromium, how long the matrix and the roadmap take
// from navigation until the page is interactive (hydrated), against the sign-in page as the peer;
// target 1 s. With --write the results replace the portfolio section of docs/performance.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const args = {};
for (let i = 2; i < process.argv.length; i++) {
	if (!process.argv[i].startsWith('--')) continue;
	const key = process.argv[i].slice(2);
	const next = process.argv[i + 1];
	args[key] = next && !next.startsWith('--') ? (i++, next) : true;
}
const municipalities = Number(args.municipalities ?? 100);
const technologies = Number(args.technologies ?? 300);
const initiatives = Number(args.initiatives ?? 200);
const samples = Number(args.samples ?? 100);
const targets = ['pglite', 'postgres'].filter((t) => !args.only || args.only === t);
const TARGET_P95_MS = 100;

const loadBefore = os.loadavg()[0].toFixed(1);
const runs = [];
for (const target of targets) {
	console.log(`\n${target}: seeding ${municipalities} municipalities × ${technologies} technologies, ${initiatives} initiatives, and timing …`);
	const child = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'bench/portfolio-run.ts'], {
		env: {
			...process.env,
			BENCH_TARGET: target,
			BENCH_MUNICIPALITIES: String(municipalities),
			BENCH_TECHNOLOGIES: String(technologies),
			BENCH_INITIATIVES: String(initiatives),
			BENCH_SAMPLES: String(samples),
			BENCH_KEEP_DATABASE: args.pages && target === 'postgres' ? 'true' : 'false',
			LOG_LEVEL: 'warn'
		},
		encoding: 'utf8',
		timeout: 15 * 60 * 1000,
		maxBuffer: 16 * 1024 * 1024
	});
	const line = child.stdout.split('\n').find((l) => l.startsWith('{"target"'));
	if (child.status !== 0 || !line) {
		console.error(`${target} failed:\n${child.stderr.slice(-2000)}`);
		continue;
	}
	const run = JSON.parse(line);
	runs.push(run);
	console.log(table(run));
}

function table(run) {
	const rows = run.results.map((r) => {
		const ok = r.name.startsWith('peer') ? '' : r.p95 < TARGET_P95_MS ? 'yes' : '**no**';
		return `| ${r.name} | ${r.p50} | ${r.p95} | ${r.max} | ${r.n} | ${ok} |`;
	});
	return [
		`**${run.target === 'pglite' ? 'PGlite (embedded, in memory)' : 'PostgreSQL (local server, loopback)'}**, ${run.municipalities} municipalities × ${run.technologies} technologies (${run.statuses} statuses), ${run.initiatives} initiatives (seeded in ${(run.seedMs / 1000).toFixed(1)} s)`,
		'',
		'| query | p50 ms | p95 ms | max ms | runs | p95 < 100 ms |',
		'| --- | ---: | ---: | ---: | ---: | :---: |',
		...rows
	].join('\n');
}

if (runs.length === 0) process.exit(1);

const kept = runs.find((r) => r.kept)?.kept;
let pageTimes = null;
if (kept) {
	try {
		pageTimes = await timePages(kept);
		console.log(pageTable(pageTimes));
	} finally {
		const { default: postgres } = await import('postgres');
		const url = new URL(kept.url);
		const name = url.pathname.slice(1);
		url.pathname = '/postgres';
		const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	}
}

/** Serves the build on the kept database and times pages in Chromium until hydrated. */
async function timePages({ url, slug, email, password, municipality }) {
	const port = 40000 + Math.floor(Math.random() * 20000);
	const base = `http://127.0.0.1:${port}`;
	const env = {
		...process.env,
		PORT: String(port),
		ORIGIN: base,
		DATABASE_URL: url,
		MIGRATE_ON_START: 'false',
		SEED_DEMO: 'false',
		NODE_ENV: 'production',
		LOG_LEVEL: 'warn'
	};
	const server = spawn(process.execPath, ['scripts/start.js', '--no-build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
	const { chromium } = await import('@playwright/test');
	let browser;
	try {
		for (let started = Date.now(); ;) {
			try {
				if ((await fetch(`${base}/healthz`)).ok) break;
			} catch {
				// not listening yet
			}
			if (Date.now() - started > 120_000) throw new Error('the server did not start');
			await new Promise((r) => setTimeout(r, 250));
		}
		browser = await chromium.launch({
			executablePath: '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		});
		const page = await browser.newPage({ baseURL: base, viewport: { width: 1280, height: 900 } });
		const measure = async (name, path, runs = 10) => {
			await page.goto(path);
			const times = [];
			for (let i = 0; i < runs; i++) {
				const t = performance.now();
				await page.goto(path);
				await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
				times.push(performance.now() - t);
			}
			times.sort((a, b) => a - b);
			const at = (q) => Math.round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]);
			return { name, n: times.length, p50: at(0.5), p95: at(0.95), max: at(1) };
		};
		const results = [await measure('sign-in page (peer)', '/login')];
		await page.getByLabel(/E-postadress|Email address/).fill(email);
		await page.getByLabel(/^(Lösenord|Password)$/).fill(password);
		await page.getByRole('button', { name: /Logga in|Sign in/ }).click();
		await page.waitForURL((u) => !u.pathname.startsWith('/login'));
		// Large views come in pages (MATRIX_CELL_BUDGET, ROADMAP_BAR_BUDGET): the first and the last
		// page of each (a page past the end is the last one).
		results.push(await measure('portfolio matrix, first page', `/c/${slug}/portfolio`));
		results.push(await measure('portfolio matrix, last page', `/c/${slug}/portfolio?page=1000`));
		results.push(await measure('portfolio by municipality, first page', `/c/${slug}/portfolio?view=municipality`));
		results.push(await measure('joint candidates', `/c/${slug}/portfolio/candidates`));
		results.push(await measure('roadmap, 3 years by category, first page', `/c/${slug}/roadmap`));
		results.push(await measure('roadmap, 5 years by municipality, first page', `/c/${slug}/roadmap?years=5&lanes=municipality`));
		results.push(await measure('roadmap, 5 years by municipality, last page', `/c/${slug}/roadmap?years=5&lanes=municipality&page=1000`));
		results.push(await measure('one municipality’s roadmap', `/c/${slug}/roadmap?organisation=${municipality}`));
		return results;
	} finally {
		await browser?.close();
		server.kill('SIGTERM');
	}
}

function pageTable(results) {
	return [
		'**In Chromium, on PostgreSQL**: from navigation until the page is interactive (hydrated), production build, 1280 × 900',
		'',
		'| page | p50 ms | p95 ms | max ms | loads | p95 < 1 s |',
		'| --- | ---: | ---: | ---: | ---: | :---: |',
		...results.map((r) => `| ${r.name} | ${r.p50} | ${r.p95} | ${r.max} | ${r.n} | ${r.name.endsWith('(peer)') ? '' : r.p95 < 1000 ? 'yes' : '**no**'} |`)
	].join('\n');
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const section = [
	'<!-- bench:portfolio:start -->',
	'## Portfolio and roadmap at 100 municipalities × 300 technologies and 200 initiatives',
	'',
	`Command: \`npm run bench:portfolio -- --municipalities ${municipalities} --technologies ${technologies} --initiatives ${initiatives} --samples ${samples}${args.only ? ` --only ${args.only}` : ''}${args.pages ? ' --pages' : ''}\``,
	`(bench/portfolio.js; run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${cpu}, Node ${process.version};`,
	`1-minute load average ${loadBefore} before and ${os.loadavg()[0].toFixed(1)} after${Number(loadBefore) > 1.5 ? ': other work shared the machine' : ''}).`,
	'',
	'What is timed: the server time of the functions behind the pages, each one transaction as role',
	'`authenticated` with row-level security and the reader check: `portfolioMatrix` (the matrix, whole and',
	'filtered), `portfolioCandidates` (the overlaps), `roadmap` (every initiative with its phases, milestones,',
	'gates, dependencies and derived status; and one municipality’s roadmap). The peer is the floor: the same',
	'rows read by plain SELECTs in the same kind of transaction, without the app’s assembling. Target: p95',
	'under 100 ms.',
	'',
	...runs.flatMap((run) => [table(run), '']),
	...(pageTimes ? [pageTable(pageTimes), ''] : []),
	'<!-- bench:portfolio:end -->'
].join('\n');

console.log(`\n${section}`);

if (args.write) {
	const path = 'docs/performance.md';
	const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Performance\n';
	const pattern = /<!-- bench:portfolio:start -->[\s\S]*?<!-- bench:portfolio:end -->/;
	const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`;
	writeFileSync(path, next);
	console.log(`\nwritten to ${path}`);
}
