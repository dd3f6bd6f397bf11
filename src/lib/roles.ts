/** Roles a person can hold in a consortium (the database enum's values); shared by server and browser code. */
export { roles, type Role } from './enums';
import type { Role } from './enums';

/**
 * The roles that read the consortium's internal content. The supplier reads only what is published to
 * it, an external reviewer only the document versions of its consultation rounds.
 */
export const internalRoles: readonly Role[] = ['admin', 'representative', 'deputy', 'member', 'observer'];

/** The product areas in the navigation, in order; each appears once it is built and allowed. */
export type Area =
	| 'overview'
	| 'about'
	| 'members'
	| 'needs'
	| 'stories'
	| 'requirements'
	| 'traceability'
	| 'baselines'
	| 'documents'
	| 'decisions'
	| 'meetings'
	| 'prioritisation'
	| 'backlog'
	| 'portfolio'
	| 'roadmap'
	| 'lifecycle'
	| 'governance'
	| 'questions'
	| 'settings'
	| 'api_tokens'
	| 'webhooks'
	| 'audit'
	| 'supplier'
	| 'supplier_decisions'
	| 'reviewer';
export interface NavItem {
	area: Area;
	href: string;
}
