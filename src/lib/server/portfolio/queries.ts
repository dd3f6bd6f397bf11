import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { organisations, technologies, technologyCategories, technologyStatuses, users } from '../db/schema';
import { NotFound } from '../errors';
import { abilities, can, itemAbilities, type Actor } from '../policy';
import { readerFor, type Who } from '../consortia/actor';
import type { PortfolioIntent, TechnologyStatus } from '../../enums';
import { jointCandidates } from './overlaps';
import type { MatrixFilter } from './schemas';
import { pageWithin, pagesByWeight, spanLabel } from '../../paging';

/** One cell of the matrix: a municipality's status for a technology. */
export interface Cell {
	status: TechnologyStatus;
	sinceYear: number | null;
	plannedYear: number | null;
	expansionPlanned: boolean;
	supplier: string;
	contractEnd: string | null;
	intent: PortfolioIntent;
	note: string;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv');

async function portfolioIn(tx: Transaction, consortiumId: string) {
	const [categories, catalogue, municipalities, statuses] = await Promise.all([
		tx
			.select({ id: technologyCategories.id, name: technologyCategories.name })
			.from(technologyCategories)
			.where(eq(technologyCategories.consortiumId, consortiumId))
			.orderBy(asc(technologyCategories.position), asc(technologyCategories.name)),
		tx
			.select({ id: technologies.id, name: technologies.name, aliases: technologies.aliases, categoryId: technologies.categoryId })
			.from(technologies)
			.where(eq(technologies.consortiumId, consortiumId)),
		tx
			.select({ id: organisations.id, name: organisations.name, skrGroup: organisations.skrGroup })
			.from(organisations)
			.where(and(eq(organisations.consortiumId, consortiumId), eq(organisations.kind, 'municipality'))),
		// Only what the matrix and the overlaps show: at 100 municipalities × 300 technologies, reading
		// (and sending the page) every column of thousands of rows is most of the time the page takes.
		tx
			.select({
				technologyId: technologyStatuses.technologyId,
				organisationId: technologyStatuses.organisationId,
				status: technologyStatuses.status,
				sinceYear: technologyStatuses.sinceYear,
				plannedYear: technologyStatuses.plannedYear,
				expansionPlanned: technologyStatuses.expansionPlanned,
				contractEnd: technologyStatuses.contractEnd,
				intent: technologyStatuses.intent,
				note: technologyStatuses.note
			})
			.from(technologyStatuses)
			.where(eq(technologyStatuses.consortiumId, consortiumId))
	]);
	return { categories, catalogue: catalogue.sort(byName), municipalities: municipalities.sort(byName), statuses };
}

/** A cell of the matrix: what it says in words (cellText), and its note as the cell's tooltip. */
export type MatrixCell = Pick<Cell, 'status' | 'sinceYear' | 'plannedYear' | 'expansionPlanned' | 'note'>;

const cellOf = (s: typeof technologyStatuses.$inferSelect): Cell => ({
	status: s.status,
	sinceYear: s.sinceYear,
	plannedYear: s.plannedYear,
	expansionPlanned: s.expansionPlanned,
	supplier: s.supplier,
	contractEnd: s.contractEnd,
	intent: s.intent,
	note: s.note
});

/**
 * How many cells one page of the matrix draws. A consortium of a dozen municipalities sees its whole
 * portfolio on one page; at 100 municipalities × 300 technologies the whole matrix is 30,000 cells,
 * which take the browser some 4–5 s to draw and make interactive (docs/performance.md). A list view
 * draws a link and a status per entry, heavier than a table cell, so its pages hold fewer.
 */
export const MATRIX_CELL_BUDGET = 1500;
export const MATRIX_LIST_BUDGET = 900;

/**
 * The matrix for internal members: technologies by category × municipalities, each cell the
 * municipality's status or null. Filtered to the municipalities of one SKR group, and to the
 * technologies at least one of the shown municipalities has the given status for. A large matrix
 * comes in pages by what they draw (MATRIX_CELL_BUDGET): by technologies for the table and the
 * technology view, by municipalities for the municipality view; `pages` names each page by the
 * categories (or municipalities) it holds. The supplier and outsiders get 404.
 */
export async function portfolioMatrix(
	person: Who,
	consortiumId: string,
	filter: Pick<MatrixFilter, 'skr' | 'status' | 'page'> & { view?: MatrixFilter['view'] } = {},
	budget = { cells: MATRIX_CELL_BUDGET, list: MATRIX_LIST_BUDGET }
) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const { categories, catalogue, municipalities, statuses } = await portfolioIn(tx, consortiumId);
		const skrGroups = [...new Set(municipalities.map((m) => m.skrGroup).filter((g): g is string => !!g))].sort();
		const shown = filter.skr ? municipalities.filter((m) => m.skrGroup === filter.skr) : municipalities;
		const shownIds = new Set(shown.map((m) => m.id));
		const cells = new Map<string, Record<string, MatrixCell>>();
		for (const s of statuses) {
			if (!shownIds.has(s.organisationId)) continue;
			let row = cells.get(s.technologyId);
			if (!row) cells.set(s.technologyId, (row = {}));
			row[s.organisationId] = { status: s.status, sinceYear: s.sinceYear, plannedYear: s.plannedYear, expansionPlanned: s.expansionPlanned, note: s.note };
		}
		const rows = catalogue
			.map((t) => ({ id: t.id, name: t.name, categoryId: t.categoryId, cells: cells.get(t.id) ?? {} }))
			.filter((t) => !filter.status || Object.values(t.cells).some((c) => c.status === filter.status));
		// In the order the page shows them: by category, then by name.
		const ordered = categories.flatMap((c) => rows.filter((t) => t.categoryId === c.id));
		const categoryName = new Map(categories.map((c) => [c.id, c.name]));
		const byCategory = (technologies: typeof rows) =>
			categories.map((c) => ({ ...c, technologies: technologies.filter((t) => t.categoryId === c.id) })).filter((c) => c.technologies.length > 0);

