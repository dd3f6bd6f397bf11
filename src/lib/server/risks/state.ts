import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { initiatives, riskSettings } from '../db/schema';
import { CommandError } from '../errors';
import { defaultBandLimits, type RiskBandLimits } from '../../risks/bands';

/** The consortium's risk bands, or seed 004's when it drew none. */
export async function bandLimits(tx: Transaction, consortiumId: string): Promise<RiskBandLimits> {
	const [row] = await tx
		.select({ mediumFrom: riskSettings.mediumFrom, highFrom: riskSettings.highFrom })
		.from(riskSettings)
		.where(eq(riskSettings.consortiumId, consortiumId));
	return row ?? defaultBandLimits;
}

/** Refuses an initiative of another consortium. */
export async function checkInitiative(tx: Transaction, consortiumId: string, initiativeId: string | undefined) {
	if (!initiativeId) return;
	const [found] = await tx
		.select({ id: initiatives.id })
		.from(initiatives)
		.where(and(eq(initiatives.consortiumId, consortiumId), eq(initiatives.id, initiativeId)));
	if (!found) throw new CommandError('invalid_choice', 'initiativeId', 422);
}
