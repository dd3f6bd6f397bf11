import { z } from 'zod';
import { initiativeLinkKinds } from '$lib/enums';
import { resolveAccess } from '$lib/server/collab/access';
import { documentName } from '$lib/server/collab/registry';
import * as commands from '$lib/server/roadmap/commands';
import { lifecycleActions } from '$lib/server/lifecycle/actions';
import { lifecycleOf } from '$lib/server/lifecycle/queries';
import { initiativePage } from '$lib/server/roadmap/queries';
import { attachmentActions } from '$lib/server/attachments/actions';
import { listAttachments } from '$lib/server/attachments/queries';
import {
	DependencyInput,
	GateInput,
	InitiativeUpdate,
	LinkInput,
	MilestoneDoneInput,
	MilestoneInput,
	PhaseDatesInput,
	StatusOverrideInput,
	ResumeInput
} from '$lib/server/roadmap/schemas';
import { formAction, notFoundOn } from '$lib/server/form-action';
import { afterLayouts, asReader } from '$lib/server/request-context';
import type { Actions, PageServerLoad } from './$types';

const Milestone = z.object({ milestoneId: z.uuid({ message: 'invalid' }) });
const Gate = z.object({ gateId: z.uuid({ message: 'invalid' }) });
const Link = z.object({ kind: z.enum(initiativeLinkKinds, { message: 'invalid' }), targetId: z.uuid({ message: 'invalid' }) });

export const load: PageServerLoad = async (event) => {
	event.depends(`samsyn:item:${event.params.id}`, 'samsyn:initiative', 'samsyn:decision_item');
	await afterLayouts(event);
	const { consortium, actor, user } = await asReader(event);
	try {
		const page = await initiativePage(actor, consortium.id, event.params.id);
		const document = documentName('initiative', page.initiative.id, 'description');
		const access = await resolveAccess(user, document);
		const [procurement, attachments] = await Promise.all([
			lifecycleOf(actor, consortium.id, page.initiative.id),
			listAttachments(actor, consortium.id, { kind: 'initiative', id: page.initiative.id })
		]);
		return { ...page, document, canEditText: access?.level === 'edit', procurement, attachments };
	} catch (e) {
		notFoundOn(e);
	}
};

const id = (event: { params: { id?: string } }) => event.params.id!;

export const actions: Actions = {
	...attachmentActions('initiative'),
	...lifecycleActions(id),
	update: formAction(InitiativeUpdate, async (input, { actor, consortium, event }) => {
		await commands.updateInitiative(actor, consortium.id, id(event), input);
		return { done: 'saved' };
	}),
	phase: formAction(PhaseDatesInput, async (input, { actor, consortium, event }) => {
		await commands.setPhaseDates(actor, consortium.id, id(event), input);
		return { position: input.position };
	}),
	milestone: formAction(MilestoneInput, async (input, { actor, consortium, event }) => {
		const row = await commands.addMilestone(actor, consortium.id, id(event), input);
		return { title: row.title };
	}),
	milestoneDone: formAction(MilestoneDoneInput, async (input, { actor, consortium, event }) => {
		await commands.setMilestoneDone(actor, consortium.id, id(event), input);
		return { done: input.done ? 'done' : 'undone' };
	}),
	milestoneRemove: formAction(Milestone, async (input, { actor, consortium, event }) => {
		await commands.removeMilestone(actor, consortium.id, id(event), input.milestoneId);
		return { done: 'removed' };
	}),
	gate: formAction(GateInput, async (input, { actor, consortium, event }) => {
		const gate = await commands.addGate(actor, consortium.id, id(event), input);
		return { decisionItemId: gate.decisionItemId };
	}),
	gateRemove: formAction(Gate, async (input, { actor, consortium, event }) => {
		await commands.removeGate(actor, consortium.id, id(event), input.gateId);
		return { done: 'removed' };
	}),
	dependency: formAction(DependencyInput, async (input, { actor, consortium, event }) => {
		await commands.addDependency(actor, consortium.id, id(event), input);
		return { done: 'added' };
	}),
	dependencyRemove: formAction(DependencyInput, async (input, { actor, consortium, event }) => {
		await commands.removeDependency(actor, consortium.id, id(event), input.dependsOnId);
		return { done: 'removed' };
	}),
	resume: formAction(ResumeInput, async (input, { actor, consortium, event }) => {
		await commands.resumeInitiative(actor, consortium.id, id(event), input);
		return { done: 'resumed' };
	}),
	status: formAction(StatusOverrideInput, async (input, { actor, consortium, event }) => {
		await commands.overrideStatus(actor, consortium.id, id(event), input);
		return { done: input.status ? 'set' : 'derived' };
	}),
	link: formAction(LinkInput, async (input, { actor, consortium, event }) => {
		await commands.addLink(actor, consortium.id, id(event), input);
		return { done: 'linked' };
	}),
	linkRemove: formAction(Link, async (input, { actor, consortium, event }) => {
		await commands.removeLink(actor, consortium.id, id(event), input.kind, input.targetId);
		return { done: 'unlinked' };
	})
};
