import { refreshAllQuality } from '../quality/refresh';
import { ensureQualityDemo } from './quality';
import { and, count, eq, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import type { Transaction } from '../db/client';
import { asSystem } from '../db/request';
import { consortia, organisations, users } from '../db/schema';
import { log } from '../log';
import { ensureRequirementsDemo } from './requirements';
import { ensureDemoBaseline } from './baselines';
import { ensureDecisionsDemo } from './decisions';
import { ensureMeetingsDemo } from './meetings';
import { ensureAttachmentsDemo } from './attachments';
import { ensurePrioritisationDemo } from './prioritisation';
import { ensureBacklogDemo, ensureReleaseGateDemo } from './backlog';
import { ensureQuestionsDemo } from './questions';
import { ensurePortfolioDemo } from './portfolio';
import { ensureKasamRoadmapDemo, ensureRoadmapDemo } from './roadmap';
import { ensureLifecycleDemo } from './lifecycle';
import { ensureDocumentsDemo } from './documents';
import { ensureRisksDemo } from './risks';
import { ensureStatusReportsDemo } from './status-reports';
import { ensureGoalsDemo } from './goals';
import { ensureImpactDemo, ensureImpactTrio } from './impact';
import { ensureTenderDemo } from './tender';
import {
	ensureDecisionsQuartet,
	ensureMajorityTrio,
	ensureMvpTrio,
	ensurePrioritiesTrio,
	ensureQuestionsTrio,
	ensureRoadmapFixture,
	ensureDocumentsTrio,
	ensureGovernanceTrio
} from './fixtures';
import { config } from '../config';
import { buildConsortium, buildMembership, buildOrganisation, organisationNamed } from './factories';
import { DEMO_PASSWORD, KASAM, OSTERGOTLAND, demoAccounts, kasamMunicipalities, ostergotlandMunicipalities } from './data';

/** Whether the database holds any consortium yet. */
export async function isDatabaseEmpty(): Promise<boolean> {
	const [row] = await asSystem((tx) => tx.select({ n: count() }).from(consortia));
	return (row?.n ?? 0) === 0;
}

/** Seeds the demo on first start of the embedded database; does nothing when data exists. */
export async function seedDemoIfEmpty(): Promise<boolean> {
	if (!(await isDatabaseEmpty())) return false;
	await seedDemo();
	printDemoSignIns();
	return true;
}

/**
 * Writes the demo consortia, organisations and accounts. Idempotent: consortia that exist (by
 * slug) and accounts that exist (by email) are left as they are.
 */
export async function seedDemo(): Promise<void> {
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await asSystem(async (tx) => {
		const ids = new Map<string, string>();
		ids.set(OSTERGOTLAND.slug, await ensureOstergotland(tx));
		// The external reviewers' organisation came later than the first demo databases: added to them too.
		const [pensioners] = await tx
			.select({ id: organisations.id })
			.from(organisations)
			.where(and(eq(organisations.consortiumId, ids.get(OSTERGOTLAND.slug)!), eq(organisations.name, OSTERGOTLAND.pensioners)));
		if (!pensioners) await buildOrganisation(tx, ids.get(OSTERGOTLAND.slug)!, { name: OSTERGOTLAND.pensioners, kind: 'adviser' });
		ids.set(KASAM.slug, await ensureKasam(tx));
		for (const account of demoAccounts) {
			const [existing] = await tx
				.select()
				.from(users)
				.where(sql`lower(${users.email}) = ${account.email}`);
			if (existing) continue;
			const [user] = await tx
				.insert(users)
				.values({
					email: account.email,
					name: account.name,
					passwordHash,
					locale: account.locale ?? 'sv',
					isOperator: account.isOperator ?? false
				})
				.returning();
			for (const m of account.memberships) {
				const consortiumId = ids.get(m.consortium)!;
				const organisation = await organisationNamed(tx, consortiumId, m.organisation);
				await buildMembership(tx, {
					consortiumId,
					userId: user!.id,
					organisationId: organisation.id,
					role: m.role,
					since: '2026-01-01'
				});
			}
		}
		await ensureRequirementsDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensureDemoBaseline(tx, ids.get(OSTERGOTLAND.slug)!, 'admin@samsyn.demo');
		await ensureDecisionsDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensureMeetingsDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensureAttachmentsDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensurePrioritisationDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensureBacklogDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensureQuestionsDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensurePortfolioDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensureRoadmapDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensureLifecycleDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensureDocumentsDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensureRisksDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensureStatusReportsDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensureReleaseGateDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensureGoalsDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensureQualityDemo(tx, ids.get(OSTERGOTLAND.slug)!);
		await ensureKasamRoadmapDemo(tx, ids.get(KASAM.slug)!);
		if (config().SEED_E2E_FIXTURES === 'true') {
			await ensureMajorityTrio(tx);
			await ensureDecisionsQuartet(tx);
			await ensurePrioritiesTrio(tx);
			await ensureQuestionsTrio(tx);
			await ensureMvpTrio(tx);
			await ensureRoadmapFixture(tx);
			await ensureDocumentsTrio(tx);
			await ensureGovernanceTrio(tx);
			await ensureImpactTrio(tx);
		}
		// The requirements' quality (kravgranskning) as the rules see the seeded words.
		await refreshAllQuality(tx);
	});
	// A baselined requirement changed since, so the demo shows what it affects (its own transaction).
	await ensureImpactDemo();
	// A tender package of the baseline and the approved documents, by the command the page runs.
	await ensureTenderDemo();
	log.info('demo data seeded');
}

async function existingConsortium(tx: Transaction, slug: string): Promise<string | null> {
	const [row] = await tx.select({ id: consortia.id }).from(consortia).where(eq(consortia.slug, slug));
	return row?.id ?? null;
}

async function ensureOstergotland(tx: Transaction): Promise<string> {
	const existing = await existingConsortium(tx, OSTERGOTLAND.slug);
	if (existing) return existing;
	const consortium = await buildConsortium(
		tx,
		{ slug: OSTERGOTLAND.slug, name: OSTERGOTLAND.name, description: OSTERGOTLAND.description },
		{ decisionRule: 'majority', quorumPercent: 50, weighting: 'per_organisation', publishing: 'admins' }
	);
	for (const m of ostergotlandMunicipalities) {
		await buildOrganisation(tx, consortium.id, { ...m, kind: 'municipality', tier: 'active' });
	}
	await buildOrganisation(tx, consortium.id, { name: OSTERGOTLAND.convenor, kind: 'convenor' });
	await buildOrganisation(tx, consortium.id, { name: OSTERGOTLAND.supplier, kind: 'supplier' });
	await buildOrganisation(tx, consortium.id, { name: OSTERGOTLAND.adviser, kind: 'adviser' });
	return consortium.id;
}

async function ensureKasam(tx: Transaction): Promise<string> {
	const existing = await existingConsortium(tx, KASAM.slug);
	if (existing) return existing;
	const consortium = await buildConsortium(
		tx,
		{ slug: KASAM.slug, name: KASAM.name, description: KASAM.description },
		{ decisionRule: 'consensus', quorumPercent: 75, weighting: 'per_organisation', publishing: 'admins' }
	);
	for (const name of kasamMunicipalities) {
		const known = ostergotlandMunicipalities.find((m) => m.name === name);
		await buildOrganisation(tx, consortium.id, {
			name,
			kind: 'municipality',
			tier: 'active',
			skrGroup: known?.skrGroup ?? null,
			population: known?.population ?? null
		});
	}
	await buildOrganisation(tx, consortium.id, { name: KASAM.convenor, kind: 'convenor' });
	return consortium.id;
}

/** Prints the demo sign-ins to the terminal (not the JSON log): people read this one. */
export function printDemoSignIns(): void {
	const lines = demoAccounts.map((a) => `  ${a.email.padEnd(32)} ${describe(a)}`);
	console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):\n${lines.join('\n')}\n`);
}

function describe(account: (typeof demoAccounts)[number]): string {
	if (account.isOperator) return 'platform operator';
	return account.memberships.map((m) => `${m.role} (${m.organisation}) in ${m.consortium}`).join('; ');
}
