import { getLocale } from '$lib/paraglide/runtime';
import { formAction } from '$lib/server/form-action';
import { changeRole, removeMember } from '$lib/server/consortia/commands';
import { createInvitation, listPendingInvitations, revokeInvitation } from '$lib/server/consortia/invitations';
import { appointMandate, delegateVoice, endMandate, revokeDelegation } from '$lib/server/consortia/mandates';
import { listDelegationTargets, listDelegations, listMandates, listMembers, listOrganisations } from '$lib/server/consortia/queries';
import {
	AppointMandateInput,
	ChangeRoleInput,
	DelegateInput,
	EndMandateInput,
	InviteInput,
	RemoveMemberInput,
	RevokeDelegationInput,
	RevokeInvitationInput
} from '$lib/server/consortia/schemas';
import { inOneTransaction } from '$lib/server/db/request';
import { asReader } from '$lib/server/request-context';
import { abilities } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.depends('samsyn:invitation', 'samsyn:organisation');
	const { user, consortium, actor } = await asReader(event);
	const can = abilities(actor, { consortiumId: consortium.id });
	const [members, mandates, delegations, delegationTargets, invitations, organisations] = await inOneTransaction(user, () =>
		Promise.all([
			listMembers(actor, consortium.id),
			listMandates(actor, consortium.id),
			listDelegations(actor, consortium.id),
			can['delegation.manage'] ? listDelegationTargets(actor, consortium.id) : [],
			can['members.manage'] ? listPendingInvitations(actor, consortium.id) : [],
			can['members.manage'] ? listOrganisations(actor, consortium.id) : []
		])
	);
	return { members, mandates, delegations, delegationTargets, invitations, organisations, today: new Date().toISOString().slice(0, 10), locale: getLocale() };
};

export const actions: Actions = {
	invite: formAction(InviteInput, async (input, { actor, consortium, event }) => {
		await createInvitation(actor, consortium.id, input, event.url.origin);
		return { email: input.email };
	}),
	revokeInvitation: formAction(RevokeInvitationInput, async (input, { actor, consortium }) => {
		await revokeInvitation(actor, consortium.id, input);
	}),
	changeRole: formAction(ChangeRoleInput, async (input, { actor, consortium }) => {
		await changeRole(actor, consortium.id, input);
	}),
	removeMember: formAction(RemoveMemberInput, async (input, { actor, consortium }) => {
		const removed = await removeMember(actor, consortium.id, input);
		return { name: removed.name };
	}),
	appointMandate: formAction(AppointMandateInput, async (input, { actor, consortium }) => {
		await appointMandate(actor, consortium.id, input);
	}),
	endMandate: formAction(EndMandateInput, async (input, { actor, consortium }) => {
		await endMandate(actor, consortium.id, input);
	}),
	delegate: formAction(DelegateInput, async (input, { actor, consortium }) => {
		await delegateVoice(actor, consortium.id, input);
	}),
	revokeDelegation: formAction(RevokeDelegationInput, async (input, { actor, consortium }) => {
		await revokeDelegation(actor, consortium.id, input);
	})
};
