import { and, eq, inArray, max } from 'drizzle-orm';
import { announceChange, recordChange } from '../audit/record-change';
import { loadSpec } from '../baselines/queries';
import { settled } from '../collab/documents';
import { loadState } from '../collab/store';
import { restoreState } from '../collab/versions';
import { actorFor, readerFor, type Who } from '../consortia/actor';
import type { Transaction } from '../db/client';
import { advisoryLock } from '../db/locks';
import { withUser } from '../db/request';
import {
	baselines,
	collabUpdates,
	documentApprovals,
	documentFeedback,
	documentPublicationReviewers,
	documentPublications,
	documents,
	documentVersions,
	initiatives,
	memberships,
	organisations
} from '../db/schema';
import { CommandError, NotFound, StaleWrite } from '../errors';
import { authorize } from '../policy';
import type { ApprovalState } from '../requirements/workflow';
import type { DocumentInput, DocumentUpdate, FeedbackInput, PublishInput, ReviewRoundInput, VerdictInput, VersionInput } from './schemas';
import {
	documentResource,
	fieldName,
	latestPublication,
	loadDocument,
	loadVersion,
	publishingRight,
	roundResourceOf,
	roundsOf,
	todayInSweden,
	versionResource,
	versionResourceOf,
	type DocumentRow,
	type VersionRow
} from './state';
import { templateFor } from './template-store';
import { templateUpdates } from './templates';
import { approvalStateOf } from './approvals';

/** Audits a change to a document and announces it to those who read it (`everyone`: the supplier too). */
async function audit(
	tx: Transaction,
	actorId: string,
	document: Pick<DocumentRow, 'id' | 'consortiumId'>,
	action: string,
	before: unknown,
	after: unknown,
	audience: 'internal' | 'everyone' = 'internal'
) {
	await recordChange(tx, { actorId, consortiumId: document.consortiumId, action, entityType: 'document', entityId: document.id, before, after, audience });
}

async function checkInitiative(tx: Transaction, consortiumId: string, id: string | undefined) {
	if (!id) return;
	const [row] = await tx
		.select({ id: initiatives.id })
		.from(initiatives)
		.where(and(eq(initiatives.id, id), eq(initiatives.consortiumId, consortiumId)));
	if (!row) throw new CommandError('invalid_choice', 'initiativeId', 422);
}

async function checkBaseline(tx: Transaction, consortiumId: string, kind: DocumentRow['kind'], id: string | undefined) {
	if (!id) return;
	if (kind !== 'requirement_specification') throw new CommandError('document_baseline_only_specification', 'baselineId', 422);
	const [row] = await tx
		.select({ id: baselines.id })
		.from(baselines)
		.where(and(eq(baselines.id, id), eq(baselines.consortiumId, consortiumId)));
	if (!row) throw new CommandError('invalid_choice', 'baselineId', 422);
}

/**
 * Starts a document from the consortium's template for its kind, in the chosen language: the
 * template's outline becomes the first edit of the co-edited body (and, at a kravspecifikation's
 * baseline marker, of its closing), in the same transaction as the row.
 */
export async function createDocument(person: Who, consortiumId: string, input: DocumentInput): Promise<DocumentRow> {
	return withUser(person, (tx) => createDocumentIn(tx, person, consortiumId, input));
}

/** Writes a new document in the caller's transaction (the command above, and the demo seed). */
export async function createDocumentIn(tx: Transaction, person: Who, consortiumId: string, input: DocumentInput): Promise<DocumentRow> {
	await actorFor(tx, person, consortiumId, 'content.write');
	await checkInitiative(tx, consortiumId, input.initiativeId);
	await checkBaseline(tx, consortiumId, input.kind, input.baselineId);
	const template = await templateFor(tx, consortiumId, input.kind, input.language);
	const [row] = await tx
		.insert(documents)
		.values({
			consortiumId,
			kind: input.kind,
			title: input.title ?? template.title,
			language: input.language,
			initiativeId: input.initiativeId ?? null,
			baselineId: input.baselineId ?? null,
			createdBy: person.id
		})
		.returning();
	const first = templateUpdates(template);
	await tx
		.insert(collabUpdates)
		.values([
			{ document: fieldName(row!.id, 'body'), consortiumId, update: first.body, userId: person.id },
			...(first.closing ? [{ document: fieldName(row!.id, 'closing'), consortiumId, update: first.closing, userId: person.id }] : [])
		]);
	await audit(tx, person.id, row!, 'document.created', null, { ...row, template: { title: template.title, custom: template.custom } });
	return row!;
}

