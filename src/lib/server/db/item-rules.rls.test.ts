import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from './request';
import {
	comments,
	delegations,
	mandates,
	memberships,
	needShares,
	requirementApprovals,
	requirementNeeds,
	requirementStories,
	requirements,
	storyNeeds
} from './schema';
import { buildConsortium, buildMembership, buildNeed, buildOrganisation, buildRequirement, buildStory, buildUser } from '../demo/factories';

/*
 * Row-level security is never looser than policy.ts's per-item rules, and links never cross
 * consortia. Every write here goes straight to the table inside `withUser` (role `authenticated`
 * with the person's claims) or `asSystem` (the server), past the commands, so only the database
 * can refuse. Each test names the policy, trigger or key it proves, and what the schema before
 * them (the squashed migrations' predecessors: "Writers remove comments on content they may
 * change", "Representatives and admins manage delegations", "Representatives and deputies record
 * their own organisation's verdict", "Writers remove requirements", "Writers add shared needs",
 * single-column foreign keys) would have let through.
 */

useFreshDatabase();

/** The database's own error code under whatever the driver and Drizzle wrap it in. */
async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string }> {
	try {
		await work;
	} catch (e) {
		let cause: unknown = e;
		while (cause && typeof cause === 'object' && !('code' in cause && typeof cause.code === 'string' && /^[0-9A-Z]{5}$/.test(cause.code)) && 'cause' in cause)
			cause = cause.cause;
		const { code, message } = cause as { code?: string; message?: string };
		return { code: code ?? 'none', message: message ?? String(cause) };
	}
	throw new Error('the database accepted a write it should refuse');
}

/** SQLSTATEs: a row-level security check (WITH CHECK) failed; a foreign key failed; a check (the trigger) failed. */
const RLS = '42501';
const FOREIGN_KEY = '23503';
const CHECK = '23514';

/** Consortium A (two municipalities, people in each role) and consortium B with content of its own. */
async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const town = await buildOrganisation(tx, consortium.id);
		const otherTown = await buildOrganisation(tx, consortium.id);
		const person = async (role: 'admin' | 'representative' | 'deputy' | 'member', organisationId = town.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId: consortium.id, userId: user.id, organisationId, role, since: '2026-01-01' });
			return user;
		};
		const people = {
			admin: await person('admin'),
			representative: await person('representative'),
			deputy: await person('deputy'),
			member: await person('member'),
			otherMember: await person('member'),
			otherRepresentative: await person('representative', otherTown.id),
			otherDeputy: await person('deputy', otherTown.id)
		};
		const need = await buildNeed(tx, consortium.id, { capturedByOrganisationId: otherTown.id });
		const story = await buildStory(tx, consortium.id);
		const inReview = await buildRequirement(tx, consortium.id, { status: 'in_review' });
		const approved = await buildRequirement(tx, consortium.id, { status: 'approved', title: 'Godkänt krav', bodyText: 'Avtalade ord.' });
		const draft = await buildRequirement(tx, consortium.id);

		const elsewhere = await buildConsortium(tx);
		const elsewhereTown = await buildOrganisation(tx, elsewhere.id);
		const foreign = {
			consortium: elsewhere,
			town: elsewhereTown,
			need: await buildNeed(tx, elsewhere.id),
			story: await buildStory(tx, elsewhere.id),
			requirement: await buildRequirement(tx, elsewhere.id, { status: 'in_review' })
		};
		return { consortium, town, otherTown, people, need, story, inReview, approved, draft, foreign };
	});
}

const exists = (table: typeof comments | typeof requirements, id: string) =>
	asSystem(async (tx) => (await tx.select({ id: table.id }).from(table).where(eq(table.id, id))).length === 1);

describe('comments: the author or an admin removes one ("Authors and admins remove comments")', () => {
	// Before: "Writers remove comments on content they may change" let every writer delete any comment.
	it('a writer deleting someone else’s comment deletes nothing, and the comment stays', async () => {
		const { consortium, people, need } = await world();
		const [comment] = await withUser(people.otherMember, (tx) =>
			tx
				.insert(comments)
				.values({ consortiumId: consortium.id, targetKind: 'need', targetId: need.id, authorId: people.otherMember.id, body: 'Min kommentar' })
				.returning()
		);
		for (const writer of [people.member, people.representative, people.deputy]) {
			const deleted = await withUser(writer, (tx) => tx.delete(comments).where(eq(comments.id, comment!.id)).returning());
			expect(deleted).toEqual([]);
		}
		expect(await exists(comments, comment!.id)).toBe(true);
	});

	it('the author and an admin can', async () => {
		const { consortium, people, need } = await world();
		const write = (body: string) =>
			withUser(people.member, (tx) =>
				tx.insert(comments).values({ consortiumId: consortium.id, targetKind: 'need', targetId: need.id, authorId: people.member.id, body }).returning()
			);
		const [own] = await write('Tas bort av mig');
		const [other] = await write('Tas bort av admin');
		expect(await withUser(people.member, (tx) => tx.delete(comments).where(eq(comments.id, own!.id)).returning())).toHaveLength(1);
		expect(await withUser(people.admin, (tx) => tx.delete(comments).where(eq(comments.id, other!.id)).returning())).toHaveLength(1);
		expect(await exists(comments, own!.id)).toBe(false);
		expect(await exists(comments, other!.id)).toBe(false);
	});
});

