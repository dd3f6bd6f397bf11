import { and, eq, gte, isNotNull, isNull, lt, max, sql } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { advisoryLock } from '../db/locks';
import { withUser } from '../db/request';
import { decisionItems, riskActions, riskAssessments, risks, riskSettings } from '../db/schema';
import { m } from '$lib/paraglide/messages';
import { contentLocale } from '../roadmap/state';
import { CommandError, NotFound, StaleWrite } from '../errors';
import { readerFor, type Who } from '../consortia/actor';
import { authorize } from '../policy';
import { escalationAfter, riskScore } from '../../risks/bands';
import type { ActionDoneInput, ActionInput, ActionRef, AssessmentInput, BandsInput, RiskInput, RiskUpdate } from './schemas';
import { bandLimits, checkInitiative } from './state';
import { checkInternalMember } from '../consortia/members';

export type RiskRow = typeof risks.$inferSelect;

async function audit(tx: Transaction, actorId: string | null, risk: Pick<RiskRow, 'id' | 'consortiumId'>, action: string, before: unknown, after: unknown) {
	await recordChange(tx, { actorId, consortiumId: risk.consortiumId, action, entityType: 'risk', entityId: risk.id, before, after });
}

/** The consortium's writer, refused as the policy says: the supplier gets a 404, an observer a 403. */
async function writer(tx: Transaction, who: Who, consortiumId: string) {
	const actor = await readerFor(tx, who, consortiumId);
	authorize(actor, 'content.write', { consortiumId });
	return actor;
}

/** A risk of the consortium, queued behind any other change to it, unless someone saved it since `version`. */
async function lockedRisk(tx: Transaction, consortiumId: string, id: string, version?: number): Promise<RiskRow> {
	await advisoryLock(tx, `risk:${id}`);
	const [row] = await tx
		.select()
		.from(risks)
		.where(and(eq(risks.id, id), eq(risks.consortiumId, consortiumId)));
	if (!row) throw new NotFound();
	if (version !== undefined && row.version !== version)
		throw new StaleWrite({ title: row.title, version: row.version, probability: row.probability, impact: row.impact, status: row.status });
	return row;
}

/** Raises a risk with its first assessment; one that starts in the high band is escalated at once. */
export async function raiseRisk(person: Who, consortiumId: string, input: RiskInput): Promise<RiskRow> {
	return withUser(person, async (tx) => {
		await writer(tx, person, consortiumId);
		return raiseRiskIn(tx, person.id, consortiumId, input);
	});
}

/** Raises a risk in the caller's transaction (the command above, and the demo seed). */
export async function raiseRiskIn(tx: Transaction, actorId: string | null, consortiumId: string, input: RiskInput, at?: Date): Promise<RiskRow> {
	await checkInternalMember(tx, consortiumId, input.ownerId);
	await checkInitiative(tx, consortiumId, input.initiativeId);
	await advisoryLock(tx, `risks:${consortiumId}`);
	const [last] = await tx
		.select({ n: max(risks.number) })
		.from(risks)
		.where(eq(risks.consortiumId, consortiumId));
	const limits = await bandLimits(tx, consortiumId);
	const now = at ?? new Date();
	const escalated = escalationAfter(null, riskScore(input.probability, input.impact), limits) === 'escalate';
	const [row] = await tx
		.insert(risks)
		.values({
			consortiumId,
			number: (last?.n ?? 0) + 1,
			initiativeId: input.initiativeId ?? null,
			title: input.title,
			threat: input.threat,
			vulnerability: input.vulnerability,
			consequence: input.consequence,
			probability: input.probability,
			impact: input.impact,
			ownerId: input.ownerId ?? null,
			nextReview: input.nextReview ?? null,
			escalatedAt: escalated ? now : null,
			createdBy: actorId,
			createdAt: now,
			updatedAt: now
		})
		.returning();
	await tx
		.insert(riskAssessments)
		.values({ consortiumId, riskId: row!.id, probability: input.probability, impact: input.impact, assessedBy: actorId, assessedAt: now });
	await audit(tx, actorId, row!, 'risk.raised', null, row);
	return row!;
}

