import { m } from '$lib/paraglide/messages';
import type { AgendaFact, AgendaSection } from './assemble';

type Locale = 'sv' | 'en';

const sections: Record<AgendaSection, (locale: Locale) => string> = {
	status_report: (locale) => m.agenda_section_status_report({}, { locale }),
	finance: (locale) => m.agenda_section_finance({}, { locale }),
	activities: (locale) => m.agenda_section_activities({}, { locale }),
	risks: (locale) => m.agenda_section_risks({}, { locale }),
	deliverables: (locale) => m.agenda_section_deliverables({}, { locale }),
	decisions: (locale) => m.agenda_section_decisions({}, { locale })
};

/** A standard heading of seed 004's agenda, in the consortium's content language. */
export const sectionTitle = (section: AgendaSection, locale: Locale) => sections[section](locale);

/** A proposal's agenda item title, in the consortium's content language (the minutes are the consortium's). */
export function agendaTitle(fact: AgendaFact, locale: Locale): string {
	const o = { locale };
	switch (fact.kind) {
		case 'status_report':
			return (fact.red ? m.agenda_item_status_report_red : m.agenda_item_status_report)({ title: fact.title }, o);
		case 'initiative': {
			const args = { number: String(fact.number), title: fact.title };
			if (fact.status === 'delayed') return m.agenda_item_initiative_delayed(args, o);
			if (fact.status === 'at_risk') return m.agenda_item_initiative_at_risk(args, o);
			return m.agenda_item_initiative_red({ ...args, rows: fact.redRows.join(', ') }, o);
		}
		case 'budget': {
			const kr = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE');
			return m.agenda_item_budget(
				{
					scope: fact.scope,
					category: fact.category,
					year: String(fact.year),
					outcome: kr.format(fact.outcome),
					budget: kr.format(fact.budget),
					over: kr.format(fact.outcome - fact.budget)
				},
				o
			);
		}
		case 'question':
			return m.agenda_item_question({ number: String(fact.number), title: fact.title, due: fact.dueOn }, o);
		case 'risk':
			return m.agenda_item_risk({ number: String(fact.number), title: fact.title, score: String(fact.score) }, o);
		case 'gate':
			return m.agenda_item_gate({ number: String(fact.initiativeNumber), title: fact.initiativeTitle, phase: fact.phaseName }, o);
		case 'release_gate':
			return m.agenda_item_release_gate({ number: String(fact.number), version: fact.version }, o);
		case 'decision_item':
			return fact.title;
	}
}
