import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or } from 'drizzle-orm';
import { stockholmDate } from '../../decisions/deadline';
import type { GateOutcome, InitiativeLinkKind, InitiativeStatus, PhaseModel } from '../../enums';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import {
	baselines,
	decisionItems,
	decisions,
	initiativeDependencies,
	initiativeGates,
	initiativeLinks,
	initiativeMilestones,
	initiativeParticipants,
	initiativePhases,
	initiatives,
	needs,
	organisations,
	requirements,
	technologies,
	technologyCategories,
	technologyStatuses
} from '../db/schema';
import { NotFound } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { can, type Actor } from '../policy';
import { portfolioCandidates } from '../portfolio/queries';
import { addMonths, quarterStart } from '../../roadmap/dates';
import { deriveStatus, gateState, type GateState, type StatusReason } from './status';
import { lanesOf, type LaneMode } from '../../roadmap/lanes';
import { pageWithin, pagesByWeight, spanLabel } from '../../paging';
import { lifecycleStandingsIn } from '../lifecycle/queries';

export interface Phase {
	position: number;
	name: string;
	plannedStart: string | null;
	plannedEnd: string | null;
	actualStart: string | null;
	actualEnd: string | null;
}

export interface Gate {
	id: string;
	phase: number;
	decisionItemId: string;
	title: string;
	itemStatus: string;
	state: GateState;
	/** What the steering group decided (Fortsätt, Tillbaka, Stopp, Avsluta), once recorded. */
	outcome: GateOutcome | null;
	/** The recorded decision's number ("B-2026-001"), once there is one. */
	decisionNumber: string | null;
	decisionId: string | null;
}

/** An initiative as the roadmap and its page show it, with its status derived (or set by hand). */
export interface RoadmapInitiative {
	id: string;
	number: number;
	title: string;
	description: string;
	phaseModel: PhaseModel;
	currentPhase: number;
	technology: { id: string; name: string } | null;
	category: { id: string; name: string; position: number } | null;
	owner: { id: string; name: string };
	participants: { id: string; name: string }[];
	phases: Phase[];
	milestones: { id: string; title: string; due: string; doneOn: string | null }[];
	gates: Gate[];
	dependsOn: { id: string; number: number; title: string }[];
	status: InitiativeStatus;
	/** Stopped or closed by a gate decision, and when: it is no longer followed against its plan. */
	ended: { as: GateOutcome; on: string } | null;
	/** Why the derivation says what it says (empty when on track or set by hand). */
	reasons: StatusReason[];
	/** Set by hand, with `statusReason`; the derivation's own answer is in `derivedStatus`. */
	overridden: boolean;
	statusReason: string;
	derivedStatus: InitiativeStatus;
	version: number;
	canEdit: boolean;
}