		let page: { number: number; labels: string[]; categories: ReturnType<typeof byCategory>; municipalities: typeof shown };
		if (filter.view === 'municipality') {
			const entries = (m: (typeof shown)[number]) => ordered.filter((t) => t.cells[m.id]).length + 1;
			const pages = pagesByWeight(shown, entries, budget.list);
			const number = pageWithin(filter.page, pages.length);
			page = {
				number,
				labels: pages.map((p) => spanLabel(p[0]!.name, p.at(-1)!.name)),
				categories: byCategory(ordered),
				municipalities: pages[number - 1] ?? []
			};
		} else {
			const pages = pagesByWeight(ordered, () => shown.length + 1, filter.view === 'technology' ? budget.list : budget.cells);
			const number = pageWithin(filter.page, pages.length);
			page = {
				number,
				labels: pages.map((p) => spanLabel(categoryName.get(p[0]!.categoryId) ?? '', categoryName.get(p.at(-1)!.categoryId) ?? '')),
				categories: byCategory(pages[number - 1] ?? []),
				municipalities: shown
			};
		}
		return {
			categories: page.categories,
			allCategories: categories,
			municipalities: page.municipalities,
			skrGroups,
			/** Technologies in the catalogue; matching the filter; municipalities the filter shows. */
			technologyCount: catalogue.length,
			matchedTechnologies: ordered.length,
			shownMunicipalities: shown.length,
			page: page.number,
			pages: page.labels,
			ownOrganisationId: actor.membership?.organisationId ?? null,
			can: abilities(actor, { consortiumId })
		};
	});
}

/** What the actor may do with each municipality's row of a technology, by organisation. */
const editableBy = (actor: Actor, consortiumId: string, organisationId: string) =>
	itemAbilities(actor, 'portfolio_status', { consortiumId, organisationId }).edit;

/**
 * One technology with every municipality's row (null where it has none), who changed each and
 * when, and whether the actor may change it; for admins, the categories and the other
 * technologies it may be merged into. The supplier and outsiders get 404.
 */
