import { and, eq, sql } from 'drizzle-orm';
import { freezeApproved } from '../baselines/commands';
import type { Transaction } from '../db/client';
import { baselines, requirements, users } from '../db/schema';

export const DEMO_BASELINE = {
	name: 'Kravspecifikation 1.0',
	description: 'Godkända krav för digital nattillsyn och läkemedelsautomater, underlag till förfrågningsunderlaget.'
} as const;

/**
 * The demo's baseline in a consortium, frozen by its convenor the way every baseline is frozen.
 * Idempotent: nothing happens when it exists or when nothing is approved yet.
 */
export async function ensureDemoBaseline(tx: Transaction, consortiumId: string, frozenByEmail: string): Promise<void> {
	const [existing] = await tx
		.select({ id: baselines.id })
		.from(baselines)
		.where(and(eq(baselines.consortiumId, consortiumId), eq(baselines.name, DEMO_BASELINE.name)));
	if (existing) return;
	const [approved] = await tx
		.select({ id: requirements.id })
		.from(requirements)
		.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.status, 'approved')))
		.limit(1);
	if (!approved) return;
	const [convenor] = await tx
		.select({ id: users.id })
		.from(users)
		.where(sql`lower(${users.email}) = ${frozenByEmail}`);
	await freezeApproved(tx, consortiumId, DEMO_BASELINE, convenor?.id ?? null);
}
