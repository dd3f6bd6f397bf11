import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { loadSpec } from '../baselines/queries';
import { settled } from '../collab/documents';
import { renderState } from '../collab/render';
import { loadState } from '../collab/store';
import { diffTexts } from '../collab/versions';
import { readerFor, type Who } from '../consortia/actor';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { baselines, documentFeedback, documentPublications, documents, documentVersions, initiatives, memberships, organisations, users } from '../db/schema';
import { NotFound } from '../errors';
import type { SpecRequirement } from '../exports/spec';
import { groupByType } from '../exports/spec';
import { can, type Actor } from '../policy';
import type { ApprovalState } from '../requirements/workflow';
import { approvalStateOf } from './approvals';
import {
	documentResource,
	fieldName,
	latestPublication,
	loadDocument,
	publishingRight,
	roundResourceOf,
	roundsOf,
	todayInSweden,
	versionResource,
	versionResourceOf,
	type DocumentRow,
	type VersionRow
} from './state';

/** A kravspecifikation's generated section: the baseline's requirements, grouped by type and numbered as the Word export does. */
export interface BaselineSection {
	name: string;
	groups: {
		type: SpecRequirement['type'];
		number: number;
		requirements: (Pick<SpecRequirement, 'identifier' | 'title' | 'text' | 'obligation' | 'weight'> & { number: string })[];
	}[];
}

export function baselineSection(name: string, requirements: readonly SpecRequirement[]): BaselineSection {
	return {
		name,
		groups: groupByType(requirements).map((g, i) => ({
			type: g.type,
			number: i + 1,
			requirements: g.requirements.map((r, j) => ({
				number: `${i + 1}.${j + 1}`,
				identifier: r.identifier,
				title: r.title,
				text: r.text,
				obligation: r.obligation,
				weight: r.weight
			}))
		}))
	};
}

/** The plain text of a whole document (body, the requirements as "K-001 Title" lines, closing), for comparing versions. */
function composedText(body: Uint8Array, closing: Uint8Array, section: BaselineSection | null): string {
	const requirements = section
		? [`[${section.name}]`, ...section.groups.flatMap((g) => g.requirements.map((r) => `${r.number} ${r.identifier} ${r.title}`))].join('\n')
		: '';
	return [renderState(body).text, requirements, renderState(closing).text].filter((part) => part !== '').join('\n');
}

/**
 * The consortium's documents: all of them for its members, what was published to it for the supplier,
 * those of their rounds for a reviewer (row-level security shows each only its own publications).
 */
export async function listDocuments(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId, 'documents.read');
		const internal = can(actor, 'internal.read', { consortiumId });
		const rows = await tx
			.select({
				id: documents.id,
				kind: documents.kind,
				title: documents.title,
				updatedAt: documents.updatedAt,
				initiativeId: documents.initiativeId,
				initiativeTitle: initiatives.title,
				latest: sql<{ number: number; name: string; status: string } | null>`(
					select json_build_object('number', v.number, 'name', v.name, 'status', v.status)
					from ${documentVersions} v where v.document_id = documents.id order by v.number desc limit 1)`,
				published: sql<{ number: number; name: string; at: string } | null>`(
					select json_build_object('number', v.number, 'name', v.name, 'at', p.published_at)
					from ${documentPublications} p join ${documentVersions} v on v.id = p.version_id
					where p.document_id = documents.id and (p.audience = 'supplier' or ${!internal}) order by p.published_at desc limit 1)`
			})
			.from(documents)
			.leftJoin(initiatives, eq(initiatives.id, documents.initiativeId))
			.where(eq(documents.consortiumId, consortiumId))
			.orderBy(asc(documents.kind), asc(documents.title));
		const visible = internal ? rows : rows.filter((r) => r.published !== null);
		if (!internal) return { internal, canCreate: false, documents: visible.map((r) => ({ ...r, latest: null })), initiatives: [], baselines: [] };
		const [initiativeOptions, baselineOptions] = await Promise.all([
			tx
				.select({ id: initiatives.id, title: initiatives.title })
				.from(initiatives)
				.where(eq(initiatives.consortiumId, consortiumId))
				.orderBy(asc(initiatives.title)),
			tx.select({ id: baselines.id, name: baselines.name }).from(baselines).where(eq(baselines.consortiumId, consortiumId)).orderBy(desc(baselines.createdAt))
		]);
		return {
			internal,
			canCreate: can(actor, 'content.write', { consortiumId }),
			documents: visible,
			initiatives: initiativeOptions,
			baselines: baselineOptions
		};
	});
}

