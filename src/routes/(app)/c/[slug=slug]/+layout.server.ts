import { abilities, can } from '$lib/server/policy';
import { afterLayouts, inConsortium } from '$lib/server/request-context';
import type { NavItem } from '$lib/roles';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	event.depends('samsyn:consortium', 'samsyn:membership', 'samsyn:mandate', 'samsyn:delegation');
	// On a full page the shell resolves the person's standing in its own transaction: reuse it.
	await afterLayouts(event);
	const { consortium, actor } = await inConsortium(event);
	const resource = { consortiumId: consortium.id };
	const base = `/c/${consortium.slug}`;
	const nav: NavItem[] = can(actor, 'internal.read', resource)
		? [
				{ area: 'overview', href: base },
				{ area: 'about', href: `${base}/about` },
				{ area: 'members', href: `${base}/members` },
				{ area: 'portfolio', href: `${base}/portfolio` },
				{ area: 'roadmap', href: `${base}/roadmap` },
				{ area: 'lifecycle', href: `${base}/lifecycle` },
				{ area: 'governance', href: `${base}/governance` },
				{ area: 'needs', href: `${base}/needs` },
				{ area: 'stories', href: `${base}/stories` },
				{ area: 'requirements', href: `${base}/requirements` },
				{ area: 'traceability', href: `${base}/traceability` },
				{ area: 'baselines', href: `${base}/baselines` },
				{ area: 'documents', href: `${base}/documents` },
				{ area: 'decisions', href: `${base}/decisions` },
				{ area: 'meetings', href: `${base}/meetings` },
				{ area: 'prioritisation', href: `${base}/prioritisation` },
				{ area: 'backlog', href: `${base}/backlog` },
				{ area: 'questions', href: `${base}/questions` },
				...(can(actor, 'rules.manage', resource) ? [{ area: 'settings' as const, href: `${base}/settings` }] : []),
				...(can(actor, 'members.manage', resource) ? [{ area: 'api_tokens' as const, href: `${base}/api-tokens` }] : []),
				...(can(actor, 'webhooks.manage', resource) ? [{ area: 'webhooks' as const, href: `${base}/webhooks` }] : []),
				...(can(actor, 'audit.read', resource) ? [{ area: 'audit' as const, href: `${base}/audit` }] : [])
			]
		: !can(actor, 'published.read', resource)
			? // An external reviewer: their consultation rounds, nothing else of the consortium.
				[
					{ area: 'reviewer', href: base },
					{ area: 'documents', href: `${base}/documents` }
				]
			: [
					{ area: 'supplier', href: base },
					{ area: 'backlog', href: `${base}/backlog` },
					{ area: 'supplier_decisions', href: `${base}/decisions/log` },
					{ area: 'documents', href: `${base}/documents` },
					{ area: 'questions', href: `${base}/questions` },
					{ area: 'meetings', href: `${base}/meetings` }
				];
	const me = actor.membership ? { organisationId: actor.membership.organisationId, speaksForOrganisation: actor.membership.speaksForOrganisation } : null;
	return { consortium, role: actor.membership?.role ?? null, me, can: abilities(actor, resource), nav };
};
