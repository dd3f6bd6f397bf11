import { z } from 'zod';
import { PERIOD_PATTERN, trafficLights } from '../../status-reports/values';
import { blankToUndefined, IntegerBetween, OptionalText, RequiredText } from '../validation';

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/** A month as `YYYY-MM` (what `<input type="month">` sends). */
export const Period = z
	.string({ message: 'required' })
	.trim()
	.min(1, { message: 'required', abort: true })
	.regex(PERIOD_PATTERN, { message: 'status_report_period_invalid', abort: true })
	.refine((p) => p >= '1900-01' && p <= '2999-12', { message: 'status_report_period_invalid' });

export const Light = z.enum(trafficLights, { message: 'status_report_light_invalid' });

/** A new report: its month and scope (an initiative, or none for the consortium as a whole). */
export const StatusReportInput = z.object({
	period: Period,
	initiativeId: z.preprocess(blankToUndefined, z.uuid({ message: 'invalid_choice' }).optional()),
	summary: OptionalText(5000)
});
export type StatusReportInput = z.infer<typeof StatusReportInput>;

/** One row as the report form sends it. */
export const RowInput = z.object({
	id: z.uuid({ message: 'invalid' }),
	light: Light,
	deviation: OptionalText(2000),
	action: OptionalText(2000),
	done: checkbox
});
export type RowInput = z.infer<typeof RowInput>;

const ROW_FIELD = /^rows\.(\d{1,3})\.(id|light|deviation|action|done)$/;

/**
 * The report form names its row fields `rows.<n>.<field>` (so an error sits beside its field, as
 * zod's path `rows.<n>.<field>` names it); this gathers them into a list.
 */
const gatherRows = (v: unknown) => {
	if (!v || typeof v !== 'object') return v;
	const given = v as Record<string, unknown>;
	const rows: Record<string, unknown>[] = [];
	for (const [key, value] of Object.entries(given)) {
		const match = ROW_FIELD.exec(key);
		if (!match) continue;
		(rows[Number(match[1])] ??= {})[match[2]!] = value;
	}
	return { version: given.version, summary: given.summary, rows: rows.map((r) => r ?? {}) };
};

/** The whole draft saved at once: its summary and every row, unless someone saved it since `version`. */
export const StatusReportUpdate = z.preprocess(
	gatherRows,
	z.object({
		version: IntegerBetween(1, 2_000_000_000),
		summary: OptionalText(5000),
		rows: z.array(RowInput).max(50, 'too_long')
	})
);
export type StatusReportUpdate = z.infer<typeof StatusReportUpdate>;

/** A custom row added to a draft. */
export const CustomRowInput = z.object({ name: RequiredText(120) });
export type CustomRowInput = z.infer<typeof CustomRowInput>;

export const ReportRef = z.object({ reportId: z.uuid({ message: 'invalid' }) });
export const RowRef = z.object({ rowId: z.uuid({ message: 'invalid' }) });
export const VersionRef = z.object({ version: IntegerBetween(1, 2_000_000_000) });
