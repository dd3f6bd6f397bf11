import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog, qualityDismissals, qualitySettings, requirementQuality, requirements } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { Forbidden, type Role } from '../policy';
import { NotFound, StaleWrite } from '../errors';
import { createRequirement, updateRequirement } from '../requirements/commands';
import { listRequirements } from '../requirements/queries';
import { RequirementFilters, RequirementInput, UpdateRequirementInput } from '../requirements/schemas';
import { recordVerdict, submitForReview } from '../requirements/workflow';
import { attentionFor } from '../home/attention';
import { dismissFinding, restoreFinding, setQualitySettings } from './commands';
import { qualityOf } from './queries';
import { refreshQuality } from './refresh';
import { DismissInput, QualitySettingsInput } from './schemas';

useFreshDatabase();

type Person = { id: string; isOperator: boolean };
type People = Record<Exclude<Role, 'deputy'> | 'rep2' | 'outsider', Person>;

/** Two municipalities that approve by majority, a convenor with the admin, a supplier, and someone of another consortium. */
async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx, {}, { decisionRule: 'majority', quorumPercent: 50 });
		const other = await buildConsortium(tx);
		const kinda = await buildOrganisation(tx, consortium.id, { name: 'Kinda' });
		const ydre = await buildOrganisation(tx, consortium.id, { name: 'Ydre' });
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const supplier = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const people = {} as People;
		const add = async (key: keyof People, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		await add('admin', convenor.id, 'admin');
		await add('representative', kinda.id, 'representative');
		await add('rep2', ydre.id, 'representative');
		await add('member', kinda.id, 'member');
		await add('observer', convenor.id, 'observer');
		await add('supplier', supplier.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		return { consortium, people };
	});
}

const vague = { title: 'Användarvänligt larm', body: 'Systemet ska vara användarvänligt och snabbt.', acceptanceCriteria: '' };
const clean = {
	title: 'Svarstid för sökning',
	body: 'Sökresultatet ska visas inom 2 sekunder för 95 % av sökningarna.',
	acceptanceCriteria: 'Mäts med 100 sökningar.'
};

async function stored(requirementId: string) {
	const [row] = await asSystem((tx) => tx.select().from(requirementQuality).where(eq(requirementQuality.requirementId, requirementId)));
	return row!;
}

describe('the quality rules as requirements are written', () => {
	it('checks a new requirement, lists it as needing review, and leaves a clean one out of that filter', async () => {
		const { consortium, people } = await world();
		const bad = await createRequirement(people.member, consortium.id, RequirementInput.parse(vague));
		const good = await createRequirement(people.member, consortium.id, RequirementInput.parse(clean));
		const badQuality = await stored(bad.id);
		expect(badQuality.openFindings).toBeGreaterThanOrEqual(2);
		expect(badQuality.score).toBeLessThan(100);
		expect((badQuality.findings as { match: string }[]).map((f) => f.match.toLowerCase())).toEqual(expect.arrayContaining(['användarvänligt', 'snabbt']));
		expect((await stored(good.id)).openFindings).toBe(0);

		const review = await listRequirements(people.observer, consortium.id, RequirementFilters.parse({ quality: 'needs_review' }));
		expect(review.items.map((r) => r.id)).toEqual([bad.id]);
		expect(review.total).toBe(1);
		const worstFirst = await listRequirements(people.observer, consortium.id, RequirementFilters.parse({ sort: 'quality' }));
		expect(worstFirst.items.map((r) => r.id)).toEqual([bad.id, good.id]);
		expect(worstFirst.items[1]).toMatchObject({ qualityScore: 100, openFindings: 0 });

		// The writer's home page names their requirement; the observer's does not (they write nothing).
		const home = await attentionFor(people.member, consortium.id);
		expect(home?.kind === 'internal' && home.requirementsToReview.map((r) => r.id)).toEqual([bad.id]);
		const observerHome = await attentionFor(people.observer, consortium.id);
		expect(observerHome?.kind === 'internal' && observerHome.requirementsToReview).toEqual([]);
	});

	it('checks a saved change of the words again', async () => {
		const { consortium, people } = await world();
		const r = await createRequirement(people.member, consortium.id, RequirementInput.parse(clean));
		expect((await stored(r.id)).openFindings).toBe(0);
		// A draft's text is co-edited; its title and acceptance criteria come with the form.
		await updateRequirement(
			people.member,
			consortium.id,
			UpdateRequirementInput.parse({ ...clean, body: undefined, title: 'Snabb sökning', id: r.id, version: '1' })
		);
		const after = await stored(r.id);
		expect(after.openFindings).toBe(1);
		expect(after.findings).toEqual([expect.objectContaining({ rule: 'vague_word', field: 'title', match: 'Snabb' })]);
	});
});