/** Every initiative of the consortium (or those given), whole, in the reader's transaction. */
export async function initiativesIn(tx: Transaction, actor: Actor, consortiumId: string, only?: string[]): Promise<RoadmapInitiative[]> {
	const where = only ? and(eq(initiatives.consortiumId, consortiumId), inArray(initiatives.id, only)) : eq(initiatives.consortiumId, consortiumId);
	const rows = await tx
		.select({
			initiative: initiatives,
			owner: { id: organisations.id, name: organisations.name },
			technology: { id: technologies.id, name: technologies.name },
			category: { id: technologyCategories.id, name: technologyCategories.name, position: technologyCategories.position }
		})
		.from(initiatives)
		.innerJoin(organisations, eq(organisations.id, initiatives.ownerOrganisationId))
		.leftJoin(technologies, eq(technologies.id, initiatives.technologyId))
		.leftJoin(technologyCategories, eq(technologyCategories.id, technologies.categoryId))
		.where(where)
		.orderBy(asc(initiatives.number));
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r.initiative.id);
	const [participants, phases, milestones, gates, dependencies, endings] = await Promise.all([
		tx
			.select({ initiativeId: initiativeParticipants.initiativeId, id: organisations.id, name: organisations.name })
			.from(initiativeParticipants)
			.innerJoin(organisations, eq(organisations.id, initiativeParticipants.organisationId))
			.where(inArray(initiativeParticipants.initiativeId, ids))
			.orderBy(asc(organisations.name)),
		tx.select().from(initiativePhases).where(inArray(initiativePhases.initiativeId, ids)).orderBy(asc(initiativePhases.position)),
		tx.select().from(initiativeMilestones).where(inArray(initiativeMilestones.initiativeId, ids)).orderBy(asc(initiativeMilestones.due)),
		tx
			.select({
				id: initiativeGates.id,
				initiativeId: initiativeGates.initiativeId,
				phase: initiativeGates.phase,
				decisionItemId: initiativeGates.decisionItemId,
				title: decisionItems.title,
				itemStatus: decisionItems.status,
				result: decisionItems.result,
				decisionNumber: decisions.number,
				decisionId: decisions.id,
				outcome: initiativeGates.outcome
			})
			.from(initiativeGates)
			.innerJoin(decisionItems, eq(decisionItems.id, initiativeGates.decisionItemId))
			.leftJoin(decisions, eq(decisions.itemId, initiativeGates.decisionItemId))
			.where(inArray(initiativeGates.initiativeId, ids))
			.orderBy(asc(initiativeGates.phase), asc(initiativeGates.createdAt)),
		tx
			.select({ initiativeId: initiativeDependencies.initiativeId, id: initiatives.id, number: initiatives.number, title: initiatives.title })
			.from(initiativeDependencies)
			.innerJoin(initiatives, eq(initiatives.id, initiativeDependencies.dependsOnId))
			.where(inArray(initiativeDependencies.initiativeId, ids)),
		// When each initiative another waits for ends: its last phase's actual end, else its planned one.
		tx
			.select({
				initiativeId: initiativePhases.initiativeId,
				position: initiativePhases.position,
				plannedEnd: initiativePhases.plannedEnd,
				actualEnd: initiativePhases.actualEnd
			})
			.from(initiativePhases)
			.innerJoin(initiativeDependencies, eq(initiativeDependencies.dependsOnId, initiativePhases.initiativeId))
			.where(and(inArray(initiativeDependencies.initiativeId, ids), isNotNull(initiativePhases.plannedEnd)))
			.orderBy(desc(initiativePhases.position))
	]);
	const endOf = new Map<string, string | null>();
	for (const e of endings) if (!endOf.has(e.initiativeId)) endOf.set(e.initiativeId, e.actualEnd ?? e.plannedEnd);
	const group = <T extends { initiativeId: string }>(list: T[]) => {
		const map = new Map<string, T[]>();
		for (const item of list) map.set(item.initiativeId, [...(map.get(item.initiativeId) ?? []), item]);
		return map;
	};
	const [byParticipants, byPhases, byMilestones, byGates, byDependencies] = [
		group(participants),
		group(phases),
		group(milestones),
		group(gates),
		group(dependencies)
	];
	const today = stockholmDate(new Date());
	return rows.map(({ initiative: i, owner, technology, category }) => {
		const ownPhases = (byPhases.get(i.id) ?? []).map(({ position, name, plannedStart, plannedEnd, actualStart, actualEnd }) => ({
			position,
			name,
			plannedStart,
			plannedEnd,
			actualStart,
			actualEnd
		}));
		const ownMilestones = (byMilestones.get(i.id) ?? []).map(({ id, title, due, doneOn }) => ({ id, title, due, doneOn }));
		const ownGates = (byGates.get(i.id) ?? []).map((g) => ({
			id: g.id,
			phase: g.phase,
			decisionItemId: g.decisionItemId,
			title: g.title,
			itemStatus: g.itemStatus,
			state: gateState(g.itemStatus, g.result, g.outcome),
			outcome: g.outcome,
			decisionNumber: g.decisionNumber,
			decisionId: g.decisionId
		}));
		const dependsOn = (byDependencies.get(i.id) ?? []).map(({ id, number, title }) => ({ id, number, title }));
		const derived = deriveStatus({
			today,
			currentPhase: i.currentPhase,
			phases: ownPhases,
			milestones: ownMilestones,
			gates: ownGates,
			predecessors: dependsOn.map((d) => ({ title: d.title, end: endOf.get(d.id) ?? null }))
		});
		const people = (byParticipants.get(i.id) ?? []).map(({ id, name }) => ({ id, name }));
		return {
			id: i.id,
			number: i.number,
			title: i.title,
			description: i.description,
			phaseModel: i.phaseModel,
			currentPhase: i.currentPhase,
			technology: technology?.id ? technology : null,
			category: category?.id ? category : null,
			owner,
			participants: people,
			phases: ownPhases,
			milestones: ownMilestones,
			gates: ownGates,
			dependsOn,
			status: i.statusOverride ?? derived.status,
			reasons: i.statusOverride ? [] : derived.reasons,
			ended: i.endedAs && i.endedOn ? { as: i.endedAs, on: i.endedOn } : null,
			overridden: i.statusOverride !== null,
			statusReason: i.statusReason,
			derivedStatus: derived.status,
			version: i.version,
			canEdit: can(actor, 'initiative.edit', { consortiumId, organisationIds: [owner.id, ...people.map((p) => p.id)] })
		};
	});
}

