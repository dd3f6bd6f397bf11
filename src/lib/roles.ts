/** Roles a person can hold in a consortium (the database enum's values); shared by server and browser code. */
export { roles, type Role } from './enums';

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
	| 'supplier_decisions';
export interface NavItem {
	area: Area;
	href: string;
}