export async function technologyDetail(person: Who, consortiumId: string, id: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const [technology] = await tx
			.select({ technology: technologies, category: technologyCategories.name })
			.from(technologies)
			.innerJoin(technologyCategories, eq(technologyCategories.id, technologies.categoryId))
			.where(and(eq(technologies.id, id), eq(technologies.consortiumId, consortiumId)));
		if (!technology) throw new NotFound();
		const [municipalities, statuses] = await Promise.all([
			tx
				.select({ id: organisations.id, name: organisations.name, skrGroup: organisations.skrGroup })
				.from(organisations)
				.where(and(eq(organisations.consortiumId, consortiumId), eq(organisations.kind, 'municipality'))),
			tx
				.select({ status: technologyStatuses, by: users.name })
				.from(technologyStatuses)
				.leftJoin(users, eq(users.id, technologyStatuses.updatedBy))
				.where(eq(technologyStatuses.technologyId, id))
		]);
		const byOrganisation = new Map(statuses.map((s) => [s.status.organisationId, s]));
		const manage = can(actor, 'portfolio.manage', { consortiumId });
		const own = actor.membership?.organisationId ?? null;
		const rows = municipalities
			.sort(byName)
			.sort((a, b) => Number(b.id === own) - Number(a.id === own))
			.map((m) => {
				const found = byOrganisation.get(m.id);
				return {
					organisation: m,
					cell: found ? cellOf(found.status) : null,
					updatedAt: found?.status.updatedAt ?? null,
					updatedBy: found?.by ?? null,
					canEdit: editableBy(actor, consortiumId, m.id)
				};
			});
		const [categories, others] = manage
			? await Promise.all([
					tx
						.select({ id: technologyCategories.id, name: technologyCategories.name })
						.from(technologyCategories)
						.where(eq(technologyCategories.consortiumId, consortiumId))
						.orderBy(asc(technologyCategories.position)),
					tx
						.select({ id: technologies.id, name: technologies.name })
						.from(technologies)
						.where(eq(technologies.consortiumId, consortiumId))
						.orderBy(asc(technologies.name))
				])
			: [[], []];
		return {
			technology: { ...technology.technology, category: technology.category },
			rows,
			categories,
			mergeTargets: others.filter((o) => o.id !== id).sort(byName),
			can: abilities(actor, { consortiumId })
		};
	});
}

/** The joint candidates of the consortium's portfolio (overlaps.ts), for internal members; 404 for the supplier. */
export async function portfolioCandidates(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const { categories, catalogue, municipalities, statuses } = await portfolioIn(tx, consortiumId);
		const categoryName = new Map(categories.map((c) => [c.id, c.name]));
		const municipalityName = new Map(municipalities.map((m) => [m.id, m.name]));
		return jointCandidates(
			catalogue.map((t) => ({ id: t.id, name: t.name, category: categoryName.get(t.categoryId) ?? '' })),
			statuses
				.filter((s) => municipalityName.has(s.organisationId))
				.map((s) => ({
					technologyId: s.technologyId,
					organisation: municipalityName.get(s.organisationId)!,
					status: s.status,
					intent: s.intent,
					contractEnd: s.contractEnd,
					plannedYear: s.plannedYear,
					expansionPlanned: s.expansionPlanned
				}))
		);
	});
}

/** For the home page: the contracts of the actor's own organisation that end within six months, earliest first. */
export async function portfolioAttentionIn(tx: Transaction, actor: Actor, consortiumId: string) {
	const organisationId = actor.membership?.organisationId;
	if (!organisationId || !can(actor, 'internal.read', { consortiumId })) return { endingContracts: [] };
	const today = new Date();
	const until = new Date(today);
	until.setUTCMonth(until.getUTCMonth() + 6);
	const day = (d: Date) => d.toISOString().slice(0, 10);
	const endingContracts = await tx
		.select({ technologyId: technologies.id, name: technologies.name, contractEnd: technologyStatuses.contractEnd })
		.from(technologyStatuses)
		.innerJoin(technologies, eq(technologies.id, technologyStatuses.technologyId))
		.where(
			and(
				eq(technologyStatuses.consortiumId, consortiumId),
				eq(technologyStatuses.organisationId, organisationId),
				gte(technologyStatuses.contractEnd, day(today)),
				lte(technologyStatuses.contractEnd, day(until))
			)
		)
		.orderBy(asc(technologyStatuses.contractEnd));
	return { endingContracts };
}