/** Renames a document, or chooses another baseline for a kravspecifikation (its requirement section follows). */
export async function updateDocument(person: Who, consortiumId: string, id: string, input: DocumentUpdate): Promise<DocumentRow> {
	return withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'content.write');
		const before = await loadDocument(tx, consortiumId, id, true);
		if (before.version !== input.version) throw new StaleWrite({ title: before.title, baselineId: before.baselineId ?? '', version: before.version });
		authorize(actor, 'document.edit', (await documentResource(tx, id))!);
		await checkBaseline(tx, consortiumId, before.kind, input.baselineId);
		const [after] = await tx
			.update(documents)
			.set({ title: input.title, baselineId: input.baselineId ?? null, version: before.version + 1, updatedAt: new Date() })
			.where(eq(documents.id, id))
			.returning();
		await audit(
			tx,
			person.id,
			after!,
			before.baselineId !== after!.baselineId ? 'document.baseline_changed' : 'document.updated',
			{ title: before.title, baselineId: before.baselineId },
			{ title: after!.title, baselineId: after!.baselineId }
		);
		return after!;
	});
}

/** Removes a document that no version of was ever approved (an admin's decision). */
export async function deleteDocument(person: Who, consortiumId: string, id: string): Promise<void> {
	await withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const before = await loadDocument(tx, consortiumId, id, true);
		authorize(actor, 'document.delete', (await documentResource(tx, id))!);
		await tx.delete(documents).where(eq(documents.id, id));
		await audit(tx, person.id, before, 'document.deleted', before, null);
	});
}

/**
 * Names the draft as it is now: a frozen copy of the co-edited text and of the chosen baseline's
 * requirements. With `sendForApproval`, the version goes to the member organisations at once (one
 * version of a document is in approval at a time).
 */
export async function nameVersion(person: Who, consortiumId: string, id: string, input: VersionInput): Promise<VersionRow> {
	await settled(); // every accepted edit is in the database
	return withUser(person, (tx) => nameVersionIn(tx, person, consortiumId, id, input));
}

/** Names a version in the caller's transaction (the command above, and the demo seed). */
export async function nameVersionIn(tx: Transaction, person: Who, consortiumId: string, id: string, input: VersionInput): Promise<VersionRow> {
	const actor = await actorFor(tx, person, consortiumId, 'content.write');
	const document = await loadDocument(tx, consortiumId, id);
	await advisoryLock(tx, `document_versions:${id}`);
	const resource = (await documentResource(tx, id))!;
	authorize(actor, input.sendForApproval ? 'document.send' : 'document.edit', resource);
	const [{ last }] = (await tx
		.select({ last: max(documentVersions.number) })
		.from(documentVersions)
		.where(eq(documentVersions.documentId, id))) as [{ last: number | null }];
	const spec = document.baselineId ? await loadSpec(tx, consortiumId, document.baselineId) : null;
	const now = new Date();
	const [row] = await tx
		.insert(documentVersions)
		.values({
			consortiumId,
			documentId: id,
			number: (last ?? 0) + 1,
			name: input.name,
			status: input.sendForApproval ? 'in_approval' : 'saved',
			title: document.title,
			bodyState: await loadState(tx, fieldName(id, 'body')),
			closingState: await loadState(tx, fieldName(id, 'closing')),
			baselineId: document.baselineId,
			baselineName: spec?.name ?? null,
			baselineFrozenAt: spec?.frozenAt ?? null,
			baselineRequirements: spec?.requirements ?? null,
			createdBy: person.id,
			...(input.sendForApproval ? { submittedBy: person.id, submittedAt: now } : {})
		})
		.returning();
	await audit(tx, person.id, document, input.sendForApproval ? 'document.sent_for_approval' : 'document.version_named', null, summary(row!));
	return row!;
}

const summary = (v: VersionRow) => ({ versionId: v.id, number: v.number, name: v.name, status: v.status, baseline: v.baselineName });

/** Sends a saved version for approval by the member organisations. */
export async function sendForApproval(person: Who, consortiumId: string, id: string, versionId: string): Promise<VersionRow> {
	return withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'content.write');
		const document = await loadDocument(tx, consortiumId, id);
		await advisoryLock(tx, `document_versions:${id}`);
		authorize(actor, 'document.send', (await documentResource(tx, id))!);
		const before = await loadVersion(tx, document, versionId);
		if (before.status !== 'saved') throw new CommandError('document_version_not_saved', 'form', 409);
		const [after] = await tx
			.update(documentVersions)
			.set({ status: 'in_approval', submittedBy: person.id, submittedAt: new Date() })
			.where(eq(documentVersions.id, versionId))
			.returning();
		await audit(tx, person.id, document, 'document.sent_for_approval', summary(before), summary(after!));
		return after!;
	});
}

/**
 * Records the verdict of the person's own organisation on the version in approval, as its
 * representative or as the deputy speaking for it. When the verdicts then meet the ground rules the
 * version is approved (frozen and publishable); when the rules can no longer be met it is rejected.
 */