/** A municipality's own plans: the technologies it plans, procures or investigates, by year. */
export interface OwnPlan {
	technologyId: string;
	technology: string;
	status: string;
	plannedYear: number | null;
}

/**
 * The roadmap: every initiative with its plan and status; for one municipality's roadmap
 * ("Finspångs färdplan"), only those it owns or takes part in, and its own planned technologies.
 */
export async function roadmap(person: Who, consortiumId: string, organisationId?: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const municipalities = await tx
			.select({ id: organisations.id, name: organisations.name })
			.from(organisations)
			.where(and(eq(organisations.consortiumId, consortiumId), eq(organisations.kind, 'municipality')))
			.orderBy(asc(organisations.name));
		const organisation = organisationId ? municipalities.find((o) => o.id === organisationId) : undefined;
		let list = await initiativesIn(tx, actor, consortiumId);
		let ownPlans: OwnPlan[] = [];
		if (organisation) {
			list = list.filter((i) => i.owner.id === organisation.id || i.participants.some((p) => p.id === organisation.id));
			ownPlans = await tx
				.select({
					technologyId: technologies.id,
					technology: technologies.name,
					status: technologyStatuses.status,
					plannedYear: technologyStatuses.plannedYear
				})
				.from(technologyStatuses)
				.innerJoin(technologies, eq(technologies.id, technologyStatuses.technologyId))
				.where(and(eq(technologyStatuses.organisationId, organisation.id), inArray(technologyStatuses.status, ['planned', 'in_procurement', 'investigating'])))
				.orderBy(asc(technologyStatuses.plannedYear), asc(technologies.name));
		}
		const own = actor.membership?.organisationId;
		return {
			initiatives: list,
			municipalities,
			organisation: organisation ?? null,
			ownPlans,
			today: stockholmDate(new Date()),
			canCreate: can(actor, 'initiative.edit', { consortiumId, organisationIds: own ? [own] : [] })
		};
	});
}

/**
 * How many bars one page of the roadmap draws. Each bar is its phases, milestones, gates and its
 * keyboard and drag handling; at 200 initiatives by municipality (some 800 bars) the browser took
 * 10 s to make the page interactive (docs/performance.md).
 */
export const ROADMAP_BAR_BUDGET = 25;

/** A swimlane on one page of the roadmap: a lane that did not fit on the page before goes on ("continued"). */
export interface PageLane {
	key: string;
	name: string;
	continued: boolean;
	initiativeIds: string[];
}

/**
 * The roadmap as the page shows it: its swimlanes (by category, municipality or phase) in pages of
 * at most ROADMAP_BAR_BUDGET bars, a long lane split across pages; the initiatives on the asked page
 * (for the timeline and the table beneath); and each page named by the lanes it holds. `none` names
 * the lanes of what has no category or phase, in the reader's language.
 */
