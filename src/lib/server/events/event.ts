import { z } from 'zod';

/**
 * Who may receive a live event. `internal`: every member but the supplier's people; `everyone`:
 * every member including the supplier (for what was published to it); `admins`; or one `user`.
 */
export const Audience = z.enum(['internal', 'everyone', 'admins', 'user']);
export type Audience = z.infer<typeof Audience>;

/**
 * What travels through pg_notify: small (the limit is 8000 bytes), never content. The browser
 * reloads only the data of its page that depends on `samsyn:<topic>` or `samsyn:<topic>:<id>` for
 * the entity or one of the related ones (src/lib/live.svelte.ts).
 */
export const LiveEvent = z.object({
	consortiumId: z.uuid().nullable(),
	topic: z.string().min(1).max(64),
	action: z.string().min(1).max(64),
	entityId: z.string().max(200).nullable(),
	/** Other things of the same topic whose pages show the change (see `Change.related`). */
	related: z.array(z.string().max(64)).max(50).default([]),
	audience: Audience,
	/** For audience `user`, and for membership changes that alter what a user may see. */
	userId: z.uuid().nullable().default(null),
	actorId: z.uuid().nullable().default(null)
});
export type LiveEvent = z.infer<typeof LiveEvent>;

export const EVENTS_CHANNEL = 'samsyn_events';
