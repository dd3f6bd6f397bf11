import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import type { DocumentKind } from '$lib/enums';
import { documentToDocx } from '../documents/export/docx';
import { documentToPdf } from '../documents/export/pdf';
import type { DocumentExport } from '../documents/export/types';
import { specToReqif } from '../exports/reqif';
import { exportFileName, type Locale, type SpecDocument } from '../exports/spec';
import { specToXlsx } from '../exports/xlsx';
import { layoutToXlsx, tenderLayoutNames, tenderLayouts } from './layouts';
import { tenderPackageLabel, type TenderManifest, type TenderManifestFile } from './manifest';

/** One approved document version going into a package, with its export already read. */
export interface TenderDocument {
	documentId: string;
	versionId: string;
	kind: DocumentKind;
	title: string;
	versionNumber: number;
	versionName: string;
	approvedAt: Date | null;
	fileBase: string;
	export: DocumentExport;
}

/** Everything a package is made from: no database, no clock. The same input gives the same bytes. */
export interface TenderInput {
	number: number;
	locale: Locale;
	consortium: { id: string; name: string };
	producedBy: { id: string | null; name: string | null };
	spec: SpecDocument;
	documents: TenderDocument[];
	decision: { id: string; number: string; title: string; decidedOn: string; recordedAt: Date } | null;
}

export const ZIP_CONTENT_TYPE = 'application/zip';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The package's one date, put on every file and every ZIP entry: the decision's recording time, or
 * (a package without one) the newest of the baseline's freeze and the versions' approvals. Never now.
 */
export function referenceDate(input: Pick<TenderInput, 'spec' | 'documents' | 'decision'>): Date {
	if (input.decision) return input.decision.recordedAt;
	const times = [input.spec.frozenAt, ...input.documents.map((d) => d.approvedAt).filter((d): d is Date => d !== null)];
	return new Date(Math.max(...times.map((d) => d.getTime())));
}

const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * An Office file (a ZIP) rewritten so that it depends only on its content and `date`: its core
 * properties say `date` as created and modified, and every entry carries that date, in the order
 * the writer made them. Word and Excel writers stamp the clock into both; nothing else varies.
 */