describe('delegations: a representative for their own organisation, to its deputy, or an admin', () => {
	// Before: "Representatives and admins manage delegations" checked only `from_user_id = uid` (or admin),
	// so each of these three inserts passed.
	it('refuses a member delegating "from" themselves', async () => {
		const { consortium, town, people } = await world();
		const attempt = withUser(people.member, (tx) =>
			tx
				.insert(delegations)
				.values({ consortiumId: consortium.id, organisationId: town.id, fromUserId: people.member.id, toUserId: people.deputy.id, validFrom: '2026-01-01' })
		);
		expect((await refusal(attempt)).code).toBe(RLS);
	});

	it('refuses a representative delegating another organisation’s voice', async () => {
		const { consortium, otherTown, people } = await world();
		const attempt = withUser(people.representative, (tx) =>
			tx.insert(delegations).values({
				consortiumId: consortium.id,
				organisationId: otherTown.id,
				fromUserId: people.representative.id,
				toUserId: people.otherDeputy.id,
				validFrom: '2026-01-01'
			})
		);
		expect((await refusal(attempt)).code).toBe(RLS);
	});

	it('refuses a representative delegating to someone who is not the organisation’s deputy', async () => {
		const { consortium, town, people } = await world();
		for (const to of [people.member, people.otherDeputy]) {
			const attempt = withUser(people.representative, (tx) =>
				tx
					.insert(delegations)
					.values({ consortiumId: consortium.id, organisationId: town.id, fromUserId: people.representative.id, toUserId: to.id, validFrom: '2026-01-01' })
			);
			expect((await refusal(attempt)).code).toBe(RLS);
		}
	});

	it('lets the representative delegate to their own organisation’s deputy, and an admin do it for them', async () => {
		const { consortium, town, otherTown, people } = await world();
		const [own] = await withUser(people.representative, (tx) =>
			tx
				.insert(delegations)
				.values({
					consortiumId: consortium.id,
					organisationId: town.id,
					fromUserId: people.representative.id,
					toUserId: people.deputy.id,
					validFrom: '2026-01-01'
				})
				.returning()
		);
		expect(own?.toUserId).toBe(people.deputy.id);
		const [byAdmin] = await withUser(people.admin, (tx) =>
			tx
				.insert(delegations)
				.values({
					consortiumId: consortium.id,
					organisationId: otherTown.id,
					fromUserId: people.otherRepresentative.id,
					toUserId: people.otherDeputy.id,
					validFrom: '2026-01-01'
				})
				.returning()
		);
		expect(byAdmin?.toUserId).toBe(people.otherDeputy.id);
	});
});

