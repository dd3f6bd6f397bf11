import type { PhaseModel } from '../../enums';
import { addMonths, previousDay } from '../../roadmap/dates';

/**
 * The phase models an initiative can follow, named in the consortium's content language: KASAM's
 * seven phases for developing a digital support (seed 000) and the procurement lifecycle's six
 * (seed 001, after Upphandlingsmyndigheten's model), with the months a phase usually takes, which
 * a new initiative's plan starts from and those taking part then adjust.
 */
const templates: Record<Exclude<PhaseModel, 'custom'>, { sv: string; en: string; months: number }[]> = {
	kasam: [
		{ sv: 'Förberedelse', en: 'Preparation', months: 2 },
		{ sv: 'Målgruppsarbete', en: 'Target group', months: 2 },
		{ sv: 'Mål och nyttor', en: 'Goals and benefits', months: 2 },
		{ sv: 'Analys och kravställning', en: 'Analysis and requirements', months: 3 },
		{ sv: 'Utveckling och prototyp', en: 'Development and prototype', months: 6 },
		{ sv: 'Produktionssättning och go-live', en: 'Go-live', months: 3 },
		{ sv: 'Uppföljning och förändring', en: 'Follow-up and change', months: 6 }
	],
	procurement: [
		{ sv: 'Projektdirektiv', en: 'Project directive', months: 2 },
		{ sv: 'Kartläggning', en: 'Mapping', months: 3 },
		{ sv: 'Analysera och förbereda', en: 'Analyse and prepare', months: 4 },
		{ sv: 'Upphandling', en: 'Procurement', months: 5 },
		{ sv: 'Implementera', en: 'Implementation', months: 6 },
		{ sv: 'Förvalta', en: 'Management', months: 12 }
	]
};

/** Months a phase of a custom list is planned for at first. */
const CUSTOM_MONTHS = 3;

export interface PlannedPhase {
	position: number;
	name: string;
	plannedStart: string;
	plannedEnd: string;
}

/** The phase names of a model in `locale`; a custom model's are the names given. */
export function phaseNames(model: PhaseModel, locale: 'sv' | 'en', custom: readonly string[] = []): string[] {
	return model === 'custom' ? [...custom] : templates[model].map((p) => p[locale]);
}

/** A first plan: the phases one after another from `start` (a month's first day), each for its usual months. */
export function firstPlan(model: PhaseModel, locale: 'sv' | 'en', start: string, custom: readonly string[] = []): PlannedPhase[] {
	const months = model === 'custom' ? custom.map(() => CUSTOM_MONTHS) : templates[model].map((p) => p.months);
	const names = phaseNames(model, locale, custom);
	let from = start;
	return names.map((name, i) => {
		const next = addMonths(from, months[i]!);
		const phase = { position: i + 1, name, plannedStart: from, plannedEnd: previousDay(next) };
		from = next;
		return phase;
	});
}
