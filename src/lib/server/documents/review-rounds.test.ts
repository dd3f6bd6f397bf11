import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import {
	auditLog,
	collabUpdates,
	documentApprovals,
	documentFeedback,
	documentPublicationReviewers,
	documentPublications,
	documents,
	documentVersions,
	memberships,
	requirements,
	users
} from '../db/schema';
import { Forbidden } from '../policy';
import { NotFound } from '../errors';
import { attentionFor } from '../home/attention';
import { listRequirements } from '../requirements/queries';
import { RequirementFilters } from '../requirements/schemas';
import { listDecisionItems, decisionLog } from '../decisions/queries';
import { backlogOverview } from '../backlog/queries';
import { listMeetings } from '../meetings/queries';
import { listQuestions } from '../questions/queries';
import { listAttachments } from '../attachments/queries';
import { addFeedback, createDocument, nameVersion, publishToReviewers, publishVersion, recordDocumentVerdict } from './commands';
import { documentExport } from './exports';
import { documentPage, listDocuments } from './queries';
import { DocumentInput, FeedbackInput, PublishInput, ReviewRoundInput, VerdictInput, VersionInput } from './schemas';
import { fieldName, todayInSweden } from './state';
import { documentsWorld, typeInto, type DocumentsWorld } from './testing';

useFreshDatabase();

const inDays = (days: number) => todayInSweden(new Date(Date.now() + days * 86_400_000));

/** A kravspecifikation with an approved version 1 ("Remissversion") and a later saved version 2 ("Internt utkast"). */
async function approvedSpec(w: DocumentsWorld) {
	const doc = await createDocument(
		w.people.member,
		w.consortium.id,
		DocumentInput.parse({ kind: 'requirement_specification', language: 'sv', title: 'Kravspecifikation nattillsyn', baselineId: w.baselines.first.id })
	);
	await typeInto(fieldName(doc.id, 'body'), w.consortium.id, 'Godkänd text för remiss');
	const version = await nameVersion(w.people.member, w.consortium.id, doc.id, VersionInput.parse({ name: 'Remissversion', sendForApproval: 'on' }));
	for (const who of [w.people.linkoping, w.people.norrkoping])
		await recordDocumentVerdict(who, w.consortium.id, doc.id, VerdictInput.parse({ versionId: version.id, verdict: 'approve' }));
	await typeInto(fieldName(doc.id, 'body'), w.consortium.id, 'Hemligt utkast efter godkännandet');
	const later = await nameVersion(w.people.member, w.consortium.id, doc.id, VersionInput.parse({ name: 'Internt utkast' }));
	return { doc, version, later };
}

const round = (w: DocumentsWorld, versionId: string, more: Record<string, unknown> = {}) =>
	ReviewRoundInput.parse({
		versionId,
		reviewerIds: [w.people.reviewer.id],
		allowComments: 'on',
		note: 'Synpunkter senast på svarsdagen',
		replyBy: inDays(14),
		...more
	});