/** Saves a risk's words, owner, status, initiative and review date. */
export async function updateRisk(person: Who, consortiumId: string, id: string, input: RiskUpdate): Promise<RiskRow> {
	return withUser(person, async (tx) => {
		await writer(tx, person, consortiumId);
		const before = await lockedRisk(tx, consortiumId, id, input.version);
		await checkInternalMember(tx, consortiumId, input.ownerId);
		await checkInitiative(tx, consortiumId, input.initiativeId);
		const [after] = await tx
			.update(risks)
			.set({
				title: input.title,
				threat: input.threat,
				vulnerability: input.vulnerability,
				consequence: input.consequence,
				ownerId: input.ownerId ?? null,
				initiativeId: input.initiativeId ?? null,
				nextReview: input.nextReview ?? null,
				status: input.status,
				version: before.version + 1,
				updatedAt: new Date()
			})
			.where(eq(risks.id, id))
			.returning();
		await audit(tx, person.id, after!, 'risk.updated', before, after);
		return after!;
	});
}

/**
 * Assesses a risk again: its S and K change, the assessment joins its history, and a score that
 * enters the high band escalates it to the steering group (one that leaves it de-escalates).
 */
export async function assessRisk(person: Who, consortiumId: string, id: string, input: AssessmentInput): Promise<RiskRow> {
	return withUser(person, async (tx) => {
		await writer(tx, person, consortiumId);
		const before = await lockedRisk(tx, consortiumId, id, input.version);
		return assessRiskIn(tx, person.id, before, input);
	});
}

/** Records an assessment of a locked risk in the caller's transaction (the command above, and the demo seed). */
export async function assessRiskIn(
	tx: Transaction,
	actorId: string | null,
	before: RiskRow,
	input: Omit<AssessmentInput, 'version'>,
	at?: Date
): Promise<RiskRow> {
	const now = at ?? new Date();
	const limits = await bandLimits(tx, before.consortiumId);
	const escalation = escalationAfter(before.score, riskScore(input.probability, input.impact), limits);
	const [after] = await tx
		.update(risks)
		.set({
			probability: input.probability,
			impact: input.impact,
			escalatedAt: escalation === 'escalate' ? now : escalation === 'de-escalate' ? null : before.escalatedAt,
			version: before.version + 1,
			updatedAt: now
		})
		.where(eq(risks.id, before.id))
		.returning();
	await tx.insert(riskAssessments).values({
		consortiumId: before.consortiumId,
		riskId: before.id,
		probability: input.probability,
		impact: input.impact,
		note: input.note,
		assessedBy: actorId,
		assessedAt: now
	});
	await audit(tx, actorId, after!, escalation === 'escalate' ? 'risk.escalated' : 'risk.assessed', before, after);
	return after!;
}

/** Adds an action that lowers the risk. */
export async function addRiskAction(person: Who, consortiumId: string, riskId: string, input: ActionInput) {
	return withUser(person, async (tx) => {
		await writer(tx, person, consortiumId);
		const risk = await lockedRisk(tx, consortiumId, riskId);
		return addRiskActionIn(tx, person.id, risk, input);
	});
}

/** Adds an action in the caller's transaction (the command above, and the demo seed). */
export async function addRiskActionIn(tx: Transaction, actorId: string | null, risk: RiskRow, input: ActionInput) {
	await checkInternalMember(tx, risk.consortiumId, input.ownerId);
	const [row] = await tx
		.insert(riskActions)
		.values({ consortiumId: risk.consortiumId, riskId: risk.id, title: input.title, ownerId: input.ownerId ?? null, due: input.due ?? null })
		.returning();
	await audit(tx, actorId, risk, 'risk.action_added', null, row);
	return row!;
}

async function actionOf(tx: Transaction, risk: RiskRow, actionId: string) {
	const [row] = await tx
		.select()
		.from(riskActions)
		.where(and(eq(riskActions.id, actionId), eq(riskActions.riskId, risk.id)));
	if (!row) throw new NotFound();
	return row;
}

/** Marks an action done, or not done again. */
export async function setRiskActionDone(person: Who, consortiumId: string, riskId: string, input: ActionDoneInput) {
	return withUser(person, async (tx) => {
		await writer(tx, person, consortiumId);
		const risk = await lockedRisk(tx, consortiumId, riskId);
		return setRiskActionDoneIn(tx, person.id, risk, input);
	});
}

