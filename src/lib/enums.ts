/*
 * The values of every enumeration the database knows, in one place. The database enums
 * (`server/db/schema/enums.ts`), the zod schemas and the label maps are all built from these lists,
 * so a value is added or renamed here once. Plain data, no imports: browser code may use it.
 * The order is the database enum's order (what a migration created), not a display order.
 */

export const organisationKinds = ['municipality', 'region', 'convenor', 'supplier', 'adviser'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Roles a person can hold in a consortium. */
export const roles = ['admin', 'representative', 'deputy', 'member', 'observer', 'supplier', 'reviewer'] as const;
export type Role = (typeof roles)[number];

export const mandateKinds = ['representative', 'deputy'] as const;
export type MandateKind = (typeof mandateKinds)[number];

export const decisionRules = ['consensus', 'majority', 'qualified_majority'] as const;
export type DecisionRule = (typeof decisionRules)[number];

export const voteWeightings = ['per_organisation', 'by_population'] as const;
export type Weighting = (typeof voteWeightings)[number];

export const publishingRights = ['admins', 'admins_and_representatives', 'representatives'] as const;
export type PublishingRight = (typeof publishingRights)[number];

export const memberTiers = ['active', 'passive', 'sponsor'] as const;
export type MemberTier = (typeof memberTiers)[number];

export const needSources = ['workshop', 'interview', 'survey', 'incident', 'other'] as const;
export type NeedSource = (typeof needSources)[number];

export const storyKinds = ['end_user', 'municipality'] as const;
export type StoryKind = (typeof storyKinds)[number];

export const obligations = ['mandatory', 'criterion'] as const;
export type Obligation = (typeof obligations)[number];

export const requirementTypes = ['functional', 'detailed', 'data', 'non_functional', 'general'] as const;
export type RequirementType = (typeof requirementTypes)[number];

export const requirementSubtypes = ['security', 'accessibility', 'interoperability', 'support', 'training', 'other'] as const;
export type RequirementSubtype = (typeof requirementSubtypes)[number];

export const verificationMethods = ['test', 'demonstration', 'inspection', 'document'] as const;
export type VerificationMethod = (typeof verificationMethods)[number];

export const scopes = ['common', 'local'] as const;
export type Scope = (typeof scopes)[number];

export const statuses = ['draft', 'in_review', 'approved', 'replaced', 'withdrawn'] as const;
export type RequirementStatus = (typeof statuses)[number];

export const verdicts = ['approve', 'object'] as const;
export type Verdict = (typeof verdicts)[number];

/** What a comment or a notification is about. */
export const contentKinds = ['need', 'story', 'requirement', 'decision_item', 'priority_round', 'document'] as const;
export type ContentKind = (typeof contentKinds)[number];

/** What an uploaded file holds. */
export const importKinds = ['needs', 'requirements', 'portfolio'] as const;
export type ImportKind = (typeof importKinds)[number];

/** Who decides a matter (the ground rules say which matters go where). */
export const decisionLevels = ['project_group', 'steering_group'] as const;
export type DecisionLevel = (typeof decisionLevels)[number];

/** Whether a member organisation attended a meeting (närvarande, frånvarande, anmält förhinder). */
export const attendanceStatuses = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** A decision item's lifecycle: draft → open → closed → recorded, or withdrawn. */
export const decisionItemStatuses = ['draft', 'open', 'closed', 'recorded', 'withdrawn'] as const;
export type DecisionItemStatus = (typeof decisionItemStatuses)[number];

/** An organisation's position: bifall, avslag, avstår, or one of several options. */
export const stances = ['for', 'against', 'abstain', 'option'] as const;
export type Stance = (typeof stances)[number];

/** What the ground rules made of the positions when the item closed. */
export const decisionResults = ['adopted', 'rejected', 'no_decision'] as const;
export type DecisionResultKind = (typeof decisionResults)[number];

/** What a decision item may concern; later areas add their kinds here (and a migration). */
export const decisionLinkKinds = ['need', 'story', 'requirement', 'baseline'] as const;
export type DecisionLinkKind = (typeof decisionLinkKinds)[number];

/** How a priority round combines the organisations' submissions: Borda count on ranks, sum of 100 points, or MoSCoW score. */
export const priorityMethods = ['borda', 'points', 'moscow'] as const;
export type PriorityMethod = (typeof priorityMethods)[number];

/** Which weighting a round's combined ranking shows first: one organisation one voice, or by population. */
export const priorityWeightings = ['equal', 'population'] as const;
export type PriorityWeighting = (typeof priorityWeightings)[number];

/** A priority round's lifecycle: draft → open → closed. */
export const priorityRoundStatuses = ['draft', 'open', 'closed'] as const;
export type PriorityRoundStatus = (typeof priorityRoundStatuses)[number];

/** An organisation's submission: saved as a draft, then submitted (and changeable until the round closes). */
export const prioritySubmissionStatuses = ['draft', 'submitted'] as const;
export type PrioritySubmissionStatus = (typeof prioritySubmissionStatuses)[number];

/** What a round ranks: user stories and approved requirements. */
export const priorityItemKinds = ['story', 'requirement'] as const;
export type PriorityItemKind = (typeof priorityItemKinds)[number];

/** MoSCoW: Måste, Bör, Kan, Inte nu. */
export const moscowPriorities = ['must', 'should', 'could', 'wont'] as const;
export type MoscowPriority = (typeof moscowPriorities)[number];

/** A question from the supplier: open until the consortium's answer is approved and sent. Overdue is an open one past its due date. */
export const questionStatuses = ['open', 'answered'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

/** How a question stands, for the lists and their filters: open, answered, or open past its due date. */
export const questionStates = ['open', 'answered', 'overdue'] as const;
export type QuestionState = (typeof questionStates)[number];

/** A backlog (the MVP plan) while its line is drawn, and once its scope is locked ("MVP 1.0"). */
export const backlogStatuses = ['planning', 'locked'] as const;
export type BacklogStatus = (typeof backlogStatuses)[number];

/** What a backlog's capacity and the supplier's estimates are counted in. */
export const capacityUnits = ['story_points', 'sek'] as const;
export type CapacityUnit = (typeof capacityUnits)[number];

/** What a change request (ändringsbegäran) to a locked MVP scope asks. */
export const changeRequestKinds = ['add', 'remove', 'move', 'criteria'] as const;
export type ChangeRequestKind = (typeof changeRequestKinds)[number];

export const changeRequestStatuses = ['proposed', 'approved', 'rejected', 'withdrawn'] as const;
export type ChangeRequestStatus = (typeof changeRequestStatuses)[number];

/** Delivery status of a backlog item as the supplier reports it. */
export const deliveryStatuses = ['not_started', 'in_progress', 'delivered'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** The consortium's verdict on a delivered item. */
export const acceptanceVerdicts = ['accepted', 'returned'] as const;
export type AcceptanceVerdict = (typeof acceptanceVerdicts)[number];

/** The events a consortium's webhooks can subscribe to (a `ping` is sent only when an admin asks for one). */
export const webhookEventTypes = ['release.published', 'decision.communicated', 'question.answered'] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** A webhook delivery: waiting for its (next) attempt, delivered, or failed after the last attempt. */
export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** Where a municipality stands with a welfare technology in the portfolio (Tabell 4's "infört" / "planerat" and more). */
export const technologyStatuses = ['in_use', 'pilot', 'in_procurement', 'planned', 'investigating', 'not_relevant', 'discontinued'] as const;
export type TechnologyStatus = (typeof technologyStatuses)[number];

/** Whether a municipality wants to go on with a technology together with others ("vill göra tillsammans"), alone, or does not know yet. */
export const portfolioIntents = ['together', 'alone', 'unknown'] as const;
export type PortfolioIntent = (typeof portfolioIntents)[number];

/** The phase model an initiative follows: KASAM's seven phases (seed 000), the six of the procurement lifecycle (seed 001), or its own list. */
export const phaseModels = ['kasam', 'procurement', 'custom'] as const;
export type PhaseModel = (typeof phaseModels)[number];

/** How an initiative is going: derived from its dates and gates, or set by hand with a reason. */
export const initiativeStatuses = ['on_track', 'at_risk', 'delayed'] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];

/** What an initiative links to besides its gates; later areas (documents, risks) add their kinds here and a migration. */
export const initiativeLinkKinds = ['need', 'requirement', 'baseline', 'decision'] as const;
export type InitiativeLinkKind = (typeof initiativeLinkKinds)[number];

/** Where an activity of the procurement lifecycle stands; one marked not applicable counts in no progress figure. */
export const lifecycleActivityStatuses = ['not_started', 'in_progress', 'done', 'not_applicable'] as const;
export type LifecycleActivityStatus = (typeof lifecycleActivityStatuses)[number];

/** What an attachment (bilaga) belongs to. */
export const attachmentTargets = ['decision_item', 'meeting', 'requirement', 'initiative', 'document'] as const;
export type AttachmentTarget = (typeof attachmentTargets)[number];

/** The kinds of procurement document the consortium co-writes, each begun from a template (seed 001's documents). */
export const documentKinds = [
	'project_directive',
	'requirement_specification',
	'evaluation_model',
	'contract_terms',
	'compensation_model',
	'communication_plan',
	'meeting_notes',
	'other'
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/**
 * Where a named version of a procurement document stands: saved (a named state), sent for approval,
 * approved under the ground rules (frozen, publishable), or rejected (the rules can no longer be met).
 */
export const documentVersionStatuses = ['saved', 'in_approval', 'approved', 'rejected'] as const;
export type DocumentVersionStatus = (typeof documentVersionStatuses)[number];

/** Whom an approved document version is published to: the supplier, or a named group of external reviewers (a remiss). */
export const publicationAudiences = ['supplier', 'reviewers'] as const;
export type PublicationAudience = (typeof publicationAudiences)[number];

/**
 * Where a risk stands: open (identified, not yet handled), being mitigated (actions under way),
 * accepted (the owner decided to live with it), occurred (it happened and is an issue now), closed.
 */
export const riskStatuses = ['open', 'mitigating', 'accepted', 'occurred', 'closed'] as const;
export type RiskStatus = (typeof riskStatuses)[number];

/**
 * What the steering group decides at a gate (godkännande av delleverans, seed 004): continue to the
 * next phase, send the deliverable back for rework, stop the initiative, or close it.
 */
export const gateOutcomes = ['continue', 'back', 'stop', 'close'] as const;
export type GateOutcome = (typeof gateOutcomes)[number];

/**
 * What a change to a baselined requirement may affect (påverkansanalys): the things that carry it,
 * ask about it, decide on it, cite it, rank it, trace to it or aim at it.
 */
export const impactTargetKinds = [
	'backlog_item',
	'release',
	'question',
	'decision_item',
	'document',
	'priority_round',
	'story',
	'need',
	'effect_goal'
] as const;
export type ImpactTargetKind = (typeof impactTargetKinds)[number];
