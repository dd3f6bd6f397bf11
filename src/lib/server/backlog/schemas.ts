import { z } from 'zod';
import { capacityUnits, changeRequestKinds, deliveryStatuses, acceptanceVerdicts, priorityItemKinds } from '../../enums';
import { blankToUndefined, IntegerBetween, IntegerBetweenOr, OptionalIntegerBetween, OptionalText, RequiredText } from '../validation';

const version = IntegerBetweenOr(1, 2_147_483_647, 1);
const optionalUuid = z.preprocess(blankToUndefined, z.uuid({ message: 'invalid_choice' }).optional());

/** A backlog as an admin starts it from a closed round: its name ("MVP 1.0"), capacity and unit. */
export const BacklogInput = z.object({
	roundId: z.uuid({ message: 'invalid_choice' }),
	name: RequiredText(100),
	capacity: IntegerBetween(0, 1_000_000_000),
	capacityUnit: z.enum(capacityUnits, { message: 'invalid_choice' })
});
export type BacklogInput = z.infer<typeof BacklogInput>;

const ESTIMATE = /^estimates\.([0-9a-f-]{36})$/i;

/**
 * The plan form: name, capacity and the supplier's estimates, named `estimates.<backlog item>` so an
 * error sits beside its item; a blank estimate is unknown.
 */
export const PlanInput = z.preprocess(
	(v) => {
		if (!v || typeof v !== 'object') return v;
		const given = v as Record<string, unknown>;
		const estimates: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(given)) {
			const match = ESTIMATE.exec(key);
			if (match) estimates[match[1]!.toLowerCase()] = blankToUndefined(value) ?? null;
		}
		return { ...given, estimates };
	},
	z.object({
		name: RequiredText(100),
		capacity: IntegerBetween(0, 1_000_000_000),
		capacityUnit: z.enum(capacityUnits, { message: 'invalid_choice' }),
		estimates: z.record(z.string(), z.union([z.null(), IntegerBetween(0, 1_000_000_000)])),
		version
	})
);
export type PlanInput = z.infer<typeof PlanInput>;

/** Where the admins put the line: how many items from the top are in the MVP. */
export const LineInput = z.object({ line: IntegerBetween(0, 10_000), version });
export type LineInput = z.infer<typeof LineInput>;

export const VersionInput = z.object({ version });

/** A change request to a locked backlog: what it asks, why, and what it costs. */
export const ChangeRequestInput = z.object({
	kind: z.enum(changeRequestKinds, { message: 'invalid_choice' }),
	/** The backlog item it is about (remove, move, criteria). */
	backlogItemId: optionalUuid,
	/** The story or requirement to add, as `story:<id>` or `requirement:<id>`. */
	addItem: z.preprocess(
		blankToUndefined,
		z
			.string()
			.regex(new RegExp(`^(${priorityItemKinds.join('|')}):[0-9a-f-]{36}$`, 'i'), 'invalid_choice')
			.optional()
	),
	targetRank: OptionalIntegerBetween(1, 10_000),
	criteria: OptionalText(5000),
	motivation: RequiredText(5000),
	impact: RequiredText(5000)
});
export type ChangeRequestInput = z.infer<typeof ChangeRequestInput>;

export const ReleaseInput = z.object({ note: OptionalText(5000), decisionId: optionalUuid });
export type ReleaseInput = z.infer<typeof ReleaseInput>;

export const DeliveryInput = z.object({ status: z.enum(deliveryStatuses, { message: 'invalid_choice' }), note: OptionalText(2000) });
export type DeliveryInput = z.infer<typeof DeliveryInput>;

export const AcceptanceInput = z
	.object({ verdict: z.enum(acceptanceVerdicts, { message: 'invalid_choice' }), reason: OptionalText(2000) })
	.refine((v) => v.verdict === 'accepted' || v.reason.length > 0, { message: 'required', path: ['reason'] });
export type AcceptanceInput = z.infer<typeof AcceptanceInput>;

/** A release presented to the steering group for Godkännande av delleverans: the initiative it belongs to (if any) and a note. */
export const PresentReleaseInput = z.object({
	initiativeId: optionalUuid,
	note: OptionalText(2000)
});
export type PresentReleaseInput = z.infer<typeof PresentReleaseInput>;
