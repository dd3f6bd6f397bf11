import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { withUser } from '../db/request';
import {
	decisionAcknowledgements,
	decisionItems,
	decisionPositions,
	decisions,
	documentApprovals,
	documentFeedback,
	documentPublicationReviewers,
	documentPublications,
	documents,
	documentVersions,
	priorityRounds,
	prioritySubmissions,
	requirementApprovals,
	requirements
} from '../db/schema';
import { actorOf, type Who } from '../consortia/actor';
import { can } from '../policy';
import { todayInSweden } from '../documents/state';
import { meetingsAttention } from '../meetings/queries';
import { questionsAttentionIn } from '../questions/queries';
import { backlogAttentionIn } from '../backlog/queries';
import { portfolioAttentionIn } from '../portfolio/queries';
import { roadmapAttentionIn } from '../roadmap/queries';
import { lifecycleAttentionIn } from '../lifecycle/queries';
import { risksAttentionIn } from '../risks/queries';
import { goalsAttentionIn } from '../goals/queries';
import { statusReportsAttentionIn } from '../status-reports/queries';
import { impactAttentionIn } from '../impact/queries';
import { qualityAttentionIn } from '../quality/queries';

/**
 * What needs the person now, for the consortium's front page: the open items, the requirements in
 * review, the document versions in approval and the open priority rounds that await their
 * organisation's word (when they speak for it), the coming deadlines, the supplier's overdue
 * questions for whoever may answer them, and for the supplier the communicated decisions it has not
 * acknowledged and the answers it got lately.
 * Later areas add theirs.
 */
