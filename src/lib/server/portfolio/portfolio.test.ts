import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { actorOf } from '../consortia/actor';
import { auditLog, technologyStatuses } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { Forbidden, type Role } from '../policy';
import { NotFound } from '../errors';
import {
	clearStatus,
	deleteCategory,
	createCategory,
	createCategoryIn,
	createTechnology,
	createTechnologyIn,
	mergeTechnologies,
	setStatus,
	setStatusIn,
	updateTechnology
} from './commands';
import { portfolioAttentionIn, portfolioCandidates, portfolioMatrix, technologyDetail } from './queries';
import { CategoryInput, StatusInput, TechnologyInput } from './schemas';

useFreshDatabase();

type Who = { id: string; isOperator: boolean };

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Three municipalities in two SKR groups, the convenor's admin, a member of each role in Finspång, the supplier and an outsider; two technologies. */
async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const finspang = await buildOrganisation(tx, consortium.id, { name: 'Finspång', skrGroup: 'B5' });
		const kinda = await buildOrganisation(tx, consortium.id, { name: 'Kinda', skrGroup: 'B5' });
		const linkoping = await buildOrganisation(tx, consortium.id, { name: 'Linköping', skrGroup: 'B3' });
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const people = {} as Record<Role | 'outsider' | 'kindaMember', Who>;
		const add = async (key: keyof typeof people, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		await add('admin', convenor.id, 'admin');
		for (const role of ['representative', 'deputy', 'member', 'observer'] as const) await add(role, finspang.id, role);
		await add('kindaMember', kinda.id, 'member');
		await add('supplier', supplierOrg.id, 'supplier');
		const otherOrg = await buildOrganisation(tx, other.id, { name: 'Ydre' });
		await add('outsider', otherOrg.id, 'admin', other.id);
		const category = await createCategoryIn(tx, consortium.id, people.admin.id, 'Läkemedel');
		const otherCategory = await createCategoryIn(tx, other.id, null, 'Läkemedel');
		const dispenser = await createTechnologyIn(tx, consortium.id, people.admin.id, {
			categoryId: category.id,
			name: 'Läkemedelsautomat',
			description: '',
			aliases: ['medicinrobot']
		});
		const robot = await createTechnologyIn(tx, consortium.id, people.admin.id, { categoryId: category.id, name: 'Dosrobot', description: '', aliases: [] });
		const foreign = await createTechnologyIn(tx, other.id, null, { categoryId: otherCategory.id, name: 'Läkemedelsautomat', description: '', aliases: [] });
		return { consortium, other, finspang, kinda, linkoping, convenor, people, category, dispenser, robot, foreign, otherOrg };
	});
}
type World = Awaited<ReturnType<typeof world>>;

const status = (w: World, overrides: Record<string, string> = {}) =>
	StatusInput.parse({ technologyId: w.dispenser.id, organisationId: w.finspang.id, status: 'planned', plannedYear: '2027', ...overrides });

