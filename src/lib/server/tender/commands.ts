import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { documentKinds } from '$lib/enums';
import { recordChange } from '../audit/record-change';
import { loadSpec } from '../baselines/queries';
import { readerFor, type Who } from '../consortia/actor';
import type { Transaction } from '../db/client';
import { advisoryLock } from '../db/locks';
import { withUser } from '../db/request';
import { baselines, consortia, decisions, documents, documentVersions, tenderPackages, users } from '../db/schema';
import { documentExport } from '../documents/exports';
import { CommandError, NotFound } from '../errors';
import type { Locale } from '../exports/spec';
import { authorize } from '../policy';
import { buildTenderArchive, sha256, type TenderDocument, type TenderInput } from './archive';
import type { TenderPackageInput } from './schemas';

export type TenderPackageRow = typeof tenderPackages.$inferSelect;

/**
 * Produces the consortium's next tender package (UD-n) from a baseline, approved document versions
 * and (optionally) the adopted decision that approved them, and keeps it: the archive, its SHA-256
 * and its manifest, never changed again. Admins only (`decisions.manage`): the package is what the
 * steering group's decision sends out. An unknown baseline, version or decision, a version that is
 * not approved, or two versions of one document are refused on their field (422), never a 500.
 */
export async function produceTenderPackage(person: Who, consortiumId: string, input: TenderPackageInput): Promise<TenderPackageRow> {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		authorize(actor, 'decisions.manage', { consortiumId });
		return produceTenderPackageIn(tx, person, consortiumId, input);
	});
}

/** The production itself, in the caller's transaction, the person already authorised (the command above, and the demo seed). */
export async function produceTenderPackageIn(tx: Transaction, person: Who, consortiumId: string, input: TenderPackageInput): Promise<TenderPackageRow> {
	// Numbers per consortium without gaps: productions queue here, and the number is part of the archive.
	await advisoryLock(tx, `tender_packages:${consortiumId}`);
	const [last] = await tx
		.select({ n: max(tenderPackages.number) })
		.from(tenderPackages)
		.where(eq(tenderPackages.consortiumId, consortiumId));
	const number = (last?.n ?? 0) + 1;
	const [producer] = await tx.select({ name: users.name }).from(users).where(eq(users.id, person.id));
	const tenderInput = await tenderInputIn(tx, person, consortiumId, input, number, { id: person.id, name: producer?.name ?? null });
	const { archive, manifest } = await buildTenderArchive(tenderInput);
	const [row] = await tx
		.insert(tenderPackages)
		.values({
			consortiumId,
			number,
			baselineId: input.baselineId,
			decisionId: input.decisionId ?? null,
			versionIds: tenderInput.documents.map((d) => d.versionId),
			manifest,
			archive,
			sha256: sha256(archive),
			byteSize: archive.byteLength,
			createdBy: person.id
		})
		.returning();
	const after = { number: manifest.number, baselineId: row!.baselineId, decisionId: row!.decisionId, versionIds: row!.versionIds, sha256: row!.sha256 };
	await recordChange(tx, {
		actorId: person.id,
		consortiumId,
		action: 'tender_package.produced',
		entityType: 'tender_package',
		entityId: row!.id,
		before: null,
		after,
		related: [input.baselineId, ...(input.decisionId ? [input.decisionId] : []), ...row!.versionIds]
	});
	return row!;
}

/**
 * Everything a package is made from, read as `person` sees it: the baseline's frozen requirements,
 * each chosen version's export (in the consortium's content language), the decision. The same
 * rows give the same input, so the stored archive can be made again and compared (`reproduceTenderPackage`).
 */
export async function tenderInputIn(
	tx: Transaction,
	person: Who,
	consortiumId: string,
	input: TenderPackageInput,
	number: number,
	producedBy: TenderInput['producedBy']
): Promise<TenderInput> {
	const [consortium] = await tx
		.select({ id: consortia.id, name: consortia.name, contentLanguage: consortia.contentLanguage })
		.from(consortia)
		.where(eq(consortia.id, consortiumId));
	if (!consortium) throw new NotFound();
	const locale: Locale = consortium.contentLanguage === 'en' ? 'en' : 'sv';
	const [baseline] = await tx
		.select({ id: baselines.id })
		.from(baselines)
		.where(and(eq(baselines.id, input.baselineId), eq(baselines.consortiumId, consortiumId)));
	if (!baseline) throw new CommandError('invalid_choice', 'baselineId', 422);
	const spec = await loadSpec(tx, consortiumId, baseline.id);

	const ids = [...new Set(input.versionIds)];
	const versions = ids.length
		? await tx
				.select({ version: documentVersions, kind: documents.kind })
				.from(documentVersions)
				.innerJoin(documents, eq(documents.id, documentVersions.documentId))
				.where(and(inArray(documentVersions.id, ids), eq(documentVersions.consortiumId, consortiumId)))
				.orderBy(asc(documents.title), asc(documentVersions.number))
		: [];
	if (versions.length !== ids.length) throw new CommandError('invalid_choice', 'versionIds', 422);
	if (versions.some((v) => v.version.status !== 'approved')) throw new CommandError('tender_version_not_approved', 'versionIds', 422);
	if (new Set(versions.map((v) => v.version.documentId)).size !== versions.length) throw new CommandError('tender_one_version_per_document', 'versionIds', 422);
	// The archive's order: by kind as the documents area lists kinds, then title, then document.
	versions.sort(
		(a, b) =>
			documentKinds.indexOf(a.kind) - documentKinds.indexOf(b.kind) ||
			a.version.title.localeCompare(b.version.title, 'sv') ||
			a.version.documentId.localeCompare(b.version.documentId)
	);
	const docs: TenderDocument[] = [];
	for (const { version, kind } of versions) {
		const exported = await documentExport(person, consortiumId, version.documentId, version.id, locale);
		docs.push({
			documentId: version.documentId,
			versionId: version.id,
			kind,
			title: version.title,
			versionNumber: version.number,
			versionName: version.name,
			approvedAt: version.decidedAt,
			fileBase: exported.fileBase,
			export: exported.export
		});
	}

	let decision: TenderInput['decision'] = null;
	if (input.decisionId) {
		const [row] = await tx
			.select({ id: decisions.id, number: decisions.number, title: decisions.title, decidedOn: decisions.decidedOn, recordedAt: decisions.recordedAt })
			.from(decisions)
			.where(and(eq(decisions.id, input.decisionId), eq(decisions.consortiumId, consortiumId), eq(decisions.result, 'adopted')));
		if (!row) throw new CommandError('invalid_choice', 'decisionId', 422);
		decision = row;
	}
	return { number, locale, consortium: { id: consortium.id, name: consortium.name }, producedBy, spec, documents: docs, decision };
}
