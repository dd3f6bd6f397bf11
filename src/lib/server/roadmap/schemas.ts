import { z } from 'zod';
import { horizons } from '../../roadmap/timeline';
import { initiativeLinkKinds, initiativeStatuses, phaseModels } from '../../enums';
import { blankToUndefined, DateString, IntegerBetween, OptionalDateString, OptionalText, RequiredText } from '../validation';

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const uuidList = z.preprocess(list, z.array(z.uuid({ message: 'invalid' })).max(200, 'too_long'));
const optionalUuid = z.preprocess(blankToUndefined, z.uuid({ message: 'invalid_choice' }).optional());
const version = IntegerBetween(1, 2_000_000_000);

/** A custom phase list arrives one phase per line; blank lines are dropped. */
const phaseLines = z.preprocess(
	(v) =>
		typeof v === 'string'
			? v
					.split(/\r?\n/)
					.map((line) => line.trim())
					.filter(Boolean)
			: list(v),
	z.array(z.string().max(120, 'too_long')).max(20, 'too_long')
);

/** Starting an initiative (also from a portfolio candidate, which pre-fills the technology and those who would join). */
export const InitiativeInput = z
	.object({
		title: RequiredText(200),
		ownerOrganisationId: z.uuid({ message: 'invalid_choice' }),
		participantIds: uuidList,
		technologyId: optionalUuid,
		phaseModel: z.enum(phaseModels, { message: 'invalid_choice' }),
		customPhases: phaseLines,
		/** The day the first phase starts; the phases follow one another from it. */
		start: DateString
	})
	.refine((v) => v.phaseModel !== 'custom' || v.customPhases.length > 0, { path: ['customPhases'], message: 'required' });
export type InitiativeInput = z.infer<typeof InitiativeInput>;

/** The initiative's own fields; the owner is always among those taking part. */
export const InitiativeUpdate = z.object({
	title: RequiredText(200),
	ownerOrganisationId: z.uuid({ message: 'invalid_choice' }),
	participantIds: uuidList,
	currentPhase: IntegerBetween(1, 20),
	version
});
export type InitiativeUpdate = z.infer<typeof InitiativeUpdate>;

const endAfterStart = (from: 'plannedStart' | 'actualStart', to: 'plannedEnd' | 'actualEnd') => ({
	check: (v: Partial<Record<typeof from | typeof to, string>>) => !v[from] || !v[to] || v[to]! >= v[from]!,
	path: [to],
	message: 'before_start'
});
const planned = endAfterStart('plannedStart', 'plannedEnd');
const actual = endAfterStart('actualStart', 'actualEnd');

/** One phase's planned and actual dates. */
export const PhaseDatesInput = z
	.object({
		position: IntegerBetween(1, 20),
		plannedStart: OptionalDateString,
		plannedEnd: OptionalDateString,
		actualStart: OptionalDateString,
		actualEnd: OptionalDateString
	})
	.refine(planned.check, { path: planned.path, message: planned.message })
	.refine(actual.check, { path: actual.path, message: actual.message })
	.refine((v) => !v.actualEnd || !!v.actualStart, { path: ['actualStart'], message: 'required' });
export type PhaseDatesInput = z.infer<typeof PhaseDatesInput>;

/** Moving the whole plan (phases and milestones) by whole months: dragged or moved by keyboard on the roadmap. */
export const ShiftInput = z.object({
	initiativeId: z.uuid({ message: 'invalid' }),
	months: IntegerBetween(-120, 120).refine((n) => n !== 0, 'roadmap_shift_zero'),
	version
});
export type ShiftInput = z.infer<typeof ShiftInput>;

export const MilestoneInput = z.object({ title: RequiredText(200), due: DateString });
export type MilestoneInput = z.infer<typeof MilestoneInput>;

export const MilestoneDoneInput = z.object({
	milestoneId: z.uuid({ message: 'invalid' }),
	done: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())
});
export type MilestoneDoneInput = z.infer<typeof MilestoneDoneInput>;

/** A gate at the end of a phase: a new decision item, or one that exists already. */
export const GateInput = z.object({ phase: IntegerBetween(1, 20), decisionItemId: optionalUuid });
export type GateInput = z.infer<typeof GateInput>;

export const DependencyInput = z.object({ dependsOnId: z.uuid({ message: 'invalid_choice' }) });
export type DependencyInput = z.infer<typeof DependencyInput>;

/** Setting the status by hand (with its reason), or handing it back to the derivation (no status). */
export const StatusOverrideInput = z
	.object({
		status: z.preprocess(blankToUndefined, z.enum(initiativeStatuses, { message: 'invalid_choice' }).optional()),
		reason: OptionalText(1000)
	})
	.refine((v) => !v.status || v.reason.length > 0, { path: ['reason'], message: 'required' });
export type StatusOverrideInput = z.infer<typeof StatusOverrideInput>;

/** Why an initiative ended by a gate goes on again (the steering group's later decision). */
export const ResumeInput = z.object({ reason: RequiredText(1000) });
export type ResumeInput = z.infer<typeof ResumeInput>;

export const LinkInput = z.object({
	kind: z.enum(initiativeLinkKinds, { message: 'invalid_choice' }),
	targetId: z.uuid({ message: 'invalid_choice' })
});
export type LinkInput = z.infer<typeof LinkInput>;

/** The roadmap's view, from the query string. */
export const RoadmapView = z.object({
	years: z.coerce
		.number()
		.refine((n): n is (typeof horizons)[number] => (horizons as readonly number[]).includes(n))
		.catch(3),
	lanes: z.enum(['category', 'municipality', 'phase']).catch('category'),
	/** A municipality's own roadmap: only what it takes part in, and its own planned technologies. */
	organisation: z.preprocess(blankToUndefined, z.uuid().optional()).catch(undefined),
	/** Which page of a large roadmap (1-based; see ROADMAP_BAR_BUDGET). */
	page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined)
});
export type RoadmapView = z.infer<typeof RoadmapView>;
