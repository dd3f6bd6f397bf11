import { and, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { organisations, pendingImports, technologies, technologyStatuses } from '../db/schema';
import { CommandError, NotFound } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { PREVIEW_LIFETIME_MS } from '../imports/commands';
import { ImportRefused, readTable, type Encoding, type Refusal } from '../imports/parse';
import { authorize, can, type Actor } from '../policy';
import type { TechnologyStatus } from '../../enums';
import { setStatusIn } from './commands';
import { validatePortfolioTable, type PortfolioImportColumn, type PortfolioImportRow } from './import-rows';
import { StatusInput } from './schemas';
import type { StatusRow } from './state';

/*
 * Importing portfolio statuses from a file: a preview kept as a pending import of the person (kind
 * `portfolio`), then a confirmation that writes every valid row through `setStatusIn` in one
 * transaction, so each is audited and announced like a status set by hand, and a failure leaves
 * nothing written.
 */

export interface PortfolioUpload {
	encoding: Encoding;
	fileName: string;
	bytes: Uint8Array;
}

export type PortfolioPreviewResult = { ok: true; id: string } | { ok: false; refusal: Refusal };

/** A cell as the matrix shows it. */
export interface ShownCell {
	status: TechnologyStatus;
	sinceYear: number | null;
	plannedYear: number | null;
	expansionPlanned: boolean;
}

/**
 * The person's actor if they may import statuses at all: a writer of the consortium (an admin for
 * every municipality, the others for their own, decided per row). The supplier and outsiders get
 * 404, an observer Forbidden.
 */
async function importerIn(tx: Transaction, person: Who, consortiumId: string): Promise<Actor> {
	const actor = await readerFor(tx, person, consortiumId);
	authorize(actor, 'content.write', { consortiumId });
	return actor;
}

/** For the upload page: whether the person imports for every municipality, or only for their own (named). */
export async function portfolioImportScope(person: Who, consortiumId: string): Promise<{ all: true } | { all: false; organisation: string }> {
	return withUser(person, async (tx) => {
		const actor = await importerIn(tx, person, consortiumId);
		if (can(actor, 'portfolio.manage', { consortiumId })) return { all: true };
		const [own] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, actor.membership!.organisationId));
		return { all: false, organisation: own?.name ?? '' };
	});
}

/**
 * Reads and validates a file of statuses and keeps the report as the person's pending import,
 * writing nothing else. Each row's municipality and technology are resolved (technologies by name
 * or alias), and a row for a municipality the person may not write for is an error of that row. A
 * file that cannot be read at all is refused with its reason and leaves nothing behind.
 */
export async function previewPortfolioImport(person: Who, consortiumId: string, upload: PortfolioUpload): Promise<PortfolioPreviewResult> {
	// Ask first, so a person who may not import never has their file parsed.
	const { actor, organisationList, catalogue } = await withUser(person, async (tx) => {
		const actor = await importerIn(tx, person, consortiumId);
		const [organisationList, catalogue] = await Promise.all([
			tx
				.select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
				.from(organisations)
				.where(eq(organisations.consortiumId, consortiumId)),
			tx
				.select({ id: technologies.id, name: technologies.name, aliases: technologies.aliases })
				.from(technologies)
				.where(eq(technologies.consortiumId, consortiumId))
		]);
		return { actor, organisationList, catalogue };
	});
	let report;
	let format;
	try {
		const read = await readTable(upload.bytes, upload.fileName, upload.encoding);
		format = read.format;
		report = validatePortfolioTable(read.table, organisationList, catalogue, (organisationId) =>
			can(actor, 'portfolio_status.edit', { consortiumId, organisationId })
		);
	} catch (error) {
		if (error instanceof ImportRefused) return { ok: false, refusal: error.refusal };
		throw error;
	}
	const id = await withUser(person, async (tx) => {
		await importerIn(tx, person, consortiumId);
		await tx.delete(pendingImports).where(and(eq(pendingImports.createdBy, person.id), lt(pendingImports.expiresAt, new Date())));
		const [pending] = await tx
			.insert(pendingImports)
			.values({
				consortiumId,
				createdBy: person.id,
				kind: 'portfolio',
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
			after: { kind: 'portfolio', fileName: upload.fileName, format, validCount: report.validCount, invalidCount: report.invalidCount },
			audience: 'user',
			userId: person.id
		});
		return pending!.id;
	});
	return { ok: true, id };
}

