import { and, asc, count, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { organisationNamed, userIdByEmail } from './factories';
import { ostergotlandRepresented, representativeEmail } from './data';
import { decisionConflicts, decisionItems, decisionLinks, decisionPositionHistory, decisionPositions, decisionReservations, requirements } from '../db/schema';
import { closeItemIn, recordIn } from '../decisions/commands';
import { endOfDayInStockholm } from '../../decisions/deadline';
import type { Stance } from '../../enums';

type PositionSeed = [organisation: string, stance: Stance, reason?: string];

interface ItemSeed {
	title: string;
	background: string;
	proposal: string;
	level: 'project_group' | 'steering_group';
	positions: PositionSeed[];
	/** Recorded at a steering-group meeting: paragraph, the day it closed, communicated to the supplier. */
	recorded?: { paragraph: string; closedOn: string; communicated: boolean; registrationNumber: string; reservation?: [organisation: string, reason: string] };
}

const recorded: ItemSeed[] = [
	{
		title: 'Projektdirektiv för gemensam upphandling av digital nattillsyn',
		background:
			'Projektgruppen har tagit fram ett projektdirektiv enligt upphandlingsguidens första fas: syfte, mål, omfattning, tidplan och resurser. Direktivet har varit på remiss hos kommunerna under september.',
		proposal: 'Styrgruppen fastställer projektdirektivet version 1.0 och ger projektgruppen i uppdrag att ta fram en kravspecifikation (beslutspunkt B1).',
		level: 'steering_group',
		positions: [
			['Linköping', 'for'],
			['Norrköping', 'for'],
			['Kinda', 'for'],
			['Finspång', 'for'],
			['Mjölby', 'for'],
			['Vadstena', 'abstain', 'Vadstena avvaktar nämndens behandling.'],
			['Ydre', 'for']
		],
		recorded: { paragraph: 'Styrgruppen 2026-10-15, § 3', closedOn: '2026-10-15', communicated: false, registrationNumber: 'RS 2026/0412' }
	},
	{
		title: 'MVP-omfattning: läkemedelsautomat och digital tillsyn i första leveransen',
		background:
			'Kommunerna har prioriterat kraven för läkemedelsautomaten och digital nattillsyn högst. Trygghetslarm med GPS skjuts till en senare leverans för att hålla tidplanen.',
		proposal: 'Första leveransen (MVP) omfattar läkemedelsautomat och digital nattillsyn enligt kravspecifikation 1.0. GPS-larm hanteras i leverans 2.',
		level: 'steering_group',
		positions: [
			['Linköping', 'for'],
			['Norrköping', 'for'],
			['Kinda', 'for'],
			['Finspång', 'for'],
			['Mjölby', 'for'],
			['Vadstena', 'against', 'GPS-larm är det mest angelägna behovet i Vadstena.'],
			['Ydre', 'for']
		],
		recorded: {
			paragraph: 'Styrgruppen 2026-10-15, § 4',
			closedOn: '2026-10-15',
			communicated: false,
			registrationNumber: 'RS 2026/0413',
			reservation: ['Vadstena', 'Vadstena reserverar sig: brukare med demenssjukdom som går vilse behöver GPS-larm redan i första leveransen.']
		}
	},
	{
		title: 'Tidplan: avtalsstart 1 mars 2027',
		background: 'Utvärderingen av anbuden blir klar i januari. Avtalsspärren och överprövningstiden ger avtalsstart tidigast 1 mars 2027.',
		proposal: 'Avtalet med leverantören börjar gälla 1 mars 2027. Första delleveransen ska vara driftsatt 1 september 2027.',
		level: 'steering_group',
		positions: [
			['Linköping', 'for'],
			['Norrköping', 'for'],
			['Kinda', 'for'],
			['Finspång', 'for'],
			['Mjölby', 'for'],
			['Vadstena', 'for'],
			['Ydre', 'for']
		],
		recorded: { paragraph: 'Styrgruppen 2026-10-15, § 5', closedOn: '2026-10-15', communicated: true, registrationNumber: 'RS 2026/0414' }
	}
];

const open: ItemSeed = {
	title: 'Godkännande av delleverans 1: inloggning och behörighet',
	background:
		'Leverantören har levererat inloggning med SITHS-kort och behörighetsstyrning per enhet. Projektgruppen har testat enligt acceptanskriterierna; två avvikelser av lägre grad återstår och åtgärdas i nästa sprint.',
	proposal: 'Delleverans 1 godkänns med de två kända avvikelserna, som ska vara åtgärdade till delleverans 2.',
	level: 'project_group',
	positions: [
		['Linköping', 'for'],
		['Norrköping', 'for'],
		['Kinda', 'for', 'Testerna i Kinda gick igenom utan anmärkning.'],
		['Mjölby', 'against', 'Avvikelsen i behörighetsstyrningen måste vara åtgärdad före godkännande.'],
		['Ydre', 'for']
	]
};

const draft: ItemSeed = {
	title: 'Ändringsbegäran: brukarappen på flera språk',
	background: 'Flera kommuner har brukare som inte läser svenska. Leverantören har offererat stöd för arabiska, somaliska och finska.',
	proposal: 'Konsortiet begär att brukarappen får stöd för arabiska, somaliska och finska i leverans 2, inom avtalets ramar.',
	level: 'steering_group',
	positions: []
};

/**
 * The demo's decisions in Östergötland: three recorded at the steering group's October meeting (one
 * with Vadstena's reservation, one communicated to the supplier and not yet acknowledged), an open
 * item with the positions of five of the thirteen municipalities (Ydre's by its deputy, after the
 * representative declared a conflict of interest), and a draft. Recorded through the same code the
 * app records with, so numbers and the hash chain are real. Idempotent: nothing when items exist.
 */
export async function ensureDecisionsDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [existing] = await tx.select({ n: count() }).from(decisionItems).where(eq(decisionItems.consortiumId, consortiumId));
	if ((existing?.n ?? 0) > 0) return;
	const person = (email: string) => userIdByEmail(tx, email);
	const organisation = async (name: string) => (await organisationNamed(tx, consortiumId, name)).id;
	const admin = await person('admin@samsyn.demo');
	const member = await person('deltagare.motala@samsyn.demo');

	const create = async (seed: ItemSeed, deadline: Date | null, status: 'draft' | 'open') => {
		const [item] = await tx
			.insert(decisionItems)
			.values({
				consortiumId,
				title: seed.title,
				background: seed.background,
				proposal: seed.proposal,
				level: seed.level,
				deadline,
				status,
				createdBy: member,
				openedAt: status === 'open' ? new Date() : null
			})
			.returning();
		return item!;
	};
	const state = async (itemId: string, [name, stance, reason = '']: PositionSeed, deputy = false) => {
		const organisationId = await organisation(name);
		const userId = deputy ? await person(`ersattare.${name.toLowerCase()}@samsyn.demo`) : await person(representativeEmail(name));
		const values = { consortiumId, itemId, organisationId, stance, reason, userId, actingAs: deputy ? ('deputy' as const) : ('representative' as const) };
		await tx.insert(decisionPositions).values(values);
		await tx.insert(decisionPositionHistory).values(values);
	};

	for (const seed of recorded) {
		const info = seed.recorded!;
		const closedAt = endOfDayInStockholm(info.closedOn);
		const item = await create(seed, closedAt, 'open');
		for (const p of seed.positions) if (ostergotlandRepresented.includes(p[0])) await state(item.id, p);
		const closed = await closeItemIn(tx, item, admin);
		await tx.update(decisionItems).set({ closedAt }).where(eq(decisionItems.id, item.id));
		if (info.reservation) {
			const [name, reason] = info.reservation;
			await tx
				.insert(decisionReservations)
				.values({ consortiumId, itemId: item.id, organisationId: await organisation(name), userId: await person(representativeEmail(name)), reason });
		}
		await recordIn(
			tx,
			admin,
			{ ...closed, closedAt },
			{
				registrationNumber: info.registrationNumber,
				meetingParagraph: info.paragraph,
				secret: false,
				communicated: info.communicated,
				supersedesId: undefined
			}
		);
	}

	const deadline = endOfDayInStockholm(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
	const item = await create(open, deadline, 'open');
	const rows = await tx
		.select({ id: requirements.id })
		.from(requirements)
		.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.isLatest, true)))
		.orderBy(asc(requirements.number))
		.limit(2);
	if (rows.length > 0)
		await tx.insert(decisionLinks).values(rows.map((r) => ({ consortiumId, itemId: item.id, targetKind: 'requirement' as const, targetId: r.id })));
	const ydreRepresentative = await person('ombud.ydre@samsyn.demo');
	if (ydreRepresentative) {
		await tx.insert(decisionConflicts).values({
			consortiumId,
			itemId: item.id,
			organisationId: await organisation('Ydre'),
			userId: ydreRepresentative,
			reason: 'Närstående är anställd hos leverantören.'
		});
	}
	for (const p of open.positions) await state(item.id, p, p[0] === 'Ydre');
	await create(draft, endOfDayInStockholm(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)), 'draft');
}
