import { m } from '$lib/paraglide/messages';
import type { AcceptanceVerdict, BacklogStatus, CapacityUnit, ChangeRequestKind, ChangeRequestStatus, DeliveryStatus } from '$lib/enums';

type Labels<K extends string> = Record<K, () => string>;
const pick = (labels: Record<string, () => string>, key: string | null | undefined) => (key && labels[key] ? labels[key]() : (key ?? ''));

const statuses: Labels<BacklogStatus> = { planning: () => m.backlog_status_planning(), locked: () => m.backlog_status_locked() };
const units: Labels<CapacityUnit> = { story_points: () => m.backlog_unit_story_points(), sek: () => m.backlog_unit_sek() };
const changeKinds: Labels<ChangeRequestKind> = {
	add: () => m.backlog_change_kind_add(),
	remove: () => m.backlog_change_kind_remove(),
	move: () => m.backlog_change_kind_move(),
	criteria: () => m.backlog_change_kind_criteria()
};
const changeStatuses: Labels<ChangeRequestStatus> = {
	proposed: () => m.backlog_change_status_proposed(),
	approved: () => m.backlog_change_status_approved(),
	rejected: () => m.backlog_change_status_rejected(),
	withdrawn: () => m.backlog_change_status_withdrawn()
};
const deliveries: Labels<DeliveryStatus> = {
	not_started: () => m.delivery_status_not_started(),
	in_progress: () => m.delivery_status_in_progress(),
	delivered: () => m.delivery_status_delivered()
};
const verdicts: Labels<AcceptanceVerdict> = { accepted: () => m.delivery_verdict_accepted(), returned: () => m.delivery_verdict_returned() };

export const backlogStatusLabel = (v: string | null | undefined) => pick(statuses, v);
export const capacityUnitLabel = (v: string | null | undefined) => pick(units, v);
export const changeKindLabel = (v: string | null | undefined) => pick(changeKinds, v);
export const changeStatusLabel = (v: string | null | undefined) => pick(changeStatuses, v);
export const deliveryStatusLabel = (v: string | null | undefined) => pick(deliveries, v);
export const verdictLabel = (v: string | null | undefined) => pick(verdicts, v);
