// One run of the requirements benchmark on one database (see bench/requirements.js, which starts
// this file with tsx once per database). Not a test; not for CI.
//
//   BENCH_TARGET=pglite|postgres [BENCH_DATABASE_URL=postgres://…/postgres] [BENCH_REQUIREMENTS=10000]
//   [BENCH_SAMPLES=200] npx tsx bench/requirements-run.ts
//
// It creates a fresh database (in-memory PGlite, or a new database on the given PostgreSQL server
// that it drops afterwards), one consortium with a member, and N requirements with Swedish text.
// Then it times the real query function the list page and the API call, `listRequirements`
// (its own transaction as role `authenticated` with RLS, the reader check, the page and the
// total), for listing, filtering and full-text search, and the same page found with ILIKE
// substring matching instead of the GIN-indexed `swedish` tsvector: the peer. It prints one
// JSON line with the timings.
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { and, asc, count, eq, ilike, or } from 'drizzle-orm';
import { closeDatabase, openDatabase, useDatabase } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { asSystem, withUser } from '../src/lib/server/db/request';
import { requirementCounters, requirements } from '../src/lib/server/db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../src/lib/server/demo/factories';
import { readerFor } from '../src/lib/server/requirements/context';
import { listRequirements } from '../src/lib/server/requirements/queries';
import { RequirementFilters } from '../src/lib/server/requirements/schemas';

const target = process.env.BENCH_TARGET === 'postgres' ? 'postgres' : 'pglite';
const total = Number(process.env.BENCH_REQUIREMENTS ?? 10_000);
const samples = Number(process.env.BENCH_SAMPLES ?? 200);
const budgetMs = Number(process.env.BENCH_BUDGET_MS ?? 20_000);

