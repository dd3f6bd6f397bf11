import { listResource } from '$lib/server/api/v1';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => listResource(event, event.params.slug, 'requirements');
