import type { Role } from '../policy';

/** The password of every demo account; printed at first start and listed in the README. */
export const DEMO_PASSWORD = 'samsyn-demo-2026';

/** Östergötland's 13 municipalities, SKR group and population (research report 2023, table 1). */
export const ostergotlandMunicipalities = [
	{ name: 'Linköping', skrGroup: 'B3', population: 163051 },
	{ name: 'Norrköping', skrGroup: 'B3', population: 143171 },
	{ name: 'Åtvidaberg', skrGroup: 'B4', population: 11503 },
	{ name: 'Söderköping', skrGroup: 'B4', population: 14626 },
	{ name: 'Mjölby', skrGroup: 'B4', population: 27758 },
	{ name: 'Kinda', skrGroup: 'B5', population: 9940 },
	{ name: 'Finspång', skrGroup: 'B5', population: 21912 },
	{ name: 'Valdemarsvik', skrGroup: 'B5', population: 7873 },
	{ name: 'Motala', skrGroup: 'B5', population: 43673 },
	{ name: 'Ödeshög', skrGroup: 'C7', population: 5337 },
	{ name: 'Ydre', skrGroup: 'C7', population: 3747 },
	{ name: 'Boxholm', skrGroup: 'C7', population: 5476 },
	{ name: 'Vadstena', skrGroup: 'C7', population: 7428 }
] as const;

/** The eight KASAM municipalities named in the partnership's final report. */
export const kasamMunicipalities = ['Skellefteå', 'Tierp', 'Eskilstuna', 'Linköping', 'Malmö', 'Karlskrona', 'Helsingborg', 'Lund'] as const;

export const OSTERGOTLAND = {
	slug: 'ostergotland',
	name: 'Välfärdsteknik Östergötland',
	description: 'Östergötlands 13 kommuner formar och upphandlar välfärdsteknik tillsammans: digital tillsyn, läkemedelsautomater och trygghetslarm.',
	convenor: 'Samordningskansliet Östergötland',
	supplier: 'Nattljus Omsorgsteknik AB',
	adviser: 'Klarsyn Rådgivning AB',
	/** An external reviewer's organisation (remissinstans): non-voting, reads only what is sent to it for consultation. */
	pensioners: 'PRO Östergötland'
} as const;

export const KASAM = {
	slug: 'kasam',
	name: 'KASAM innovationspartnerskap',
	description: 'Åtta kommuner och SKR utvecklar digitala stöd för vuxna med svag känsla av sammanhang, tillsammans med en leverantör.',
	convenor: 'SKR (sammanhållande part)'
} as const;

export interface DemoAccount {
	email: string;
	name: string;
	memberships: { consortium: 'ostergotland' | 'kasam'; organisation: string; role: Role }[];
	isOperator?: boolean;
	locale?: 'sv' | 'en';
}

/** The demo sign-in of a municipality's representative: ombud.<name without å, ä, ö>@samsyn.demo. */
export function representativeEmail(organisation: string): string {
	return `ombud.${organisation.toLowerCase().replace(/ö/g, 'o').replace(/å/g, 'a').replace(/ä/g, 'a')}@samsyn.demo`;
}

/** Demo sign-ins: roles, never the names of the officials in the source documents. */
export const demoAccounts: DemoAccount[] = [
	{
		email: 'admin@samsyn.demo',
		name: 'Samordnare Östergötland',
		memberships: [{ consortium: 'ostergotland', organisation: OSTERGOTLAND.convenor, role: 'admin' }]
	},
	{
		email: 'ombud.linkoping@samsyn.demo',
		name: 'Ombud Linköping',
		memberships: [
			{ consortium: 'ostergotland', organisation: 'Linköping', role: 'representative' },
			{ consortium: 'kasam', organisation: 'Linköping', role: 'representative' }
		]
	},
	{
		email: 'ombud.ydre@samsyn.demo',
		name: 'Ombud Ydre',
		memberships: [{ consortium: 'ostergotland', organisation: 'Ydre', role: 'representative' }]
	},
	...(['Norrköping', 'Kinda', 'Finspång', 'Mjölby', 'Vadstena'] as const).map((organisation) => ({
		email: representativeEmail(organisation),
		name: `Ombud ${organisation}`,
		memberships: [{ consortium: 'ostergotland' as const, organisation, role: 'representative' as const }]
	})),
	{
		email: 'ersattare.ydre@samsyn.demo',
		name: 'Ersättare Ydre',
		memberships: [{ consortium: 'ostergotland', organisation: 'Ydre', role: 'deputy' }]
	},
	{
		email: 'deltagare.motala@samsyn.demo',
		name: 'Verksamhetsutvecklare Motala',
		memberships: [{ consortium: 'ostergotland', organisation: 'Motala', role: 'member' }]
	},
	{
		email: 'observator@samsyn.demo',
		name: 'Upphandlare (observatör)',
		memberships: [{ consortium: 'ostergotland', organisation: OSTERGOTLAND.adviser, role: 'observer' }]
	},
	{
		email: 'remiss@samsyn.demo',
		name: 'Seniorrådets ordförande',
		memberships: [{ consortium: 'ostergotland', organisation: OSTERGOTLAND.pensioners, role: 'reviewer' }]
	},
	{
		email: 'leverantor@samsyn.demo',
		name: 'Leverantörens produktägare',
		memberships: [{ consortium: 'ostergotland', organisation: OSTERGOTLAND.supplier, role: 'supplier' }]
	},
	{
		email: 'kasam.admin@samsyn.demo',
		name: 'Processledare KASAM',
		memberships: [{ consortium: 'kasam', organisation: KASAM.convenor, role: 'admin' }]
	},
	{
		email: 'operator@samsyn.demo',
		name: 'Plattformsoperatör',
		memberships: [],
		isOperator: true
	}
];

/** The Östergötland municipalities whose representatives have demo accounts (they state positions and attend in the demo). */
export const ostergotlandRepresented: string[] = demoAccounts.flatMap((a) =>
	a.memberships.filter((m) => m.consortium === 'ostergotland' && m.role === 'representative').map((m) => m.organisation)
);
