import { m } from '$lib/paraglide/messages';
import type { WebhookDeliveryStatus, WebhookEventType } from '$lib/enums';

const statuses: Record<WebhookDeliveryStatus, () => string> = {
	pending: () => m.webhooks_status_pending(),
	delivered: () => m.webhooks_status_delivered(),
	failed: () => m.webhooks_status_failed()
};
const events: Record<WebhookEventType | 'ping', () => string> = {
	'release.published': () => m.webhooks_event_release_published(),
	'decision.communicated': () => m.webhooks_event_decision_communicated(),
	'question.answered': () => m.webhooks_event_question_answered(),
	ping: () => m.webhooks_event_ping()
};

/** A delivery's status in words. */
export const deliveryStatusLabel = (status: WebhookDeliveryStatus): string => statuses[status]();

/** An event a webhook takes (or the test event) in words. */
export const webhookEventLabel = (event: string): string => events[event as WebhookEventType]?.() ?? event;