describe('dismissing a finding, with a reason', () => {
	it('keeps the reason, takes the finding out of the score, audits it, and holds for the next revision', async () => {
		const { consortium, people } = await world();
		const r = await createRequirement(people.member, consortium.id, RequirementInput.parse(vague));
		const before = await stored(r.id);
		const key = (before.findings as { key: string; match: string }[]).find((f) => f.match.toLowerCase() === 'snabbt')!.key;

		await dismissFinding(people.member, consortium.id, DismissInput.parse({ requirementId: r.id, key, reason: 'Svarstiden anges i K-014.' }));
		const after = await stored(r.id);
		expect(after.openFindings).toBe(before.openFindings - 1);
		expect(after.score).toBeGreaterThan(before.score);
		const quality = await qualityOf(people.observer, consortium.id, r.id);
		expect(quality.dismissals).toEqual([expect.objectContaining({ key, reason: 'Svarstiden anges i K-014.' })]);
		const [audit] = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, 'quality.finding_dismissed')))
		);
		expect(audit).toMatchObject({ actorId: people.member.id, after: expect.objectContaining({ key, reason: 'Svarstiden anges i K-014.' }) });

		// Approved, then changed: the next revision keeps the dismissal for the same words.
		await submitForReview(people.member, consortium.id, r.id, 1);
		const verdict = await recordVerdict(people.representative, consortium.id, { requirementId: r.id, verdict: 'approve', reason: '' });
		if (verdict.status !== 'approved') await recordVerdict(people.rep2, consortium.id, { requirementId: r.id, verdict: 'approve', reason: '' });
		const [approved] = await asSystem((tx) => tx.select().from(requirements).where(eq(requirements.id, r.id)));
		expect(approved!.status).toBe('approved');
		const next = await updateRequirement(
			people.member,
			consortium.id,
			UpdateRequirementInput.parse({ ...vague, body: 'Systemet ska vara snabbt.', id: r.id, version: String(approved!.version) })
		);
		expect(next.revision).toBe(2);
		const revised = await stored(next.id);
		expect((revised.findings as { key: string; dismissed: boolean }[]).find((f) => f.key === key)).toMatchObject({ dismissed: true });

		await restoreFinding(people.member, consortium.id, { requirementId: next.id, key });
		expect((await stored(next.id)).openFindings).toBe(revised.openFindings + 1);
		await expect(restoreFinding(people.member, consortium.id, { requirementId: next.id, key })).rejects.toBeInstanceOf(NotFound);
	});

	it('refuses an observer and the supplier, and asks for a reason', async () => {
		const { consortium, people } = await world();
		const r = await createRequirement(people.member, consortium.id, RequirementInput.parse(vague));
		const key = ((await stored(r.id)).findings as { key: string }[])[0]!.key;
		await expect(dismissFinding(people.observer, consortium.id, { requirementId: r.id, key, reason: 'Nej' })).rejects.toBeInstanceOf(Forbidden);
		await expect(dismissFinding(people.supplier, consortium.id, { requirementId: r.id, key, reason: 'Nej' })).rejects.toThrow();
		await expect(dismissFinding(people.outsider, consortium.id, { requirementId: r.id, key, reason: 'Nej' })).rejects.toBeInstanceOf(NotFound);
		const missing = DismissInput.safeParse({ requirementId: r.id, key, reason: '   ' });
		expect(missing.success).toBe(false);
		expect(missing.error?.issues[0]).toMatchObject({ path: ['reason'], message: 'required' });
	});
});

