import { pgEnum } from 'drizzle-orm/pg-core';
import {
	attendanceStatuses,
	contentKinds,
	decisionItemStatuses,
	decisionLevels,
	decisionLinkKinds,
	decisionResults,
	stances,
	priorityMethods,
	priorityWeightings,
	priorityRoundStatuses,
	prioritySubmissionStatuses,
	priorityItemKinds,
	moscowPriorities,
	questionStatuses,
	decisionRules,
	importKinds,
	mandateKinds,
	memberTiers,
	needSources,
	obligations,
	organisationKinds,
	publishingRights,
	requirementSubtypes,
	requirementTypes,
	roles,
	scopes,
	statuses,
	storyKinds,
	verdicts,
	verificationMethods,
	voteWeightings,
	webhookDeliveryStatuses,
	acceptanceVerdicts,
	backlogStatuses,
	capacityUnits,
	changeRequestKinds,
	changeRequestStatuses,
	deliveryStatuses,
	portfolioIntents,
	technologyStatuses,
	phaseModels,
	initiativeStatuses,
	initiativeLinkKinds,
	attachmentTargets,
	lifecycleActivityStatuses,
	documentKinds,
	documentVersionStatuses,
	publicationAudiences,
	riskStatuses,
	impactTargetKinds,
	gateOutcomes
} from '../../../enums';

// The values live in src/lib/enums.ts, which browser code may import too; changing one there needs a migration.

export const organisationKind = pgEnum('organisation_kind', organisationKinds);

export const membershipRole = pgEnum('membership_role', roles);

export const mandateKind = pgEnum('mandate_kind', mandateKinds);

export const decisionRule = pgEnum('decision_rule', decisionRules);

export const voteWeighting = pgEnum('vote_weighting', voteWeightings);

export const publishingRight = pgEnum('publishing_right', publishingRights);

export const memberTier = pgEnum('member_tier', memberTiers);

export const needSource = pgEnum('need_source', needSources);

export const storyKind = pgEnum('story_kind', storyKinds);

export const requirementObligation = pgEnum('requirement_obligation', obligations);

export const requirementType = pgEnum('requirement_type', requirementTypes);

export const requirementSubtype = pgEnum('requirement_subtype', requirementSubtypes);

export const verificationMethod = pgEnum('verification_method', verificationMethods);

export const requirementScope = pgEnum('requirement_scope', scopes);

export const requirementStatus = pgEnum('requirement_status', statuses);

export const approvalVerdict = pgEnum('approval_verdict', verdicts);

/** What a comment or a notification is about. */
export const contentKind = pgEnum('content_kind', contentKinds);

/** What an uploaded file holds. */
export const importKind = pgEnum('import_kind', importKinds);

export const decisionLevel = pgEnum('decision_level', decisionLevels);

export const decisionItemStatus = pgEnum('decision_item_status', decisionItemStatuses);

export const decisionStance = pgEnum('decision_stance', stances);

export const decisionResult = pgEnum('decision_result', decisionResults);

export const decisionLinkKind = pgEnum('decision_link_kind', decisionLinkKinds);

export const attendanceStatus = pgEnum('attendance_status', attendanceStatuses);

export const priorityMethod = pgEnum('priority_method', priorityMethods);

export const priorityWeighting = pgEnum('priority_weighting', priorityWeightings);

export const priorityRoundStatus = pgEnum('priority_round_status', priorityRoundStatuses);

export const prioritySubmissionStatus = pgEnum('priority_submission_status', prioritySubmissionStatuses);

export const priorityItemKind = pgEnum('priority_item_kind', priorityItemKinds);

export const moscowPriority = pgEnum('moscow_priority', moscowPriorities);

export const questionStatus = pgEnum('question_status', questionStatuses);

/** A webhook delivery: waiting for its (next) attempt, delivered, or failed after the last attempt. */
export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', webhookDeliveryStatuses);

export const backlogStatus = pgEnum('backlog_status', backlogStatuses);

export const capacityUnit = pgEnum('capacity_unit', capacityUnits);

export const changeRequestKind = pgEnum('change_request_kind', changeRequestKinds);

export const changeRequestStatus = pgEnum('change_request_status', changeRequestStatuses);

export const deliveryStatus = pgEnum('delivery_status', deliveryStatuses);

export const acceptanceVerdict = pgEnum('acceptance_verdict', acceptanceVerdicts);

export const technologyStatus = pgEnum('technology_status', technologyStatuses);

export const portfolioIntent = pgEnum('portfolio_intent', portfolioIntents);

export const phaseModel = pgEnum('phase_model', phaseModels);

export const initiativeStatus = pgEnum('initiative_status', initiativeStatuses);

export const initiativeLinkKind = pgEnum('initiative_link_kind', initiativeLinkKinds);

export const lifecycleActivityStatus = pgEnum('lifecycle_activity_status', lifecycleActivityStatuses);

export const attachmentTarget = pgEnum('attachment_target', attachmentTargets);

export const documentKind = pgEnum('document_kind', documentKinds);

export const documentVersionStatus = pgEnum('document_version_status', documentVersionStatuses);

export const publicationAudience = pgEnum('publication_audience', publicationAudiences);

export const riskStatus = pgEnum('risk_status', riskStatuses);

export const gateOutcome = pgEnum('gate_outcome', gateOutcomes);

export const impactTargetKind = pgEnum('impact_target_kind', impactTargetKinds);
