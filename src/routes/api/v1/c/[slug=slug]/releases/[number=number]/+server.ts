import { getRelease } from '$lib/server/api/v1';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => getRelease(event, event.params.slug, Number(event.params.number));
