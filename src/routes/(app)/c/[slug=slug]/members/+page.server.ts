import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { consortiumOf, runAction } from '$lib/server/consortia/actions';
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
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { consortium, can } = await parent();
	if (!can['internal.read']) error(404, 'Not found');
	const user = locals.user!;
	const manage = can['members.manage'];
	const [members, mandates, delegations, delegationTargets, invitations, organisations] = await Promise.all([
		listMembers(user, consortium.id),
		listMandates(user, consortium.id),
		listDelegations(user, consortium.id),
		can['delegation.manage'] ? listDelegationTargets(user, consortium.id) : [],
		manage ? listPendingInvitations(user, consortium.id) : [],
		manage ? listOrganisations(user, consortium.id) : []
	]);
	return { members, mandates, delegations, delegationTargets, invitations, organisations, today: new Date().toISOString().slice(0, 10), locale: getLocale() };
};

export const actions: Actions = {
	invite: async ({ request, locals, params, url }) => {
		const consortium = await consortiumOf(locals.user, params.slug);
		return runAction(request, 'invite', InviteInput, async (input) => {
			await createInvitation(locals.user!, consortium.id, input, url.origin);
			return { form: 'invite', success: true, email: input.email };
		});
	},
	revokeInvitation: async ({ request, locals, params }) => {
		const consortium = await consortiumOf(locals.user, params.slug);
		return runAction(request, 'revokeInvitation', RevokeInvitationInput, async (input) => {
			await revokeInvitation(locals.user!, consortium.id, input);
			return { form: 'revokeInvitation', success: true };
		});
	},
	changeRole: async ({ request, locals, params }) => {
		const consortium = await consortiumOf(locals.user, params.slug);
		return runAction(request, 'changeRole', ChangeRoleInput, async (input) => {
			await changeRole(locals.user!, consortium.id, input);
			return { form: 'changeRole', success: true, target: input.membershipId };
		});
	},
	removeMember: async ({ request, locals, params }) => {
		const consortium = await consortiumOf(locals.user, params.slug);
		return runAction(request, 'removeMember', RemoveMemberInput, async (input) => {
			await removeMember(locals.user!, consortium.id, input);
			return { form: 'removeMember', success: true };
		});
	},
	appointMandate: async ({ request, locals, params }) => {
		const consortium = await consortiumOf(locals.user, params.slug);
		return runAction(request, 'appointMandate', AppointMandateInput, async (input) => {
			await appointMandate(locals.user!, consortium.id, input);
			return { form: 'appointMandate', success: true };
		});
	},
	endMandate: async ({ request, locals, params }) => {
		const consortium = await consortiumOf(locals.user, params.slug);
		return runAction(request, 'endMandate', EndMandateInput, async (input) => {
			await endMandate(locals.user!, consortium.id, input);
			return { form: 'endMandate', success: true, target: input.mandateId };
		});
	},
	delegate: async ({ request, locals, params }) => {
		const consortium = await consortiumOf(locals.user, params.slug);
		return runAction(request, 'delegate', DelegateInput, async (input) => {
			await delegateVoice(locals.user!, consortium.id, input);
			return { form: 'delegate', success: true };
		});
	},
	revokeDelegation: async ({ request, locals, params }) => {
		const consortium = await consortiumOf(locals.user, params.slug);
		return runAction(request, 'revokeDelegation', RevokeDelegationInput, async (input) => {
			await revokeDelegation(locals.user!, consortium.id, input);
			return { form: 'revokeDelegation', success: true };
		});
	}
};
