import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { qualityDismissals, qualitySettings, requirements, users } from '../db/schema';
import { checkRequirement } from '$lib/quality';

/** The words Östergötland adds to the built-in vague ones: what suppliers' brochures promise. */
export const demoVagueWords = ['smart', 'sömlös', 'framtidssäker'];

/**
 * Östergötland's quality rules (kravgranskning): its own vague words, a finding on "Loggning av
 * varje tillsyn" dismissed by the convenor with her reason, and the draft requirements written by
 * the participant from Motala, so her home page names those the rules found something in.
 * Idempotent: nothing happens once the consortium has its own rules.
 */
export async function ensureQualityDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [existing] = await tx.select({ id: qualitySettings.consortiumId }).from(qualitySettings).where(eq(qualitySettings.consortiumId, consortiumId));
	if (existing) return;
	const person = async (email: string) =>
		(
			await tx
				.select({ id: users.id })
				.from(users)
				.where(sql`lower(${users.email}) = ${email}`)
		)[0]?.id ?? null;
	const admin = await person('admin@samsyn.demo');
	await tx.insert(qualitySettings).values({ consortiumId, extraVagueWords: demoVagueWords, version: 2, updatedBy: admin });

	const [logging] = await tx
		.select()
		.from(requirements)
		.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.title, 'Loggning av varje tillsyn'), eq(requirements.isLatest, true)));
	const passive = logging
		? checkRequirement({ title: logging.title, body: logging.bodyText, acceptanceCriteria: logging.acceptanceCriteria, obligation: logging.obligation }).find(
				(f) => f.rule === 'passive'
			)
		: undefined;
	if (logging && passive) {
		await tx.insert(qualityDismissals).values({
			consortiumId,
			number: logging.number,
			key: passive.key,
			reason: 'Det är lösningen som loggar; det framgår av kravets första mening.',
			dismissedBy: admin,
			dismissedAt: new Date('2026-03-03T10:00:00Z')
		});
	}

	const writer = await person('deltagare.motala@samsyn.demo');
	if (writer) {
		await tx
			.update(requirements)
			.set({ createdBy: writer })
			.where(and(eq(requirements.consortiumId, consortiumId), eq(requirements.status, 'draft'), isNull(requirements.createdBy)));
	}
}
