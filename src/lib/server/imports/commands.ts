import { and, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { refreshQuality } from '../quality/refresh';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { firstRow } from '../db/rows';
import { needs, organisations, pendingImports, requirementOrganisations, requirements } from '../db/schema';
import { CommandError, NotFound } from '../errors';
import { actorFor, type Who } from '../consortia/actor';
import type { NeedInput, RequirementInput } from '../requirements/schemas';
import { plainTextToHtml } from '../requirements/text';
import { ImportRefused, readTable, type Encoding, type Refusal } from './parse';
import { importKinds, validateTable, type ImportKind, type ImportRow } from './rows';

/** How long a preview waits for its confirmation. */
export const PREVIEW_LIFETIME_MS = 60 * 60 * 1000;

export interface Upload {
	kind: ImportKind;
	encoding: Encoding;
	fileName: string;
	bytes: Uint8Array;
}

export type PreviewResult = { ok: true; id: string } | { ok: false; refusal: Refusal };

/**
 * Reads and validates an uploaded file and keeps the result as a pending import of the person,
 * writing nothing else. A file that cannot be read at all (wrong encoding, too large, not CSV or
 * XLSX, no title column) is refused with its reason and leaves nothing behind.
 */
export async function previewImport(person: Who, consortiumId: string, upload: Upload): Promise<PreviewResult> {
	// Ask first, so a person who may not import never has their file parsed.
	const organisationList = await withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		return tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.consortiumId, consortiumId));
	});
	let report;
	let format;
	try {
		const read = await readTable(upload.bytes, upload.fileName, upload.encoding);
		format = read.format;
		report = validateTable(upload.kind, read.table, organisationList);
	} catch (error) {
		if (error instanceof ImportRefused) return { ok: false, refusal: error.refusal };
		throw error;
	}
	const id = await withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		await tx.delete(pendingImports).where(and(eq(pendingImports.createdBy, person.id), lt(pendingImports.expiresAt, new Date())));
		const [pending] = await tx
			.insert(pendingImports)
			.values({
				consortiumId,
				createdBy: person.id,
				kind: upload.kind,
				fileName: upload.fileName.slice(0, 255),
				format,
				encoding: format === 'csv' ? upload.encoding : 'xlsx',
				rows: report.rows,
				ignoredColumns: report.ignoredColumns,
				validCount: report.validCount,
				invalidCount: report.invalidCount,
				expiresAt: new Date(Date.now() + PREVIEW_LIFETIME_MS)
			})
			.returning({ id: pendingImports.id });
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'import.previewed',
			entityType: 'import',
			entityId: pending!.id,
			after: { kind: upload.kind, fileName: upload.fileName, format, validCount: report.validCount, invalidCount: report.invalidCount },
			audience: 'user',
			userId: person.id
		});
		return pending!.id;
	});
	return { ok: true, id };
}

/** Draws `count` consecutive requirement numbers at once (the counter row stays locked until commit). */
async function drawRequirementNumbers(tx: Transaction, consortiumId: string, count: number): Promise<number> {
	const result = await tx.execute(sql`
		insert into requirement_counters (consortium_id, last_number) values (${consortiumId}, ${count})
		on conflict (consortium_id) do update set last_number = requirement_counters.last_number + ${count}
		returning last_number`);
	return Number(firstRow<{ last_number: number }>(result)!.last_number) - count + 1;
}

/** Organisation ids the valid rows point at that no longer belong to the consortium. */
async function vanishedOrganisations(tx: Transaction, consortiumId: string, ids: string[]): Promise<boolean> {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return false;
	const found = await tx
		.select({ id: organisations.id })
		.from(organisations)
		.where(and(eq(organisations.consortiumId, consortiumId), inArray(organisations.id, unique)));
	return found.length !== unique.length;
}

/**
 * Writes the valid rows of the person's pending import, all in one transaction with one audit
 * entry: needs as needs, requirements as drafts with the consortium's next identifiers. Rows with
 * errors are left out. A pending import that expired, was confirmed already or is someone else's
 * is not found. Returns how many were created.
 */
