import type { ParamMatcher } from '@sveltejs/kit';

/** Consortium slugs: lowercase letters, digits and dashes; anything else is a 404 before any load. */
export const match: ParamMatcher = (param) => /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(param);
