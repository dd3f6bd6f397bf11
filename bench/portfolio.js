// Benchmark of the portfolio matrix and the roadmap at scale (not a test; not for CI).
//
//   npm run bench:portfolio -- [--municipalities 100] [--technologies 300] [--initiatives 200]
//                              [--samples 100] [--only pglite|postgres] [--write]
//
// For each database in turn — the embedded PGlite (in memory) and the local PostgreSQL server
// (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres; loopback only; a fresh
// database that is dropped afterwards) — it runs bench/portfolio-run.ts in its own process and
// times the server functions behind the matrix, the joint candidates and the roadmap against the
// peer: the same rows read by plain SELECTs. Target: p95 under 100 ms. With --write the results
// replace the portfolio section of docs/performance.md.
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

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const section = [
	'<!-- bench:portfolio:start -->',
	'## Portfolio and roadmap at 100 municipalities × 300 technologies and 200 initiatives',
	'',
	`Command: \`npm run bench:portfolio -- --municipalities ${municipalities} --technologies ${technologies} --initiatives ${initiatives} --samples ${samples}${args.only ? ` --only ${args.only}` : ''}\``,
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
