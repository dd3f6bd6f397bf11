/** Roles a person can hold in a consortium; shared by server and browser code. */
export const roles = ['admin', 'representative', 'deputy', 'member', 'observer', 'supplier'] as const;
export type Role = (typeof roles)[number];

/** The product areas in the navigation, in order; each appears once it is built and allowed. */
export type Area =
	'overview' | 'about' | 'members' | 'needs' | 'stories' | 'requirements' | 'traceability' | 'baselines' | 'settings' | 'api_tokens' | 'audit' | 'supplier';
export interface NavItem {
	area: Area;
	href: string;
}