export async function recordDocumentVerdict(person: Who, consortiumId: string, id: string, input: VerdictInput): Promise<ApprovalState & { status: string }> {
	return withUser(person, (tx) => recordDocumentVerdictIn(tx, person, consortiumId, id, input));
}

/** Records a verdict in the caller's transaction (the command above, and the demo seed). */
export async function recordDocumentVerdictIn(
	tx: Transaction,
	person: Who,
	consortiumId: string,
	id: string,
	input: VerdictInput
): Promise<ApprovalState & { status: string }> {
	const actor = await actorFor(tx, person, consortiumId, 'organisation.approve');
	const membership = actor.membership!;
	const document = await loadDocument(tx, consortiumId, id);
	// Serialised per document (not FOR UPDATE: row-level security hides a decided version from an update lock).
	await advisoryLock(tx, `document_versions:${id}`);
	const version = await loadVersion(tx, document, input.versionId);
	authorize(actor, 'document.verdict', await versionResource(tx, version));
	const [organisation] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, membership.organisationId));
	if (!organisation) throw new CommandError('organisation_not_voting', 'form', 422);
	const actingAs = membership.role === 'representative' ? 'representative' : 'deputy';
	const [row] = await tx
		.insert(documentApprovals)
		.values({
			consortiumId,
			versionId: version.id,
			organisationId: organisation.id,
			verdict: input.verdict,
			reason: input.reason,
			userId: person.id,
			actingAs
		})
		.onConflictDoUpdate({
			target: [documentApprovals.versionId, documentApprovals.organisationId],
			set: { verdict: input.verdict, reason: input.reason, userId: person.id, actingAs, updatedAt: new Date() }
		})
		.returning();
	await audit(tx, person.id, document, input.verdict === 'approve' ? 'document.approved_by' : 'document.objected_by', null, {
		versionId: version.id,
		number: version.number,
		organisationId: row!.organisationId,
		verdict: row!.verdict,
		reason: row!.reason,
		actingAs
	});
	const state = await approvalStateOf(tx, consortiumId, version.id);
	let status: string = version.status;
	if (state.tally.outcome !== 'pending') {
		status = state.tally.outcome;
		await tx.update(documentVersions).set({ status: state.tally.outcome, decidedAt: new Date() }).where(eq(documentVersions.id, version.id));
		await audit(tx, person.id, document, `document.${state.tally.outcome}`, summary(version), { ...summary(version), status: state.tally.outcome });
	}
	return { ...state, status };
}

/**
 * Publishes an approved version to the supplier, who then reads it in Samsyn (read-only) and, when
 * the round takes comments, comments on it. The supplier hears of it live.
 */
export async function publishVersion(person: Who, consortiumId: string, id: string, input: PublishInput) {
	return withUser(person, (tx) => publishVersionIn(tx, person, consortiumId, id, input));
}

/** Publishes in the caller's transaction (the command above, and the demo seed). */
export async function publishVersionIn(tx: Transaction, person: Who, consortiumId: string, id: string, input: PublishInput) {
	const actor = await readerFor(tx, person, consortiumId);
	const document = await loadDocument(tx, consortiumId, id);
	await advisoryLock(tx, `document_versions:${id}`);
	const version = await loadVersion(tx, document, input.versionId);
	authorize(actor, 'document.publish', await versionResource(tx, version));
	const [row] = await tx
		.insert(documentPublications)
		.values({ consortiumId, documentId: id, versionId: version.id, allowComments: input.allowComments, note: input.note, publishedBy: person.id })
		.returning();
	await audit(tx, person.id, document, 'document.published', null, { ...row, number: version.number, name: version.name }, 'everyone');
	return row!;
}

/**
 * Publishes an approved version to a consultation round (remiss): the consortium's external reviewers
 * chosen read it in Samsyn, read-only, and comment until the last day when the round takes comments.
 * The same version may go to the supplier and to any number of rounds.
 */
export async function publishToReviewers(person: Who, consortiumId: string, id: string, input: ReviewRoundInput) {
	return withUser(person, (tx) => publishToReviewersIn(tx, person, consortiumId, id, input));
}

