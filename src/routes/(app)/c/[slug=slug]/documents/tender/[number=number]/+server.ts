import { contentDisposition } from '$lib/server/exports/http';
import { notFoundOn } from '$lib/server/form-action';
import { inConsortium } from '$lib/server/request-context';
import { ZIP_CONTENT_TYPE } from '$lib/server/tender/archive';
import { tenderArchive } from '$lib/server/tender/queries';
import type { RequestHandler } from './$types';

/** A tender package's archive, exactly as it was stored when produced. Internal members only; 404 for anyone else. */
export const GET: RequestHandler = async (event) => {
	const { consortium, actor } = await inConsortium(event);
	try {
		const { bytes, fileName } = await tenderArchive(actor, consortium.id, Number(event.params.number));
		return new Response(bytes as BodyInit, {
			headers: {
				'content-type': ZIP_CONTENT_TYPE,
				'content-length': String(bytes.byteLength),
				'content-disposition': contentDisposition(fileName),
				'cache-control': 'private, no-store',
				'x-content-type-options': 'nosniff'
			}
		});
	} catch (e) {
		notFoundOn(e);
	}
};
