import type { ParamMatcher } from '@sveltejs/kit';

/** A positive whole number of at most nine digits (a release's number): anything else is not a page. */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,8}$/.test(param);
