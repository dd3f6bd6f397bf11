import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { initiatives, risks } from '../db/schema';
import { addRiskActionIn, assessRiskIn, raiseRiskIn, setRiskActionDoneIn } from '../risks/commands';
import { ActionInput, RiskInput } from '../risks/schemas';
import { addDays } from '../../roadmap/dates';
import { stockholmDate } from '../../decisions/deadline';
import { userIdByEmail } from './factories';

type Owner = 'admin' | 'linkoping' | 'finspang';
interface DemoRisk {
	title: string;
	threat: string;
	vulnerability: string;
	consequence: string;
	/** S and K over time: the first is when it was raised (days ago), the last is now. */
	scores: { daysAgo: number; s: number; k: number; note?: string }[];
	owner: Owner;
	night?: boolean;
	review: number;
	actions: { title: string; owner: Owner; due: number; done?: boolean }[];
}

// Seed 004's register (R1–R6) with its proposed actions, then a selection of seed 003's list with its mitigations.
const register: DemoRisk[] = [
	{
		title: 'Ändrat uppdrag för e-samordnarrollen',
		threat: 'Ändrat uppdrag för e-samordnarrollen från kommunalförbundet',
		vulnerability: 'Beroendet till tjänsten och nuvarande finansieringsform',
		consequence: 'Projektet står utan projektledare',
		scores: [
			{ daysAgo: 95, s: 3, k: 5 },
			{ daysAgo: 40, s: 4, k: 5, note: 'Förbundsdirektionen har börjat se över uppdraget.' },
			{ daysAgo: 6, s: 5, k: 5, note: 'Beslut om ändrat uppdrag väntas vid årsskiftet.' }
		],
		owner: 'admin',
		review: 14,
		actions: [
			{ title: 'Förhandla om att behålla projektledarrollen i förbundet', owner: 'admin', due: 10 },
			{ title: 'Undersök om en deltagande kommun kan tillsätta projektledare', owner: 'linkoping', due: 20 },
			{ title: 'Omfördela kostnader för att kunna finansiera extern projektledare', owner: 'admin', due: 30 }
		]
	},
	{
		title: 'Övertrassering av budget för externt köpta tjänster',
		threat: 'Övertrassering av budget för externt köpta tjänster',
		vulnerability: 'Projektledaren är beroende av biträdande projektledare för att klara uppdraget',
		consequence: 'Projektets kvalitet och tidsplan påverkas negativt',
		scores: [{ daysAgo: 90, s: 4, k: 3 }],
		owner: 'admin',
		review: 21,
		actions: [{ title: 'Prioritera om de köpta timmarna mot leveransplanen', owner: 'admin', due: 14 }]
	},
	{
		title: 'Minskad interoperabilitet',
		threat: 'Minskad interoperabilitet',
		vulnerability: 'Samverkande processutveckling prioriteras inte',
		consequence: 'Effekten av samverkande processer uteblir',
		scores: [
			{ daysAgo: 90, s: 3, k: 3 },
			{ daysAgo: 12, s: 5, k: 3, note: 'Två kommuner har valt egna larmplattformar.' }
		],
		owner: 'finspang',
		night: true,
		review: 10,
		actions: [{ title: 'Ställ gemensamma krav på öppna gränssnitt i kravspecifikationen', owner: 'finspang', due: 25 }]
	},
	{
		title: 'Vite på grund av bristande tillgänglighet',
		threat: 'Organisationen riskerar vite när plattformen inte följer tillgänglighetsdirektivet',
		vulnerability: 'Kostnad för textning av rörlig media finns inte med i budgeten',
		consequence: 'Metodhandbokens innehåll kan inte publiceras för allmänheten',
		scores: [{ daysAgo: 80, s: 3, k: 5 }],
		owner: 'linkoping',
		review: -3,
		actions: [
			{ title: 'Begär offert på textning av filmerna', owner: 'linkoping', due: -5, done: true },
			{ title: 'Lyft kostnaden för textning i budgetrevisionen', owner: 'admin', due: 15 }
		]
	},
	{
		title: 'Projektdeltagare kan inte prioritera projektet',
		threat: 'Projektdeltagare kan inte prioritera att delta i projektet',
		vulnerability: 'Projektet är beroende av att tio kommuner medverkar för att få finansiering',
		consequence: 'Finansieringen uteblir',
		scores: [{ daysAgo: 85, s: 2, k: 5 }],
		owner: 'admin',
		review: 30,
		actions: []
	},
	{
		title: 'Plattformens kostnad överstiger budget',
		threat: 'Kostnaden för plattformen överstiger budget',
		vulnerability: 'Finansieringen är snålt tilltagen då ingen förstudie genomförts',
		consequence: 'Plattformens kvalitet blir bristande',
		scores: [{ daysAgo: 85, s: 3, k: 4 }],
		owner: 'admin',
		review: 30,
		actions: []
	},
	{
		title: 'Deltagare fastnar i andra uppgifter',
		threat: 'Många deltagare i projektet riskerar att fastna i andra uppgifter',
		vulnerability: 'Ingen överenskommelse om tid i projektet',
		consequence: 'Arbetet försenas',
		scores: [{ daysAgo: 70, s: 3, k: 3 }],
		owner: 'finspang',
		review: 45,
		actions: [
			{ title: 'Ta fram resursöverenskommelser där antal timmar i projektet anges', owner: 'admin', due: 20 },
			{ title: 'Inventera möjliga ersättare till deltagare med specialistkompetens', owner: 'finspang', due: 40 }
		]
	},
	{
		title: 'Leverantören tar längre tid än planerat',
		threat: 'It-leverantörer eller konsulter tar längre tid på sig än planerat',
		vulnerability: 'Planerna stäms inte av med leverantören i tid',
		consequence: 'Införandet av nattillsynen försenas',
		scores: [{ daysAgo: 50, s: 3, k: 4 }],
		owner: 'linkoping',
		night: true,
		review: 20,
		actions: [{ title: 'Starta diskussioner om planer och insatser tidigt, innan förseningar inträffar', owner: 'linkoping', due: 12 }]
	},
	{
		title: 'Överklagande försenar införandet',
		threat: 'Överklaganden av tilldelningsbeslutet',
		vulnerability: 'Krav och underlag som inte är genomarbetade',
		consequence: 'Införandet försenas med månader',
		scores: [{ daysAgo: 45, s: 2, k: 4 }],
		owner: 'finspang',
		night: true,
		review: 60,
		actions: [{ title: 'Säkerställ genomarbetade krav, underlag och analyser', owner: 'finspang', due: 35 }]
	}
];

