import { and, asc, desc, eq } from 'drizzle-orm';
import { readerFor, type Who } from '../consortia/actor';
import { withUser } from '../db/request';
import { baselines, decisions, documents, documentVersions, tenderPackages, users } from '../db/schema';
import { NotFound } from '../errors';
import { exportFileName } from '../exports/spec';
import { can } from '../policy';
import { buildTenderArchive, sha256 } from './archive';
import { tenderInputIn } from './commands';
import { tenderPackageLabel } from './manifest';

/**
 * The consortium's tender packages, newest first, with their manifests (not the archives), and what
 * the form to produce one offers: baselines, approved versions, adopted decisions. Internal members
 * only; the supplier and outsiders get NotFound.
 */
export async function tenderPackagesPage(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const canProduce = can(actor, 'decisions.manage', { consortiumId }) === true;
		const packages = await tx
			.select({
				id: tenderPackages.id,
				number: tenderPackages.number,
				manifest: tenderPackages.manifest,
				sha256: tenderPackages.sha256,
				byteSize: tenderPackages.byteSize,
				createdAt: tenderPackages.createdAt,
				createdBy: users.name
			})
			.from(tenderPackages)
			.leftJoin(users, eq(users.id, tenderPackages.createdBy))
			.where(eq(tenderPackages.consortiumId, consortiumId))
			.orderBy(desc(tenderPackages.number));
		const choices = canProduce
			? {
					baselines: await tx
						.select({ id: baselines.id, name: baselines.name, createdAt: baselines.createdAt })
						.from(baselines)
						.where(eq(baselines.consortiumId, consortiumId))
						.orderBy(desc(baselines.createdAt)),
					versions: await tx
						.select({
							id: documentVersions.id,
							documentId: documentVersions.documentId,
							kind: documents.kind,
							title: documentVersions.title,
							number: documentVersions.number,
							name: documentVersions.name,
							decidedAt: documentVersions.decidedAt
						})
						.from(documentVersions)
						.innerJoin(documents, eq(documents.id, documentVersions.documentId))
						.where(and(eq(documentVersions.consortiumId, consortiumId), eq(documentVersions.status, 'approved')))
						.orderBy(asc(documents.title), desc(documentVersions.number)),
					decisions: await tx
						.select({ id: decisions.id, number: decisions.number, title: decisions.title, decidedOn: decisions.decidedOn })
						.from(decisions)
						.where(and(eq(decisions.consortiumId, consortiumId), eq(decisions.result, 'adopted')))
						.orderBy(desc(decisions.recordedAt))
				}
			: null;
		return { packages: packages.map((p) => ({ ...p, label: tenderPackageLabel(p.number) })), canProduce, choices };
	});
}

/** A stored package by number, archive included; NotFound for a reader outside the consortium's internal members. */
async function storedPackage(person: Who, consortiumId: string, number: number) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const [row] = await tx
			.select()
			.from(tenderPackages)
			.where(and(eq(tenderPackages.consortiumId, consortiumId), eq(tenderPackages.number, number)));
		if (!row) throw new NotFound();
		return row;
	});
}

/** A package's archive as a download: its bytes and its file name ("UD-3 Kravspecifikation 1.0.zip"). Internal members only. */
export async function tenderArchive(person: Who, consortiumId: string, number: number): Promise<{ bytes: Uint8Array; fileName: string }> {
	const row = await storedPackage(person, consortiumId, number);
	return { bytes: row.archive, fileName: exportFileName(`${row.manifest.number} ${row.manifest.baseline.name}`, 'zip') };
}

/**
 * Makes a stored package again from the rows it names and says whether the archive comes out
 * byte for byte the same: the check that a package is what its inputs make (and that nothing in
 * the making reads the clock).
 */
export async function reproduceTenderPackage(person: Who, consortiumId: string, number: number): Promise<{ same: boolean; sha256: string }> {
	return withUser(person, async (tx) => {
		const row = await storedPackage(person, consortiumId, number);
		const input = await tenderInputIn(
			tx,
			person,
			consortiumId,
			{ baselineId: row.baselineId, versionIds: row.versionIds, decisionId: row.decisionId ?? undefined },
			row.number,
			row.manifest.producedBy
		);
		const { archive } = await buildTenderArchive(input);
		const hash = sha256(archive);
		return { same: hash === row.sha256, sha256: hash };
	});
}