describe("the consortium's own rules", () => {
	it('lets an admin switch a rule off and add words; every requirement is checked again at once', async () => {
		const { consortium, people } = await world();
		const r = await createRequirement(people.member, consortium.id, RequirementInput.parse(vague));
		const smart = await createRequirement(
			people.member,
			consortium.id,
			RequirementInput.parse({ ...clean, title: 'Smart larm', body: 'Larmet ska vara smart och nå personalen inom 30 sekunder.' })
		);
		expect((await stored(smart.id)).openFindings).toBe(0);

		const everyRuleBut = (rule: string) =>
			['vague_word', 'obligation_mismatch', 'compound', 'unverifiable', 'solution', 'long_sentence', 'readability', 'passive'].filter((x) => x !== rule);
		await setQualitySettings(
			people.admin,
			consortium.id,
			QualitySettingsInput.parse({ version: '1', enabled: everyRuleBut('vague_word'), words: 'Smart\n\nsmart\n' })
		);
		expect((await stored(r.id)).findings).not.toContainEqual(expect.objectContaining({ rule: 'vague_word' }));
		// Switched off, its own words too; switched on again, the consortium's word counts.
		await setQualitySettings(
			people.admin,
			consortium.id,
			QualitySettingsInput.parse({ version: '2', enabled: [...everyRuleBut(''), 'vague_word'], words: 'smart' })
		);
		expect((await stored(smart.id)).findings).toContainEqual(expect.objectContaining({ rule: 'vague_word', match: expect.stringMatching(/^smart$/i) }));
		const [row] = await asSystem((tx) => tx.select().from(qualitySettings).where(eq(qualitySettings.consortiumId, consortium.id)));
		expect(row).toMatchObject({ version: 3, disabledRules: [], extraVagueWords: ['smart'] });

		await expect(setQualitySettings(people.admin, consortium.id, QualitySettingsInput.parse({ version: '2', enabled: [], words: '' }))).rejects.toBeInstanceOf(
			StaleWrite
		);
		await expect(setQualitySettings(people.member, consortium.id, QualitySettingsInput.parse({ version: '3', enabled: [], words: '' }))).rejects.toBeInstanceOf(
			Forbidden
		);
	});

	it('refuses more than 200 words and words longer than 60 characters with their own messages', () => {
		const many = QualitySettingsInput.safeParse({ version: '1', enabled: [], words: Array.from({ length: 201 }, (_, i) => `ord${i}`).join('\n') });
		expect(many.error?.issues[0]).toMatchObject({ path: ['words'], message: 'quality_too_many_words' });
		const long = QualitySettingsInput.safeParse({ version: '1', enabled: ['vague_word', 'no_such_rule'], words: 'x'.repeat(61) });
		expect(long.error?.issues.map((i) => [i.path[0], i.message]).sort()).toEqual([
			['enabled', 'invalid_choice'],
			['words', 'too_long']
		]);
	});

	it('checks requirements that were never checked (written before the rules) when asked for the stale ones', async () => {
		const { consortium, people } = await world();
		const r = await createRequirement(people.member, consortium.id, RequirementInput.parse(vague));
		await asSystem((tx) => tx.delete(requirementQuality).where(eq(requirementQuality.requirementId, r.id)));
		expect(await asSystem((tx) => refreshQuality(tx, consortium.id))).toBe(1);
		expect(await asSystem((tx) => refreshQuality(tx, consortium.id))).toBe(0);
		expect((await stored(r.id)).openFindings).toBeGreaterThan(0);
	});
});

describe('row-level security on the quality rules', () => {
	it('shows the supplier and another consortium nothing, and lets no one write the results themselves', async () => {
		const { consortium, people } = await world();
		const r = await createRequirement(people.member, consortium.id, RequirementInput.parse(vague));
		const key = ((await stored(r.id)).findings as { key: string }[])[0]!.key;
		await dismissFinding(people.member, consortium.id, { requirementId: r.id, key, reason: 'Avsiktligt' });
		await setQualitySettings(people.admin, consortium.id, QualitySettingsInput.parse({ version: '1', enabled: ['vague_word'], words: 'smart' }));
		const everything = (who: Person) =>
			withUser(who, (tx) =>
				Promise.all([tx.select().from(requirementQuality), tx.select().from(qualityDismissals), tx.select().from(qualitySettings)]).then((rows) =>
					rows.map((x) => x.length)
				)
			);
		expect(await everything(people.supplier)).toEqual([0, 0, 0]);
		expect(await everything(people.outsider)).toEqual([0, 0, 0]);
		expect(await everything(people.observer)).toEqual([1, 1, 1]);

		for (const who of [people.member, people.admin]) {
			expect(await withUser(who, (tx) => tx.update(requirementQuality).set({ score: 100, openFindings: 0 }).returning()).catch(() => [])).toEqual([]);
		}
		await expect(
			withUser(people.observer, (tx) =>
				tx.insert(qualityDismissals).values({ consortiumId: consortium.id, number: 1, key: 'x', reason: 'y', dismissedBy: people.observer.id })
			)
		).rejects.toThrow();
		await expect(
			withUser(people.member, (tx) =>
				tx.insert(qualityDismissals).values({ consortiumId: consortium.id, number: 1, key: 'x', reason: 'y', dismissedBy: people.admin.id })
			)
		).rejects.toThrow();
		await expect(withUser(people.member, (tx) => tx.update(qualitySettings).set({ extraVagueWords: [] }).returning())).resolves.toEqual([]);
	});
});