export interface PageOptions {
	/** A version to read (`?version=`). */
	version?: string | null;
	/** Two versions (or `current`) to compare. */
	from?: string | null;
	to?: string | null;
	/** A reviewer's round to read (`?round=`); their newest otherwise. */
	round?: string | null;
}

const Ref = z.union([z.literal('current'), z.uuid()]);

/**
 * A document's page. Internal members get the draft (its co-edited fields), the baseline section,
 * the versions with their approval, publications and reviewer rounds, and what they may do; the
 * supplier gets the newest version published to it only, read-only, with its own comments; a
 * reviewer one round they are named in, with their own comments. NotFound when the person may not
 * see it (a document never published to them).
 */
export async function documentPage(person: Who, consortiumId: string, id: string, options: PageOptions = {}) {
	await settled();
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId, 'documents.read');
		const document = await loadDocument(tx, consortiumId, id);
		if (!can(actor, 'internal.read', { consortiumId })) {
			if (can(actor, 'published.read', { consortiumId })) return { view: 'published' as const, ...(await publishedView(tx, actor, document)) };
			return { view: 'round' as const, ...(await roundView(tx, actor, document, options.round ?? null)) };
		}
		return { view: 'internal' as const, ...(await internalView(tx, actor, document, options)) };
	});
}

/** Every version of the document, newest first, whole (states too), with its creator's name. */
async function versionsOf(tx: Transaction, documentId: string) {
	return tx
		.select({ version: documentVersions, createdBy: users.name })
		.from(documentVersions)
		.leftJoin(users, eq(users.id, documentVersions.createdBy))
		.where(eq(documentVersions.documentId, documentId))
		.orderBy(desc(documentVersions.number));
}

function sectionOf(version: Pick<VersionRow, 'baselineName' | 'baselineRequirements'>): BaselineSection | null {
	return version.baselineName && version.baselineRequirements ? baselineSection(version.baselineName, version.baselineRequirements) : null;
}

/** One version's content as the page shows it: sanitised HTML of the two fields and its requirement section. */
function versionContent(version: VersionRow) {
	return {
		id: version.id,
		number: version.number,
		name: version.name,
		title: version.title,
		status: version.status,
		createdAt: version.createdAt,
		bodyHtml: renderState(version.bodyState).html,
		closingHtml: renderState(version.closingState).html,
		section: sectionOf(version)
	};
}

