import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { consortia, qualityDismissals, requirementQuality, requirements, users } from '../db/schema';
import { attentionFor } from '../home/attention';
import { listRequirements } from '../requirements/queries';
import { RequirementFilters } from '../requirements/schemas';
import { qualityOf } from '../quality/queries';
import { seedDemo } from './seed';

useFreshDatabase();

describe('the demo quality rules (kravgranskning)', () => {
	it("checks every demo requirement, keeps Östergötland's own words and a dismissed finding, and names the Motala participant's drafts on her home page; seeding again adds nothing", async () => {
		await seedDemo();
		await seedDemo();
		const { ostergotland, person, unchecked } = await asSystem(async (tx) => {
			const [o] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const ids = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
			const all = await tx
				.select({ id: requirements.id, checked: requirementQuality.requirementId })
				.from(requirements)
				.leftJoin(requirementQuality, eq(requirementQuality.requirementId, requirements.id));
			return {
				ostergotland: o!,
				person: (email: string) => ({ id: ids.get(email)!, isOperator: false }),
				unchecked: all.filter((r) => r.checked === null).length
			};
		});
		expect(unchecked).toBe(0);
		const observer = person('observator@samsyn.demo');
		const review = await listRequirements(observer, ostergotland.id, RequirementFilters.parse({ quality: 'needs_review', limit: '100' }));
		expect(review.items.map((r) => r.title)).toEqual(expect.arrayContaining(['Användarvänlig automat för brukaren']));

		const logging = (await listRequirements(observer, ostergotland.id, RequirementFilters.parse({ q: 'Loggning av varje tillsyn' }))).items[0]!;
		const quality = await qualityOf(observer, ostergotland.id, logging.id);
		expect(quality.settings.extraVagueWords).toEqual(['smart', 'sömlös', 'framtidssäker']);
		expect(quality.dismissals).toEqual([expect.objectContaining({ reason: expect.stringContaining('lösningen som loggar'), by: expect.any(String) })]);
		expect(quality.findings.filter((f) => f.rule === 'passive')).toEqual([expect.objectContaining({ dismissed: true })]);
		expect(await asSystem((tx) => tx.select().from(qualityDismissals))).toHaveLength(1);

		const home = await attentionFor(person('deltagare.motala@samsyn.demo'), ostergotland.id);
		const toReview = home?.kind === 'internal' ? home.requirementsToReview : [];
		expect(toReview.length).toBeGreaterThan(0);
		// the lowest scores first, at most ten
		expect(toReview.length).toBeLessThanOrEqual(10);
		expect(toReview.map((r) => r.score)).toEqual([...toReview.map((r) => r.score)].sort((a, b) => a - b));
		expect(await attentionFor(person('ombud.ydre@samsyn.demo'), ostergotland.id)).toMatchObject({ requirementsToReview: [] });
	});
});
