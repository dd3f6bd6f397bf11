import { count, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { technologies } from '../db/schema';
import type { TechnologyStatus } from '../../enums';
import { createCategoryIn, createTechnologyIn, setStatusIn } from '../portfolio/commands';
import { matchTechnology } from '../portfolio/matching';
import { organisationNamed, userIdByEmail } from './factories';
import { ostergotlandRepresented, representativeEmail } from './data';
import { demoContractEnds, portfolioCatalogue, portfolioCategories, table4 } from './portfolio-data';

/**
 * The demo portfolio in Östergötland: the catalogue in eight categories, then Table 4 of the research
 * report in full, each written name matched to the catalogue as an import would, set by the
 * municipality's representative where the demo has one (else by the convenor's admin), plus a few
 * contract ends. All through the commands' own steps. Idempotent.
 */
export async function ensurePortfolioDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [existing] = await tx.select({ n: count() }).from(technologies).where(eq(technologies.consortiumId, consortiumId));
	if ((existing?.n ?? 0) > 0) return;
	const admin = await userIdByEmail(tx, 'admin@samsyn.demo');
	const categoryIds = new Map<string, string>();
	for (const name of portfolioCategories) categoryIds.set(name, (await createCategoryIn(tx, consortiumId, admin, name)).id);
	const catalogue = [];
	for (const t of portfolioCatalogue)
		catalogue.push(
			await createTechnologyIn(tx, consortiumId, admin, {
				categoryId: categoryIds.get(t.category)!,
				name: t.name,
				description: t.description,
				aliases: t.aliases
			})
		);
	const contractEnd = (municipality: string, technology: string) =>
		demoContractEnds.find((c) => c.municipality === municipality && c.technology === technology)?.date;
	for (const m of table4) {
		const organisation = await organisationNamed(tx, consortiumId, m.municipality);
		const by = ostergotlandRepresented.includes(m.municipality) ? await userIdByEmail(tx, representativeEmail(m.municipality)) : admin;
		for (const [names, status] of [
			[m.inUse, 'in_use'],
			[m.planned, 'planned']
		] as [string[], TechnologyStatus][])
			for (const written of names) {
				const match = matchTechnology(written, catalogue);
				if (match.kind !== 'match') throw new Error(`Table 4: no one technology for "${written}"`);
				await setStatusIn(tx, consortiumId, by ?? admin, {
					technologyId: match.technology.id,
					organisationId: organisation.id,
					status,
					sinceYear: undefined,
					plannedYear: undefined,
					expansionPlanned: status === 'in_use' && (m.expansions ?? []).includes(written),
					supplier: '',
					contractEnd: contractEnd(m.municipality, match.technology.name),
					intent: status === 'planned' ? 'together' : 'unknown',
					note: m.notes?.[written] ?? ''
				});
			}
	}
}