describe('consultation rounds (remiss) to external reviewers', () => {
	it('refuses bad input: no reviewer, someone who is not a reviewer, a reply-by date passed or malformed, an unapproved version, a non-publisher', async () => {
		const w = await documentsWorld('majority');
		const { doc, version, later } = await approvedSpec(w);
		expect(ReviewRoundInput.safeParse({ versionId: version.id, replyBy: inDays(3) }).error?.issues[0]).toMatchObject({
			path: ['reviewerIds'],
			message: 'document_round_reviewers_required'
		});
		expect(ReviewRoundInput.safeParse({ versionId: version.id, reviewerIds: [], replyBy: inDays(3) }).error?.issues[0]).toMatchObject({
			message: 'document_round_reviewers_required'
		});
		expect(ReviewRoundInput.safeParse({ versionId: version.id, reviewerIds: ['nope'], replyBy: inDays(3) }).error?.issues[0]).toMatchObject({
			message: 'document_round_reviewer_unknown'
		});
		expect(ReviewRoundInput.safeParse({ versionId: version.id, reviewerIds: [w.people.reviewer.id], replyBy: '2026-02-30' }).error?.issues[0]).toMatchObject({
			path: ['replyBy'],
			message: 'date_invalid'
		});
		for (const stranger of [w.people.supplier, w.people.member, w.people.outsider])
			await expect(publishToReviewers(w.people.admin, w.consortium.id, doc.id, round(w, version.id, { reviewerIds: [stranger.id] }))).rejects.toMatchObject({
				key: 'document_round_reviewer_unknown',
				field: 'reviewerIds'
			});
		await expect(publishToReviewers(w.people.admin, w.consortium.id, doc.id, round(w, version.id, { replyBy: inDays(-1) }))).rejects.toMatchObject({
			key: 'document_round_reply_by_past',
			field: 'replyBy'
		});
		await expect(publishToReviewers(w.people.admin, w.consortium.id, doc.id, round(w, later.id))).rejects.toMatchObject({ key: 'document_not_approved' });
		await expect(publishToReviewers(w.people.member, w.consortium.id, doc.id, round(w, version.id))).rejects.toBeInstanceOf(Forbidden);
		await expect(publishToReviewers(w.people.reviewer, w.consortium.id, doc.id, round(w, version.id))).rejects.toBeInstanceOf(NotFound);
		await expect(publishToReviewers(w.people.outsider, w.consortium.id, doc.id, round(w, version.id))).rejects.toBeInstanceOf(NotFound);
		const rows = await asSystem((tx) => tx.select().from(documentPublications));
		expect(rows).toEqual([]);
	});

	it('publishes to the reviewers chosen: the reviewer reads it, exports it and comments; the consortium reads the comment; the supplier sees nothing of it', async () => {
		const w = await documentsWorld('majority');
		const { doc, version, later } = await approvedSpec(w);
		// The same version goes to the supplier (without comments) and to a round of reviewers.
		await publishVersion(w.people.admin, w.consortium.id, doc.id, PublishInput.parse({ versionId: version.id }));
		const published = await publishToReviewers(w.people.linkoping, w.consortium.id, doc.id, round(w, version.id));
		expect(published.reviewerIds).toEqual([w.people.reviewer.id]);
		const [audit] = await asSystem((tx) => tx.select().from(auditLog).where(eq(auditLog.action, 'document.published_to_reviewers')));
		expect(audit).toMatchObject({ actorId: w.people.linkoping.id, entityId: doc.id });

		const page = await documentPage(w.people.reviewer, w.consortium.id, doc.id);
		if (page.view !== 'round') throw new Error('round view expected');
		expect(page.version.name).toBe('Remissversion');
		expect(page.version.bodyHtml).toContain('Godkänd text för remiss');
		expect(page.version.bodyHtml).not.toContain('Hemligt utkast');
		expect(page.round).toMatchObject({ id: published.id, allowComments: true, replyBy: inDays(14), replyByPassed: false });
		expect(page.can.feedback).toBe(true);
		expect((await listDocuments(w.people.reviewer, w.consortium.id)).documents.map((d) => d.id)).toEqual([doc.id]);

		const exported = await documentExport(w.people.reviewer, w.consortium.id, doc.id, version.id, 'sv');
		expect(exported.export.version.name).toBe('Remissversion');
		expect(exported.export.revisions.map((r) => r.number)).toEqual([1]);

		await addFeedback(
			w.people.reviewer,
			w.consortium.id,
			doc.id,
			FeedbackInput.parse({ body: 'Larmet måste höras för den med nedsatt hörsel.', publicationId: published.id })
		);
		const mine = await documentPage(w.people.reviewer, w.consortium.id, doc.id);
		if (mine.view !== 'round') throw new Error('round view expected');
		expect(mine.feedback.map((f) => f.body)).toEqual(['Larmet måste höras för den med nedsatt hörsel.']);

		const internal = await documentPage(w.people.observer, w.consortium.id, doc.id);
		if (internal.view !== 'internal') throw new Error('internal view expected');
		expect(internal.rounds).toHaveLength(1);
		expect(internal.rounds[0]).toMatchObject({ number: 1, open: true, reviewers: [{ name: 'Rut Remiss', organisation: 'PRO Östergötland' }] });
		expect(internal.rounds[0]!.feedback.map((f) => f.body)).toEqual(['Larmet måste höras för den med nedsatt hörsel.']);
		// The supplier's comments stay apart from the round's.
		expect(internal.feedback).toEqual([]);
		expect(internal.reviewers.map((r) => r.name)).toEqual(['Rut Remiss', 'Ulf Facklig']);
		expect(internal.versions.find((v) => v.id === version.id)?.can.sendToReviewers).toBe(false);
		const admin = await documentPage(w.people.admin, w.consortium.id, doc.id);
		if (admin.view !== 'internal') throw new Error('internal view expected');
		// An approved version goes to another round too; one not approved to none.
		expect(admin.versions.find((v) => v.id === version.id)?.can.sendToReviewers).toBe(true);
		expect(admin.versions.find((v) => v.id === later.id)?.can.sendToReviewers).toBe(false);

		// The supplier reads its own publication, and nothing of the round or its comments.
		const supplierPage = await documentPage(w.people.supplier, w.consortium.id, doc.id);
		if (supplierPage.view !== 'published') throw new Error('published view expected');
		expect(supplierPage.feedback).toEqual([]);
		expect(JSON.stringify(supplierPage)).not.toContain('Rut Remiss');
		await expect(
			addFeedback(w.people.supplier, w.consortium.id, doc.id, FeedbackInput.parse({ body: 'In i remissen', publicationId: published.id }))
		).rejects.toBeInstanceOf(NotFound);
		const supplierSees = await withUser(w.people.supplier, async (tx) => ({
			publications: await tx.select({ id: documentPublications.id, audience: documentPublications.audience }).from(documentPublications),
			reviewers: await tx.select().from(documentPublicationReviewers),
			feedback: await tx.select().from(documentFeedback),
			users: await tx.select({ id: users.id }).from(users)
		}));
		expect(supplierSees.publications.map((p) => p.audience)).toEqual(['supplier']);
		expect(supplierSees.reviewers).toEqual([]);
		expect(supplierSees.feedback).toEqual([]);
		expect(supplierSees.users.map((u) => u.id)).not.toContain(w.people.reviewer.id);

		// Their home page lists the open round with its last day.
		const home = await attentionFor(w.people.reviewer, w.consortium.id);
		expect(home).toMatchObject({ kind: 'reviewer', rounds: [{ id: published.id, documentId: doc.id, number: 1, replyBy: inDays(14), commented: true }] });
		const unionHome = await attentionFor(w.people.union, w.consortium.id);
		expect(unionHome).toEqual({ kind: 'reviewer', rounds: [] });
	});

	it('refuses a comment once the last day has passed, and on a round that takes none', async () => {
		const w = await documentsWorld('majority');
		const { doc, version } = await approvedSpec(w);
		const open = await publishToReviewers(w.people.admin, w.consortium.id, doc.id, round(w, version.id));
		const closed = await publishToReviewers(w.people.admin, w.consortium.id, doc.id, round(w, version.id, { allowComments: undefined }));
		await expect(addFeedback(w.people.reviewer, w.consortium.id, doc.id, FeedbackInput.parse({ body: 'Hej', publicationId: closed.id }))).rejects.toMatchObject(
			{ key: 'document_feedback_closed' }
		);
		const closedPage = await documentPage(w.people.reviewer, w.consortium.id, doc.id, { round: closed.id });
		if (closedPage.view !== 'round') throw new Error('round view expected');
		expect(closedPage.can.feedback).toBe(false);
		expect(closedPage.otherRounds.map((r) => r.id)).toEqual([open.id]);

		// The round's last day was yesterday (Swedish time).
		await asSystem((tx) =>
			tx
				.update(documentPublications)
				.set({ replyBy: inDays(-1) })
				.where(eq(documentPublications.id, open.id))
		);
		await expect(
			addFeedback(w.people.reviewer, w.consortium.id, doc.id, FeedbackInput.parse({ body: 'För sent', publicationId: open.id }))
		).rejects.toMatchObject({ key: 'document_round_past_reply_by' });
		// Row-level security refuses it too, whatever the application says.
		await expect(
			withUser(w.people.reviewer, (tx) =>
				tx.insert(documentFeedback).values({ consortiumId: w.consortium.id, publicationId: open.id, authorId: w.people.reviewer.id, body: 'Direkt' })
			)
		).rejects.toThrow();
		const page = await documentPage(w.people.reviewer, w.consortium.id, doc.id, { round: open.id });
		if (page.view !== 'round') throw new Error('round view expected');
		expect(page.round.replyByPassed).toBe(true);
		expect(page.can.feedback).toBe(false);
		const home = await attentionFor(w.people.reviewer, w.consortium.id);
		expect(home).toMatchObject({ kind: 'reviewer', rounds: [{ id: closed.id }] });
	});

	it('shows a reviewer nothing else: not the draft, other versions, the supplier publication, a round it is not in, nor any other area', async () => {
		const w = await documentsWorld('majority');
		const { doc, version, later } = await approvedSpec(w);
		const supplierOnly = await approvedSpec(w);
		await publishVersion(w.people.admin, w.consortium.id, supplierOnly.doc.id, PublishInput.parse({ versionId: supplierOnly.version.id, allowComments: 'on' }));
		const mine = await publishToReviewers(w.people.admin, w.consortium.id, doc.id, round(w, version.id));
		const theirs = await publishToReviewers(w.people.admin, w.consortium.id, doc.id, round(w, version.id, { reviewerIds: [w.people.union.id] }));
		const r = w.people.reviewer;
		const c = w.consortium.id;

		// The draft and the other version, read or exported.
		await expect(documentExport(r, c, doc.id, 'current', 'sv')).rejects.toBeInstanceOf(NotFound);
		await expect(documentExport(r, c, doc.id, later.id, 'sv')).rejects.toBeInstanceOf(NotFound);
		const page = await documentPage(r, c, doc.id, { version: later.id, from: version.id, to: 'current' });
		expect(JSON.stringify(page)).not.toContain('Hemligt utkast');
		expect(JSON.stringify(page)).not.toContain(theirs.id);
		// The supplier's publication (of another document): it does not exist.
		await expect(documentPage(r, c, supplierOnly.doc.id)).rejects.toBeInstanceOf(NotFound);
		await expect(documentExport(r, c, supplierOnly.doc.id, supplierOnly.version.id, 'sv')).rejects.toBeInstanceOf(NotFound);
		await expect(addFeedback(r, c, supplierOnly.doc.id, FeedbackInput.parse({ body: 'x' }))).rejects.toBeInstanceOf(NotFound);
		// Another reviewer's round of the same version.
		await expect(documentPage(r, c, doc.id, { round: theirs.id })).rejects.toBeInstanceOf(NotFound);
		await expect(addFeedback(r, c, doc.id, FeedbackInput.parse({ body: 'x', publicationId: theirs.id }))).rejects.toBeInstanceOf(NotFound);
		await expect(addFeedback(r, c, doc.id, FeedbackInput.parse({ body: 'x' }))).rejects.toBeInstanceOf(NotFound);
		expect((await listDocuments(r, c)).documents.map((d) => d.id)).toEqual([doc.id]);
		// Other areas, as for an outsider; the attachments of the document too.
		await expect(listRequirements(r, c, RequirementFilters.parse({}))).rejects.toBeInstanceOf(NotFound);
		await expect(listDecisionItems(r, c)).rejects.toBeInstanceOf(NotFound);
		await expect(decisionLog(r, c)).rejects.toBeInstanceOf(NotFound);
		await expect(backlogOverview(r, c)).rejects.toBeInstanceOf(NotFound);
		await expect(listMeetings(r, c)).rejects.toBeInstanceOf(NotFound);
		await expect(listQuestions(r, c)).rejects.toBeInstanceOf(NotFound);
		await expect(listAttachments(r, c, { kind: 'document', id: doc.id })).rejects.toBeInstanceOf(NotFound);

		// Row-level security: the reviewer's own reads see its round's document and version only.
		const seen = await withUser(r, async (tx) => ({
			documents: await tx.select({ id: documents.id }).from(documents),
			versions: await tx.select({ id: documentVersions.id }).from(documentVersions),
			publications: await tx.select({ id: documentPublications.id }).from(documentPublications),
			reviewers: await tx.select().from(documentPublicationReviewers),
			approvals: await tx.select().from(documentApprovals),
			updates: await tx.select().from(collabUpdates),
			requirements: await tx.select().from(requirements),
			memberships: await tx.select({ userId: memberships.userId }).from(memberships),
			users: await tx.select({ id: users.id }).from(users)
		}));
		expect(seen.documents.map((d) => d.id)).toEqual([doc.id]);
		expect(seen.versions.map((v) => v.id)).toEqual([version.id]);
		expect(seen.publications.map((p) => p.id)).toEqual([mine.id]);
		expect(seen.reviewers.map((x) => x.userId)).toEqual([r.id]);
		expect(seen.approvals).toEqual([]);
		expect(seen.updates).toEqual([]);
		expect(seen.requirements).toEqual([]);
		expect(seen.memberships.map((m) => m.userId)).toEqual([r.id]);
		expect(seen.users.map((u) => u.id).sort()).toEqual([r.id, w.people.admin.id].sort());
		// Nor does it name itself into another round, or publish one.
		await expect(
			withUser(r, (tx) => tx.insert(documentPublicationReviewers).values({ publicationId: theirs.id, consortiumId: c, userId: r.id }))
		).rejects.toThrow();

		// The other reviewer sees only its own round, and not the first reviewer's comment.
		await addFeedback(r, c, doc.id, FeedbackInput.parse({ body: 'Rut tycker', publicationId: mine.id }));
		const union = await documentPage(w.people.union, c, doc.id);
		if (union.view !== 'round') throw new Error('round view expected');
		expect(union.round.id).toBe(theirs.id);
		expect(union.feedback).toEqual([]);
		expect(union.otherRounds).toEqual([]);
		const unionSees = await withUser(w.people.union, (tx) => tx.select().from(documentFeedback));
		expect(unionSees).toEqual([]);
	});
});