describe('approvals: only whoever speaks for the organisation today ("Whoever speaks for an organisation records its verdict")', () => {
	// Before: "Representatives and deputies record their own organisation's verdict" asked only for the
	// role (app.mandate_organisations()), not whether the mandate or a delegation is in force.
	const verdictBy = (w: Awaited<ReturnType<typeof world>>, user: { id: string }, organisationId: string, actingAs: 'representative' | 'deputy') =>
		withUser(user, (tx) =>
			tx
				.insert(requirementApprovals)
				.values({ consortiumId: w.consortium.id, requirementId: w.inReview.id, organisationId, userId: user.id, verdict: 'approve', actingAs })
				.returning()
		);

	it('refuses a representative whose mandate has ended', async () => {
		const w = await world();
		await asSystem((tx) =>
			tx
				.update(mandates)
				.set({ validFrom: sql`current_date - 30`, validTo: sql`current_date - 1` })
				.where(and(eq(mandates.userId, w.people.representative.id), eq(mandates.organisationId, w.town.id)))
		);
		expect((await refusal(verdictBy(w, w.people.representative, w.town.id, 'representative'))).code).toBe(RLS);
	});

	it('refuses a deputy without a delegation while the representative is in office', async () => {
		const w = await world();
		expect((await refusal(verdictBy(w, w.people.deputy, w.town.id, 'deputy'))).code).toBe(RLS);
	});

	it('records the verdict of a representative in office, and of a deputy holding a delegation in force', async () => {
		const w = await world();
		expect(await verdictBy(w, w.people.representative, w.town.id, 'representative')).toHaveLength(1);
		await asSystem((tx) =>
			tx.insert(delegations).values({
				consortiumId: w.consortium.id,
				organisationId: w.otherTown.id,
				fromUserId: w.people.otherRepresentative.id,
				toUserId: w.people.otherDeputy.id,
				validFrom: sql`current_date`
			})
		);
		expect(await verdictBy(w, w.people.otherDeputy, w.otherTown.id, 'deputy')).toHaveLength(1);
	});

	// policy.ts's 'requirement.verdict' also refuses a requirement that is not in review
	// (requirement_not_in_review) and an organisation that does not vote (organisation_not_voting):
	// app.verdict_allowed() in the insert and update policies.
	it('refuses a verdict on a requirement that is not in review', async () => {
		const w = await world();
		const attempt = withUser(w.people.representative, (tx) =>
			tx.insert(requirementApprovals).values({
				consortiumId: w.consortium.id,
				requirementId: w.draft.id,
				organisationId: w.town.id,
				userId: w.people.representative.id,
				verdict: 'approve',
				actingAs: 'representative'
			})
		);
		expect((await refusal(attempt)).code).toBe(RLS);
	});

	it('refuses a verdict for an organisation that does not vote (the convenor’s representative)', async () => {
		const w = await world();
		const convenorRepresentative = await asSystem(async (tx) => {
			const convenor = await buildOrganisation(tx, w.consortium.id, { kind: 'convenor' });
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId: w.consortium.id, userId: user.id, organisationId: convenor.id, role: 'representative', since: '2026-01-01' });
			return { user, convenor };
		});
		const attempt = verdictBy(w, convenorRepresentative.user, convenorRepresentative.convenor.id, 'representative');
		expect((await refusal(attempt)).code).toBe(RLS);
	});
});

describe('requirements: only a never-reviewed draft is deleted ("Writers remove drafts that were never reviewed")', () => {
	// Before: "Writers remove requirements" let a writer delete any revision, approved ones included.
	it('a writer deleting an approved requirement deletes nothing', async () => {
		const { people, approved } = await world();
		const deleted = await withUser(people.member, (tx) => tx.delete(requirements).where(eq(requirements.id, approved.id)).returning());
		expect(deleted).toEqual([]);
		expect(await exists(requirements, approved.id)).toBe(true);
	});

	it('a writer deleting a requirement in review, or a later draft revision, deletes nothing', async () => {
		const { consortium, people, inReview } = await world();
		const revision2 = await asSystem((tx) => buildRequirement(tx, consortium.id, { revision: 2 }));
		for (const id of [inReview.id, revision2.id]) {
			expect(await withUser(people.admin, (tx) => tx.delete(requirements).where(eq(requirements.id, id)).returning())).toEqual([]);
			expect(await exists(requirements, id)).toBe(true);
		}
	});

	it('a writer deletes a draft of revision 1', async () => {
		const { people, draft } = await world();
		const deleted = await withUser(people.member, (tx) => tx.delete(requirements).where(eq(requirements.id, draft.id)).returning());
		expect(deleted).toHaveLength(1);
		expect(await exists(requirements, draft.id)).toBe(false);
	});
});

describe('need shares: "we have this need too" only for one’s own organisation', () => {
	// Before: "Writers add shared needs" checked only the consortium.
	it('refuses a member sharing a need in another organisation’s name, and takes it in their own', async () => {
		const { consortium, town, otherTown, people, need } = await world();
		const share = (organisationId: string) =>
			withUser(people.member, (tx) =>
				tx.insert(needShares).values({ consortiumId: consortium.id, needId: need.id, organisationId, createdBy: people.member.id }).returning()
			);
		expect((await refusal(share(otherTown.id))).code).toBe(RLS);
		expect(await share(town.id)).toHaveLength(1);
	});
});

