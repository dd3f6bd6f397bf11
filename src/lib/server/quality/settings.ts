import { eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { qualitySettings } from '../db/schema';
import { defaultQualitySettings, ruleIds, type QualitySettings, type RuleId } from '$lib/quality';

/** A consortium's quality rules as the engine takes them, and their version (1 before anyone changed them). */
export interface StoredQualitySettings {
	settings: QualitySettings;
	version: number;
}

const isRule = (value: string): value is RuleId => (ruleIds as readonly string[]).includes(value);

export async function qualitySettingsIn(tx: Transaction, consortiumId: string): Promise<StoredQualitySettings> {
	const [row] = await tx.select().from(qualitySettings).where(eq(qualitySettings.consortiumId, consortiumId));
	if (!row) return { settings: defaultQualitySettings, version: 1 };
	return { settings: { disabledRules: row.disabledRules.filter(isRule), extraVagueWords: row.extraVagueWords }, version: row.version };
}