async function internalView(tx: Transaction, actor: Actor, document: DocumentRow, options: PageOptions) {
	const consortiumId = document.consortiumId;
	const resource = (await documentResource(tx, document.id))!;
	const full = await versionsOf(tx, document.id);
	const byId = new Map(full.map(({ version }) => [version.id, version]));
	const versions = full.map(({ version: v, createdBy }) => ({
		id: v.id,
		number: v.number,
		name: v.name,
		status: v.status,
		title: v.title,
		baselineName: v.baselineName,
		createdAt: v.createdAt,
		createdBy,
		submittedAt: v.submittedAt,
		decidedAt: v.decidedAt
	}));
	const allPublications = await tx
		.select({
			id: documentPublications.id,
			versionId: documentPublications.versionId,
			audience: documentPublications.audience,
			allowComments: documentPublications.allowComments,
			note: documentPublications.note,
			replyBy: documentPublications.replyBy,
			publishedAt: documentPublications.publishedAt,
			publishedBy: users.name
		})
		.from(documentPublications)
		.leftJoin(users, eq(users.id, documentPublications.publishedBy))
		.where(eq(documentPublications.documentId, document.id))
		.orderBy(desc(documentPublications.publishedAt));
	const publications = allPublications.filter((p) => p.audience === 'supplier');
	const publicationOf = new Map(publications.map((p) => [p.versionId, p]));
	const publishing = await publishingRight(tx, consortiumId);
	const today = todayInSweden();

	// The version whose verdicts the page shows: the one in approval, else the newest decided one.
	const focus = versions.find((v) => v.status === 'in_approval') ?? versions.find((v) => v.status === 'approved' || v.status === 'rejected') ?? null;
	const approval: (ApprovalState & { versionId: string; number: number; name: string; status: string }) | null = focus
		? { ...(await approvalStateOf(tx, consortiumId, focus.id)), versionId: focus.id, number: focus.number, name: focus.name, status: focus.status }
		: null;

	const rows = versions.map((v) => {
		const r = versionResourceOf({ consortiumId, status: v.status }, publicationOf.get(v.id) ?? null, publishing);
		return {
			...v,
			published: r.published,
			can: {
				send: v.status === 'saved' && can(actor, 'document.send', resource),
				verdict: can(actor, 'document.verdict', r),
				publish: can(actor, 'document.publish', r),
				sendToReviewers: can(actor, 'document.publish', roundResourceOf({ consortiumId, status: v.status }, null, publishing, today))
			}
		};
	});

	const spec = document.baselineId ? await loadSpec(tx, consortiumId, document.baselineId) : null;
	const section = spec ? baselineSection(spec.name, spec.requirements) : null;
	const [baselineOptions, initiative, allFeedback, rounds, reviewers] = await Promise.all([
		document.kind === 'requirement_specification'
			? tx.select({ id: baselines.id, name: baselines.name }).from(baselines).where(eq(baselines.consortiumId, consortiumId)).orderBy(desc(baselines.createdAt))
			: [],
		document.initiativeId
			? tx
					.select({ id: initiatives.id, title: initiatives.title })
					.from(initiatives)
					.where(eq(initiatives.id, document.initiativeId))
					.then((r) => r[0] ?? null)
			: null,
		feedbackOf(tx, document.id),
		roundsOf(tx, document.id),
		reviewersOf(tx, consortiumId)
	]);
	const feedback = allFeedback.filter((f) => f.audience === 'supplier');
	const reviewerIds = [...new Set(rounds.flatMap((r) => r.reviewerIds))];
	const reviewerNames = new Map(
		(reviewerIds.length
			? await tx
					.select({ id: users.id, name: users.name, organisation: organisations.name })
					.from(users)
					.leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.consortiumId, consortiumId)))
					.leftJoin(organisations, eq(organisations.id, memberships.organisationId))
					.where(inArray(users.id, reviewerIds))
			: []
		).map((u) => [u.id, u])
	);
	const byPublication = new Map(allPublications.map((p) => [p.id, p]));
	const roundRows = rounds.map((r) => ({
		id: r.id,
		versionId: r.versionId,
		number: byId.get(r.versionId)?.number ?? 0,
		name: byId.get(r.versionId)?.name ?? '',
		allowComments: r.allowComments,
		note: r.note,
		replyBy: r.replyBy!,
		open: r.allowComments && r.replyBy !== null && r.replyBy >= today,
		publishedAt: r.publishedAt,
		publishedBy: byPublication.get(r.id)?.publishedBy ?? null,
		reviewers: r.reviewerIds
			.map((id) => reviewerNames.get(id))
			.filter((u) => u !== undefined)
			.map((u) => ({ id: u.id, name: u.name, organisation: u.organisation }))
			.sort((a, b) => a.name.localeCompare(b.name, 'sv')),
		feedback: allFeedback.filter((f) => f.publicationId === r.id)
	}));

	const draft = {
		body: await loadState(tx, fieldName(document.id, 'body')),
		closing: await loadState(tx, fieldName(document.id, 'closing'))
	};
	let viewing = null;
	if (options.version) {
		const v = z.uuid().safeParse(options.version).success ? byId.get(options.version) : undefined;
		viewing = v ? versionContent(v) : null;
	}
	let comparison = null;
	let compareMissing = false;
	if (options.from || options.to) {
		const from = Ref.safeParse(options.from);
		const to = Ref.safeParse(options.to ?? 'current');
		const textOf = async (ref: string) => {
			if (ref === 'current') return composedText(draft.body, draft.closing, section);
			const v = byId.get(ref);
			return v ? composedText(v.bodyState, v.closingState, sectionOf(v)) : null;
		};
		const [a, b] = from.success && to.success ? [await textOf(from.data), await textOf(to.data)] : [null, null];
		if (a === null || b === null) compareMissing = true;
		else comparison = { from: from.data!, to: to.data!, changes: diffTexts(a, b) };
	}

	return {
		document: {
			id: document.id,
			kind: document.kind,
			title: document.title,
			language: document.language,
			version: document.version,
			baselineId: document.baselineId
		},
		/** The draft as last stored, sanitised: shown until the editors have loaded. */
		draftHtml: { body: renderState(draft.body).html, closing: renderState(draft.closing).html },
		initiative,
		section,
		baselines: baselineOptions,
		versions: rows,
		approval,
		publications,
		feedback,
		rounds: roundRows,
		reviewers,
		viewing,
		viewMissing: !!options.version && !viewing,
		comparison,
		compareMissing,
		myVote: approval && actor.membership ? (approval.votes.find((v) => v.organisationId === actor.membership!.organisationId) ?? null) : null,
		can: {
			edit: can(actor, 'document.edit', resource),
			send: can(actor, 'document.send', resource),
			delete: can(actor, 'document.delete', resource),
			speaks: can(actor, 'organisation.approve', { consortiumId })
		}
	};
}

