import { and, count, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { decisionItems, initiativeMilestones, initiativePhases, initiatives, technologies } from '../db/schema';
import { stockholmDate } from '../../decisions/deadline';
import { addDays, addMonths, quarterStart } from '../../roadmap/dates';
import { addDependencyIn, addGateIn, createInitiativeIn } from '../roadmap/commands';
import type { InitiativeRow } from '../roadmap/state';
import { organisationNamed, userIdByEmail } from './factories';
import { kasamMunicipalities, KASAM } from './data';

/*
 * The demo roadmaps. Dates are set relative to the day the demo is seeded, so the roadmap is alive
 * whenever someone starts it: one initiative half-way through its procurement, one about to start,
 * one waiting for the first. Through the commands' own steps, then the actual dates as they happened.
 */

async function technologyNamed(tx: Transaction, consortiumId: string, name: string): Promise<string | undefined> {
	const [row] = await tx
		.select({ id: technologies.id })
		.from(technologies)
		.where(and(eq(technologies.consortiumId, consortiumId), eq(technologies.name, name)));
	return row?.id;
}

/** Records what has happened: actual dates of the phases done and the one under way, and the current phase. */
async function progress(tx: Transaction, initiative: InitiativeRow, current: number) {
	const phases = await tx.select().from(initiativePhases).where(eq(initiativePhases.initiativeId, initiative.id));
	for (const p of phases) {
		if (p.position > current) continue;
		await tx
			.update(initiativePhases)
			.set({ actualStart: p.plannedStart, actualEnd: p.position < current ? p.plannedEnd : null })
			.where(and(eq(initiativePhases.initiativeId, initiative.id), eq(initiativePhases.position, p.position)));
	}
	await tx.update(initiatives).set({ currentPhase: current }).where(eq(initiatives.id, initiative.id));
}

async function phaseEnd(tx: Transaction, initiativeId: string, position: number): Promise<string> {
	const [p] = await tx
		.select({ end: initiativePhases.plannedEnd })
		.from(initiativePhases)
		.where(and(eq(initiativePhases.initiativeId, initiativeId), eq(initiativePhases.position, position)));
	return p!.end!;
}

/**
 * Östergötland's three joint initiatives, grown from the portfolio's overlaps: night supervision via
 * camera (in its procurement's third phase; the directive gate passed with the steering group's
 * recorded decision, the next gate prepared and pending), medication dispensers (starting next
 * quarter, at risk: a meeting with those who run dispensers is ten days away and not held), and
 * digital locks in special housing (waiting for the night supervision to finish).
 */
export async function ensureRoadmapDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [existing] = await tx.select({ n: count() }).from(initiatives).where(eq(initiatives.consortiumId, consortiumId));
	if ((existing?.n ?? 0) > 0) return;
	const admin = await userIdByEmail(tx, 'admin@samsyn.demo');
	const org = async (name: string) => (await organisationNamed(tx, consortiumId, name)).id;
	const today = stockholmDate(new Date());
	const quarter = quarterStart(today);
	// The night supervision's third phase ends at the end of next month, whatever day the demo is seeded.
	const month = `${today.slice(0, 8)}01`;

	const night = await createInitiativeIn(tx, consortiumId, admin, {
		title: 'Nattlig tillsyn via kamera',
		ownerOrganisationId: await org('Linköping'),
		participantIds: [await org('Åtvidaberg'), await org('Finspång'), await org('Linköping'), await org('Kinda')],
		technologyId: await technologyNamed(tx, consortiumId, 'Digital tillsyn'),
		phaseModel: 'procurement',
		customPhases: [],
		start: addMonths(month, -7)
	});
	await progress(tx, night, 3);
	const [directive] = await tx
		.select({ id: decisionItems.id })
		.from(decisionItems)
		.where(and(eq(decisionItems.consortiumId, consortiumId), sql`${decisionItems.title} like 'Projektdirektiv för gemensam upphandling%'`));
	if (directive) await addGateIn(tx, admin, night, { phase: 1, decisionItemId: directive.id });
	await addGateIn(tx, admin, night, { phase: 3, decisionItemId: undefined });
	await tx.insert(initiativeMilestones).values([
		{
			consortiumId,
			initiativeId: night.id,
			title: 'Marknadsdialog med leverantörer genomförd',
			due: await phaseEnd(tx, night.id, 2),
			doneOn: await phaseEnd(tx, night.id, 2)
		},
		{ consortiumId, initiativeId: night.id, title: 'Förfrågningsunderlag klart för annonsering', due: await phaseEnd(tx, night.id, 3) },
		{ consortiumId, initiativeId: night.id, title: 'Tilldelningsbeslut', due: await phaseEnd(tx, night.id, 4) }
	]);

	const dispensers = await createInitiativeIn(tx, consortiumId, admin, {
		title: 'Läkemedelsautomater i hemtjänsten',
		ownerOrganisationId: await org('Motala'),
		participantIds: [await org('Mjölby'), await org('Motala'), await org('Norrköping'), await org('Söderköping')],
		technologyId: await technologyNamed(tx, consortiumId, 'Läkemedelsautomat'),
		phaseModel: 'procurement',
		customPhases: [],
		start: addMonths(quarter, 3)
	});
	await tx.insert(initiativeMilestones).values({
		consortiumId,
		initiativeId: dispensers.id,
		title: 'Erfarenhetsmöte med Kinda, Vadstena och Åtvidaberg',
		// Ten days ahead and not yet held: the initiative is at risk, and says why.
		due: addDays(today, 10)
	});

	const nightEnds = await phaseEnd(tx, night.id, 6);
	const locks = await createInitiativeIn(tx, consortiumId, admin, {
		title: 'Digitala lås i särskilt boende',
		ownerOrganisationId: await org('Finspång'),
		participantIds: [await org('Finspång'), await org('Norrköping')],
		technologyId: await technologyNamed(tx, consortiumId, 'Digitala lås'),
		phaseModel: 'custom',
		customPhases: ['Inventering av dörrar och larm', 'Pilot på ett boende i Finspång', 'Utrullning'],
		start: addMonths(quarterStart(nightEnds), 3)
	});
	await addDependencyIn(tx, consortiumId, admin, locks, night.id);
}

/** KASAM's own initiative: the digital support, in its seven phases, now in development and prototype. */
export async function ensureKasamRoadmapDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [existing] = await tx.select({ n: count() }).from(initiatives).where(eq(initiatives.consortiumId, consortiumId));
	if ((existing?.n ?? 0) > 0) return;
	const admin = await userIdByEmail(tx, 'kasam.admin@samsyn.demo');
	const participants = [];
	for (const name of kasamMunicipalities) participants.push((await organisationNamed(tx, consortiumId, name)).id);
	const support = await createInitiativeIn(tx, consortiumId, admin, {
		title: 'Digitalt stöd för vuxna med svag känsla av sammanhang',
		ownerOrganisationId: (await organisationNamed(tx, consortiumId, KASAM.convenor)).id,
		participantIds: participants,
		technologyId: undefined,
		phaseModel: 'kasam',
		customPhases: [],
		start: addMonths(quarterStart(stockholmDate(new Date())), -9)
	});
	await progress(tx, support, 5);
	await tx.insert(initiativeMilestones).values({
		consortiumId,
		initiativeId: support.id,
		title: 'MVP klar för test i tre kommuner',
		due: await phaseEnd(tx, support.id, 5)
	});
}
