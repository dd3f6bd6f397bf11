// Benchmark of the requirement list and search (not a test; not for CI).
//
//   npm run bench:requirements -- [--requirements 10000] [--samples 200] [--only pglite|postgres] [--write]
//
// For each database in turn — the embedded PGlite (in memory) and the local PostgreSQL server
// (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres; loopback only; a fresh
// database that is dropped afterwards) — it runs bench/requirements-run.ts in its own process:
// N requirements in one consortium, then p50/p95 server time of the real query function behind
// the list page and the API (`listRequirements`: RLS transaction, reader check, page + total)
// for listing, filtering and Swedish full-text search, and of the peer: the same search by
// ILIKE substring matching, which no index serves. Each query runs at most `samples` times or
// 20 s. With --write the results replace the requirements section of docs/performance.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const args = {};
for (let i = 2; i < process.argv.length; i++) {
	if (!process.argv[i].startsWith('--')) continue;
	const key = process.argv[i].slice(2);
	const next = process.argv[i + 1];
	args[key] = next && !next.startsWith('--') ? (i++, next) : true;
}
const requirements = Number(args.requirements ?? 10_000);
const samples = Number(args.samples ?? 200);
const targets = ['pglite', 'postgres'].filter((t) => !args.only || args.only === t);
const TARGET_P95_MS = 100;

const loadBefore = os.loadavg()[0].toFixed(1);
const runs = [];
for (const target of targets) {
	console.log(`\n${target}: seeding ${requirements} requirements and timing queries …`);
	const child = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'bench/requirements-run.ts'], {
		env: { ...process.env, BENCH_TARGET: target, BENCH_REQUIREMENTS: String(requirements), BENCH_SAMPLES: String(samples), LOG_LEVEL: 'warn' },
		encoding: 'utf8',
		timeout: 10 * 60 * 1000,
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
		return `| ${r.name} | ${r.p50} | ${r.p95} | ${r.max} | ${r.n} | ${r.matches} | ${ok} |`;
	});
	return [
		`**${run.target === 'pglite' ? 'PGlite (embedded, in memory)' : 'PostgreSQL (local server, loopback)'}**, ${run.requirements} requirements (seeded in ${(run.seedMs / 1000).toFixed(1)} s)`,
		'',
		'| query | p50 ms | p95 ms | max ms | runs | matches | p95 < 100 ms |',
		'| --- | ---: | ---: | ---: | ---: | ---: | :---: |',
		...rows
	].join('\n');
}

if (runs.length === 0) process.exit(1);

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const section = [
	'<!-- bench:requirements:start -->',
	'## Requirements: list and search at 10,000 requirements',
	'',
	`Command: \`npm run bench:requirements -- --requirements ${requirements} --samples ${samples}${args.only ? ` --only ${args.only}` : ''}\``,
	`(bench/requirements.js; run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${cpu}, Node ${process.version};`,
	`1-minute load average ${loadBefore} before and ${os.loadavg()[0].toFixed(1)} after${Number(loadBefore) > 1.5 ? ': other work shared the machine' : ''}).`,
	'',
	'What is timed: the server time of `listRequirements` (src/lib/server/requirements/queries.ts), the',
	'function behind the list page and `GET /api/v1/c/<slug>/requirements`: one transaction as role',
	'`authenticated` with row-level security, the reader check, the page of up to 100 rows and the total.',
	"The peer is the same page found by `ILIKE '%term%'` over title and text, which no index serves, in",
	'the same kind of transaction. Target: p95 under 100 ms.',
	'',
	...runs.flatMap((run) => [table(run), '']),
	'<!-- bench:requirements:end -->'
].join('\n');

console.log(`\n${section}`);

if (args.write) {
	const path = 'docs/performance.md';
	const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Performance\n';
	const pattern = /<!-- bench:requirements:start -->[\s\S]*?<!-- bench:requirements:end -->/;
	const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`;
	writeFileSync(path, next);
	console.log(`\nwritten to ${path}`);
}