export async function fixOfficeDates(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
	const source = await JSZip.loadAsync(bytes);
	const out = new JSZip();
	const entries: JSZip.JSZipObject[] = [];
	source.forEach((_, entry) => {
		if (!entry.dir) entries.push(entry);
	});
	for (const entry of entries) {
		let content: Uint8Array | string = await entry.async('uint8array');
		if (entry.name === 'docProps/core.xml') {
			content = new TextDecoder().decode(content).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso(date)}$3`);
		}
		out.file(entry.name, content, { date, createFolders: false });
	}
	return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/** A file name in the archive: the export's rule, plus a two-digit position so the order is the listing's. */
const numbered = (index: number, base: string, extension: string) => `${String(index + 1).padStart(2, '0')} ${exportFileName(base, extension)}`;

/**
 * Builds a tender package: every document version as Word and PDF, the requirements as Samsyn's
 * own XLSX, as ReqIF and in each e-procurement system's layout, and the manifest (JSON and text)
 * listing each file with its SHA-256 and size. Returns the archive and the manifest it holds.
 */
export async function buildTenderArchive(input: TenderInput): Promise<{ archive: Uint8Array; manifest: TenderManifest }> {
	const date = referenceDate(input);
	const files: { path: string; bytes: Uint8Array; meta: Omit<TenderManifestFile, 'path' | 'sha256' | 'bytes'> }[] = [];

	for (const [i, doc] of input.documents.entries()) {
		// The PDF's creation date is the version's own (the decision log's writer takes it), so it is fixed too.
		const docx = await fixOfficeDates(await documentToDocx(doc.export, input.locale), date);
		const pdf = await documentToPdf(doc.export, input.locale);
		files.push({ path: `dokument/${numbered(i, doc.fileBase, 'docx')}`, bytes: docx, meta: { role: 'document', format: 'docx', versionId: doc.versionId } });
		files.push({ path: `dokument/${numbered(i, doc.fileBase, 'pdf')}`, bytes: pdf, meta: { role: 'document', format: 'pdf', versionId: doc.versionId } });
	}

	const spec = input.spec;
	files.push({
		path: `krav/${exportFileName(spec.name, 'xlsx')}`,
		bytes: await fixOfficeDates(await specToXlsx(spec, input.locale), date),
		meta: { role: 'requirements', format: 'xlsx', layout: 'samsyn' }
	});
	files.push({
		path: `krav/${exportFileName(spec.name, 'reqif')}`,
		bytes: new TextEncoder().encode(specToReqif(spec, input.locale, { consortiumId: input.consortium.id, now: date })),
		meta: { role: 'requirements', format: 'reqif', layout: 'reqif' }
	});
	for (const name of tenderLayoutNames) {
		const layout = tenderLayouts[name];
		files.push({
			path: `krav/${layout.file}`,
			bytes: await fixOfficeDates(await layoutToXlsx(spec, layout), date),
			meta: { role: 'requirements', format: 'xlsx', layout: name }
		});
	}

	const listed = files.map((f) => ({ path: f.path, sha256: sha256(f.bytes), bytes: f.bytes.byteLength, ...f.meta }));
	const manifest: TenderManifest = {
		format: 'samsyn-tender-package/1',
		number: tenderPackageLabel(input.number),
		madeAt: iso(date),
		consortium: input.consortium,
		producedBy: input.producedBy,
		baseline: { id: spec.id, name: spec.name, createdAt: iso(spec.frozenAt), requirementCount: spec.requirements.length },
		documents: input.documents.map((d) => ({
			documentId: d.documentId,
			versionId: d.versionId,
			kind: d.kind,
			title: d.title,
			version: d.versionNumber,
			versionName: d.versionName,
			status: 'approved',
			approvedAt: d.approvedAt ? iso(d.approvedAt) : null
		})),
		decision: input.decision ? { ...input.decision, recordedAt: iso(input.decision.recordedAt) } : null,
		files: listed
	};
	const text = new TextEncoder().encode(manifestText(manifest));
	manifest.files.push({ path: 'manifest.txt', sha256: sha256(text), bytes: text.byteLength, role: 'manifest', format: 'txt' });

	const zip = new JSZip();
	const add = (path: string, content: Uint8Array) => zip.file(path, content, { date, createFolders: false });
	add('manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
	add('manifest.txt', text);
	for (const f of files) add(f.path, f.bytes);
	const archive = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
	return { archive, manifest };
}

/**
 * The manifest for people: UTF-8 with a BOM and CRLF (what Notepad and a Swedish Windows expect),
 * the facts first, then one line per file: its SHA-256, its size in bytes and its path.
 */
export function manifestText(manifest: TenderManifest): string {
	const lines = [
		`Upphandlingsdokument / Tender package ${manifest.number}`,
		`Konsortium / Consortium: ${manifest.consortium.name}`,
		`Datum / Date: ${manifest.madeAt}`,
		`Framtaget av / Produced by: ${manifest.producedBy.name ?? '-'}`,
		`Baslinje / Baseline: ${manifest.baseline.name} (${manifest.baseline.id}, ${manifest.baseline.createdAt}, ${manifest.baseline.requirementCount} krav)`,
		manifest.decision
			? `Beslut / Decision: ${manifest.decision.number} ${manifest.decision.title} (${manifest.decision.decidedOn}, ${manifest.decision.recordedAt})`
			: 'Beslut / Decision: - (utkast / draft)',
		'',
		'Dokument / Documents:',
		...manifest.documents.map((d) => `  ${d.title} v${d.version} "${d.versionName}" (${d.status}, ${d.approvedAt ?? '-'})`),
		'',
		'SHA-256  bytes  file:',
		...manifest.files.map((f) => `${f.sha256}  ${f.bytes}  ${f.path}`),
		''
	];
	return `\uFEFF${lines.join('\r\n')}`;
}
