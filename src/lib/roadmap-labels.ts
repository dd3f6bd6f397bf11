import { m } from '$lib/paraglide/messages';
import type { InitiativeLinkKind, InitiativeStatus, PhaseModel } from '$lib/enums';
import { formatDate } from '$lib/components/dates';
import { dateTimeFormat } from '$lib/intl-formats';

type Labels<K extends string> = Record<K, () => string>;
const pick = (labels: Record<string, () => string>, key: string | null | undefined) => (key && labels[key] ? labels[key]() : (key ?? ''));

const statuses: Labels<InitiativeStatus> = {
	on_track: () => m.roadmap_status_on_track(),
	at_risk: () => m.roadmap_status_at_risk(),
	delayed: () => m.roadmap_status_delayed()
};
const models: Labels<PhaseModel> = {
	kasam: () => m.roadmap_model_kasam(),
	procurement: () => m.roadmap_model_procurement(),
	custom: () => m.roadmap_model_custom()
};
const linkKinds: Labels<InitiativeLinkKind> = {
	need: () => m.roadmap_link_need(),
	requirement: () => m.roadmap_link_requirement(),
	baseline: () => m.roadmap_link_baseline(),
	decision: () => m.roadmap_link_decision()
};
const gateStates: Labels<'draft' | 'open' | 'passed' | 'failed'> = {
	draft: () => m.roadmap_gate_draft(),
	open: () => m.roadmap_gate_open(),
	passed: () => m.roadmap_gate_passed(),
	failed: () => m.roadmap_gate_failed()
};

export const initiativeStatusLabel = (v: string | null | undefined) => pick(statuses, v);
export const phaseModelLabel = (v: string | null | undefined) => pick(models, v);
export const initiativeLinkKindLabel = (v: string | null | undefined) => pick(linkKinds, v);
export const gateStateLabel = (v: string | null | undefined) => pick(gateStates, v);

/** A derived status's reason in words: "Fasen Upphandling skulle vara klar 31 mars 2027". */
export function reasonText(reason: { key: string; phase?: string; title?: string; date?: string }): string {
	const date = reason.date ? formatDate(reason.date) : '';
	switch (reason.key) {
		case 'phase_overdue':
			return m.roadmap_reason_phase_overdue({ phase: reason.phase ?? '', date });
		case 'milestone_overdue':
			return m.roadmap_reason_milestone_overdue({ title: reason.title ?? '', date });
		case 'gate_failed':
			return m.roadmap_reason_gate_failed({ phase: reason.phase ?? '' });
		case 'gate_passed_over':
			return m.roadmap_reason_gate_passed_over({ phase: reason.phase ?? '' });
		case 'gate_not_opened':
			return m.roadmap_reason_gate_not_opened({ phase: reason.phase ?? '', date });
		case 'milestone_soon':
			return m.roadmap_reason_milestone_soon({ title: reason.title ?? '', date });
		case 'dependency_late':
			return m.roadmap_reason_dependency_late({ title: reason.title ?? '', date });
		default:
			return reason.key;
	}
}

/** "K1 2027" / "Q1 2027". */
export const quarterLabel = (q: { quarter: number; year: number }) => m.roadmap_quarter({ quarter: String(q.quarter), year: String(q.year) });

/** "mar 2027" / "Mar 2027": the month a plan starts or ends, as the roadmap speaks of it. */
export function monthLabel(iso: string, locale: string): string {
	const [year, month] = iso.split('-').map(Number) as [number, number];
	return dateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(Date.UTC(year, month - 1, 15))
	);
}

const gateOutcomes: Record<string, () => string> = {
	continue: () => m.roadmap_gate_outcome_continue(),
	back: () => m.roadmap_gate_outcome_back(),
	stop: () => m.roadmap_gate_outcome_stop(),
	close: () => m.roadmap_gate_outcome_close()
};
/** What the steering group decided at a gate: Fortsätt, Tillbaka, Stopp, Avsluta. */
export const gateOutcomeLabel = (v: string | null | undefined) => pick(gateOutcomes, v);
