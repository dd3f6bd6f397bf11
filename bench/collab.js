// Benchmark of the collaboration server (not a test; not for CI).
//
//   npm run bench:collab -- [--docs 500] [--clients 3] [--interval 2000] [--duration 60]
//                            [--only samsyn|reference] [--rounds 1] [--control]
//
// For each server in turn — Samsyn's (bench/collab-server.ts: the real /collab/ endpoint with its
// session and policy checks and save-before-broadcast persistence, on a fresh embedded PGlite) and
// the reference `@y/websocket-server` 0.1.1 (no authentication, no persistence) — it starts the
// server on loopback, then from a separate driver process opens D documents × C y-websocket
// clients. In each document client 0 writes one update every `interval` ms (staggered); the
// others read. The driver holds writer and readers in one process, so broadcast latency is
// measured on one clock. It also measures connect-and-sync time and drops (updates a reader never
// received), while this process samples the server's CPU and RSS from /proc. Everything stops by
// itself: the run lasts `duration` seconds per server plus setup.
//
// `--rounds N` runs the servers N times in turn (Samsyn, reference, Samsyn, …) and reports each
// round's ratio and their median: the reference's own p99 moves by ±30 % from run to run. With
// `--control`, each round also runs the reference with an idle embedded PGlite preloaded into its
// process (bench/reference-with-pglite.js): the cost of hosting the database, with no query run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';

const args = {};
for (let i = 2; i < process.argv.length; i++) {
	if (!process.argv[i].startsWith('--')) continue;
	const value = process.argv[i + 1];
	args[process.argv[i].slice(2)] = value === undefined || value.startsWith('--') ? true : (i++, value);
}
const settings = {
	docs: Number(args.docs ?? 500),
	clients: Number(args.clients ?? 3),
	interval: Number(args.interval ?? 2000),
	duration: Number(args.duration ?? 60),
	only: args.only ?? null,
	rounds: Math.max(1, Number(args.rounds ?? 1)),
	control: 'control' in args
};

