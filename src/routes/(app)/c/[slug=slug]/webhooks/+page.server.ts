import * as webhookCommands from '$lib/server/webhooks/commands';
import * as webhookQueries from '$lib/server/webhooks/queries';
import { CreateWebhookInput, SetWebhookActiveInput, WebhookRef } from '$lib/server/webhooks/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:webhook');
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	try {
		return { webhooks: await webhookQueries.listWebhooks(actor, consortium.id) };
	} catch (e) {
		notFoundOn(e);
	}
};

const visibleTo = 'webhooks.manage' as const;

export const actions: Actions = {
	create: formAction(
		CreateWebhookInput,
		async (input, { actor, consortium }) => {
			const created = await webhookCommands.createWebhook(actor, consortium.id, input);
			return { secret: created.secret };
		},
		{ visibleTo }
	),
	rotate: formAction(
		WebhookRef,
		async (input, { actor, consortium }) => {
			const renewed = await webhookCommands.rotateWebhookSecret(actor, consortium.id, input.id);
			return { secret: renewed.secret };
		},
		{ visibleTo }
	),
	active: formAction(
		SetWebhookActiveInput,
		async (input, { actor, consortium }) => {
			await webhookCommands.setWebhookActive(actor, consortium.id, input.id, input.active);
		},
		{ visibleTo }
	),
	ping: formAction(
		WebhookRef,
		async (input, { actor, consortium }) => {
			await webhookCommands.sendTestEvent(actor, consortium.id, input.id);
		},
		{ visibleTo }
	),
	remove: formAction(
		WebhookRef,
		async (input, { actor, consortium }) => {
			await webhookCommands.deleteWebhook(actor, consortium.id, input.id);
		},
		{ visibleTo }
	)
};
