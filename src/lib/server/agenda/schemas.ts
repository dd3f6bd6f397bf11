import { z } from 'zod';
import { blankToUndefined, DateString, OptionalText, RequiredText } from '../validation';

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const clock = z.string({ message: 'required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_format');

/** The steering-group meeting to create, and the proposals the convenor kept (`<kind>:<id>` keys). */
export const SteeringMeetingInput = z.object({
	title: RequiredText(200),
	date: DateString,
	startsAt: clock,
	endsAt: z.preprocess(blankToUndefined, clock.optional()),
	place: OptionalText(500),
	accept: z.preprocess(list, z.array(z.string().regex(/^[a-z_]+:[0-9a-f-]{36}$/, 'invalid_choice')).max(200, 'too_long'))
});
export type SteeringMeetingInput = z.infer<typeof SteeringMeetingInput>;