/** Opens a reviewer round in the caller's transaction (the command above, and the demo seed). */
export async function publishToReviewersIn(tx: Transaction, person: Who, consortiumId: string, id: string, input: ReviewRoundInput, today = todayInSweden()) {
	const actor = await readerFor(tx, person, consortiumId);
	const document = await loadDocument(tx, consortiumId, id);
	await advisoryLock(tx, `document_versions:${id}`);
	const version = await loadVersion(tx, document, input.versionId);
	authorize(actor, 'document.publish', roundResourceOf(version, null, await publishingRight(tx, consortiumId)));
	if (input.replyBy < today) throw new CommandError('document_round_reply_by_past', 'replyBy', 422);
	const reviewerIds = [...new Set(input.reviewerIds)];
	const found = await tx
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(and(eq(memberships.consortiumId, consortiumId), inArray(memberships.userId, reviewerIds), eq(memberships.role, 'reviewer')));
	if (found.length !== reviewerIds.length) throw new CommandError('document_round_reviewer_unknown', 'reviewerIds', 422);
	const [row] = await tx
		.insert(documentPublications)
		.values({
			consortiumId,
			documentId: id,
			versionId: version.id,
			audience: 'reviewers',
			allowComments: input.allowComments,
			note: input.note,
			replyBy: input.replyBy,
			publishedBy: person.id
		})
		.returning();
	await tx.insert(documentPublicationReviewers).values(reviewerIds.map((userId) => ({ publicationId: row!.id, consortiumId, userId })));
	const after = { ...row, number: version.number, name: version.name, reviewerIds };
	await audit(tx, person.id, document, 'document.published_to_reviewers', null, after);
	// Each reviewer hears of their round live; nobody else outside the consortium's own does.
	for (const userId of reviewerIds)
		await announceChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'document.published_to_reviewers',
			entityType: 'document',
			entityId: id,
			audience: 'user',
			userId
		});
	return { ...row!, reviewerIds };
}

/** Makes the draft what a version was (its text and its baseline), as a new edit on top of the history. */
export async function restoreDocumentVersion(person: Who, consortiumId: string, id: string, versionId: string): Promise<VersionRow> {
	const [document, version] = await withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'content.write');
		const document = await loadDocument(tx, consortiumId, id);
		authorize(actor, 'document.edit', (await documentResource(tx, id))!);
		return [document, await loadVersion(tx, document, versionId)] as const;
	});
	for (const field of ['body', 'closing'] as const) {
		await restoreState(person, fieldName(id, field), async () => ({
			state: field === 'body' ? version.bodyState : version.closingState,
			audit: {
				action: 'document.version_restored',
				entityType: 'document',
				entityId: id,
				after: { field, versionId: version.id, number: version.number, name: version.name }
			}
		}));
	}
	if (document.baselineId !== version.baselineId) {
		await withUser(person, async (tx) => {
			const before = await loadDocument(tx, consortiumId, id, true);
			await tx
				.update(documents)
				.set({ baselineId: version.baselineId, version: before.version + 1, updatedAt: new Date() })
				.where(eq(documents.id, id));
			await audit(tx, person.id, before, 'document.baseline_changed', { baselineId: before.baselineId }, { baselineId: version.baselineId });
		});
	}
	return version;
}

/**
 * A comment on a publication open for comments: the supplier's on its newest publication, or a
 * reviewer's on the round named (until its last day). Anything the person is not the audience of is
 * answered as if it did not exist.
 */
export async function addFeedback(person: Who, consortiumId: string, id: string, input: Pick<FeedbackInput, 'body'> & { publicationId?: string }) {
	return withUser(person, (tx) => addFeedbackIn(tx, person, consortiumId, id, input));
}

/** Comments in the caller's transaction (the command above, and the demo seed). */
export async function addFeedbackIn(
	tx: Transaction,
	person: Who,
	consortiumId: string,
	id: string,
	input: Pick<FeedbackInput, 'body'> & { publicationId?: string }
) {
	const actor = await readerFor(tx, person, consortiumId, 'documents.read');
	const document = await loadDocument(tx, consortiumId, id);
	const publishing = await publishingRight(tx, consortiumId);
	let publication;
	let resource;
	if (input.publicationId) {
		const round = (await roundsOf(tx, id)).find((r) => r.id === input.publicationId);
		publication = round ?? (await latestPublication(tx, id));
		if (!publication || publication.id !== input.publicationId) throw new NotFound();
		const version = await loadVersion(tx, document, publication.versionId);
		resource = round ? roundResourceOf(version, round, publishing) : versionResourceOf(version, publication, publishing);
	} else {
		publication = await latestPublication(tx, id);
		if (!publication) throw new NotFound();
		resource = versionResourceOf(await loadVersion(tx, document, publication.versionId), publication, publishing);
	}
	authorize(actor, 'document.feedback', resource);
	const [row] = await tx.insert(documentFeedback).values({ consortiumId, publicationId: publication.id, authorId: person.id, body: input.body }).returning();
	if (publication.audience === 'supplier') {
		await audit(tx, person.id, document, 'document.feedback_given', null, row, 'everyone');
	} else {
		// A reviewer's comment is the consortium's and that reviewer's only.
		await audit(tx, person.id, document, 'document.round_feedback_given', null, row);
		await announceChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'document.round_feedback_given',
			entityType: 'document',
			entityId: id,
			audience: 'user',
			userId: person.id
		});
	}
	return row!;
}