/** Marks an action done (or not) in the caller's transaction (the command above, and the demo seed). */
export async function setRiskActionDoneIn(tx: Transaction, actorId: string | null, risk: RiskRow, input: ActionDoneInput) {
	const before = await actionOf(tx, risk, input.actionId);
	const [after] = await tx.update(riskActions).set({ done: input.done }).where(eq(riskActions.id, before.id)).returning();
	await audit(tx, actorId, risk, 'risk.action_done', before, after);
	return after!;
}

/** Removes an action. */
export async function removeRiskAction(person: Who, consortiumId: string, riskId: string, input: ActionRef) {
	return withUser(person, async (tx) => {
		await writer(tx, person, consortiumId);
		const risk = await lockedRisk(tx, consortiumId, riskId);
		const before = await actionOf(tx, risk, input.actionId);
		await tx.delete(riskActions).where(eq(riskActions.id, before.id));
		await audit(tx, person.id, risk, 'risk.action_removed', before, null);
	});
}

/**
 * Redraws the consortium's bands (admins). A risk the new bands put in the high band is escalated
 * now, as if it had been assessed there; one they take out of it is de-escalated.
 */
export async function setRiskBands(person: Who, consortiumId: string, input: BandsInput) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		authorize(actor, 'rules.manage', { consortiumId });
		const before = await bandLimits(tx, consortiumId);
		const [after] = await tx
			.insert(riskSettings)
			.values({ consortiumId, mediumFrom: input.mediumFrom, highFrom: input.highFrom })
			.onConflictDoUpdate({ target: riskSettings.consortiumId, set: { mediumFrom: input.mediumFrom, highFrom: input.highFrom, updatedAt: sql`now()` } })
			.returning();
		await advisoryLock(tx, `risks:${consortiumId}`);
		await tx
			.update(risks)
			.set({ escalatedAt: sql`now()` })
			.where(and(eq(risks.consortiumId, consortiumId), gte(risks.score, input.highFrom), isNull(risks.escalatedAt)));
		await tx
			.update(risks)
			.set({ escalatedAt: null })
			.where(and(eq(risks.consortiumId, consortiumId), lt(risks.score, input.highFrom), isNotNull(risks.escalatedAt)));
		await recordChange(tx, { actorId: person.id, consortiumId, action: 'risk.bands_set', entityType: 'risk', entityId: null, before, after });
		return after!;
	});
}

/**
 * Raises a risk as a draft decision item for the steering group (once): its description, score and
 * actions as the background, in the consortium's content language. On the steering group's agenda the
 * risk's item then carries it, so the group can decide on it.
 */
export async function raiseRiskAsDecision(person: Who, consortiumId: string, riskId: string) {
	return withUser(person, async (tx) => {
		await writer(tx, person, consortiumId);
		const risk = await lockedRisk(tx, consortiumId, riskId);
		if (risk.decisionItemId) throw new CommandError('risk_decision_exists', 'form', 409);
		const locale = await contentLocale(tx, consortiumId);
		const actions = await tx.select({ title: riskActions.title, done: riskActions.done }).from(riskActions).where(eq(riskActions.riskId, risk.id));
		const open = actions.filter((a) => !a.done).map((a) => a.title);
		const o = { locale };
		const [item] = await tx
			.insert(decisionItems)
			.values({
				consortiumId,
				title: m.risks_decision_title({ number: String(risk.number), title: risk.title }, o).slice(0, 200),
				background: m.risks_decision_background(
					{
						number: String(risk.number),
						score: String(risk.score),
						probability: String(risk.probability),
						impact: String(risk.impact),
						threat: risk.threat || '–',
						vulnerability: risk.vulnerability || '–',
						consequence: risk.consequence || '–',
						actions: open.length ? open.join('; ') : m.risks_decision_no_actions({}, o)
					},
					o
				),
				proposal: m.risks_decision_proposal({ number: String(risk.number) }, o),
				level: 'steering_group',
				createdBy: person.id
			})
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'decision_item.created',
			entityType: 'decision_item',
			entityId: item!.id,
			after: item
		});
		const [after] = await tx
			.update(risks)
			.set({ decisionItemId: item!.id, version: risk.version + 1, updatedAt: new Date() })
			.where(eq(risks.id, risk.id))
			.returning();
		await audit(tx, person.id, after!, 'risk.raised_as_decision', { decisionItemId: null }, { decisionItemId: item!.id });
		return item!;
	});
}
