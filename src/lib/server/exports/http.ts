import { specToCsv, CSV_CONTENT_TYPE } from './csv';
import { specToDocx, DOCX_CONTENT_TYPE } from './docx';
import { specToReqif, REQIF_CONTENT_TYPE } from './reqif';
import { exportFileName, type Locale, type SpecDocument } from './spec';
import { specToXlsx, XLSX_CONTENT_TYPE } from './xlsx';
import type { ExportFormat } from '../baselines/schemas';

/**
 * A Content-Disposition for a download whose name may hold å, ä, ö: a plain-ASCII `filename` for
 * old clients and the exact name as `filename*` in UTF-8 (RFC 6266 with RFC 5987 encoding).
 */
export function contentDisposition(fileName: string): string {
	const ascii = fileName
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^\x20-\x7e]/g, '_')
		.replace(/["\\]/g, '_');
	const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const extensions: Record<ExportFormat, string> = { docx: 'docx', csv: 'csv', xlsx: 'xlsx', reqif: 'reqif' };

/** A baseline as a download in one of the export formats, in the given language. */
export async function exportResponse(spec: SpecDocument, format: ExportFormat, locale: Locale, consortiumId: string): Promise<Response> {
	const fileName = exportFileName(spec.name, extensions[format]);
	const [body, type] =
		format === 'docx'
			? [await specToDocx(spec, locale), DOCX_CONTENT_TYPE]
			: format === 'xlsx'
				? [await specToXlsx(spec, locale), XLSX_CONTENT_TYPE]
				: format === 'csv'
					? [specToCsv(spec, locale), CSV_CONTENT_TYPE]
					: [specToReqif(spec, locale, { consortiumId }), REQIF_CONTENT_TYPE];
	return new Response(body as BodyInit, {
		headers: {
			'content-type': type,
			'content-disposition': contentDisposition(fileName),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
