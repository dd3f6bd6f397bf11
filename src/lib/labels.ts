import { m } from '$lib/paraglide/messages';
import type { locales } from '$lib/paraglide/runtime';
import type { Area, Role } from '$lib/roles';

type Locale = (typeof locales)[number];

const roleNames: Record<Role, (inputs?: Record<string, never>, options?: { locale?: Locale }) => string> = {
	admin: m.role_admin,
	representative: m.role_representative,
	deputy: m.role_deputy,
	member: m.role_member,
	observer: m.role_observer,
	supplier: m.role_supplier,
	reviewer: m.role_reviewer
};

/** A role's name, in the current language or the one given (mail is written in the recipient's). */
export function roleLabel(role: Role, locale?: Locale): string {
	return roleNames[role]({}, locale ? { locale } : {});
}

/** An area's name in the navigation, in the current language. */
export function areaLabel(area: Area): string {
	const labels: Record<Area, () => string> = {
		overview: m.nav_overview,
		about: m.nav_about,
		members: m.nav_members,
		needs: m.nav_needs,
		stories: m.nav_stories,
		requirements: m.nav_requirements,
		traceability: m.nav_traceability,
		baselines: m.nav_baselines,
		documents: m.nav_documents,
		decisions: m.nav_decisions,
		meetings: m.meetings_area,
		prioritisation: m.nav_prioritisation,
		backlog: m.nav_backlog,
		portfolio: m.nav_portfolio,
		roadmap: m.nav_roadmap,
		lifecycle: m.nav_lifecycle,
		governance: m.nav_governance,
		questions: m.nav_questions,
		api_tokens: m.nav_api_tokens,
		webhooks: m.nav_webhooks,
		settings: m.nav_settings,
		audit: m.nav_audit,
		supplier: m.nav_supplier_view,
		supplier_decisions: m.nav_supplier_decisions,
		reviewer: m.nav_reviewer_view
	};
	return labels[area]();
}