export async function roadmapPage(
	person: Who,
	consortiumId: string,
	view: { lanes: LaneMode; organisation?: string; page?: number },
	none: { category: string; phase: string },
	budget = ROADMAP_BAR_BUDGET
) {
	const data = await roadmap(person, consortiumId, view.organisation);
	const bars = lanesOf(data.initiatives, view.lanes, none, data.organisation).flatMap((lane) =>
		lane.initiatives.map((initiative, n) => ({ lane, initiative, first: n === 0 }))
	);
	const pages = pagesByWeight(bars, () => 1, budget);
	const page = pageWithin(view.page, pages.length);
	const lanes: PageLane[] = [];
	for (const bar of pages[page - 1] ?? []) {
		const last = lanes.at(-1);
		if (last?.key === bar.lane.key) last.initiativeIds.push(bar.initiative.id);
		else lanes.push({ key: bar.lane.key, name: bar.lane.name, continued: !bar.first, initiativeIds: [bar.initiative.id] });
	}
	const onPage = new Set(lanes.flatMap((l) => l.initiativeIds));
	const shown = data.initiatives.filter((i) => onPage.has(i.id));
	return {
		...data,
		initiatives: shown,
		/** Where each shown initiative's procurement lifecycle stands, for those that have one. */
		lifecycles: await withUser(person, (tx) =>
			lifecycleStandingsIn(
				tx,
				shown.map((i) => i.id)
			)
		),
		initiativeCount: data.initiatives.length,
		lanes,
		page,
		pages: pages.map((p) => spanLabel(p[0]!.lane.name, p.at(-1)!.lane.name))
	};
}

export interface LinkedItem {
	kind: InitiativeLinkKind;
	id: string;
	label: string;
	/** Where it is, under the consortium's address. */
	path: string;
}

/** One initiative with what its page offers: its links, the decision items a gate can take, the initiatives it can wait for. */
export async function initiativePage(person: Who, consortiumId: string, id: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const [initiative] = await initiativesIn(tx, actor, consortiumId, [id]);
		if (!initiative) throw new NotFound();
		const links = await tx.select().from(initiativeLinks).where(eq(initiativeLinks.initiativeId, id)).orderBy(asc(initiativeLinks.createdAt));
		const labelled = await labelLinks(tx, links);
		const [others, openItems, municipalities, choices] = await Promise.all([
			tx
				.select({ id: initiatives.id, number: initiatives.number, title: initiatives.title })
				.from(initiatives)
				.where(and(eq(initiatives.consortiumId, consortiumId), ne(initiatives.id, id)))
				.orderBy(asc(initiatives.number)),
			// Items a gate can take: not decided yet, and no other gate's.
			tx
				.select({ id: decisionItems.id, title: decisionItems.title, status: decisionItems.status })
				.from(decisionItems)
				.leftJoin(initiativeGates, eq(initiativeGates.decisionItemId, decisionItems.id))
				.where(and(eq(decisionItems.consortiumId, consortiumId), inArray(decisionItems.status, ['draft', 'open']), isNull(initiativeGates.id)))
				.orderBy(desc(decisionItems.createdAt))
				.limit(200),
			tx
				.select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
				.from(organisations)
				.where(and(eq(organisations.consortiumId, consortiumId), ne(organisations.kind, 'supplier')))
				.orderBy(asc(organisations.name)),
			linkChoices(tx, consortiumId)
		]);
		return {
			initiative,
			links: labelled,
			others,
			openItems,
			organisations: municipalities,
			linkChoices: choices,
			canResume: initiative.ended !== null && initiative.canEdit && can(actor, 'decisions.manage', { consortiumId })
		};
	});
}

