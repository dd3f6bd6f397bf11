import type { ChartData } from '$lib/charts';
import { formatDate } from '$lib/components/dates';
import { m } from '$lib/paraglide/messages';
import { riskBandLabel } from '$lib/risk-labels';
import type { RiskBand, RiskBandLimits } from '../../risks/bands';
import { renderChart } from '../charts/render';

/** A risk's score over its assessments, with the high band drawn behind it, in the reader's language. */
export function riskTrendChart(
	risk: { number: number; score: number },
	assessments: readonly { assessedAt: Date; probability: number; impact: number; score: number; band: RiskBand; by: string; note: string }[],
	limits: RiskBandLimits
): ChartData {
	const dates = assessments.map((a) => formatDate(a.assessedAt));
	return {
		svg: renderChart({
			kind: 'line',
			categories: dates,
			series: [{ name: m.risks_trend_series(), values: assessments.map((a) => a.score) }],
			yMin: 0,
			yMax: 25,
			bands: [{ from: limits.highFrom, to: 25, label: m.risks_band_high() }],
			height: 240
		}),
		summary: m.risks_trend_summary({
			number: String(risk.number),
			count: String(assessments.length),
			first: String(assessments[0]?.score ?? risk.score),
			last: String(assessments.at(-1)?.score ?? risk.score)
		}),
		columns: [m.risks_col_date(), m.risks_col_s(), m.risks_col_k(), m.risks_col_r(), m.risks_col_band(), m.risks_col_by(), m.risks_col_note()],
		rows: assessments.map((a, i) => [dates[i]!, a.probability, a.impact, a.score, riskBandLabel(a.band), a.by, a.note])
	};
}
