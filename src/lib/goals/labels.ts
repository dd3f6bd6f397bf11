import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { numberFormat } from '$lib/intl-formats';

export type GoalStanding = 'not_measured' | 'achieved' | 'on_track' | 'behind';

/** How a goal stands, in the reader's language. */
export function standingLabel(standing: GoalStanding): string {
	switch (standing) {
		case 'not_measured':
			return m.goals_standing_not_measured();
		case 'achieved':
			return m.goals_standing_achieved();
		case 'on_track':
			return m.goals_standing_on_track();
		case 'behind':
			return m.goals_standing_behind();
	}
}

const numberLocale = () => (getLocale() === 'en' ? 'en-GB' : 'sv-SE');

/** A goal's figure with its unit, in the reader's language ("12,5 dagar"). */
export function formatGoalValue(value: number, unit = ''): string {
	const text = numberFormat(numberLocale(), { maximumFractionDigits: 2 }).format(value);
	return unit ? `${text} ${unit}` : text;
}

/** A share of the way from baseline to target as a percentage ("48 %"); '–' without one. */
export function formatProgress(progress: number | null): string {
	return progress === null ? '–' : numberFormat(numberLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(progress);
}
