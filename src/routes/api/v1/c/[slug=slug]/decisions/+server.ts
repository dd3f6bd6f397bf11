import { listDecisions } from '$lib/server/api/v1';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => listDecisions(event, event.params.slug);