describe('settled requirements keep their words (trigger requirements_keep_settled_words)', () => {
	// Before: nothing stopped an UPDATE of an approved revision's words; the trigger binds the server too.
	it('refuses changing the title or the text of an approved requirement, even as the server', async () => {
		const { approved, people } = await world();
		for (const change of [{ title: 'Nya ord' }, { bodyText: 'Andra ord.' }]) {
			const attempt = asSystem((tx) => tx.update(requirements).set(change).where(eq(requirements.id, approved.id)));
			const refused = await refusal(attempt);
			expect(refused.code).toBe(CHECK);
			expect(refused.message).toMatch(/its words cannot change/);
		}
		expect(
			(await refusal(withUser(people.admin, (tx) => tx.update(requirements).set({ title: 'Nya ord' }).where(eq(requirements.id, approved.id))))).code
		).toBe(CHECK);
		const [row] = await asSystem((tx) => tx.select().from(requirements).where(eq(requirements.id, approved.id)));
		expect({ title: row?.title, bodyText: row?.bodyText }).toEqual({ title: 'Godkänt krav', bodyText: 'Avtalade ord.' });
	});

	it('still lets a draft’s words change, and an approved revision move on in status', async () => {
		const { draft, approved } = await world();
		const [changed] = await asSystem((tx) => tx.update(requirements).set({ title: 'Ändrat utkast' }).where(eq(requirements.id, draft.id)).returning());
		expect(changed?.title).toBe('Ändrat utkast');
		const [replaced] = await asSystem((tx) =>
			tx.update(requirements).set({ status: 'replaced', isLatest: false }).where(eq(requirements.id, approved.id)).returning()
		);
		expect(replaced?.status).toBe('replaced');
	});
});

describe('links stay inside their consortium (foreign keys on (id, consortium_id)), even for the server', () => {
	// Before: each link's foreign keys named the id alone, so a row of consortium A could point at a
	// need, story, requirement or organisation of B as long as it existed.
	it('refuses story_needs, requirement_needs and requirement_stories rows that point into another consortium', async () => {
		const { consortium, story, inReview, foreign } = await world();
		const attempts = [
			() => asSystem((tx) => tx.insert(storyNeeds).values({ consortiumId: consortium.id, storyId: story.id, needId: foreign.need.id })),
			() => asSystem((tx) => tx.insert(requirementNeeds).values({ consortiumId: consortium.id, requirementId: inReview.id, needId: foreign.need.id })),
			() => asSystem((tx) => tx.insert(requirementStories).values({ consortiumId: consortium.id, requirementId: inReview.id, storyId: foreign.story.id }))
		];
		// One at a time: an attempt started before the previous one is awaited would reject unobserved.
		for (const attempt of attempts) expect((await refusal(attempt())).code).toBe(FOREIGN_KEY);
	});

	it('refuses need_shares for another consortium’s need or organisation', async () => {
		const { consortium, town, need, foreign } = await world();
		for (const values of [
			{ needId: foreign.need.id, organisationId: town.id },
			{ needId: need.id, organisationId: foreign.town.id }
		]) {
			expect((await refusal(asSystem((tx) => tx.insert(needShares).values({ consortiumId: consortium.id, ...values })))).code).toBe(FOREIGN_KEY);
		}
	});

	it('refuses requirement_approvals for another consortium’s requirement or organisation', async () => {
		const { consortium, town, inReview, people, foreign } = await world();
		const base = { consortiumId: consortium.id, userId: people.representative.id, verdict: 'approve' as const, actingAs: 'representative' as const };
		for (const values of [
			{ requirementId: foreign.requirement.id, organisationId: town.id },
			{ requirementId: inReview.id, organisationId: foreign.town.id }
		]) {
			expect((await refusal(asSystem((tx) => tx.insert(requirementApprovals).values({ ...base, ...values })))).code).toBe(FOREIGN_KEY);
		}
	});

	it('refuses a membership in one consortium for an organisation of another', async () => {
		const { consortium, foreign } = await world();
		const user = await asSystem((tx) => buildUser(tx));
		const attempt = asSystem((tx) =>
			tx.insert(memberships).values({ consortiumId: consortium.id, userId: user.id, organisationId: foreign.town.id, role: 'member' })
		);
		expect((await refusal(attempt)).code).toBe(FOREIGN_KEY);
	});

	it('accepts the same links inside one consortium (the refusals above are the key, not the row)', async () => {
		const { consortium, town, need, story, inReview, people } = await world();
		await asSystem(async (tx) => {
			await tx.insert(storyNeeds).values({ consortiumId: consortium.id, storyId: story.id, needId: need.id });
			await tx.insert(requirementNeeds).values({ consortiumId: consortium.id, requirementId: inReview.id, needId: need.id });
			await tx.insert(requirementStories).values({ consortiumId: consortium.id, requirementId: inReview.id, storyId: story.id });
			await tx.insert(needShares).values({ consortiumId: consortium.id, needId: need.id, organisationId: town.id });
			await tx.insert(requirementApprovals).values({
				consortiumId: consortium.id,
				requirementId: inReview.id,
				organisationId: town.id,
				userId: people.representative.id,
				verdict: 'approve',
				actingAs: 'representative'
			});
		});
		const links = await asSystem((tx) => tx.select().from(requirementNeeds).where(eq(requirementNeeds.requirementId, inReview.id)));
		expect(links).toHaveLength(1);
	});
});
