import { m } from '$lib/paraglide/messages';
import { dateTimeFormat } from '$lib/intl-formats';
import type { RowKind, StatusReportStatus, TrafficLight } from './values';

/** A traffic light in words (never shown by colour alone). */
export function trafficLightLabel(light: TrafficLight): string {
	return { green: m.status_report_light_green, yellow: m.status_report_light_yellow, red: m.status_report_light_red }[light]();
}

export function statusReportStatusLabel(status: StatusReportStatus): string {
	return { draft: m.status_report_status_draft, submitted: m.status_report_status_submitted }[status]();
}

/** A row's name: the standard rows' from the app, a custom row's as written. */
export function rowName(row: { kind: string; name: string }): string {
	const kind = row.kind as RowKind;
	if (kind === 'budget') return m.status_report_row_budget();
	if (kind === 'time') return m.status_report_row_time();
	if (kind === 'staff') return m.status_report_row_staff();
	return row.name;
}

/** `2026-03` as the month's name in the current language ("mars 2026"). */
export function periodLabel(period: string, locale: string): string {
	const [year, month] = period.split('-').map(Number) as [number, number];
	return dateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(Date.UTC(year, month - 1, 1))
	);
}