describe('portfolio statuses: who may set them', () => {
	it('gives the supplier and outsiders 404 for every read and write', async () => {
		const w = await world();
		for (const who of [w.people.supplier, w.people.outsider]) {
			await expect(portfolioMatrix(who, w.consortium.id)).rejects.toBeInstanceOf(NotFound);
			await expect(technologyDetail(who, w.consortium.id, w.dispenser.id)).rejects.toBeInstanceOf(NotFound);
			await expect(portfolioCandidates(who, w.consortium.id)).rejects.toBeInstanceOf(NotFound);
			await expect(setStatus(who, w.consortium.id, status(w))).rejects.toBeInstanceOf(NotFound);
			await expect(createTechnology(who, w.consortium.id, TechnologyInput.parse({ categoryId: w.category.id, name: 'X' }))).rejects.toBeInstanceOf(NotFound);
			await expect(mergeTechnologies(who, w.consortium.id, w.robot.id, w.dispenser.id)).rejects.toBeInstanceOf(NotFound);
		}
	});

	it('lets the representative, deputy and member set their own municipality’s row, not another’s; the observer nothing', async () => {
		const w = await world();
		for (const role of ['representative', 'deputy', 'member'] as const) {
			const row = await setStatus(w.people[role], w.consortium.id, status(w, { note: role }));
			expect(row).toMatchObject({ status: 'planned', plannedYear: 2027, note: role, updatedBy: w.people[role].id });
			await expect(setStatus(w.people[role], w.consortium.id, status(w, { organisationId: w.kinda.id }))).rejects.toMatchObject({
				key: 'portfolio_not_own_organisation'
			});
		}
		await expect(setStatus(w.people.observer, w.consortium.id, status(w))).rejects.toBeInstanceOf(Forbidden);
		const rows = await asSystem((tx) => tx.select().from(technologyStatuses));
		expect(rows).toHaveLength(1);
	});

	it('lets an admin set any municipality’s row, and records each change in the audit log as a live event of the portfolio', async () => {
		const w = await world();
		const row = await setStatus(w.people.admin, w.consortium.id, status(w, { organisationId: w.kinda.id, status: 'in_use', sinceYear: '2019' }));
		expect(row).toMatchObject({ status: 'in_use', sinceYear: 2019, plannedYear: null });
		const audit = await asSystem((tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, row.id)));
		expect(audit).toMatchObject([{ action: 'portfolio.status_set', entityType: 'portfolio', actorId: w.people.admin.id }]);
	});

	it('refuses bad input with a message, never a 500: another consortium’s technology, no municipality, a year or date out of range', async () => {
		const w = await world();
		await expect(setStatus(w.people.member, w.consortium.id, status(w, { technologyId: w.foreign.id }))).rejects.toMatchObject({
			key: 'portfolio_unknown_technology',
			field: 'technologyId',
			status: 422
		});
		await expect(setStatus(w.people.admin, w.consortium.id, status(w, { organisationId: w.otherOrg.id }))).rejects.toMatchObject({
			key: 'portfolio_unknown_municipality'
		});
		await expect(setStatus(w.people.admin, w.consortium.id, status(w, { organisationId: w.convenor.id }))).rejects.toMatchObject({
			key: 'portfolio_unknown_municipality'
		});
		const year = StatusInput.safeParse({ technologyId: w.dispenser.id, organisationId: w.finspang.id, status: 'planned', plannedYear: '20270' });
		expect(year.success).toBe(false);
		expect(year.error?.issues[0]).toMatchObject({ path: ['plannedYear'], message: 'out_of_range' });
		const date = StatusInput.safeParse({ technologyId: w.dispenser.id, organisationId: w.finspang.id, status: 'in_use', contractEnd: '2027-02-30' });
		expect(date.error?.issues[0]).toMatchObject({ path: ['contractEnd'], message: 'date_invalid' });
		const kind = StatusInput.safeParse({ technologyId: w.dispenser.id, organisationId: w.finspang.id, status: 'bought' });
		expect(kind.error?.issues[0]).toMatchObject({ path: ['status'], message: 'invalid_choice' });
	});
});

describe('more of what runs already, planned', () => {
	it('keeps "utökning planeras" only for a technology in use or in a pilot, and counts that municipality both as a user and as a joiner', async () => {
		const w = await world();
		const kept = await setStatus(
			w.people.admin,
			w.consortium.id,
			status(w, { organisationId: w.kinda.id, status: 'in_use', expansionPlanned: 'true', plannedYear: '2027' })
		);
		expect(kept).toMatchObject({ status: 'in_use', expansionPlanned: true, plannedYear: 2027 });
		const dropped = await setStatus(w.people.representative, w.consortium.id, status(w, { expansionPlanned: 'true' }));
		expect(dropped).toMatchObject({ status: 'planned', expansionPlanned: false });
		const [candidate] = await portfolioCandidates(w.people.observer, w.consortium.id);
		expect(candidate).toMatchObject({ technology: { name: w.dispenser.name }, planning: ['Finspång', 'Kinda'], using: ['Kinda'], joiners: 2 });
	});
});

