import { addMonths, daysBetween, quarterOf, quarterStart } from './dates';

/** The roadmap's horizons: one, three or five years from the start of the current quarter. */
export const horizons = [1, 3, 5] as const;
export type Horizon = (typeof horizons)[number];

export interface Window {
	/** The first day shown (a quarter's first day). */
	start: string;
	/** The first day after the window. */
	end: string;
	days: number;
	quarters: { start: string; quarter: number; year: number }[];
}

/** The window a roadmap shows: `years` years of quarters starting with the one `today` is in. */
export function timelineWindow(today: string, years: Horizon): Window {
	const start = quarterStart(today);
	const end = addMonths(start, years * 12);
	const quarters = Array.from({ length: years * 4 }, (_, i) => {
		const q = addMonths(start, i * 3);
		return { start: q, ...quarterOf(q) };
	});
	return { start, end, days: daysBetween(start, end), quarters };
}

/** Where a date falls in the window, in per cent of its width (clamped to 0–100). */
export function position(window: Window, iso: string): number {
	const at = (daysBetween(window.start, iso) / window.days) * 100;
	return Math.min(100, Math.max(0, at));
}

/** A span (both ends inclusive) as left and width in per cent, or null when it lies wholly outside. */
export function span(window: Window, from: string, to: string): { left: number; width: number } | null {
	if (daysBetween(window.end, from) >= 0 || daysBetween(to, window.start) > 0) return null;
	const left = position(window, from);
	const right = Math.min(100, ((daysBetween(window.start, to) + 1) / window.days) * 100);
	return { left, width: Math.max(0.4, right - left) };
}

/** The whole months a drag of `pixels` over a track `width` pixels wide moves by, in this window. */
export function monthsForDrag(window: Window, pixels: number, width: number): number {
	if (width <= 0) return 0;
	const months = (window.quarters.length * 3 * pixels) / width;
	return Math.round(months);
}

interface Planned {
	plannedStart: string | null;
	plannedEnd: string | null;
}

/**
 * An initiative's bar: from its first dated phase's start to its last one's end, cut at the day a
 * gate stopped or closed it (its plan after that day never happens); null while nothing is dated.
 */
export function barPlan(i: { phases: readonly Planned[]; ended?: { on: string } | null }): { start: string; end: string } | null {
	const dated = i.phases.filter((p) => p.plannedStart && p.plannedEnd);
	if (dated.length === 0) return null;
	const planned = { start: dated[0]!.plannedStart!, end: dated[dated.length - 1]!.plannedEnd! };
	if (!i.ended || i.ended.on >= planned.end) return planned;
	return { start: planned.start <= i.ended.on ? planned.start : i.ended.on, end: i.ended.on };
}

/** A phase as its bar draws it: cut at the bar's end; null when undated or wholly after it. */
export function drawnPhase(p: Planned, end: string): { start: string; end: string } | null {
	if (!p.plannedStart || !p.plannedEnd || p.plannedStart > end) return null;
	return { start: p.plannedStart, end: p.plannedEnd <= end ? p.plannedEnd : end };
}
