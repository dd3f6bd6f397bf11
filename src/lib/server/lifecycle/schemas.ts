import { z } from 'zod';
import { lifecycleActivityStatuses } from '../../enums';
import { blankToUndefined, IntegerBetween, OptionalDateString, OptionalText, RequiredText } from '../validation';

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const uuidList = z.preprocess(list, z.array(z.uuid({ message: 'invalid_choice' })).max(50, 'too_long'));
const optionalUuid = z.preprocess(blankToUndefined, z.uuid({ message: 'invalid_choice' }).optional());
const version = IntegerBetween(1, 2_000_000_000);
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const days = IntegerBetween(0, 365);

/** A custom activity added to a phase. */
export const ActivityInput = z.object({
	phase: IntegerBetween(1, 6),
	title: RequiredText(200),
	ownerId: optionalUuid,
	due: OptionalDateString,
	note: OptionalText(2000)
});
export type ActivityInput = z.infer<typeof ActivityInput>;

/** Everything about one activity, saved unless someone else saved it since `version`. */
export const ActivityUpdate = z.object({
	activityId: z.uuid({ message: 'invalid' }),
	version,
	title: RequiredText(200),
	ownerId: optionalUuid,
	due: OptionalDateString,
	status: z.enum(lifecycleActivityStatuses, { message: 'invalid_choice' }),
	decisionItemIds: uuidList,
	documentId: optionalUuid,
	note: OptionalText(2000)
});
export type ActivityUpdate = z.infer<typeof ActivityUpdate>;

/** The one-button status change ("Markera som klar"). */
export const ActivityStatusInput = z.object({
	activityId: z.uuid({ message: 'invalid' }),
	version,
	status: z.enum(lifecycleActivityStatuses, { message: 'invalid_choice' })
});
export type ActivityStatusInput = z.infer<typeof ActivityStatusInput>;

/** The procurement's key dates, from which the deadlines are computed. */
export const KeyDatesInput = z
	.object({
		version,
		advertisedOn: OptionalDateString,
		tenderDeadline: OptionalDateString,
		awardNoticeOn: OptionalDateString,
		awardElectronic: checkbox,
		contractOn: OptionalDateString
	})
	.refine((v) => !v.advertisedOn || !v.tenderDeadline || v.tenderDeadline >= v.advertisedOn, { path: ['tenderDeadline'], message: 'before_start' });
export type KeyDatesInput = z.infer<typeof KeyDatesInput>;

/** The consortium's deadline settings (days). */
export const DeadlineSettingsInput = z.object({
	questionDays: days,
	questionPeriodDays: days,
	minTenderDays: days,
	standstillElectronicDays: days,
	standstillOtherDays: days,
	warnJuly: checkbox
});
export type DeadlineSettingsInput = z.infer<typeof DeadlineSettingsInput>;