describe('the catalogue', () => {
	it('lets only admins add categories and technologies, and refuses a name another technology answers to', async () => {
		const w = await world();
		await expect(createCategory(w.people.representative, w.consortium.id, CategoryInput.parse({ name: 'Tillsyn' }))).rejects.toBeInstanceOf(Forbidden);
		const category = await createCategory(w.people.admin, w.consortium.id, CategoryInput.parse({ name: 'Tillsyn' }));
		await expect(createCategory(w.people.admin, w.consortium.id, CategoryInput.parse({ name: 'tillsyn' }))).rejects.toMatchObject({
			key: 'portfolio_category_taken'
		});
		await expect(
			createTechnology(w.people.member, w.consortium.id, TechnologyInput.parse({ categoryId: category.id, name: 'Digital tillsyn' }))
		).rejects.toBeInstanceOf(Forbidden);
		const made = await createTechnology(
			w.people.admin,
			w.consortium.id,
			TechnologyInput.parse({ categoryId: category.id, name: 'Digital tillsyn', aliases: 'nattkamera\n Nattkamera ;kameratillsyn' })
		);
		expect(made.aliases).toEqual(['nattkamera', 'kameratillsyn']);
		await expect(
			createTechnology(w.people.admin, w.consortium.id, TechnologyInput.parse({ categoryId: category.id, name: 'Medicin-robot' }))
		).rejects.toMatchObject({ key: 'portfolio_name_taken', params: { technology: 'Läkemedelsautomat' } });
		await expect(
			createTechnology(w.people.admin, w.consortium.id, TechnologyInput.parse({ categoryId: w.foreign.categoryId, name: 'Ny' }))
		).rejects.toMatchObject({ key: 'invalid_choice', field: 'categoryId' });
		const renamed = await updateTechnology(
			w.people.admin,
			w.consortium.id,
			made.id,
			TechnologyInput.parse({ categoryId: category.id, name: 'Digital nattillsyn', aliases: 'nattkamera' })
		);
		expect(renamed).toMatchObject({ name: 'Digital nattillsyn', aliases: ['nattkamera'] });
	});

	it('merges two technologies: statuses and aliases move, a conflict keeps the row updated last, and says so', async () => {
		const w = await world();
		await asSystem(async (tx) => {
			await setStatusIn(tx, w.consortium.id, w.people.admin.id, status(w, { technologyId: w.robot.id, organisationId: w.kinda.id, status: 'in_use' }));
			await setStatusIn(tx, w.consortium.id, w.people.admin.id, status(w, { status: 'investigating' }));
			await setStatusIn(tx, w.consortium.id, w.people.admin.id, status(w, { technologyId: w.robot.id, status: 'pilot' }));
			await setStatusIn(tx, w.consortium.id, w.people.admin.id, status(w, { technologyId: w.robot.id, organisationId: w.linkoping.id, status: 'planned' }));
			await setStatusIn(tx, w.consortium.id, w.people.admin.id, status(w, { organisationId: w.linkoping.id, status: 'not_relevant' }));
		});
		await expect(mergeTechnologies(w.people.representative, w.consortium.id, w.robot.id, w.dispenser.id)).rejects.toBeInstanceOf(Forbidden);
		await expect(mergeTechnologies(w.people.admin, w.consortium.id, w.dispenser.id, w.dispenser.id)).rejects.toMatchObject({ key: 'portfolio_merge_same' });
		await expect(mergeTechnologies(w.people.admin, w.consortium.id, w.foreign.id, w.dispenser.id)).rejects.toBeInstanceOf(NotFound);
		const outcome = await mergeTechnologies(w.people.admin, w.consortium.id, w.robot.id, w.dispenser.id);
		expect(outcome.moved).toBe(1);
		expect(outcome.conflicts).toEqual([
			{ organisationId: w.finspang.id, organisation: 'Finspång', kept: 'merged' },
			{ organisationId: w.linkoping.id, organisation: 'Linköping', kept: 'target' }
		]);
		expect(outcome.target.aliases).toEqual(['medicinrobot', 'Dosrobot']);
		const detail = await technologyDetail(w.people.observer, w.consortium.id, w.dispenser.id);
		const by = Object.fromEntries(detail.rows.map((r) => [r.organisation.name, r.cell?.status ?? null]));
		expect(by).toEqual({ Finspång: 'pilot', Kinda: 'in_use', Linköping: 'not_relevant' });
		await expect(technologyDetail(w.people.observer, w.consortium.id, w.robot.id)).rejects.toBeInstanceOf(NotFound);
	});
});

