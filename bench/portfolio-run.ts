// One run of the portfolio and roadmap benchmark on one database (see bench/portfolio.js, which
// starts this file with tsx once per database). Not a test; not for CI.
//
//   BENCH_TARGET=pglite|postgres [BENCH_DATABASE_URL=postgres://…/postgres] [BENCH_MUNICIPALITIES=100]
//   [BENCH_TECHNOLOGIES=300] [BENCH_INITIATIVES=200] [BENCH_SAMPLES=100] npx tsx bench/portfolio-run.ts
//
// It creates a fresh database (in-memory PGlite, or a new database on the given PostgreSQL server
// that it drops afterwards) and one consortium with M municipalities in SKR groups, T technologies
// in eight categories, a status for about a quarter of the municipality × technology cells, and I
// initiatives (through the app's own command, with their phases), each with two milestones, every
// fourth with a gate and every third waiting for an earlier one. Then it times the real functions
// behind the pages, each its own transaction as role `authenticated` with row-level security and
// the reader check: the matrix (`portfolioMatrix`), the joint candidates, the roadmap (`roadmap`,
// all initiatives with derived status) and one municipality's roadmap. The peer is the floor: the
// same rows read by plain SELECTs in the same kind of transaction, without the app's assembling.
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { eq, inArray } from 'drizzle-orm';
import { closeDatabase, openDatabase, useDatabase } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { asSystem, withUser } from '../src/lib/server/db/request';
import {
	initiativeMilestones,
	initiativePhases,
	initiatives,
	organisations,
	technologies,
	technologyCategories,
	technologyStatuses
} from '../src/lib/server/db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../src/lib/server/demo/factories';
import { readerFor } from '../src/lib/server/consortia/actor';
import { hashPassword } from '../src/lib/server/auth/password';
import { portfolioCandidates, portfolioMatrix } from '../src/lib/server/portfolio/queries';
import { addDependencyIn, addGateIn, createInitiativeIn } from '../src/lib/server/roadmap/commands';
import { roadmap } from '../src/lib/server/roadmap/queries';
import { technologyStatuses as statusValues } from '../src/lib/enums';

const target = process.env.BENCH_TARGET === 'postgres' ? 'postgres' : 'pglite';
const municipalityCount = Number(process.env.BENCH_MUNICIPALITIES ?? 100);
const technologyCount = Number(process.env.BENCH_TECHNOLOGIES ?? 300);
const initiativeCount = Number(process.env.BENCH_INITIATIVES ?? 200);
const samples = Number(process.env.BENCH_SAMPLES ?? 100);
const budgetMs = Number(process.env.BENCH_BUDGET_MS ?? 20_000);
/** Keep the PostgreSQL database for the page timing in bench/portfolio.js (which drops it), with a person who can sign in. */
const keep = target === 'postgres' && process.env.BENCH_KEEP_DATABASE === 'true';
const BENCH_PASSWORD = 'bench-portfolio-2026';

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
const groups = ['A1', 'A2', 'A3', 'B3', 'B4', 'B5', 'B6', 'C7', 'C8', 'C9'] as const;
const categoryNames = ['Trygghet och larm', 'Tillsyn', 'Läkemedel', 'Lås och åtkomst', 'Kommunikation', 'Stöd för personal', 'Aktivering', 'Övrigt'];

