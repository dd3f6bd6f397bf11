import { z } from 'zod';
import { webhookEventTypes } from '../../enums';

/** Registering a webhook: its URL (checked further by the command: scheme, credentials, addresses) and the events it takes. */
export const CreateWebhookInput = z.object({
	url: z.string({ message: 'required' }).trim().min(1, 'required').max(2000, 'too_long'),
	events: z.array(z.enum(webhookEventTypes), { message: 'webhook_events_required' }).min(1, 'webhook_events_required')
});
export type CreateWebhookInput = z.infer<typeof CreateWebhookInput>;

/** One webhook of the page's list. */
export const WebhookRef = z.object({ id: z.uuid() });

/** Switching a webhook on or off. */
export const SetWebhookActiveInput = z.object({ id: z.uuid(), active: z.enum(['true', 'false']).transform((v) => v === 'true') });
