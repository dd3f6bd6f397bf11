import type { ChartData } from '$lib/charts';
import { formatDate } from '$lib/components/dates';
import { m } from '$lib/paraglide/messages';
import { renderChart } from '../charts/render';
import type { GoalLine } from './progress';

export interface ChartMeasurement {
	/** The municipality's name, or null for the consortium as a whole. */
	scope: string | null;
	value: number;
	measuredOn: string;
}

/** Formats a goal's figure in the reader's language (a comma for decimals in Swedish). */
export const formatValue = (value: number, locale: string) =>
	new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 2 }).format(value);

/**
 * A goal's measurements over time as a line per scope (the consortium as a whole and each
 * municipality), with the baseline as a point of its own at its date and the target as the reference
 * line; the same figures as a table (one row per date, one column per scope) and a summary in words.
 */
export function goalChart(goal: GoalLine & { unit: string }, measurements: readonly ChartMeasurement[], locale: string): ChartData {
	const whole = m.goals_scope_consortium();
	const scopes = [...new Set(measurements.map((x) => x.scope ?? whole))].sort((a, b) => (a === whole ? -1 : b === whole ? 1 : a.localeCompare(b, 'sv')));
	const dates = [...new Set([goal.baselineOn, ...measurements.map((x) => x.measuredOn)])].sort();
	const at = (scope: string, date: string) => {
		// Of several on one date, the last recorded (the list comes oldest first).
		const found = measurements.filter((x) => (x.scope ?? whole) === scope && x.measuredOn === date).at(-1);
		return found ? found.value : null;
	};
	const baselineName = m.goals_baseline();
	const series = [
		{ name: baselineName, values: dates.map((d) => (d === goal.baselineOn ? goal.baselineValue : null)) },
		...scopes.map((scope) => ({ name: scope, values: dates.map((d) => at(scope, d)) }))
	];
	const values = [goal.baselineValue, goal.targetValue, ...measurements.map((x) => x.value)];
	const low = Math.min(...values);
	const high = Math.max(...values);
	const pad = (high - low) * 0.1 || 1;
	const unit = goal.unit ? ` ${goal.unit}` : '';
	const svg = renderChart({
		kind: 'line',
		categories: dates.map((d) => formatDate(d)),
		series,
		yMin: Math.floor(Math.max(low >= 0 ? 0 : -Infinity, low - pad)),
		yMax: Math.ceil(high + pad),
		reference: { value: goal.targetValue, label: m.goals_chart_target({ value: formatValue(goal.targetValue, locale) + unit }) }
	});
	const summary = m.goals_chart_summary({
		baseline: formatValue(goal.baselineValue, locale) + unit,
		baselineOn: formatDate(goal.baselineOn),
		target: formatValue(goal.targetValue, locale) + unit,
		targetOn: formatDate(goal.targetOn),
		count: String(measurements.length)
	});
	return {
		svg,
		summary,
		columns: [m.goals_col_date(), baselineName, ...scopes],
		rows: dates.map((d, i) => [formatDate(d), ...series.map((s) => (s.values[i] === null ? '–' : formatValue(s.values[i]!, locale)))])
	};
}