/** Extra node flags for the Samsyn server, e.g. COLLAB_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
const serverNodeArgs = (process.env.COLLAB_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

if (process.env.COLLAB_BENCH_DRIVER) await drive(JSON.parse(process.env.COLLAB_BENCH_DRIVER));
else await main();

// ------------------------------------------------------------------ orchestrator

async function main() {
	console.log(
		`collab benchmark: ${settings.docs} documents × ${settings.clients} clients, one update per writer every ${settings.interval} ms, ${settings.duration} s per server`
	);
	console.log(
		`node ${process.version}, load average before: ${loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')}`
	);
	const targets = ['samsyn', 'reference', ...(settings.control ? ['reference-pglite'] : [])].filter((t) => !settings.only || settings.only === t);
	const rounds = [];
	for (let round = 1; round <= settings.rounds; round++) {
		const results = {};
		for (const target of targets) {
			results[target] = await runAgainst(target);
			print(settings.rounds > 1 ? `${target}, round ${round}` : target, results[target]);
		}
		rounds.push(results);
	}
	const ratios = rounds.filter((r) => r.samsyn && r.reference).map((r) => compare(r));
	if (ratios.length > 0) {
		const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
		const show = (values) => values.map((v) => v.toFixed(2)).join(', ');
		console.log('\nratio samsyn / reference' + (ratios.length > 1 ? ' (each round; median)' : ''));
		console.log(
			`  broadcast p50 ${show(ratios.map((r) => r.p50))}×; p99 ${show(ratios.map((r) => r.p99))}×` +
				(ratios.length > 1 ? `; median p99 ${median(ratios.map((r) => r.p99)).toFixed(2)}×` : '')
		);
		console.log(`  connect+sync p99 ${show(ratios.map((r) => r.connect))}×`);
		console.log(`  server CPU ${show(ratios.map((r) => r.cpu))}×, peak RSS ${show(ratios.map((r) => r.rss))}×`);
		const controls = rounds.filter((r) => r['reference-pglite'] && r.reference);
		if (controls.length > 0) {
			const control = controls.map((r) => r['reference-pglite'].p99 / r.reference.p99);
			console.log(`  control: reference with an idle PGlite in its process / reference, p99 ${show(control)}×`);
		}
		const met = rounds.every((r) => !r.samsyn || !r.reference || (r.samsyn.drops === 0 && r.samsyn.p99 < 10 && r.samsyn.p99 <= 1.25 * r.reference.p99));
		console.log(
			`\ntargets (zero drops, p99 < 10 ms, p99 within 1.25× of the reference${ratios.length > 1 ? ', in every round' : ''}): ${met ? 'MET' : 'NOT MET'}`
		);
	}
	console.log(`\nJSON ${JSON.stringify({ settings, rounds })}`);
	process.exit(0);
}

function compare(results) {
	const { samsyn, reference } = results;
	return {
		p50: samsyn.p50 / reference.p50,
		p99: samsyn.p99 / reference.p99,
		connect: samsyn.connect.p99 / reference.connect.p99,
		cpu: samsyn.cpu / reference.cpu,
		rss: samsyn.rssPeakMb / reference.rssPeakMb
	};
}

function print(target, r) {
	console.log(`\n${target} (load average after: ${r.load})`);
	console.log(`  updates sent ${r.sent}, deliveries expected ${r.expected}, received ${r.received}, drops ${r.drops}, disconnects ${r.disconnects}`);
	console.log(`  broadcast latency ms: p50 ${r.p50.toFixed(2)}  p95 ${r.p95.toFixed(2)}  p99 ${r.p99.toFixed(2)}  max ${r.max.toFixed(2)}`);
	console.log(
		`  connect+sync ms: p50 ${r.connect.p50.toFixed(1)}  p99 ${r.connect.p99.toFixed(1)}  max ${r.connect.max.toFixed(1)}  (all ${r.connect.total.toFixed(0)} ms)`
	);
	console.log(`  server CPU ${r.cpu.toFixed(1)} % of one core (steady phase), RSS ${r.rssMb.toFixed(0)} MB (peak ${r.rssPeakMb.toFixed(0)} MB)`);
}

function waitForLine(child, test) {
	return new Promise((resolve, reject) => {
		const lines = createInterface({ input: child.stdout });
		lines.on('line', (line) => {
			if (test(line)) resolve(line);
		});
		child.once('exit', (code) => reject(new Error(`process exited early (${code})`)));
	});
}

async function startServer(target, documents) {
	if (target === 'samsyn') {
		const dataDir = mkdtempSync(join(tmpdir(), 'samsyn-bench-'));
		const child = spawn(process.execPath, [...serverNodeArgs, '--import', 'tsx', 'bench/collab-server.ts'], {
			env: {
				...process.env,
				PGLITE_DIR: dataDir,
				DATABASE_URL: '',
				LOG_LEVEL: 'warn',
				COLLAB_PORT: '0',
				COLLAB_FIXTURES: String(documents)
			},
			stdio: ['ignore', 'pipe', 'inherit']
		});
		const ready = JSON.parse(await waitForLine(child, (l) => l.startsWith('{')));
		return {
			child,
			url: `ws://127.0.0.1:${ready.port}/collab`,
			headers: { cookie: `samsyn_session=${ready.token}`, origin: `http://127.0.0.1:${ready.port}` },
			documents: ready.documents,
			cleanup: () => rmSync(dataDir, { recursive: true, force: true })
		};
	}
	const port = 20000 + Math.floor(Math.random() * 20000);
	const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
	delete env.YPERSISTENCE; // in memory only, as documented for the reference
	const withPglite = target === 'reference-pglite';
	// The control's database lives on disk, as Samsyn's does in this benchmark.
	const dataDir = withPglite ? mkdtempSync(join(tmpdir(), 'samsyn-bench-control-')) : null;
	if (dataDir) env.PGLITE_DIR = dataDir;
	const preload = withPglite ? ['--import', './bench/reference-with-pglite.js'] : [];
	const child = spawn(process.execPath, [...preload, 'node_modules/@y/websocket-server/src/server.js'], {
		env,
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await waitForLine(child, (l) => l.includes('running at'));
	return {
		child,
		url: `ws://127.0.0.1:${port}`,
		headers: { origin: `http://127.0.0.1:${port}` },
		documents: Array.from({ length: documents }, () => `consortium/${crypto.randomUUID()}/description`),
		cleanup: () => dataDir && rmSync(dataDir, { recursive: true, force: true })
	};
}

/** CPU seconds (user + system) and RSS of a process, from /proc. */
function usage(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const cpu = (Number(fields[11]) + Number(fields[12])) / 100;
	const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
	return { cpu, rss };
}