async function labelLinks(tx: Transaction, links: (typeof initiativeLinks.$inferSelect)[]): Promise<LinkedItem[]> {
	const ids = (kind: InitiativeLinkKind) => links.filter((l) => l.targetKind === kind).map((l) => l.targetId);
	const label = new Map<string, string>();
	const path = new Map<string, string>();
	const need = ids('need');
	const requirement = ids('requirement');
	const baseline = ids('baseline');
	const decision = ids('decision');
	if (need.length) for (const r of await tx.select({ id: needs.id, title: needs.title }).from(needs).where(inArray(needs.id, need))) label.set(r.id, r.title);
	if (requirement.length)
		for (const r of await tx
			.select({ id: requirements.id, key: requirements.identifier, title: requirements.title })
			.from(requirements)
			.where(inArray(requirements.id, requirement)))
			label.set(r.id, `${r.key} ${r.title}`);
	if (baseline.length)
		for (const r of await tx.select({ id: baselines.id, name: baselines.name }).from(baselines).where(inArray(baselines.id, baseline))) label.set(r.id, r.name);
	if (decision.length)
		for (const r of await tx
			.select({ id: decisions.id, number: decisions.number, title: decisions.title })
			.from(decisions)
			.where(inArray(decisions.id, decision))) {
			label.set(r.id, `${r.number} ${r.title}`);
			path.set(r.id, `/decisions/log#${r.number}`);
		}
	const paths: Record<InitiativeLinkKind, string> = { need: 'needs', requirement: 'requirements', baseline: 'baselines', decision: 'decisions/log' };
	return links
		.filter((l) => label.has(l.targetId))
		.map((l) => ({
			kind: l.targetKind,
			id: l.targetId,
			label: label.get(l.targetId)!,
			path: path.get(l.targetId) ?? `/${paths[l.targetKind]}/${l.targetId}`
		}));
}

/** What the link form offers, by kind: the consortium's needs, latest requirements, baselines and decisions. */
async function linkChoices(tx: Transaction, consortiumId: string): Promise<Record<InitiativeLinkKind, { id: string; label: string }[]>> {
	const [n, r, b, d] = await Promise.all([
		tx.select({ id: needs.id, label: needs.title }).from(needs).where(eq(needs.consortiumId, consortiumId)).orderBy(asc(needs.title)).limit(500),
		tx
			.select({ id: requirements.id, key: requirements.identifier, title: requirements.title })
			.from(requirements)
			.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.isLatest, true)))
			.orderBy(asc(requirements.identifier))
			.limit(500),
		tx
			.select({ id: baselines.id, label: baselines.name })
			.from(baselines)
			.where(eq(baselines.consortiumId, consortiumId))
			.orderBy(desc(baselines.createdAt))
			.limit(200),
		tx
			.select({ id: decisions.id, number: decisions.number, title: decisions.title })
			.from(decisions)
			.where(eq(decisions.consortiumId, consortiumId))
			.orderBy(desc(decisions.decidedOn))
			.limit(200)
	]);
	return {
		need: n,
		requirement: r.map((x) => ({ id: x.id, label: `${x.key} ${x.title}` })),
		baseline: b,
		decision: d.map((x) => ({ id: x.id, label: `${x.number} ${x.title}` }))
	};
}

/**
 * What the form for a new initiative offers and pre-fills. From a portfolio candidate
 * (`technologyId`): its name as the title, and those who would join (who plan or investigate it)
 * as participants, with the person's own organisation as owner; and the initiatives already
 * started for it, so nobody starts a second one unawares.
 */
export async function newInitiativeForm(person: Who, consortiumId: string, technologyId?: string) {
	const form = await withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const [choices, catalogue, existing] = await Promise.all([
			tx
				.select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
				.from(organisations)
				.where(and(eq(organisations.consortiumId, consortiumId), ne(organisations.kind, 'supplier')))
				.orderBy(asc(organisations.name)),
			tx
				.select({ id: technologies.id, name: technologies.name })
				.from(technologies)
				.where(eq(technologies.consortiumId, consortiumId))
				.orderBy(asc(technologies.name)),
			technologyId
				? tx
						.select({ id: initiatives.id, number: initiatives.number, title: initiatives.title })
						.from(initiatives)
						.where(and(eq(initiatives.consortiumId, consortiumId), eq(initiatives.technologyId, technologyId)))
				: Promise.resolve([])
		]);
		const own = actor.membership?.organisationId ?? null;
		return {
			organisations: choices,
			technologies: catalogue,
			existing,
			ownOrganisationId: own,
			/** An admin may start one for any organisation; others for their own. */
			anyOwner: actor.membership?.role === 'admin',
			canCreate: can(actor, 'initiative.edit', { consortiumId, organisationIds: own ? [own] : [] })
		};
	});
	const technology = technologyId ? form.technologies.find((t) => t.id === technologyId) : undefined;
	let participantIds: string[] = [];
	if (technology) {
		const candidate = (await portfolioCandidates(person, consortiumId)).find((c) => c.technology.id === technology.id);
		const joiners = new Set([...(candidate?.planning ?? []), ...(candidate?.investigating ?? [])]);
		participantIds = form.organisations.filter((o) => joiners.has(o.name)).map((o) => o.id);
	}
	const today = stockholmDate(new Date());
	return { ...form, prefill: { title: technology?.name ?? '', technologyId: technology?.id ?? '', participantIds, start: addMonths(quarterStart(today), 3) } };
}

