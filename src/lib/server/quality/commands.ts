import { and, eq, sql } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { qualityDismissals, qualitySettings, requirements } from '../db/schema';
import { NotFound, StaleWrite } from '../errors';
import { actorFor, readerFor, type Who } from '../consortia/actor';
import { authorize } from '../policy';
import { ruleIds } from '$lib/quality';
import { refreshQuality, refreshQualityOfNumber } from './refresh';
import type { DismissInput, QualitySettingsInput, RestoreInput } from './schemas';
import { qualitySettingsIn } from './settings';

async function requirementNumber(tx: Transaction, consortiumId: string, id: string): Promise<{ number: number; identifier: string }> {
	const [row] = await tx
		.select({ number: requirements.number, identifier: requirements.identifier })
		.from(requirements)
		.where(and(eq(requirements.id, id), eq(requirements.consortiumId, consortiumId)));
	if (!row) throw new NotFound();
	return row;
}

/**
 * Dismisses a finding on a requirement with a reason (kept, and shown beside the finding): it no
 * longer counts in the score or the "behöver granskas" filter, for this and later revisions of the
 * requirement as long as the same words are there. Dismissing it again replaces the reason.
 */
export async function dismissFinding(person: Who, consortiumId: string, input: DismissInput): Promise<void> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const { number, identifier } = await requirementNumber(tx, consortiumId, input.requirementId);
		const [before] = await tx
			.select()
			.from(qualityDismissals)
			.where(and(eq(qualityDismissals.consortiumId, consortiumId), eq(qualityDismissals.number, number), eq(qualityDismissals.key, input.key)));
		if (before)
			await tx
				.delete(qualityDismissals)
				.where(and(eq(qualityDismissals.consortiumId, consortiumId), eq(qualityDismissals.number, number), eq(qualityDismissals.key, input.key)));
		const [after] = await tx
			.insert(qualityDismissals)
			.values({ consortiumId, number, key: input.key, reason: input.reason, dismissedBy: person.id })
			.returning();
		await refreshQualityOfNumber(tx, consortiumId, number);
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'quality.finding_dismissed',
			entityType: 'requirement',
			entityId: input.requirementId,
			before: before ?? undefined,
			after: { ...after!, identifier },
			related: [input.requirementId]
		});
	});
}

/** Takes a dismissal back: the finding counts again. */
export async function restoreFinding(person: Who, consortiumId: string, input: RestoreInput): Promise<void> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'content.write');
		const { number, identifier } = await requirementNumber(tx, consortiumId, input.requirementId);
		const [before] = await tx
			.delete(qualityDismissals)
			.where(and(eq(qualityDismissals.consortiumId, consortiumId), eq(qualityDismissals.number, number), eq(qualityDismissals.key, input.key)))
			.returning();
		if (!before) throw new NotFound();
		await refreshQualityOfNumber(tx, consortiumId, number);
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'quality.finding_restored',
			entityType: 'requirement',
			entityId: input.requirementId,
			before: { ...before, identifier },
			related: [input.requirementId]
		});
	});
}

/**
 * Sets the consortium's own rules (admins): which rules are on and its own vague words. Every
 * requirement is checked again at once, so the list's scores and filter follow the new rules.
 */
export async function setQualitySettings(person: Who, consortiumId: string, input: QualitySettingsInput) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		authorize(actor, 'rules.manage', { consortiumId });
		const before = await qualitySettingsIn(tx, consortiumId);
		if (before.version !== input.version) throw new StaleWrite(settingsValues(before));
		const disabledRules = ruleIds.filter((r) => !input.enabled.includes(r));
		const values = { disabledRules, extraVagueWords: input.words, updatedBy: person.id };
		const [after] = await tx
			.insert(qualitySettings)
			.values({ consortiumId, ...values, version: 2 })
			.onConflictDoUpdate({ target: qualitySettings.consortiumId, set: { ...values, version: sql`${qualitySettings.version} + 1`, updatedAt: sql`now()` } })
			.returning();
		await refreshQuality(tx, consortiumId);
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'quality.settings_set',
			entityType: 'quality',
			entityId: null,
			before: before.settings,
			after: { disabledRules: after!.disabledRules, extraVagueWords: after!.extraVagueWords }
		});
		return after!;
	});
}

/** The settings form's values. */
export function settingsValues(stored: Awaited<ReturnType<typeof qualitySettingsIn>>) {
	return {
		version: stored.version,
		enabled: ruleIds.filter((r) => !stored.settings.disabledRules.includes(r)),
		words: stored.settings.extraVagueWords.join('\n')
	};
}
