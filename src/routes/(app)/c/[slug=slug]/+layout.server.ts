import { error } from '@sveltejs/kit';
import { loadConsortiumActor } from '$lib/server/consortia/actor';
import { abilities, can } from '$lib/server/policy';
import type { NavItem } from '$lib/roles';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, params, parent, depends }) => {
	depends('samsyn:consortium');
	await parent();
	const found = locals.user ? await loadConsortiumActor(locals.user, params.slug) : null;
	if (!found) error(404, 'Not found');
	const { consortium, actor } = found;
	const resource = { consortiumId: consortium.id };
	const base = `/c/${consortium.slug}`;
	const nav: NavItem[] = can(actor, 'internal.read', resource)
		? [
				{ area: 'overview', href: base },
				{ area: 'about', href: `${base}/about` },
				{ area: 'members', href: `${base}/members` },
				{ area: 'needs', href: `${base}/needs` },
				{ area: 'stories', href: `${base}/stories` },
				{ area: 'requirements', href: `${base}/requirements` },
				{ area: 'traceability', href: `${base}/traceability` },
				{ area: 'baselines', href: `${base}/baselines` },
				...(can(actor, 'rules.manage', resource) ? [{ area: 'settings' as const, href: `${base}/settings` }] : []),
				...(can(actor, 'members.manage', resource) ? [{ area: 'api_tokens' as const, href: `${base}/api-tokens` }] : []),
				...(can(actor, 'audit.read', resource) ? [{ area: 'audit' as const, href: `${base}/audit` }] : [])
			]
		: [{ area: 'supplier', href: base }];
	const me = actor.membership ? { organisationId: actor.membership.organisationId, speaksForOrganisation: actor.membership.speaksForOrganisation } : null;
	return { consortium, role: actor.membership?.role ?? null, me, can: abilities(actor, resource), nav };
};