/** A small deterministic PRNG, so every run measures the same data. */
function mulberry32(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const random = mulberry32(2026);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
// Filler words, a few common nouns, and 400 compounds (prefix + suffix) so that a specific term
// such as "läkemedelsautomat" matches a few per cent of the requirements and "larm" a good third.
const fillers = ['ska', 'kunna', 'och', 'med', 'för', 'inom', 'alltid', 'automatiskt', 'säkert', 'enkelt', 'tydligt', 'minuter', 'sekunder'] as const;
const nouns = ['larm', 'sensor', 'kamera', 'brukaren', 'personalen', 'kommunen', 'hemtjänsten', 'anhöriga'] as const;
const prefixes = [
	'natt',
	'dag',
	'läkemedels',
	'trygghets',
	'dörr',
	'rörelse',
	'fall',
	'ljud',
	'video',
	'bild',
	'mobil',
	'journal',
	'behörighets',
	'kvittens',
	'avvikelse',
	'händelse',
	'batteri',
	'inloggnings',
	'tillgänglighets',
	'support'
];
const suffixes = [
	'larm',
	'sensor',
	'automat',
	'kamera',
	'logg',
	'rapport',
	'lås',
	'påminnelse',
	'tillsyn',
	'gränssnitt',
	'export',
	'kontroll',
	'signal',
	'system',
	'rutin',
	'meddelande',
	'schema',
	'uppföljning',
	'utbildning',
	'lista'
];
const compounds = prefixes.flatMap((p) => suffixes.map((s) => p + s));
const word = () => {
	const r = random();
	return r < 0.5 ? pick(fillers) : r < 0.55 ? pick(nouns) : pick(compounds);
};
const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
const types = ['functional', 'functional', 'detailed', 'data', 'non_functional', 'general'] as const;
const statuses = ['draft', 'in_review', 'approved', 'approved', 'approved'] as const;

async function openTarget() {
	if (target === 'pglite') return { handle: await openDatabase({ dataDir: 'memory://' }), drop: async () => {} };
	const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
	const host = new URL(server).hostname;
	if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error('the benchmark only uses a PostgreSQL on loopback');
	const name = `samsyn_bench_${Date.now().toString(36)}`;
	const admin = postgres(server, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(server);
	url.pathname = `/${name}`;
	const handle = await openDatabase({ url: url.toString() });
	return {
		handle,
		drop: async () => {
			await handle.close().catch(() => {});
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

async function seed() {
	const { consortium, person } = await asSystem(async (tx) => {
		const consortium = await buildConsortium(tx, { name: 'Benchmark' });
		const organisation = await buildOrganisation(tx, consortium.id, { name: 'Ydre' });
		const user = await buildUser(tx);
		await buildMembership(tx, { consortiumId: consortium.id, userId: user.id, organisationId: organisation.id, role: 'member' });
		return { consortium, person: { id: user.id, isOperator: false } };
	});
	for (let start = 1; start <= total; start += 1000) {
		await asSystem(async (tx) => {
			const rows = [];
			for (let number = start; number < Math.min(start + 1000, total + 1); number++) {
				const type = pick(types);
				const criterion = random() < 0.3;
				rows.push({
					consortiumId: consortium.id,
					number,
					title: `${pick(compounds)} ${sentence(4)}`,
					bodyText: `Lösningen ska ${sentence(40)}.`,
					rationale: sentence(12),
					acceptanceCriteria: sentence(10),
					obligation: criterion ? ('criterion' as const) : ('mandatory' as const),
					weight: criterion ? 1 + Math.floor(random() * 20) : null,
					type,
					status: pick(statuses)
				});
			}
			await tx.insert(requirements).values(rows);
		});
	}
	await asSystem((tx) => tx.insert(requirementCounters).values({ consortiumId: consortium.id, lastNumber: total }));
	await asSystem((tx) => tx.execute('analyze'));
	return { consortiumId: consortium.id, person };
}

/** The peer: the same page and total found by ILIKE substring matching (no usable index). */
async function listByIlike(person: { id: string; isOperator: boolean }, consortiumId: string, term: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const r = requirements;
		const where = and(eq(r.consortiumId, consortiumId), eq(r.isLatest, true), or(ilike(r.title, `%${term}%`), ilike(r.bodyText, `%${term}%`)));
		const [items, [n]] = await Promise.all([
			tx
				.select({ id: r.id, identifier: r.identifier, title: r.title, status: r.status, type: r.type, updatedAt: r.updatedAt, bodyText: r.bodyText })
				.from(r)
				.where(where)
				.orderBy(asc(r.number))
				.limit(100),
			tx.select({ n: count() }).from(r).where(where)
		]);
		return { items, total: n?.n ?? 0 };
	});
}

async function time(name: string, run: () => Promise<{ items: unknown[]; total: number }>) {
	for (let i = 0; i < 10; i++) await run();
	const durations: number[] = [];
	let rows = 0;
	let matches = 0;
	const started = performance.now();
	while (durations.length < samples && performance.now() - started < budgetMs) {
		const t = performance.now();
		const result = await run();
		durations.push(performance.now() - t);
		rows = result.items.length;
		matches = result.total;
	}
	durations.sort((a, b) => a - b);
	const at = (q: number) => Math.round(durations[Math.min(durations.length - 1, Math.ceil(q * durations.length) - 1)]! * 10) / 10;
	return { name, n: durations.length, p50: at(0.5), p95: at(0.95), max: at(1), rows, matches };
}

const { handle, drop } = await openTarget();
try {
	useDatabase(handle);
	await migrateDatabase(handle);
	const seeded = performance.now();
	const { consortiumId, person } = await seed();
	const seedMs = Math.round(performance.now() - seeded);
	const list = (filters: Record<string, string>) => () => listRequirements(person, consortiumId, RequirementFilters.parse(filters));
	const results = [
		await time('list: first page of 100, by number', list({})),
		await time('list: page 50 (offset 4900), by number', list({ offset: '4900' })),
		await time('list: status + type filter, by title', list({ status: 'approved', type: 'functional', sort: 'title' })),
		await time('search "larm" (full text, GIN)', list({ q: 'larm' })),
		await time('search "läkemedelsautomat" (full text, GIN)', list({ q: 'läkemedelsautomat' })),
		await time('search "dörrlås larm" (full text, GIN, two terms)', list({ q: 'dörrlås larm' })),
		await time('peer: "larm" by ILIKE, no index', () => listByIlike(person, consortiumId, 'larm')),
		await time('peer: "läkemedelsautomat" by ILIKE, no index', () => listByIlike(person, consortiumId, 'läkemedelsautomat'))
	];
	console.log(JSON.stringify({ target, requirements: total, seedMs, results }));
} finally {
	await closeDatabase().catch(() => {});
	await drop();
}
process.exit(0);