async function runAgainst(target) {
	const server = await startServer(target, settings.docs);
	const driver = spawn(process.execPath, ['bench/collab.js'], {
		env: {
			...process.env,
			COLLAB_BENCH_DRIVER: JSON.stringify({
				...settings,
				url: server.url,
				headers: server.headers,
				documents: server.documents
			})
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const samples = [];
	let steady = null;
	const sampler = setInterval(() => {
		try {
			samples.push({ t: performance.now(), ...usage(server.child.pid) });
		} catch {
			// the server is gone
		}
	}, 500);
	const lines = createInterface({ input: driver.stdout });
	const result = await new Promise((resolve, reject) => {
		const timeout = setTimeout(() => reject(new Error('driver did not finish in time')), (settings.duration + 300) * 1000);
		lines.on('line', (line) => {
			if (line === 'steady-start') steady = { start: performance.now() };
			else if (line === 'steady-end' && steady) steady.end = performance.now();
			else if (line.startsWith('{')) {
				clearTimeout(timeout);
				resolve(JSON.parse(line));
			}
		});
		driver.once('exit', (code) => code !== 0 && reject(new Error(`driver exited with ${code}`)));
	});
	clearInterval(sampler);
	const inSteady = samples.filter((s) => steady && s.t >= steady.start && s.t <= (steady.end ?? Infinity));
	const first = inSteady[0];
	const last = inSteady[inSteady.length - 1];
	const cpu = first && last && last.t > first.t ? ((last.cpu - first.cpu) / ((last.t - first.t) / 1000)) * 100 : NaN;
	server.child.kill('SIGTERM');
	const killer = setTimeout(() => server.child.kill('SIGKILL'), 5000);
	await new Promise((r) => server.child.once('exit', r));
	clearTimeout(killer);
	server.cleanup();
	return {
		...result,
		cpu,
		rssMb: last?.rss ?? NaN,
		rssPeakMb: Math.max(...samples.map((s) => s.rss)),
		load: loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')
	};
}

// ------------------------------------------------------------------ driver (separate process)

function percentile(sorted, p) {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function drive({ url, headers, documents, clients, interval, duration }) {
	const [{ default: WebSocket }, Y, { WebsocketProvider }] = await Promise.all([import('ws'), import('yjs'), import('y-websocket')]);
	class HeaderSocket extends WebSocket {
		constructor(address, protocols) {
			super(address, protocols, { headers });
		}
	}
	const connectTimes = [];
	const latencies = [];
	let disconnects = 0;
	let received = 0;
	const rooms = [];
	const connectStart = performance.now();

	const open = (name) =>
		new Promise((resolve) => {
			const started = performance.now();
			const doc = new Y.Doc();
			const provider = new WebsocketProvider(url, name, doc, { WebSocketPolyfill: HeaderSocket, disableBc: true });
			provider.on('sync', (synced) => {
				if (synced && !provider.__measured) {
					provider.__measured = true;
					connectTimes.push(performance.now() - started);
					provider.on('connection-close', () => disconnects++);
					resolve({ doc, provider });
				}
			});
		});

	// Connect in waves of 50 documents so the measurement is of the server, not of a thundering herd.
	for (let i = 0; i < documents.length; i += 50) {
		const wave = documents.slice(i, i + 50);
		rooms.push(...(await Promise.all(wave.map(async (name) => Promise.all(Array.from({ length: clients }, () => open(name)))))));
	}
	const connectTotal = performance.now() - connectStart;

	for (const room of rooms) {
		for (const reader of room.slice(1)) {
			reader.doc.getArray('bench').observe((event) => {
				const now = performance.now();
				for (const item of event.changes.added) {
					for (const value of item.content.getContent()) {
						received++;
						latencies.push(now - value.t);
					}
				}
			});
		}
	}

	await new Promise((r) => setTimeout(r, 1000));
	process.stdout.write('steady-start\n');
	let sent = 0;
	const timers = rooms.map((room, i) => {
		const writer = room[0];
		const write = () => {
			sent++;
			writer.doc.getArray('bench').push([{ s: sent, t: performance.now(), text: 'Leverantören ska kunna visa drift i realtid.' }]);
		};
		let interval_;
		const start = setTimeout(
			() => {
				write();
				interval_ = setInterval(write, interval);
			},
			(i / rooms.length) * interval
		);
		return () => {
			clearTimeout(start);
			clearInterval(interval_);
		};
	});
	await new Promise((r) => setTimeout(r, duration * 1000));
	for (const stop of timers) stop();
	process.stdout.write('steady-end\n');
	await new Promise((r) => setTimeout(r, 3000)); // let the last updates arrive

	const expected = sent * (clients - 1);
	latencies.sort((a, b) => a - b);
	connectTimes.sort((a, b) => a - b);
	const result = {
		sent,
		expected,
		received,
		drops: expected - received,
		disconnects,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		max: latencies[latencies.length - 1] ?? NaN,
		connect: {
			p50: percentile(connectTimes, 50),
			p99: percentile(connectTimes, 99),
			max: connectTimes[connectTimes.length - 1] ?? NaN,
			total: connectTotal
		}
	};
	for (const room of rooms) for (const c of room) c.provider.destroy();
	process.stdout.write(`${JSON.stringify(result)}\n`);
	process.exit(0);
}