export async function attentionFor(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const actor = await actorOf(tx, person, consortiumId);
		const membership = actor.membership;
		if (!membership) return null;
		if (!can(actor, 'published.read', { consortiumId })) {
			// An external reviewer: the open rounds they are named in (row-level security shows no other), with the last day.
			const rounds = await tx
				.select({
					id: documentPublications.id,
					documentId: documents.id,
					title: documentVersions.title,
					number: documentVersions.number,
					name: documentVersions.name,
					replyBy: documentPublications.replyBy,
					allowComments: documentPublications.allowComments,
					commented: sql<boolean>`exists (select 1 from ${documentFeedback} f where f.publication_id = ${documentPublications.id} and f.author_id = ${person.id})`
				})
				.from(documentPublications)
				.innerJoin(documentPublicationReviewers, eq(documentPublicationReviewers.publicationId, documentPublications.id))
				.innerJoin(documents, eq(documents.id, documentPublications.documentId))
				.innerJoin(documentVersions, eq(documentVersions.id, documentPublications.versionId))
				.where(
					and(
						eq(documentPublications.consortiumId, consortiumId),
						eq(documentPublications.audience, 'reviewers'),
						eq(documentPublicationReviewers.userId, person.id),
						gte(documentPublications.replyBy, todayInSweden())
					)
				)
				.orderBy(asc(documentPublications.replyBy), asc(documentVersions.title));
			return { kind: 'reviewer' as const, rounds: rounds.map((r) => ({ ...r, replyBy: r.replyBy! })) };
		}
		if (!can(actor, 'internal.read', { consortiumId })) {
			// Sent together: on one connection the statements go in one round trip.
			const unacknowledgedRead = tx
				.select({ id: decisions.id, number: decisions.number, title: decisions.title })
				.from(decisions)
				.where(
					and(
						eq(decisions.consortiumId, consortiumId),
						sql`not exists (select 1 from ${decisionAcknowledgements} a where a.decision_id = ${decisions.id} and a.organisation_id = ${membership.organisationId})`
					)
				)
				.orderBy(asc(decisions.recordedAt));
			// Documents published to it for comments that it has not commented on yet (row-level security shows only what was published).
			const documentsForCommentRead = tx
				.select({ id: documents.id, title: documentVersions.title, number: documentVersions.number, name: documentVersions.name })
				.from(documentPublications)
				.innerJoin(documents, eq(documents.id, documentPublications.documentId))
				.innerJoin(documentVersions, eq(documentVersions.id, documentPublications.versionId))
				.where(
					and(
						eq(documentPublications.consortiumId, consortiumId),
						eq(documentPublications.allowComments, true),
						eq(documentPublications.audience, 'supplier'),
						sql`${documentPublications.publishedAt} = (select max(p.published_at) from ${documentPublications} p where p.document_id = ${documentPublications.documentId} and p.audience = 'supplier')`,
						sql`not exists (select 1 from ${documentFeedback} f where f.publication_id = ${documentPublications.id} and f.author_id = ${person.id})`
					)
				)
				.orderBy(asc(documentPublications.publishedAt));
			const [unacknowledged, { answered }, { unacknowledgedReleases }, documentsForComment] = await Promise.all([
				unacknowledgedRead,
				questionsAttentionIn(tx, actor, consortiumId),
				backlogAttentionIn(tx, actor, consortiumId),
				documentsForCommentRead
			]);
			return { kind: 'supplier' as const, unacknowledged, answered, unacknowledgedReleases, documentsForComment };
		}
		const speaks = membership.speaksForOrganisation && (membership.organisationKind === 'municipality' || membership.organisationKind === 'region');
		// Everything is sent at once: on one connection the statements go in one round trip.
		const [
			awaitingPosition,
			awaitingApproval,
			deadlines,
			awaitingPriorities,
			awaitingDocuments,
			// Minutes the person is named to justera and has not, and the meetings ahead.
			{ toAdjust, upcoming: upcomingMeetings },
			{ overdue: overdueQuestions },
			{ awaitingVerdict },
			// The organisation's own portfolio contracts that end within six months.
			{ endingContracts },
			// The initiatives it takes part in that are at risk or delayed.
			{ troubled: troubledInitiatives },
			// The procurement activities the person owns that are past their due date and not done.
			{ overdueActivities },
			// The risks the person owns that are due for review and their overdue actions; for the convenor, escalated risks.
			{ risksToReview, overdueRiskActions, escalatedRisks },
			// For writers: effect goals whose target date passed with no measurement since.
			{ unmeasuredGoals },
			// The person's own unsubmitted status reports; for admins, the submitted ones not yet noted.
			{ draftReports, unreadReports },
			// For writers: things that depend on a baselined requirement that changed since, to review.
			{ openImpactFlags, openImpactFlagCount },
			// For writers: their own requirements still being written that the quality rules found something in.
			{ requirementsToReview }
		] = await Promise.all([
			speaks
				? tx
						.select({ id: decisionItems.id, title: decisionItems.title, deadline: decisionItems.deadline })
						.from(decisionItems)
						.where(
							and(
								eq(decisionItems.consortiumId, consortiumId),
								eq(decisionItems.status, 'open'),
								sql`not exists (select 1 from ${decisionPositions} p where p.item_id = ${decisionItems.id} and p.organisation_id = ${membership.organisationId})`
							)
						)
						.orderBy(asc(decisionItems.deadline))
				: Promise.resolve([]),
			speaks
				? tx
						.select({ id: requirements.id, identifier: requirements.identifier, title: requirements.title })
						.from(requirements)
						.where(
							and(
								eq(requirements.consortiumId, consortiumId),
								eq(requirements.status, 'in_review'),
								eq(requirements.isLatest, true),
								sql`not exists (select 1 from ${requirementApprovals} a where a.requirement_id = ${requirements.id} and a.organisation_id = ${membership.organisationId})`
							)
						)
						.orderBy(asc(requirements.number))
						.limit(20)
				: Promise.resolve([]),
			tx
				.select({ id: decisionItems.id, title: decisionItems.title, deadline: decisionItems.deadline })
				.from(decisionItems)
				.where(and(eq(decisionItems.consortiumId, consortiumId), eq(decisionItems.status, 'open')))
				.orderBy(asc(decisionItems.deadline))
				.limit(10),
			// Open priority rounds the organisation has not submitted to (a saved draft still awaits submitting).
			speaks
				? tx
						.select({ id: priorityRounds.id, title: priorityRounds.title, deadline: priorityRounds.deadline })
						.from(priorityRounds)
						.where(
							and(
								eq(priorityRounds.consortiumId, consortiumId),
								eq(priorityRounds.status, 'open'),
								sql`not exists (select 1 from ${prioritySubmissions} s where s.round_id = ${priorityRounds}.id and s.organisation_id = ${membership.organisationId} and s.status = 'submitted')`
							)
						)
						.orderBy(asc(priorityRounds.deadline))
				: Promise.resolve([]),
			// Document versions in approval the organisation has given no verdict on.
			speaks
				? tx
						.select({
							id: documents.id,
							title: documents.title,
							versionId: documentVersions.id,
							versionNumber: documentVersions.number,
							versionName: documentVersions.name
						})
						.from(documentVersions)
						.innerJoin(documents, eq(documents.id, documentVersions.documentId))
						.where(
							and(
								eq(documentVersions.consortiumId, consortiumId),
								eq(documentVersions.status, 'in_approval'),
								sql`not exists (select 1 from ${documentApprovals} a where a.version_id = ${documentVersions.id} and a.organisation_id = ${membership.organisationId})`
							)
						)
						.orderBy(asc(documentVersions.submittedAt), asc(documents.title))
						.limit(20)
				: Promise.resolve([]),
			meetingsAttention(person, consortiumId),
			questionsAttentionIn(tx, actor, consortiumId),
			backlogAttentionIn(tx, actor, consortiumId),
			portfolioAttentionIn(tx, actor, consortiumId),
			roadmapAttentionIn(tx, actor, consortiumId),
			lifecycleAttentionIn(tx, actor, consortiumId),
			risksAttentionIn(tx, actor, consortiumId),
			goalsAttentionIn(tx, actor, consortiumId),
			statusReportsAttentionIn(tx, actor, consortiumId),
			impactAttentionIn(tx, actor, consortiumId),
			qualityAttentionIn(tx, actor, consortiumId)
		]);
		return {
			kind: 'internal' as const,
			speaks,
			awaitingPosition,
			awaitingApproval,
			awaitingPriorities,
			awaitingDocuments,
			deadlines,
			toAdjust,
			upcomingMeetings,
			overdueQuestions,
			awaitingVerdict,
			endingContracts,
			troubledInitiatives,
			overdueActivities,
			risksToReview,
			overdueRiskActions,
			escalatedRisks,
			unmeasuredGoals,
			draftReports,
			unreadReports,
			requirementsToReview,
			openImpactFlags,
			openImpactFlagCount
		};
	});
}
