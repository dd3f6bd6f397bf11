import { and, eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { decisionItems, decisionOptions, initiativeGates, initiativePhases, initiatives } from '../db/schema';
import type { GateOutcome } from '../../enums';

type Locale = 'sv' | 'en';

const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * The four alternatives of a gate's decision item (seed 004's Fortsätt, Tillbaka, Stopp, Avsluta),
 * each saying what it does to the initiative. Continuing past the last phase completes it.
 */
export function gateOptions(phase: string, next: string | null, locale: Locale): { label: string; gateOutcome: GateOutcome }[] {
	const o = { locale };
	return [
		{
			label: next ? m.roadmap_gate_option_continue({ phase, next }, o) : m.roadmap_gate_option_continue_last({ phase }, o),
			gateOutcome: 'continue'
		},
		{ label: m.roadmap_gate_option_back({ phase }, o), gateOutcome: 'back' },
		{ label: m.roadmap_gate_option_stop({}, o), gateOutcome: 'stop' },
		{ label: m.roadmap_gate_option_close({}, o), gateOutcome: 'close' }
	];
}

/**
 * Prepares a gate's decision item: a draft for the steering group with the gate's alternatives as its
 * options, audited as created (with `related`, what the gate is of). Initiative and release gates alike.
 */
export async function prepareGateItemIn(
	tx: Transaction,
	actorId: string | null,
	consortiumId: string,
	item: { title: string; background: string; proposal: string; deadline: Date },
	options: readonly { label: string; gateOutcome: GateOutcome }[],
	related: string[]
): Promise<typeof decisionItems.$inferSelect> {
	const [row] = await tx
		.insert(decisionItems)
		.values({ consortiumId, ...item, title: item.title.slice(0, 200), level: 'steering_group', createdBy: actorId })
		.returning();
	await tx
		.insert(decisionOptions)
		.values(options.map((o, i) => ({ consortiumId, itemId: row!.id, position: i + 1, label: o.label, gateOutcome: o.gateOutcome })));
	await recordChange(tx, { actorId, consortiumId, action: 'decision_item.created', entityType: 'decision_item', entityId: row!.id, after: row, related });
	return row!;
}

/**
 * What a gate item's recorded decision decides: the adopted option's outcome (adopted without gate
 * options continues), or null when the item was not adopted.
 */
export async function adoptedGateOutcome(tx: Transaction, itemId: string): Promise<GateOutcome | null> {
	const [item] = await tx
		.select({ result: decisionItems.result, optionId: decisionItems.resultOptionId })
		.from(decisionItems)
		.where(eq(decisionItems.id, itemId));
	if (item?.result !== 'adopted') return null;
	const [option] = item.optionId
		? await tx.select({ outcome: decisionOptions.gateOutcome }).from(decisionOptions).where(eq(decisionOptions.id, item.optionId))
		: [];
	return option?.outcome ?? 'continue';
}

/**
 * Settles a gate as its decision item is recorded (in the recording's transaction): the outcome is
 * the adopted option's (an item without gate options that is adopted continues; one not adopted
 * changes nothing, and the gate stays failed). Continue ends the gate's phase and starts the next
 * (or completes the initiative after its last); back returns the initiative to the gate's phase;
 * stop and close end it. Nothing happens for an item that is no gate.
 */
export async function settleGateIn(tx: Transaction, itemId: string, decidedOn: string, recordedBy: string | null): Promise<void> {
	const [gate] = await tx.select().from(initiativeGates).where(eq(initiativeGates.decisionItemId, itemId));
	if (!gate) return;
	const outcome = await adoptedGateOutcome(tx, itemId);
	if (!outcome) return;
	const [before] = await tx.select().from(initiatives).where(eq(initiatives.id, gate.initiativeId));
	if (!before) return;
	const phases = await tx.select().from(initiativePhases).where(eq(initiativePhases.initiativeId, gate.initiativeId));
	const gatePhase = phases.find((p) => p.position === gate.phase);
	const next = phases.find((p) => p.position === gate.phase + 1);
	let change: Partial<typeof initiatives.$inferInsert> = {};
	if (outcome === 'continue') {
		if (gatePhase && !gatePhase.actualEnd)
			await tx
				.update(initiativePhases)
				.set({ actualStart: earlier(gatePhase.actualStart ?? gatePhase.plannedStart ?? decidedOn, decidedOn), actualEnd: decidedOn })
				.where(and(eq(initiativePhases.initiativeId, gate.initiativeId), eq(initiativePhases.position, gate.phase)));
		if (next) {
			if (!next.actualStart)
				await tx
					.update(initiativePhases)
					.set({ actualStart: decidedOn })
					.where(and(eq(initiativePhases.initiativeId, gate.initiativeId), eq(initiativePhases.position, next.position)));
			if (before.currentPhase <= gate.phase) change = { currentPhase: next.position };
		} else change = { endedAs: 'close', endedOn: decidedOn };
	} else if (outcome === 'back') {
		if (before.currentPhase > gate.phase) change = { currentPhase: gate.phase };
	} else change = { endedAs: outcome, endedOn: decidedOn };
	await tx.update(initiativeGates).set({ outcome }).where(eq(initiativeGates.id, gate.id));
	const [after] = await tx
		.update(initiatives)
		.set({ ...change, version: before.version + 1, updatedAt: new Date() })
		.where(eq(initiatives.id, before.id))
		.returning();
	await recordChange(tx, {
		actorId: recordedBy,
		consortiumId: before.consortiumId,
		action: 'initiative.gate_decided',
		entityType: 'initiative',
		entityId: before.id,
		before: { currentPhase: before.currentPhase, endedAs: before.endedAs },
		after: { gate: gate.id, outcome, currentPhase: after!.currentPhase, endedAs: after!.endedAs, endedOn: after!.endedOn }
	});
}
