import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import * as dbEnums from './server/db/schema/enums';
import { rowsOf } from './server/db/rows';
import { useFreshDatabase } from './server/testing/database';
import * as lists from './enums';
import { kindLabel, tierLabel, decisionRuleLabel, weightingLabel, publishingLabel, mandateKindLabel } from './consortium-labels';
import { roleLabel } from './labels';
import * as requirementLabels from './requirement-labels';
import * as decisionLabels from './decision-labels';
import * as meetingLabels from './meeting-labels';
import * as priorityLabels from './priority-labels';
import * as questionLabels from './question-labels';
import * as webhookLabels from './webhook-labels';
import * as backlogLabels from './backlog-labels';
import * as portfolioLabels from './portfolio-labels';
import * as roadmapLabels from './roadmap-labels';
import * as lifecycleLabels from './lifecycle-labels';
import { documentKindLabel } from './documents/kind-labels';
import { documentStatusLabel } from './documents/labels';
import { riskStatusLabel } from './risk-labels';
import { impactKindLabel } from './impact-labels';

const { handle } = useFreshDatabase();

// Every database enum, with the shared list it is built from and the words the pages show for its values.
const vocabularies: [string, readonly string[], ((value: never) => string) | null][] = [
	['organisation_kind', lists.organisationKinds, kindLabel],
	['membership_role', lists.roles, roleLabel],
	['mandate_kind', lists.mandateKinds, mandateKindLabel],
	['decision_rule', lists.decisionRules, decisionRuleLabel],
	['vote_weighting', lists.voteWeightings, weightingLabel],
	['publishing_right', lists.publishingRights, publishingLabel],
	['member_tier', lists.memberTiers, tierLabel],
	['need_source', lists.needSources, requirementLabels.needSourceLabel],
	['story_kind', lists.storyKinds, requirementLabels.storyKindLabel],
	['requirement_obligation', lists.obligations, requirementLabels.obligationLabel],
	['requirement_type', lists.requirementTypes, requirementLabels.typeLabel],
	['requirement_subtype', lists.requirementSubtypes, requirementLabels.subtypeLabel],
	['verification_method', lists.verificationMethods, requirementLabels.verificationLabel],
	['requirement_scope', lists.scopes, requirementLabels.scopeLabel],
	['requirement_status', lists.statuses, requirementLabels.statusLabel],
	['approval_verdict', lists.verdicts, requirementLabels.verdictLabel],
	['content_kind', lists.contentKinds, null],
	['import_kind', lists.importKinds, null],
	['decision_level', lists.decisionLevels, decisionLabels.levelLabel],
	['decision_item_status', lists.decisionItemStatuses, decisionLabels.itemStatusLabel],
	['decision_stance', lists.stances, decisionLabels.stanceLabel],
	['decision_result', lists.decisionResults, decisionLabels.resultLabel],
	['decision_link_kind', lists.decisionLinkKinds, decisionLabels.linkKindLabel],
	['attendance_status', lists.attendanceStatuses, meetingLabels.attendanceLabel],
	['priority_method', lists.priorityMethods, priorityLabels.methodLabel],
	['priority_weighting', lists.priorityWeightings, priorityLabels.priorityWeightingLabel],
	['priority_round_status', lists.priorityRoundStatuses, priorityLabels.roundStatusLabel],
	['priority_submission_status', lists.prioritySubmissionStatuses, priorityLabels.submissionStatusLabel],
	['priority_item_kind', lists.priorityItemKinds, priorityLabels.itemKindLabel],
	['moscow_priority', lists.moscowPriorities, priorityLabels.moscowLabel],
	['question_status', lists.questionStatuses, questionLabels.questionStatusLabel],
	['webhook_delivery_status', lists.webhookDeliveryStatuses, webhookLabels.deliveryStatusLabel],
	['backlog_status', lists.backlogStatuses, backlogLabels.backlogStatusLabel],
	['capacity_unit', lists.capacityUnits, backlogLabels.capacityUnitLabel],
	['change_request_kind', lists.changeRequestKinds, backlogLabels.changeKindLabel],
	['change_request_status', lists.changeRequestStatuses, backlogLabels.changeStatusLabel],
	['delivery_status', lists.deliveryStatuses, backlogLabels.deliveryStatusLabel],
	['acceptance_verdict', lists.acceptanceVerdicts, backlogLabels.verdictLabel],
	['technology_status', lists.technologyStatuses, portfolioLabels.technologyStatusLabel],
	['portfolio_intent', lists.portfolioIntents, portfolioLabels.portfolioIntentLabel],
	['phase_model', lists.phaseModels, roadmapLabels.phaseModelLabel],
	['initiative_status', lists.initiativeStatuses, roadmapLabels.initiativeStatusLabel],
	['initiative_link_kind', lists.initiativeLinkKinds, roadmapLabels.initiativeLinkKindLabel],
	['attachment_target', lists.attachmentTargets, null],
	['lifecycle_activity_status', lists.lifecycleActivityStatuses, lifecycleLabels.lifecycleStatusLabel],
	['document_kind', lists.documentKinds, documentKindLabel],
	['document_version_status', lists.documentVersionStatuses, documentStatusLabel],
	['publication_audience', lists.publicationAudiences, null],
	['risk_status', lists.riskStatuses, riskStatusLabel],
	['gate_outcome', lists.gateOutcomes, roadmapLabels.gateOutcomeLabel],
	['impact_target_kind', lists.impactTargetKinds, impactKindLabel]
];

describe('one source for each enumeration', () => {
	it('builds every database enum of the schema from the shared lists', () => {
		const pgEnums = Object.values(dbEnums).map((e) => [e.enumName, e.enumValues] as const);
		expect(Object.fromEntries(pgEnums)).toEqual(Object.fromEntries(vocabularies.map(([name, values]) => [name, [...values]])));
	});

	it('matches the enums the migrations created, value for value and in order', async () => {
		const rows = rowsOf<{ name: string; labels: string[] }>(
			await handle().db.execute(sql`select t.typname as name, array_agg(e.enumlabel order by e.enumsortorder) as labels
				from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
				where n.nspname = 'public' group by t.typname`)
		);
		expect(Object.fromEntries(rows.map((r) => [r.name, r.labels]))).toEqual(Object.fromEntries(vocabularies.map(([name, values]) => [name, [...values]])));
	});

	it('has words for every value, and the select lists follow the enums', () => {
		for (const [name, values, label] of vocabularies) {
			if (!label) continue;
			for (const value of values) expect(label(value as never), `${name}.${value}`).not.toBe(value);
		}
		expect(requirementLabels.statusKeys).toEqual(lists.statuses);
		expect(requirementLabels.typeKeys).toEqual(lists.requirementTypes);
		expect(requirementLabels.needSourceKeys).toEqual(lists.needSources);
	});
});