/**
 * The Östergötland risk register through the commands' own steps, dated back so that each risk has
 * a history: seed 004's six risks (R1 raised to 25 and R3 to 15, both escalated to the steering
 * group), then three of seed 003's with their mitigations, some on the night supervision. Does
 * nothing when the consortium has risks already.
 */
export async function ensureRisksDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [existing] = await tx.select({ id: risks.id }).from(risks).where(eq(risks.consortiumId, consortiumId)).limit(1);
	if (existing) return;
	const [night] = await tx
		.select({ id: initiatives.id })
		.from(initiatives)
		.where(and(eq(initiatives.consortiumId, consortiumId), eq(initiatives.title, 'Nattlig tillsyn via kamera')));
	const owners: Record<Owner, string | null> = {
		admin: await userIdByEmail(tx, 'admin@samsyn.demo'),
		linkoping: await userIdByEmail(tx, 'ombud.linkoping@samsyn.demo'),
		finspang: await userIdByEmail(tx, 'ombud.finspang@samsyn.demo')
	};
	const now = Date.now();
	const ago = (days: number) => new Date(now - days * 86_400_000);
	const today = stockholmDate(new Date(now));
	for (const r of register) {
		const [first, ...later] = r.scores;
		let row = await raiseRiskIn(
			tx,
			owners[r.owner],
			consortiumId,
			RiskInput.parse({
				title: r.title,
				threat: r.threat,
				vulnerability: r.vulnerability,
				consequence: r.consequence,
				probability: first!.s,
				impact: first!.k,
				ownerId: owners[r.owner] ?? undefined,
				initiativeId: r.night && night ? night.id : undefined,
				nextReview: addDays(today, r.review)
			}),
			ago(first!.daysAgo)
		);
		for (const step of later)
			row = await assessRiskIn(tx, owners[r.owner], row, { probability: step.s, impact: step.k, note: step.note ?? '' }, ago(step.daysAgo));
		for (const a of r.actions) {
			const action = await addRiskActionIn(
				tx,
				owners[r.owner],
				row,
				ActionInput.parse({ title: a.title, ownerId: owners[a.owner] ?? undefined, due: addDays(today, a.due) })
			);
			if (a.done) await setRiskActionDoneIn(tx, owners[a.owner], row, { actionId: action.id, done: true });
		}
	}
}
