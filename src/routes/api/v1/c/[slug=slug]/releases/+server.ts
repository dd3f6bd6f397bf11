import { listReleases } from '$lib/server/api/v1';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => listReleases(event, event.params.slug);