const SINCE: readonly TechnologyStatus[] = ['in_use', 'pilot', 'discontinued'];
const PLANNED: readonly TechnologyStatus[] = ['planned', 'in_procurement', 'investigating'];
const RUNNING: readonly TechnologyStatus[] = ['in_use', 'pilot'];

/**
 * What a row writes over the municipality's current row: the file's columns replace (an empty cell
 * clears), and what the file has no column for is kept, so a file of only municipality, technology
 * and status does not wipe suppliers, contracts and notes. Whether more is planned has no column and
 * is always kept.
 */
export function withKept(input: StatusInput, columns: readonly PortfolioImportColumn[], current: StatusRow | undefined): StatusInput {
	if (!current) return input;
	const has = (c: PortfolioImportColumn) => columns.includes(c);
	const years = has('year') || has('sinceYear') || has('plannedYear');
	return {
		...input,
		sinceYear: years ? input.sinceYear : (current.sinceYear ?? undefined),
		plannedYear: years ? input.plannedYear : (current.plannedYear ?? undefined),
		expansionPlanned: current.expansionPlanned,
		supplier: has('supplier') ? input.supplier : current.supplier,
		contractEnd: has('contractEnd') ? input.contractEnd : (current.contractEnd ?? undefined),
		intent: has('intent') ? input.intent : current.intent,
		note: has('note') ? input.note : current.note
	};
}

/** The cell an input becomes, with the years that do not fit its status dropped as `setStatusIn` drops them. */
function cellOfInput(input: StatusInput): ShownCell {
	const expands = input.expansionPlanned && RUNNING.includes(input.status);
	return {
		status: input.status,
		sinceYear: SINCE.includes(input.status) ? (input.sinceYear ?? null) : null,
		plannedYear: PLANNED.includes(input.status) || expands ? (input.plannedYear ?? null) : null,
		expansionPlanned: expands
	};
}

const cellKey = (technologyId: string, organisationId: string) => `${technologyId}:${organisationId}`;

async function currentStatuses(tx: Transaction, consortiumId: string, organisationIds: string[]): Promise<Map<string, StatusRow>> {
	if (organisationIds.length === 0) return new Map();
	const rows = await tx
		.select()
		.from(technologyStatuses)
		.where(and(eq(technologyStatuses.consortiumId, consortiumId), inArray(technologyStatuses.organisationId, organisationIds)));
	return new Map(rows.map((r) => [cellKey(r.technologyId, r.organisationId), r]));
}

const validRows = (rows: PortfolioImportRow[]) => rows.filter((r): r is PortfolioImportRow & { input: StatusInput } => !!r.input && r.errors.length === 0);
const columnsOf = (row: PortfolioImportRow) => Object.keys(row.cells) as PortfolioImportColumn[];

function pendingWhere(person: Who, consortiumId: string, importId: string) {
	return and(
		eq(pendingImports.id, importId),
		eq(pendingImports.consortiumId, consortiumId),
		eq(pendingImports.createdBy, person.id),
		eq(pendingImports.kind, 'portfolio'),
		gt(pendingImports.expiresAt, new Date())
	);
}

/**
 * The person's own pending status import with its row-by-row report, and for each valid row the
 * municipality's cell as it is now and as the import would leave it. Anyone else's is not found.
 */
