import { sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { firstRow } from '../db/rows';

/**
 * Hands out the consortium's next requirement number (1 → K-001). The upsert takes the counter
 * row's lock until the transaction ends, so concurrent creators queue and never share a number.
 */
export async function nextRequirementNumber(tx: Transaction, consortiumId: string): Promise<number> {
	const result = await tx.execute(sql`
		insert into requirement_counters (consortium_id, last_number) values (${consortiumId}, 1)
		on conflict (consortium_id) do update set last_number = requirement_counters.last_number + 1
		returning last_number`);
	return Number(firstRow<{ last_number: number }>(result)!.last_number);
}

/** K-001 … K-999, then K-1000: the same rule as the generated `identifier` column. */
export function requirementIdentifier(number: number): string {
	return `K-${number < 1000 ? String(number).padStart(3, '0') : String(number)}`;
}
