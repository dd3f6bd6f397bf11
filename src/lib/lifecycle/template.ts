/**
 * The procurement lifecycle's template: the six phases of seed 001 (after Upphandlingsmyndigheten's
 * purchasing process) and the activities the guide names in each, in Swedish and English. A new
 * lifecycle copies it in the consortium's content language; people then add their own activities.
 */
export interface TemplateActivity {
	key: string;
	sv: string;
	en: string;
}
export interface TemplatePhase {
	sv: string;
	en: string;
	activities: TemplateActivity[];
}

const a = (key: string, sv: string, en: string): TemplateActivity => ({ key, sv, en });

export const lifecycleTemplate: TemplatePhase[] = [
	{
		sv: 'Projektdirektiv',
		en: 'Project directive',
		activities: [
			a('scoping', 'Avgränsning', 'Scoping'),
			a('stakeholder_mapping', 'Intressentkartläggning', 'Stakeholder mapping'),
			a('interviews', 'Intervjuer', 'Interviews'),
			a('anchoring', 'Förankring', 'Anchoring'),
			a('budget', 'Budget', 'Budget'),
			a('vision', 'Vision', 'Vision'),
			a('project_plan', 'Projektplan', 'Project plan')
		]
	},
	{
		sv: 'Kartläggning',
		en: 'Mapping',
		activities: [
			a('existing_systems', 'Befintliga system och teknik', 'Existing systems and technology'),
			a('needs_analysis', 'Behovsanalys', 'Needs analysis'),
			a('focus_groups', 'Fokusgrupper', 'Focus groups'),
			a('market_analysis', 'Marknadsanalys', 'Market analysis'),
			a('ambassador_training', 'Utbildning ambassadörer', 'Training ambassadors'),
			a('pilot', 'Pilot', 'Pilot'),
			a('summary', 'Sammanställning', 'Summary')
		]
	},
	{
		sv: 'Analysera och förbereda',
		en: 'Analyse and prepare',
		activities: [
			a('current_state', 'Beskriv nuläge', 'Describe the current state'),
			a('target_state', 'Beskriv målbild', 'Describe the target state'),
			a('risk_analysis', 'Riskanalys', 'Risk analysis'),
			a('requirements_criteria', 'Krav och kriterier', 'Requirements and criteria'),
			a('compensation_model', 'Ersättningsmodell', 'Compensation model'),
			a('evaluation_model', 'Utvärderingsmodell', 'Evaluation model'),
			a('contract_terms', 'Avtalsvillkor', 'Contract terms'),
			a('procurement_documents', 'Upphandlingsdokument', 'Procurement documents')
		]
	},
	{
		sv: 'Upphandling',
		en: 'Procurement',
		activities: [
			a('advertising', 'Annonsering', 'Advertising'),
			a('questions_answers', 'Frågor och svar', 'Questions and answers'),
			a('evaluation', 'Utvärdering', 'Evaluation'),
			a('negotiation', 'Förhandling', 'Negotiation'),
			a('award_notice', 'Underrättelse (tilldelningsbeslut)', 'Award notice'),
			a('contract_discussion', 'Avtalsdiskussion', 'Contract discussion'),
			a('contract_signing', 'Avtalsskrivning', 'Contract signing')
		]
	},
	{
		sv: 'Implementera',
		en: 'Implementation',
		activities: [
			a('acceptance_tests', 'Acceptanstester', 'Acceptance tests'),
			a('test_period', 'Testperiod', 'Test period'),
			a('change_management', 'Förändringsledning och förankring', 'Change management and anchoring'),
			a('training', 'Utbildning och utbildningsmaterial', 'Training and training material')
		]
	},
	{
		sv: 'Förvalta',
		en: 'Management',
		activities: [
			a('support', 'Support', 'Support'),
			a('support_meetings', 'Supportmöten', 'Support meetings'),
			a('operations_meetings', 'Verksamhetsmöten', 'Operations meetings'),
			a('contract_management_meetings', 'Avtalsförvaltningsmöten', 'Contract management meetings')
		]
	}
];

/** The phase's name (1 = the first) in `locale`. */
export const lifecyclePhaseName = (phase: number, locale: 'sv' | 'en') => lifecycleTemplate[phase - 1]?.[locale] ?? String(phase);
