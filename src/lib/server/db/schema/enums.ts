import { pgEnum } from 'drizzle-orm/pg-core';

export const organisationKind = pgEnum('organisation_kind', ['municipality', 'region', 'convenor', 'supplier', 'adviser']);

export const membershipRole = pgEnum('membership_role', ['admin', 'representative', 'deputy', 'member', 'observer', 'supplier']);

export const mandateKind = pgEnum('mandate_kind', ['representative', 'deputy']);

export const decisionRule = pgEnum('decision_rule', ['consensus', 'majority', 'qualified_majority']);

export const voteWeighting = pgEnum('vote_weighting', ['per_organisation', 'by_population']);

export const publishingRight = pgEnum('publishing_right', ['admins', 'admins_and_representatives', 'representatives']);

export const memberTier = pgEnum('member_tier', ['active', 'passive', 'sponsor']);

export const needSource = pgEnum('need_source', ['workshop', 'interview', 'survey', 'incident', 'other']);

export const storyKind = pgEnum('story_kind', ['end_user', 'municipality']);

export const requirementObligation = pgEnum('requirement_obligation', ['mandatory', 'criterion']);

export const requirementType = pgEnum('requirement_type', ['functional', 'detailed', 'data', 'non_functional', 'general']);

export const requirementSubtype = pgEnum('requirement_subtype', ['security', 'accessibility', 'interoperability', 'support', 'training', 'other']);

export const verificationMethod = pgEnum('verification_method', ['test', 'demonstration', 'inspection', 'document']);

export const requirementScope = pgEnum('requirement_scope', ['common', 'local']);

export const requirementStatus = pgEnum('requirement_status', ['draft', 'in_review', 'approved', 'replaced', 'withdrawn']);

export const approvalVerdict = pgEnum('approval_verdict', ['approve', 'object']);

/** What a comment or a notification is about. */
export const contentKind = pgEnum('content_kind', ['need', 'story', 'requirement']);
