import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { effectGoals, initiatives, organisations, requirements } from '../db/schema';
import { stockholmDate } from '../../decisions/deadline';
import { addDays } from '../../roadmap/dates';
import { createGoalIn, recordMeasurementIn, setGoalLinksIn } from '../goals/commands';
import { GoalInput, GoalLinksInput, MeasurementInput } from '../goals/schemas';
import { userIdByEmail } from './factories';

interface DemoGoal {
	category: string;
	title: string;
	indicator: string;
	unit: string;
	baseline: number;
	target: number;
	municipalities: string[];
	/** The night-supervision initiative: it belongs to it and is realised by it. */
	night?: boolean;
	requirements?: string[];
	/** Measurements by municipality ('' for the consortium as a whole): [days from today, value, source]. */
	measurements: Record<string, [number, number, string][]>;
}

// Seed 003's effect goals (effektmål), the first two measured in Linköping and Finspång.
const goals: DemoGoal[] = [
	{
		category: 'Invånarupplevelse',
		title: 'Kortare tid från ansökan till beslut',
		indicator: 'Median antal kalenderdagar från ansökan om insats till beslut',
		unit: 'dagar',
		baseline: 38,
		target: 21,
		municipalities: ['Linköping', 'Finspång'],
		measurements: {
			Linköping: [
				[-210, 35, 'Verksamhetssystemets rapport, kvartal 1'],
				[-120, 30, 'Verksamhetssystemets rapport, kvartal 2'],
				[-30, 26, 'Verksamhetssystemets rapport, kvartal 3']
			],
			Finspång: [
				[-210, 39, 'Manuell uppföljning av 40 ärenden'],
				[-30, 37, 'Manuell uppföljning av 40 ärenden']
			],
			'': [[-60, 31, 'Sammanställning från kommunernas rapporter']]
		}
	},
	{
		category: 'Effektiviseringar',
		title: 'Färre fysiska tillsynsbesök nattetid',
		indicator: 'Fysiska tillsynsbesök per natt i hemtjänsten',
		unit: 'besök per natt',
		baseline: 120,
		target: 70,
		municipalities: ['Linköping', 'Finspång', 'Kinda'],
		night: true,
		requirements: ['Digital tillsyn nattetid via kamera', 'Tillsyn via sensor utan bild'],
		measurements: {
			Linköping: [
				[-150, 117, 'Planeringssystemet, nattpatrullen'],
				[-20, 98, 'Planeringssystemet, nattpatrullen']
			],
			Finspång: [[-20, 119, 'Nattpatrullens körjournal']]
		}
	},
	{
		category: 'Invånarupplevelse',
		title: 'Större del av medarbetarnas tid med brukare',
		indicator: 'Andel av arbetstiden hos brukaren',
		unit: 'procent',
		baseline: 55,
		target: 65,
		municipalities: ['Norrköping', 'Motala'],
		measurements: {}
	},
	{
		category: 'Effektiviseringar',
		title: 'Minskat antal telefonsamtal om status i handläggningen',
		indicator: 'Inkommande samtal per månad om ärendets status',
		unit: 'samtal per månad',
		baseline: 450,
		target: 300,
		municipalities: ['Linköping', 'Norrköping'],
		measurements: {}
	}
];

/**
 * Östergötland's effect goals, through the commands' own steps: baselines 300 days before the day the
 * demo is seeded and targets 430 days after it; Linköping on track, Finspång behind. Does nothing when
 * the goals exist already.
 */
export async function ensureGoalsDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [existing] = await tx
		.select({ id: effectGoals.id })
		.from(effectGoals)
		.where(and(eq(effectGoals.consortiumId, consortiumId), eq(effectGoals.title, goals[0]!.title)));
	if (existing) return;
	const today = stockholmDate(new Date());
	const admin = await userIdByEmail(tx, 'admin@samsyn.demo');
	const recorders: Record<string, string | null> = {
		'': admin,
		Linköping: await userIdByEmail(tx, 'ombud.linkoping@samsyn.demo'),
		Finspång: await userIdByEmail(tx, 'ombud.finspang@samsyn.demo')
	};
	const orgs = new Map(
		(await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.consortiumId, consortiumId))).map((o) => [
			o.name,
			o.id
		])
	);
	const [night] = await tx
		.select({ id: initiatives.id })
		.from(initiatives)
		.where(and(eq(initiatives.consortiumId, consortiumId), eq(initiatives.title, 'Nattlig tillsyn via kamera')));
	for (const g of goals) {
		let goal = await createGoalIn(
			tx,
			admin,
			consortiumId,
			GoalInput.parse({
				category: g.category,
				title: g.title,
				indicator: g.indicator,
				unit: g.unit,
				baselineValue: String(g.baseline),
				baselineOn: addDays(today, -300),
				targetValue: String(g.target),
				targetOn: addDays(today, 430),
				initiativeId: g.night && night ? night.id : '',
				organisationIds: g.municipalities.flatMap((name) => (orgs.has(name) ? [orgs.get(name)!] : []))
			})
		);
		const requirementIds = g.requirements?.length
			? (
					await tx
						.select({ id: requirements.id })
						.from(requirements)
						.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.isLatest, true), inArray(requirements.title, g.requirements)))
				).map((r) => r.id)
			: [];
		if (requirementIds.length || (g.night && night))
			goal = await setGoalLinksIn(
				tx,
				admin,
				goal,
				GoalLinksInput.parse({ version: String(goal.version), requirementIds, initiativeIds: g.night && night ? [night.id] : [] })
			);
		for (const [scope, rows] of Object.entries(g.measurements)) {
			if (scope && !orgs.has(scope)) continue;
			for (const [days, value, source] of rows)
				await recordMeasurementIn(
					tx,
					recorders[scope] ?? admin,
					goal,
					MeasurementInput.parse({ organisationId: scope ? orgs.get(scope) : '', value: String(value), measuredOn: addDays(today, days), source })
				);
		}
	}
}
