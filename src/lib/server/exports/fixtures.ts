import type { SpecDocument, SpecRequirement } from './spec';

/** A small specification with every kind of value an export must carry, for tests. */
export function sampleSpec(overrides: Partial<SpecDocument> = {}): SpecDocument {
	const base: Omit<SpecRequirement, 'id' | 'identifier' | 'number' | 'title'> = {
		revision: 1,
		text: 'Lösningen ska larma nattpersonalen.',
		rationale: '',
		acceptanceCriteria: '',
		obligation: 'mandatory',
		weight: null,
		type: 'functional',
		subtype: null,
		verification: 'test',
		scope: 'common',
		localOrganisations: [],
		status: 'approved'
	};
	const requirements: SpecRequirement[] = [
		{
			...base,
			id: 'r1',
			identifier: 'K-001',
			number: 1,
			title: 'Larm vid uppstigning',
			text: 'Sensorn ska larma inom 30 sekunder när brukaren lämnar sängen.\n\nLarmet ska gå till rätt nattpatrull.',
			rationale: 'Fallolyckor sker oftast nattetid.',
			acceptanceCriteria: 'Test i miljö med 10 sensorer: 30 av 30 larm når fram inom 30 s.'
		},
		{
			...base,
			id: 'r2',
			identifier: 'K-002',
			number: 2,
			title: 'Kamera med integritetsskydd <"&\'>',
			text: '=SUMMA(A1:A2) är inte en formel här; "citat"; semikolon; och\nradbrytning.',
			obligation: 'criterion',
			weight: 15,
			type: 'non_functional',
			subtype: 'security',
			verification: 'demonstration',
			revision: 2
		},
		{
			...base,
			id: 'r3',
			identifier: 'K-003',
			number: 3,
			title: 'Läkemedelsautomat i Ydre och Kinda',
			type: 'general',
			verification: 'document',
			scope: 'local',
			localOrganisations: ['Ydre', 'Kinda']
		},
		{
			...base,
			id: 'r4',
			identifier: 'K-004',
			number: 4,
			title: 'Export av händelselogg',
			type: 'data',
			obligation: 'criterion',
			weight: 5,
			verification: 'inspection'
		}
	];
	return {
		id: '6f1e3f8c-1111-4a4a-9b9b-000000000001',
		consortiumName: 'Välfärdsteknik Östergötland',
		name: 'Kravspecifikation 1.0',
		description: 'Digital nattillsyn och läkemedelsautomater.',
		frozenAt: new Date('2026-11-20T09:30:00Z'),
		frozenBy: 'Samordnare Östergötland',
		requirements,
		...overrides
	};
}