describe('the matrix, the technology page and the candidates', () => {
	it('filters by SKR group and status, shows who may edit which row, and lists a candidate two plan', async () => {
		const w = await world();
		await asSystem(async (tx) => {
			await setStatusIn(tx, w.consortium.id, null, status(w, { contractEnd: inDays(60) }));
			await setStatusIn(tx, w.consortium.id, null, status(w, { organisationId: w.kinda.id, contractEnd: inDays(121) }));
			await setStatusIn(tx, w.consortium.id, null, status(w, { technologyId: w.robot.id, status: 'in_use', contractEnd: inDays(400) }));
			await setStatusIn(tx, w.consortium.id, null, status(w, { organisationId: w.linkoping.id, status: 'in_use', sinceYear: '2018' }));
		});
		const all = await portfolioMatrix(w.people.observer, w.consortium.id);
		expect(all.municipalities.map((m) => m.name)).toEqual(['Finspång', 'Kinda', 'Linköping']);
		expect(all.skrGroups).toEqual(['B3', 'B5']);
		expect(all.categories[0]!.technologies.map((t) => t.name)).toEqual(['Dosrobot', 'Läkemedelsautomat']);
		const b3 = await portfolioMatrix(w.people.observer, w.consortium.id, { skr: 'B3' });
		expect(b3.municipalities.map((m) => m.name)).toEqual(['Linköping']);
		const inUse = await portfolioMatrix(w.people.observer, w.consortium.id, { status: 'in_use' });
		expect(inUse.categories[0]!.technologies.map((t) => t.name)).toEqual(['Dosrobot', 'Läkemedelsautomat']);
		expect(inUse.categories[0]!.technologies[1]!.cells[w.linkoping.id]).toMatchObject({ status: 'in_use', sinceYear: 2018 });
		const none = await portfolioMatrix(w.people.observer, w.consortium.id, { skr: 'B3', status: 'planned' });
		expect(none.categories).toEqual([]);

		const detail = await technologyDetail(w.people.member, w.consortium.id, w.dispenser.id);
		expect(detail.rows.map((r) => [r.organisation.name, r.canEdit])).toEqual([
			['Finspång', true],
			['Kinda', false],
			['Linköping', false]
		]);
		const asAdmin = await technologyDetail(w.people.admin, w.consortium.id, w.dispenser.id);
		expect(asAdmin.rows.every((r) => r.canEdit)).toBe(true);
		expect(asAdmin.mergeTargets.map((t) => t.name)).toEqual(['Dosrobot']);

		const [candidate] = await portfolioCandidates(w.people.observer, w.consortium.id);
		expect(candidate).toMatchObject({ planning: ['Finspång', 'Kinda'], using: ['Linköping'], joiners: 2, spreadDays: 61 });
		expect(await portfolioCandidates(w.people.observer, w.consortium.id)).toHaveLength(1);

		const attention = await withUser(w.people.member, async (tx) => {
			return portfolioAttentionIn(tx, await actorOf(tx, w.people.member, w.consortium.id), w.consortium.id);
		});
		expect(attention.endingContracts).toEqual([{ technologyId: w.dispenser.id, name: 'Läkemedelsautomat', contractEnd: inDays(60) }]);
	});

	it('comes in pages by what it draws, each named by what it holds, and never loses a row', async () => {
		const w = await world();
		await asSystem(async (tx) => {
			await setStatusIn(tx, w.consortium.id, null, status(w));
			await setStatusIn(tx, w.consortium.id, null, status(w, { organisationId: w.kinda.id, technologyId: w.robot.id, status: 'in_use' }));
		});
		// A row draws a cell per municipality and its name: 4; a municipality's list, an entry per status and its heading.
		const budget = { cells: 4, list: 2 };
		const names = (matrix: Awaited<ReturnType<typeof portfolioMatrix>>) => matrix.categories.flatMap((c) => c.technologies.map((t) => t.name));
		const first = await portfolioMatrix(w.people.observer, w.consortium.id, {}, budget);
		expect([first.page, first.pages]).toEqual([1, ['Läkemedel', 'Läkemedel']]);
		expect(names(first)).toEqual(['Dosrobot']);
		expect([first.matchedTechnologies, first.shownMunicipalities, first.municipalities.length]).toEqual([2, 3, 3]);
		expect(names(await portfolioMatrix(w.people.observer, w.consortium.id, { page: 2 }, budget))).toEqual(['Läkemedelsautomat']);
		// A page past the end is the last page, not an empty matrix.
		expect(names(await portfolioMatrix(w.people.observer, w.consortium.id, { page: 9 }, budget))).toEqual(['Läkemedelsautomat']);

		const byMunicipality = await portfolioMatrix(w.people.observer, w.consortium.id, { view: 'municipality', page: 2 }, budget);
		expect(byMunicipality.pages).toEqual(['Finspång', 'Kinda', 'Linköping']);
		expect(byMunicipality.municipalities.map((m) => m.name)).toEqual(['Kinda']);
		expect(names(byMunicipality)).toEqual(['Dosrobot', 'Läkemedelsautomat']);

		// At its real size a consortium like this one is one page.
		expect((await portfolioMatrix(w.people.observer, w.consortium.id)).pages).toEqual(['Läkemedel']);
	});
});

