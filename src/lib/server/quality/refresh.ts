import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { asServerIn } from '../db/request';
import { consortia, qualityDismissals, requirementQuality, requirements } from '../db/schema';
import { checkRequirement, qualityScore, type Finding } from '$lib/quality';
import { qualitySettingsIn } from './settings';

/** What is stored per finding: the engine's finding; dismissed ones are stored too, marked. */
export interface StoredFinding extends Finding {
	dismissed: boolean;
}

/** The engine's findings for a requirement's words, with those dismissed for its number marked. */
export function assess(
	r: { title: string; bodyText: string; acceptanceCriteria: string; obligation: 'mandatory' | 'criterion' },
	settings: Parameters<typeof checkRequirement>[1],
	dismissed: ReadonlySet<string>
) {
	const findings: StoredFinding[] = checkRequirement(
		{ title: r.title, body: r.bodyText, acceptanceCriteria: r.acceptanceCriteria, obligation: r.obligation },
		settings
	).map((f) => ({ ...f, dismissed: dismissed.has(f.key) }));
	const open = findings.filter((f) => !f.dismissed);
	return { findings, open: open.length, score: qualityScore(open) };
}

/**
 * Checks requirements again and stores the result, in the caller's transaction and on the server's
 * own role (the result is derived data, like a co-edited text's plain text): the given revisions, or
 * every newest revision of the consortium whose result is missing or older than its text or its
 * consortium's rules. Runs alone in its transaction (never beside other queries of the same one).
 */
export async function refreshQuality(tx: Transaction, consortiumId: string, ids?: readonly string[]): Promise<number> {
	if (ids && ids.length === 0) return 0;
	return asServerIn(tx, async (own) => {
		const { settings, version } = await qualitySettingsIn(own, consortiumId);
		const r = requirements;
		const q = requirementQuality;
		const rows = await own
			.select({
				id: r.id,
				number: r.number,
				title: r.title,
				bodyText: r.bodyText,
				acceptanceCriteria: r.acceptanceCriteria,
				obligation: r.obligation,
				// as text: a JavaScript Date keeps milliseconds, PostgreSQL microseconds
				updatedAt: sql<string>`${r.updatedAt}::text`
			})
			.from(r)
			.leftJoin(q, eq(q.requirementId, r.id))
			.where(
				and(
					eq(r.consortiumId, consortiumId),
					ids
						? inArray(r.id, [...ids])
						: and(
								eq(r.isLatest, true),
								or(sql`${q.requirementId} is null`, sql`${q.sourceUpdatedAt} is distinct from ${r.updatedAt}`, sql`${q.settingsVersion} <> ${version}`)
							)
				)
			);
		if (rows.length === 0) return 0;
		const numbers = [...new Set(rows.map((row) => row.number))];
		const dismissals = await own
			.select({ number: qualityDismissals.number, key: qualityDismissals.key })
			.from(qualityDismissals)
			.where(and(eq(qualityDismissals.consortiumId, consortiumId), inArray(qualityDismissals.number, numbers)));
		const byNumber = new Map<number, Set<string>>();
		for (const d of dismissals) {
			const set = byNumber.get(d.number) ?? new Set<string>();
			set.add(d.key);
			byNumber.set(d.number, set);
		}
		const values = rows.map((row) => {
			const result = assess(row, settings, byNumber.get(row.number) ?? new Set());
			return {
				requirementId: row.id,
				consortiumId,
				score: result.score,
				openFindings: result.open,
				findings: result.findings,
				settingsVersion: version,
				sourceUpdatedAt: sql`${row.updatedAt}::timestamptz`
			};
		});
		for (let i = 0; i < values.length; i += 200) {
			await own
				.insert(q)
				.values(values.slice(i, i + 200))
				.onConflictDoUpdate({
					target: q.requirementId,
					set: {
						score: sql`excluded.score`,
						openFindings: sql`excluded.open_findings`,
						findings: sql`excluded.findings`,
						settingsVersion: sql`excluded.settings_version`,
						sourceUpdatedAt: sql`excluded.source_updated_at`,
						checkedAt: sql`now()`
					}
				});
		}
		return values.length;
	});
}

/** The newest revision of a requirement number, to check again after a dismissal changed. */
export async function refreshQualityOfNumber(tx: Transaction, consortiumId: string, number: number): Promise<void> {
	const rows = await tx
		.select({ id: requirements.id })
		.from(requirements)
		.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.number, number), eq(requirements.isLatest, true)));
	await refreshQuality(
		tx,
		consortiumId,
		rows.map((r) => r.id)
	);
}

/** Checks every consortium's stale requirements (after the demo is seeded, and once at start-up). */
export async function refreshAllQuality(tx: Transaction): Promise<number> {
	let checked = 0;
	for (const { id } of await asServerIn(tx, (own) => own.select({ id: consortia.id }).from(consortia))) checked += await refreshQuality(tx, id);
	return checked;
}