/** The initiatives started for each technology, for the candidates page. */
export async function initiativesByTechnology(person: Who, consortiumId: string): Promise<Record<string, { id: string; number: number; title: string }[]>> {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const rows = await tx
			.select({ id: initiatives.id, number: initiatives.number, title: initiatives.title, technologyId: initiatives.technologyId })
			.from(initiatives)
			.where(and(eq(initiatives.consortiumId, consortiumId), isNotNull(initiatives.technologyId)))
			.orderBy(asc(initiatives.number));
		const map: Record<string, { id: string; number: number; title: string }[]> = {};
		for (const { technologyId, ...i } of rows) (map[technologyId!] ??= []).push(i);
		return map;
	});
}

/**
 * The page of joint candidates: one page of them, best first (portfolioCandidates), with the
 * initiatives already started for each. Both reads at once: at a hundred municipalities each takes
 * most of the page's server time.
 */
export async function candidatesPage(person: Who, consortiumId: string, page: { offset: number; limit: number }) {
	const [all, initiatives] = await Promise.all([portfolioCandidates(person, consortiumId), initiativesByTechnology(person, consortiumId)]);
	// A page past the end (the list shrank since the link was made) is the last page.
	const offset = page.offset < all.length ? page.offset : Math.max(0, Math.floor((all.length - 1) / page.limit) * page.limit);
	const candidates = all.slice(offset, offset + page.limit);
	const shown = new Set(candidates.map((c) => c.technology.id));
	return {
		page: { offset, limit: page.limit },
		candidates,
		total: all.length,
		initiatives: Object.fromEntries(Object.entries(initiatives).filter(([technologyId]) => shown.has(technologyId)))
	};
}

/**
 * For the home page: the initiatives the person's organisation owns or takes part in that are at
 * risk or delayed, worst first, with the reasons (or the reason given by hand).
 */
export async function roadmapAttentionIn(tx: Transaction, actor: Actor, consortiumId: string) {
	const own = actor.membership?.organisationId;
	if (!own) return { troubled: [] };
	const mine = await tx
		.select({ id: initiatives.id })
		.from(initiatives)
		.leftJoin(initiativeParticipants, and(eq(initiativeParticipants.initiativeId, initiatives.id), eq(initiativeParticipants.organisationId, own)))
		.where(and(eq(initiatives.consortiumId, consortiumId), or(eq(initiatives.ownerOrganisationId, own), isNotNull(initiativeParticipants.organisationId))));
	if (mine.length === 0) return { troubled: [] };
	const list = await initiativesIn(
		tx,
		actor,
		consortiumId,
		mine.map((r) => r.id)
	);
	const troubled = list
		.filter((i) => i.status !== 'on_track' && !i.ended)
		.sort((a, b) => (a.status === b.status ? a.number - b.number : a.status === 'delayed' ? -1 : 1))
		.map((i) => ({ id: i.id, number: i.number, title: i.title, status: i.status, reasons: i.reasons, statusReason: i.overridden ? i.statusReason : '' }));
	return { troubled };
}

/** The initiative a decision item is a gate of, for the item's page; null when it is none's. */
export async function gateOfDecisionItem(person: Who, consortiumId: string, decisionItemId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const [row] = await tx
			.select({ id: initiatives.id, number: initiatives.number, title: initiatives.title, phase: initiativePhases.name })
			.from(initiativeGates)
			.innerJoin(initiatives, eq(initiatives.id, initiativeGates.initiativeId))
			.innerJoin(initiativePhases, and(eq(initiativePhases.initiativeId, initiativeGates.initiativeId), eq(initiativePhases.position, initiativeGates.phase)))
			.where(and(eq(initiativeGates.decisionItemId, decisionItemId), eq(initiativeGates.consortiumId, consortiumId)));
		return row ?? null;
	});
}