async function feedbackOf(tx: Transaction, documentId: string) {
	return tx
		.select({
			id: documentFeedback.id,
			body: documentFeedback.body,
			createdAt: documentFeedback.createdAt,
			author: users.name,
			versionId: documentPublications.versionId,
			publicationId: documentFeedback.publicationId,
			audience: documentPublications.audience
		})
		.from(documentFeedback)
		.innerJoin(documentPublications, eq(documentPublications.id, documentFeedback.publicationId))
		.leftJoin(users, eq(users.id, documentFeedback.authorId))
		.where(eq(documentPublications.documentId, documentId))
		.orderBy(asc(documentFeedback.createdAt));
}

/** What the supplier reads: the newest published version, its publication and the supplier's comments on it. */
async function publishedView(tx: Transaction, actor: Actor, document: DocumentRow) {
	const publication = await latestPublication(tx, document.id);
	if (!publication) throw new NotFound();
	const [version] = await tx.select().from(documentVersions).where(eq(documentVersions.id, publication.versionId));
	if (!version) throw new NotFound();
	const resource = await versionResource(tx, version);
	if (!can(actor, 'document.read_published', resource)) throw new NotFound();
	const feedback = (await feedbackOf(tx, document.id)).filter((f) => f.publicationId === publication.id);
	return {
		document: { id: document.id, kind: document.kind, title: version.title, language: document.language },
		publication: { publishedAt: publication.publishedAt, allowComments: publication.allowComments, note: publication.note },
		version: versionContent(version),
		feedback,
		can: { feedback: can(actor, 'document.feedback', resource) }
	};
}

/** The consortium's external reviewers, for choosing a round's: name and organisation. */
async function reviewersOf(tx: Transaction, consortiumId: string) {
	return tx
		.select({ id: users.id, name: users.name, organisation: organisations.name })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(and(eq(memberships.consortiumId, consortiumId), eq(memberships.role, 'reviewer')))
		.orderBy(asc(users.name));
}

/**
 * What a reviewer reads: one round of the document they are named in (`round`, else their newest),
 * its version read-only, their own comments on it, and their other rounds of the document.
 */
async function roundView(tx: Transaction, actor: Actor, document: DocumentRow, roundId: string | null) {
	const publishing = await publishingRight(tx, document.consortiumId);
	const today = todayInSweden();
	const readable = [];
	for (const round of await roundsOf(tx, document.id)) {
		const [version] = await tx.select().from(documentVersions).where(eq(documentVersions.id, round.versionId));
		if (!version) continue;
		const resource = roundResourceOf(version, round, publishing, today);
		if (can(actor, 'document.read_published', resource)) readable.push({ round, version, resource });
	}
	const chosen = roundId ? readable.find((r) => r.round.id === roundId) : readable[0];
	if (!chosen) throw new NotFound();
	const { round, version, resource } = chosen;
	const feedback = (await feedbackOf(tx, document.id)).filter((f) => f.publicationId === round.id);
	return {
		document: { id: document.id, kind: document.kind, title: version.title, language: document.language },
		round: {
			id: round.id,
			publishedAt: round.publishedAt,
			allowComments: round.allowComments,
			note: round.note,
			replyBy: round.replyBy!,
			replyByPassed: resource.audience === 'reviewers' && resource.replyByPassed
		},
		version: versionContent(version),
		feedback,
		otherRounds: readable
			.filter((r) => r.round.id !== round.id)
			.map((r) => ({ id: r.round.id, number: r.version.number, name: r.version.name, replyBy: r.round.replyBy! })),
		can: { feedback: can(actor, 'document.feedback', resource) }
	};
}
