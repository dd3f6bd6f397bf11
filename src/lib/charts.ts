/** A chart as `$lib/components/charts/Chart.svelte` shows it: the server's SVG, its text alternative, and its data as a table. */
export interface ChartData {
	/** The finished SVG from `renderChart`. */
	svg: string;
	/** What the chart shows, in a sentence or two: its text alternative. */
	summary: string;
	/** The data: the first column names the rows. */
	columns: string[];
	rows: (string | number)[][];
}
