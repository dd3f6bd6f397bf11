import { error } from '@sveltejs/kit';
import { openEventStream } from '$lib/server/events/stream';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, request }) => {
	if (!locals.user) error(401, 'Sign in to receive live updates');
	const stream = await openEventStream(locals.user, request.signal);
	return new Response(stream, {
		headers: {
			'Content-Type': 'text/event-stream; charset=utf-8',
			'Cache-Control': 'no-cache, no-transform',
			'X-Accel-Buffering': 'no',
			Connection: 'keep-alive'
		}
	});
};