export async function confirmImport(person: Who, consortiumId: string, importId: string): Promise<{ kind: ImportKind; created: number }> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const [pending] = await tx
			.select()
			.from(pendingImports)
			.where(
				and(
					eq(pendingImports.id, importId),
					eq(pendingImports.consortiumId, consortiumId),
					eq(pendingImports.createdBy, person.id),
					inArray(pendingImports.kind, importKinds),
					isNull(pendingImports.confirmedAt),
					gt(pendingImports.expiresAt, new Date())
				)
			)
			.for('update');
		if (!pending) throw new NotFound();
		// Portfolio statuses have their own import (portfolio/import.ts); this one writes needs and requirements only.
		const kind = pending.kind as ImportKind;
		const valid = (pending.rows as ImportRow[]).filter((r) => r.input && r.errors.length === 0);
		if (valid.length === 0) throw new CommandError('import_nothing_valid', 'form', 422);

		let created: { id: string; title: string; identifier?: string }[];
		if (kind === 'requirements') {
			const inputs = valid.map((r) => r.input as RequirementInput);
			if (
				await vanishedOrganisations(
					tx,
					consortiumId,
					inputs.flatMap((i) => i.localOrganisationIds)
				)
			) {
				throw new CommandError('import_stale', 'form', 409);
			}
			const first = await drawRequirementNumbers(tx, consortiumId, inputs.length);
			created = [];
			for (let start = 0; start < inputs.length; start += 500) {
				const chunk = inputs.slice(start, start + 500);
				const rows = await tx
					.insert(requirements)
					.values(
						chunk.map((input, i) => ({
							consortiumId,
							number: first + start + i,
							title: input.title,
							bodyText: input.body,
							bodyHtml: plainTextToHtml(input.body),
							rationale: input.rationale,
							acceptanceCriteria: input.acceptanceCriteria,
							obligation: input.obligation,
							weight: input.obligation === 'criterion' ? (input.weight ?? null) : null,
							type: input.type,
							subtype: input.type === 'non_functional' ? (input.subtype ?? null) : null,
							verification: input.verification,
							scope: input.scope,
							createdBy: person.id,
							updatedBy: person.id
						}))
					)
					.returning({ id: requirements.id, title: requirements.title, identifier: requirements.identifier });
				const places = chunk.flatMap((input, i) =>
					input.scope === 'local'
						? [...new Set(input.localOrganisationIds)].map((organisationId) => ({ consortiumId, requirementId: rows[i]!.id, organisationId }))
						: []
				);
				if (places.length) await tx.insert(requirementOrganisations).values(places);
				created.push(...rows);
			}
			await refreshQuality(
				tx,
				consortiumId,
				created.map((r) => r.id)
			);
		} else {
			const inputs = valid.map((r) => r.input as NeedInput);
			if (
				await vanishedOrganisations(
					tx,
					consortiumId,
					inputs.flatMap((i) => (i.capturedByOrganisationId ? [i.capturedByOrganisationId] : []))
				)
			) {
				throw new CommandError('import_stale', 'form', 409);
			}
			created = [];
			for (let start = 0; start < inputs.length; start += 500) {
				const rows = await tx
					.insert(needs)
					.values(
						inputs.slice(start, start + 500).map((input) => ({
							consortiumId,
							title: input.title,
							descriptionText: input.description,
							descriptionHtml: plainTextToHtml(input.description),
							source: input.source,
							capturedByOrganisationId: input.capturedByOrganisationId ?? null,
							capturedOn: input.capturedOn ?? null,
							createdBy: person.id,
							updatedBy: person.id
						}))
					)
					.returning({ id: needs.id, title: needs.title });
				created.push(...rows);
			}
		}
		await tx.update(pendingImports).set({ confirmedAt: new Date() }).where(eq(pendingImports.id, pending.id));
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: kind === 'requirements' ? 'requirements.imported' : 'needs.imported',
			entityType: kind === 'requirements' ? 'requirement' : 'need',
			entityId: pending.id,
			after: { fileName: pending.fileName, skippedRows: pending.invalidCount, created }
		});
		return { kind, created: created.length };
	});
}

/** Throws away the person's pending import (nothing was written for it). */
export async function discardImport(person: Who, consortiumId: string, importId: string): Promise<void> {
	await withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const removed = await tx
			.delete(pendingImports)
			.where(
				and(
					eq(pendingImports.id, importId),
					eq(pendingImports.consortiumId, consortiumId),
					eq(pendingImports.createdBy, person.id),
					inArray(pendingImports.kind, importKinds),
					isNull(pendingImports.confirmedAt)
				)
			)
			.returning({ id: pendingImports.id });
		if (removed.length === 0) throw new NotFound();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'import.discarded',
			entityType: 'import',
			entityId: importId,
			audience: 'user',
			userId: person.id
		});
	});
}