describe('removing a status and an empty category', () => {
	it('a municipality’s own people remove its status (audited); another municipality’s member may not; the supplier gets 404', async () => {
		const w = await world();
		await setStatus(w.people.member, w.consortium.id, status(w));
		await expect(clearStatus(w.people.kindaMember, w.consortium.id, w.dispenser.id, w.finspang.id)).rejects.toMatchObject({
			key: 'portfolio_not_own_organisation'
		});
		await expect(clearStatus(w.people.supplier, w.consortium.id, w.dispenser.id, w.finspang.id)).rejects.toBeInstanceOf(NotFound);
		expect(await clearStatus(w.people.member, w.consortium.id, w.dispenser.id, w.finspang.id)).toBe(true);
		expect(await clearStatus(w.people.member, w.consortium.id, w.dispenser.id, w.finspang.id)).toBe(false);
		expect(await asSystem((tx) => tx.select().from(technologyStatuses).where(eq(technologyStatuses.technologyId, w.dispenser.id)))).toHaveLength(0);
		const entries = await asSystem((tx) => tx.select().from(auditLog).where(eq(auditLog.action, 'portfolio.status_cleared')));
		expect(entries).toHaveLength(1);
		expect(entries[0]!.before).toMatchObject({ status: 'planned', plannedYear: 2027 });
	});

	it('an admin removes a category only when nothing is in it', async () => {
		const w = await world();
		await expect(deleteCategory(w.people.admin, w.consortium.id, w.category.id)).rejects.toMatchObject({ key: 'portfolio_category_not_empty' });
		const empty = await createCategory(w.people.admin, w.consortium.id, CategoryInput.parse({ name: 'Övrigt' }));
		await expect(deleteCategory(w.people.member, w.consortium.id, empty.id)).rejects.toBeInstanceOf(Forbidden);
		await deleteCategory(w.people.admin, w.consortium.id, empty.id);
		expect((await portfolioMatrix(w.people.admin, w.consortium.id)).allCategories.map((c) => c.name)).toEqual(['Läkemedel']);
	});
});