export async function getPortfolioImport(person: Who, consortiumId: string, importId: string) {
	return withUser(person, async (tx) => {
		await importerIn(tx, person, consortiumId);
		const [pending] = await tx
			.select()
			.from(pendingImports)
			.where(pendingWhere(person, consortiumId, importId));
		if (!pending) throw new NotFound();
		const rows = pending.rows as PortfolioImportRow[];
		const valid = validRows(rows);
		const current = await currentStatuses(tx, consortiumId, [...new Set(valid.map((r) => r.input.organisationId))]);
		const shown = (s: StatusRow | undefined): ShownCell | null =>
			s ? { status: s.status, sinceYear: s.sinceYear, plannedYear: s.plannedYear, expansionPlanned: s.expansionPlanned } : null;
		return {
			id: pending.id,
			fileName: pending.fileName,
			confirmed: pending.confirmedAt !== null,
			validCount: pending.validCount,
			invalidCount: pending.invalidCount,
			ignoredColumns: pending.ignoredColumns as string[],
			invalid: rows.filter((r) => !r.input || r.errors.length > 0),
			valid: valid.map((r) => {
				const before = current.get(cellKey(r.input.technologyId, r.input.organisationId));
				return { ...r, before: shown(before), after: cellOfInput(withKept(r.input, columnsOf(r), before)) };
			})
		};
	});
}

/**
 * Writes the valid rows of the person's pending status import, all in one transaction, each through
 * `setStatusIn` (audited and announced live), and one audit entry for the import. Every
 * municipality and technology is checked again, and so is the person's right to each municipality's
 * row: if any has changed since the preview, nothing is written. Returns how many were written.
 */
export async function confirmPortfolioImport(person: Who, consortiumId: string, importId: string): Promise<{ imported: number }> {
	return withUser(person, async (tx) => {
		const actor = await importerIn(tx, person, consortiumId);
		const [pending] = await tx
			.select()
			.from(pendingImports)
			.where(and(pendingWhere(person, consortiumId, importId), isNull(pendingImports.confirmedAt)))
			.for('update');
		if (!pending) throw new NotFound();
		const valid = validRows(pending.rows as PortfolioImportRow[]);
		if (valid.length === 0) throw new CommandError('import_nothing_valid', 'form', 422);
		const inputs = valid.map((r) => ({ input: StatusInput.parse(r.input), columns: columnsOf(r) }));

		const technologyIds = [...new Set(inputs.map((i) => i.input.technologyId))];
		const organisationIds = [...new Set(inputs.map((i) => i.input.organisationId))];
		const [foundTechnologies, foundMunicipalities] = await Promise.all([
			tx
				.select({ id: technologies.id })
				.from(technologies)
				.where(and(eq(technologies.consortiumId, consortiumId), inArray(technologies.id, technologyIds))),
			tx
				.select({ id: organisations.id })
				.from(organisations)
				.where(and(eq(organisations.consortiumId, consortiumId), eq(organisations.kind, 'municipality'), inArray(organisations.id, organisationIds)))
		]);
		if (foundTechnologies.length !== technologyIds.length || foundMunicipalities.length !== organisationIds.length) {
			throw new CommandError('portfolio_import_stale', 'form', 409);
		}
		for (const organisationId of organisationIds) authorize(actor, 'portfolio_status.edit', { consortiumId, organisationId });

		const current = await currentStatuses(tx, consortiumId, organisationIds);
		for (const { input, columns } of inputs) {
			await setStatusIn(tx, consortiumId, person.id, withKept(input, columns, current.get(cellKey(input.technologyId, input.organisationId))));
		}
		await tx.update(pendingImports).set({ confirmedAt: new Date() }).where(eq(pendingImports.id, pending.id));
		// Each status was announced on its own; this entry only records the import as one act.
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'portfolio.imported',
			entityType: 'import',
			entityId: pending.id,
			after: { fileName: pending.fileName, imported: inputs.length, skippedRows: pending.invalidCount },
			quiet: true
		});
		return { imported: inputs.length };
	});
}

/** Throws away the person's pending status import (nothing was written for it). */
export async function discardPortfolioImport(person: Who, consortiumId: string, importId: string): Promise<void> {
	await withUser(person, async (tx) => {
		await importerIn(tx, person, consortiumId);
		const removed = await tx
			.delete(pendingImports)
			.where(and(pendingWhere(person, consortiumId, importId), isNull(pendingImports.confirmedAt)))
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
