import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { DocumentKind } from '$lib/enums';
import { m } from '$lib/paraglide/messages';
import { loadSpec } from '../baselines/queries';
import { settled } from '../collab/documents';
import { loadState } from '../collab/store';
import { readerFor, type Who } from '../consortia/actor';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { consortia, documentApprovals, documentVersions, organisations, users } from '../db/schema';
import { PDF_CONTENT_TYPE } from '../decisions/exports';
import { NotFound } from '../errors';
import { DOCX_CONTENT_TYPE } from '../exports/docx';
import { contentDisposition } from '../exports/http';
import { exportFileName, type Locale } from '../exports/spec';
import { can, type Actor } from '../policy';
import { blocksOfState } from './export/blocks';
import { documentToDocx } from './export/docx';
import { documentToPdf } from './export/pdf';
import type { DocumentExport, RevisionEntry } from './export/types';
import { audienceResources, fieldName, loadDocument, loadVersion, type DocumentRow, type VersionRow } from './state';

export const documentExportFormats = ['docx', 'pdf'] as const;
export type DocumentExportFormat = (typeof documentExportFormats)[number];

/** The format of a download URL, or null for one the documents are not exported in. */
export function documentExportFormat(value: string): DocumentExportFormat | null {
	return (documentExportFormats as readonly string[]).includes(value) ? (value as DocumentExportFormat) : null;
}

const kindLabels: Record<DocumentKind, (o: { locale: Locale }) => string> = {
	project_directive: (o) => m.document_kind_project_directive({}, o),
	requirement_specification: (o) => m.document_kind_requirement_specification({}, o),
	evaluation_model: (o) => m.document_kind_evaluation_model({}, o),
	contract_terms: (o) => m.document_kind_contract_terms({}, o),
	compensation_model: (o) => m.document_kind_compensation_model({}, o),
	communication_plan: (o) => m.document_kind_communication_plan({}, o),
	meeting_notes: (o) => m.document_kind_meeting_notes({}, o),
	other: (o) => m.document_kind_other({}, o)
};

const statusLabels: Record<VersionRow['status'], (o: { locale: Locale }) => string> = {
	saved: (o) => m.document_status_saved({}, o),
	in_approval: (o) => m.document_status_in_approval({}, o),
	approved: (o) => m.document_status_approved({}, o),
	rejected: (o) => m.document_status_rejected({}, o)
};

const Ref = z.union([z.literal('current'), z.uuid()]);

/**
 * A document version as its Word and PDF exports need it, in the given language, and the base of
 * its file name ("Kravspecifikation nattillsyn v2"). Internal members export any named version or
 * `current`, the live draft with the document's baseline as it is now; the supplier exports only a
 * version published to it, and anything else (the draft, an unpublished or unknown version) is
 * NotFound, as is everything for someone outside the consortium. The revision log lists the
 * versions the reader may see up to the exported one, oldest first; only internal members read
 * which organisations approved a version.
 */