async function openTarget() {
	if (target === 'pglite') return { handle: await openDatabase({ dataDir: 'memory://' }), url: null, drop: async () => {} };
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
		url: url.toString(),
		drop: async () => {
			await handle.close().catch(() => {});
			if (!keep) await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

async function seed() {
	const base = await asSystem(async (tx) => {
		const consortium = await buildConsortium(tx, { name: 'Benchmark' });
		const municipalities = [];
		for (let i = 1; i <= municipalityCount; i++)
			municipalities.push(await buildOrganisation(tx, consortium.id, { name: `Kommun ${String(i).padStart(3, '0')}`, skrGroup: pick(groups) }));
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const user = await buildUser(tx, { email: `bench.${Date.now().toString(36)}@samsyn.bench`, passwordHash: await hashPassword(BENCH_PASSWORD) });
		await buildMembership(tx, { consortiumId: consortium.id, userId: user.id, organisationId: convenor.id, role: 'admin' });
		const categories = await tx
			.insert(technologyCategories)
			.values(categoryNames.map((name, position) => ({ consortiumId: consortium.id, name, position })))
			.returning();
		const catalogue = await tx
			.insert(technologies)
			.values(
				Array.from({ length: technologyCount }, (_, i) => ({
					consortiumId: consortium.id,
					categoryId: pick(categories).id,
					name: `Teknik ${String(i + 1).padStart(3, '0')}`,
					aliases: [`teknik${i + 1}`]
				}))
			)
			.returning();
		return { consortium, municipalities, catalogue, person: { id: user.id, isOperator: false }, email: user.email };
	});
	const { consortium, municipalities, catalogue, person, email } = base;
	// About a quarter of the cells have a status.
	for (const m of municipalities)
		await asSystem(async (tx) => {
			const rows = catalogue
				.filter(() => random() < 0.25)
				.map((t) => {
					const status = pick(statusValues);
					return {
						consortiumId: consortium.id,
						technologyId: t.id,
						organisationId: m.id,
						status,
						sinceYear: status === 'in_use' ? 2015 + Math.floor(random() * 10) : null,
						plannedYear: status === 'planned' ? 2026 + Math.floor(random() * 4) : null,
						contractEnd: random() < 0.2 ? `202${6 + Math.floor(random() * 4)}-0${1 + Math.floor(random() * 9)}-15` : null,
						intent: pick(['together', 'alone', 'unknown'] as const)
					};
				});
			if (rows.length) await tx.insert(technologyStatuses).values(rows);
		});
	const ids: string[] = [];
	for (let n = 0; n < initiativeCount; n++)
		await asSystem(async (tx) => {
			const participants = Array.from({ length: 2 + Math.floor(random() * 5) }, () => pick(municipalities).id);
			const start = `${2025 + Math.floor(random() * 4)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01`;
			const row = await createInitiativeIn(tx, consortium.id, person.id, {
				title: `Initiativ ${n + 1}: ${pick(catalogue).name}`,
				ownerOrganisationId: participants[0]!,
				participantIds: participants,
				technologyId: pick(catalogue).id,
				phaseModel: random() < 0.5 ? 'procurement' : 'kasam',
				customPhases: [],
				start
			});
			ids.push(row.id);
			await tx.insert(initiativeMilestones).values([
				{ consortiumId: consortium.id, initiativeId: row.id, title: 'Marknadsdialog', due: start },
				{ consortiumId: consortium.id, initiativeId: row.id, title: 'Avtal', due: `${Number(start.slice(0, 4)) + 1}-06-30` }
			]);
			if (n % 4 === 0) await addGateIn(tx, person.id, row, { phase: 1, decisionItemId: undefined });
			if (n % 3 === 0 && n > 0) await addDependencyIn(tx, consortium.id, person.id, row, ids[Math.floor(random() * n)]!);
		});
	await asSystem((tx) => tx.execute('analyze'));
	return { consortiumId: consortium.id, slug: consortium.slug, person, email, municipality: municipalities[0]!.id };
}

/** The floor for the matrix: the same rows by plain SELECTs, in the same kind of transaction. */
function matrixRows(person: { id: string; isOperator: boolean }, consortiumId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const [categories, catalogue, municipalities, statuses] = await Promise.all([
			tx.select().from(technologyCategories).where(eq(technologyCategories.consortiumId, consortiumId)),
			tx.select().from(technologies).where(eq(technologies.consortiumId, consortiumId)),
			tx.select().from(organisations).where(eq(organisations.consortiumId, consortiumId)),
			tx.select().from(technologyStatuses).where(eq(technologyStatuses.consortiumId, consortiumId))
		]);
		return categories.length + catalogue.length + municipalities.length + statuses.length;
	});
}

/** The floor for the roadmap: initiatives, their phases and milestones by plain SELECTs. */
function roadmapRows(person: { id: string; isOperator: boolean }, consortiumId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const list = await tx.select().from(initiatives).where(eq(initiatives.consortiumId, consortiumId));
		const ids = list.map((i) => i.id);
		const [phases, milestones] = await Promise.all([
			tx.select().from(initiativePhases).where(inArray(initiativePhases.initiativeId, ids)),
			tx.select().from(initiativeMilestones).where(inArray(initiativeMilestones.initiativeId, ids))
		]);
		return list.length + phases.length + milestones.length;
	});
}

async function time(name: string, run: () => Promise<unknown>) {
	for (let i = 0; i < 5; i++) await run();
	const durations: number[] = [];
	const started = performance.now();
	while (durations.length < samples && performance.now() - started < budgetMs) {
		const t = performance.now();
		await run();
		durations.push(performance.now() - t);
	}
	durations.sort((a, b) => a - b);
	const at = (q: number) => Math.round(durations[Math.min(durations.length - 1, Math.ceil(q * durations.length) - 1)]! * 10) / 10;
	return { name, n: durations.length, p50: at(0.5), p95: at(0.95), max: at(1) };
}

const { handle, url, drop } = await openTarget();
try {
	useDatabase(handle);
	await migrateDatabase(handle);
	const seeded = performance.now();
	const { consortiumId, slug, person, email, municipality } = await seed();
	const seedMs = Math.round(performance.now() - seeded);
	const statusCount = (await asSystem((tx) => tx.select({ id: technologyStatuses.id }).from(technologyStatuses))).length;
	const results = [
		await time('matrix: all technologies × municipalities', () => portfolioMatrix(person, consortiumId)),
		await time('matrix: one SKR group, status filter', () => portfolioMatrix(person, consortiumId, { skr: 'B5', status: 'planned' })),
		await time('joint candidates', () => portfolioCandidates(person, consortiumId)),
		await time('roadmap: every initiative, status derived', () => roadmap(person, consortiumId)),
		await time('roadmap: one municipality', () => roadmap(person, consortiumId, municipality)),
		await time('peer: matrix rows by plain SELECTs', () => matrixRows(person, consortiumId)),
		await time('peer: roadmap rows by plain SELECTs', () => roadmapRows(person, consortiumId))
	];
	console.log(
		JSON.stringify({
			target,
			municipalities: municipalityCount,
			technologies: technologyCount,
			initiatives: initiativeCount,
			statuses: statusCount,
			seedMs,
			results,
			...(keep ? { kept: { url, slug, email, password: BENCH_PASSWORD, municipality } } : {})
		})
	);
} finally {
	await closeDatabase().catch(() => {});
	await drop();
}
process.exit(0);
