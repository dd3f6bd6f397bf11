/**
 * Charts drawn on the server with Apache ECharts' SVG renderer: the page receives a finished SVG, so
 * a chart needs no script, prints, and is there before hydration. The picture is decoration for
 * those who see it; every chart's component (`$lib/components/charts/Chart.svelte`) also carries a
 * text alternative and the same data as a table.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, MarkAreaComponent, SVGRenderer]);

/**
 * Series colours: mid-tone hues that keep a 3:1 contrast against both the light and the dark
 * surface (WCAG 1.4.11), told apart by marker shape and dash as well as by hue.
 */
const palette = ['#3b73c4', '#c4621b', '#2e8b57', '#8d5bc2', '#b8860b'];
const symbols = ['circle', 'triangle', 'rect', 'diamond', 'pin'];
const dashes = ['solid', 'dashed', 'dotted', 'solid', 'dashed'] as const;

export interface ChartSeries {
	name: string;
	/** One value per category; null where there is none (a gap in a line). */
	values: (number | null)[];
}

/** A band drawn behind the values, e.g. the high risk band from 15 to 25. */
export interface ChartBand {
	from: number;
	to: number;
	label: string;
}

export interface ChartSpec {
	kind: 'line' | 'bar';
	/** The x axis: dates, months or names, already formatted for the reader. */
	categories: string[];
	series: ChartSeries[];
	yMin?: number;
	yMax?: number;
	/** A horizontal reference line, e.g. a target value. */
	reference?: { value: number; label: string };
	bands?: ChartBand[];
	width?: number;
	height?: number;
}

/** The chart as an SVG string, sized by its viewBox so that it scales down to a 320 px screen. */
export function renderChart(spec: ChartSpec): string {
	const width = spec.width ?? 640;
	const height = spec.height ?? 280;
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	const text = { color: 'currentColor', fontFamily: 'system-ui, sans-serif', fontSize: 12 };
	try {
		chart.setOption({
			animation: false,
			textStyle: text,
			color: palette,
			legend: spec.series.length > 1 ? { top: 0, textStyle: text, itemWidth: 24 } : undefined,
			grid: { left: 40, right: 16, top: spec.series.length > 1 ? 36 : 16, bottom: 28 },
			xAxis: {
				type: 'category',
				data: spec.categories,
				axisLabel: { ...text, hideOverlap: true },
				axisLine: { lineStyle: { color: 'currentColor' } },
				boundaryGap: spec.kind === 'bar'
			},
			yAxis: {
				type: 'value',
				min: spec.yMin,
				max: spec.yMax,
				axisLabel: text,
				splitLine: { lineStyle: { color: 'rgba(128,128,128,0.35)' } }
			},
			series: spec.series.map((s, i) => ({
				type: spec.kind,
				name: s.name,
				data: s.values,
				connectNulls: false,
				symbol: symbols[i % symbols.length],
				symbolSize: 7,
				lineStyle: { width: 2, type: dashes[i % dashes.length] },
				...(i === 0 && spec.reference
					? {
							markLine: {
								silent: true,
								symbol: 'none',
								label: { formatter: spec.reference.label, color: 'currentColor', position: 'insideEndTop' },
								lineStyle: { color: 'currentColor', type: 'dashed' },
								data: [{ yAxis: spec.reference.value }]
							}
						}
					: {}),
				...(i === 0 && spec.bands?.length
					? {
							markArea: {
								silent: true,
								itemStyle: { color: 'rgba(196, 98, 27, 0.12)' },
								label: { color: 'currentColor', position: 'insideTopLeft' },
								data: spec.bands.map((b) => [{ yAxis: b.from, name: b.label }, { yAxis: b.to }])
							}
						}
					: {})
			}))
		});
		// The picture is described by its component (text alternative and table): hidden from assistive technology itself.
		return chart.renderToSVGString().replace(/^<svg /, '<svg aria-hidden="true" focusable="false" ');
	} finally {
		chart.dispose();
	}
}