export async function documentExport(
	person: Who,
	consortiumId: string,
	documentId: string,
	versionRef: string | 'current',
	locale: Locale
): Promise<{ export: DocumentExport; fileBase: string }> {
	const ref = Ref.safeParse(versionRef);
	if (!ref.success) throw new NotFound();
	// The draft's latest keystrokes are in the database before it is read.
	if (ref.data === 'current') await settled();
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId, 'documents.read');
		const internal = can(actor, 'internal.read', { consortiumId });
		const document = await loadDocument(tx, consortiumId, documentId);
		const o = { locale };
		const [consortium] = await tx.select({ name: consortia.name }).from(consortia).where(eq(consortia.id, consortiumId));
		const consortiumName = consortium?.name ?? '';
		const kindLabel = kindLabels[document.kind](o);

		if (ref.data === 'current') {
			// The draft is internal: the supplier reads only what was published to it.
			if (!internal) throw new NotFound();
			const [body, closing] = await Promise.all([loadState(tx, fieldName(document.id, 'body')), loadState(tx, fieldName(document.id, 'closing'))]);
			const spec = document.baselineId ? await loadSpec(tx, consortiumId, document.baselineId) : null;
			const revisions = await revisionsOf(tx, actor, document, internal, locale, null);
			const workingDraft = m.document_export_working_draft({}, o);
			return {
				export: {
					consortiumName,
					kindLabel,
					title: document.title,
					version: {
						number: (revisions.at(-1)?.number ?? 0) + 1,
						name: workingDraft,
						statusLabel: m.document_export_draft_status({}, o),
						createdAt: new Date(),
						createdBy: null
					},
					body: blocksOfState(body),
					baseline: spec ? { name: spec.name, frozenAt: spec.frozenAt, requirements: spec.requirements } : null,
					closing: blocksOfState(closing),
					revisions
				},
				fileBase: `${document.title} (${workingDraft})`
			};
		}

		const version = await loadVersion(tx, document, ref.data);
		if (!(await readable(tx, actor, version))) throw new NotFound();
		const [author] = version.createdBy ? await tx.select({ name: users.name }).from(users).where(eq(users.id, version.createdBy)) : [];
		const revisions = await revisionsOf(tx, actor, document, internal, locale, version.number);
		return {
			export: {
				consortiumName,
				kindLabel,
				title: version.title,
				version: {
					number: version.number,
					name: version.name,
					statusLabel: statusLabels[version.status](o),
					createdAt: version.createdAt,
					createdBy: author?.name ?? null
				},
				body: blocksOfState(version.bodyState),
				baseline:
					version.baselineName !== null && version.baselineRequirements !== null
						? { name: version.baselineName, frozenAt: version.baselineFrozenAt ?? version.createdAt, requirements: version.baselineRequirements }
						: null,
				closing: blocksOfState(version.closingState),
				revisions
			},
			fileBase: `${version.title} v${version.number}`
		};
	});
}

/**
 * The revision log: the versions the reader may see (up to `upTo` when it is given), oldest first,
 * with their status in the locale and, for internal readers, the organisations that approved them.
 */
/** Whether the person reads the version: internal members any, the supplier and a reviewer one published to them. */
async function readable(tx: Transaction, actor: Actor, version: VersionRow): Promise<boolean> {
	if (can(actor, 'internal.read', { consortiumId: version.consortiumId })) return true;
	return (await audienceResources(tx, version)).some((r) => can(actor, 'document.read_published', r));
}

async function revisionsOf(
	tx: Transaction,
	actor: Actor,
	document: DocumentRow,
	internal: boolean,
	locale: Locale,
	upTo: number | null
): Promise<RevisionEntry[]> {
	const o = { locale };
	const rows = await tx
		.select({ version: documentVersions, createdBy: users.name })
		.from(documentVersions)
		.leftJoin(users, eq(users.id, documentVersions.createdBy))
		.where(and(eq(documentVersions.documentId, document.id), eq(documentVersions.consortiumId, document.consortiumId)))
		.orderBy(asc(documentVersions.number));
	const visible = [];
	for (const row of rows) {
		if (upTo !== null && row.version.number > upTo) continue;
		if (await readable(tx, actor, row.version)) visible.push(row);
	}
	const approvers = new Map<string, string[]>();
	const approved = visible.filter((r) => r.version.status === 'approved').map((r) => r.version.id);
	if (internal && approved.length) {
		const verdicts = await tx
			.select({ versionId: documentApprovals.versionId, name: organisations.name })
			.from(documentApprovals)
			.innerJoin(organisations, eq(organisations.id, documentApprovals.organisationId))
			.where(and(inArray(documentApprovals.versionId, approved), eq(documentApprovals.verdict, 'approve')))
			.orderBy(asc(organisations.name));
		for (const v of verdicts) approvers.set(v.versionId, [...(approvers.get(v.versionId) ?? []), v.name]);
	}
	return visible.map(({ version, createdBy }) => {
		const names = approvers.get(version.id);
		return {
			number: version.number,
			name: version.name,
			status: statusLabels[version.status](o),
			createdAt: version.createdAt,
			createdBy: createdBy ?? null,
			decidedAt: version.decidedAt,
			note: names?.length ? m.document_export_approved_by({ names: names.join(', ') }, o) : ''
		};
	});
}

/** A document export as a download: Word or PDF, named after the document and its version. */
export async function documentExportResponse(
	result: { export: DocumentExport; fileBase: string },
	format: DocumentExportFormat,
	locale: Locale
): Promise<Response> {
	const body = format === 'pdf' ? await documentToPdf(result.export, locale) : await documentToDocx(result.export, locale);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': format === 'pdf' ? PDF_CONTENT_TYPE : DOCX_CONTENT_TYPE,
			'content-disposition': contentDisposition(exportFileName(result.fileBase, format)),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
