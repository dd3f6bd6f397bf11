import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { attachmentActions } from '$lib/server/attachments/actions';
import { listAttachments } from '$lib/server/attachments/queries';
import { commentActions } from '$lib/server/comments/actions';
import { listComments } from '$lib/server/comments/commands';
import {
	addFeedback,
	deleteDocument,
	nameVersion,
	publishToReviewers,
	publishVersion,
	recordDocumentVerdict,
	restoreDocumentVersion,
	sendForApproval,
	updateDocument
} from '$lib/server/documents/commands';
import { documentPage } from '$lib/server/documents/queries';
import { DocumentUpdate, FeedbackInput, PublishInput, ReviewRoundInput, VerdictInput, VersionInput, VersionRef } from '$lib/server/documents/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';
import { clearImpactAction } from '$lib/server/impact/actions';
import { impactFlagsOn } from '$lib/server/impact/queries';

export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`, 'samsyn:document', 'samsyn:baseline');
	event.depends('samsyn:impact_flag');
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	const { searchParams } = event.url;
	try {
		const page = await documentPage(actor, consortium.id, event.params.id, {
			version: searchParams.get('version'),
			from: searchParams.get('from'),
			to: searchParams.get('to'),
			round: searchParams.get('round')
		});
		// A reviewer reads the round's version and nothing attached to the document.
		const [attachments, comments] = await Promise.all([
			page.view === 'round' ? null : listAttachments(actor, consortium.id, { kind: 'document', id: event.params.id }),
			page.view === 'internal' ? listComments(actor, consortium.id, 'document', event.params.id) : []
		]);
		const impact = await impactFlagsOn(actor, consortium.id, 'document', event.params.id);
		return { page, attachments, comments, impact, compare: { from: searchParams.get('from') ?? '', to: searchParams.get('to') ?? 'current' } };
	} catch (e) {
		notFoundOn(e);
	}
};

export const actions: Actions = {
	clearImpact: clearImpactAction,
	update: formAction(DocumentUpdate, async (input, { actor, consortium, event }) => {
		const after = await updateDocument(actor, consortium.id, event.params.id!, input);
		return { title: after.title };
	}),
	version: formAction(VersionInput, async (input, { actor, consortium, event }) => {
		const version = await nameVersion(actor, consortium.id, event.params.id!, input);
		return { name: version.name, number: version.number, sent: input.sendForApproval };
	}),
	send: formAction(VersionRef, async (input, { actor, consortium, event }) => {
		const version = await sendForApproval(actor, consortium.id, event.params.id!, input.versionId);
		return { name: version.name, number: version.number };
	}),
	verdict: formAction(VerdictInput, async (input, { actor, consortium, event }) => {
		const state = await recordDocumentVerdict(actor, consortium.id, event.params.id!, input);
		return { verdict: input.verdict, status: state.status };
	}),
	publish: formAction(PublishInput, async (input, { actor, consortium, event }) => {
		await publishVersion(actor, consortium.id, event.params.id!, input);
		return { published: true };
	}),
	round: formAction(ReviewRoundInput, async (input, { actor, consortium, event }) => {
		await publishToReviewers(actor, consortium.id, event.params.id!, input);
		return { round: true };
	}),
	restore: formAction(VersionRef, async (input, { actor, consortium, event }) => {
		const version = await restoreDocumentVersion(actor, consortium.id, event.params.id!, input.versionId);
		return { name: version.name };
	}),
	delete: formAction(z.object({}), async (_input, { actor, consortium, event }) => {
		await deleteDocument(actor, consortium.id, event.params.id!);
		redirect(303, `/c/${consortium.slug}/documents`);
	}),
	feedback: formAction(
		FeedbackInput,
		async (input, { actor, consortium, event }) => {
			await addFeedback(actor, consortium.id, event.params.id!, input);
			return { feedback: true };
		},
		{ visibleTo: 'documents.read' }
	),
	...commentActions('document'),
	...attachmentActions('document')
};
