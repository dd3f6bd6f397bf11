import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import {
	consortia,
	groundRules,
	mandates,
	memberships,
	needs,
	organisations,
	requirementNeeds,
	requirementStories,
	requirements,
	storyNeeds,
	userStories,
	users
} from '../db/schema';
import { nextRequirementNumber } from '../requirements/numbering';
import type { Role } from '../policy';

/**
 * Builders for people, consortia and memberships, shared by the demo seed and the tests so the
 * demo cannot rot. They write directly (as the system), the way a migration or an operator would.
 */

type OrganisationKind = (typeof organisations.$inferInsert)['kind'];

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** Inserts a person; email and name default to unique values. */
export async function buildUser(tx: Transaction, overrides: Partial<typeof users.$inferInsert> = {}): Promise<typeof users.$inferSelect> {
	const id = unique();
	const [user] = await tx
		.insert(users)
		.values({ email: `person-${id}@samsyn.test`, name: `Person ${id}`, ...overrides })
		.returning();
	return user!;
}

/** Inserts a consortium with default ground rules. */
export async function buildConsortium(
	tx: Transaction,
	overrides: Partial<typeof consortia.$inferInsert> = {},
	rules: Partial<typeof groundRules.$inferInsert> = {}
): Promise<typeof consortia.$inferSelect> {
	const id = unique();
	const [consortium] = await tx
		.insert(consortia)
		.values({ slug: `consortium-${id}`, name: `Consortium ${id}`, ...overrides })
		.returning();
	await tx.insert(groundRules).values({ consortiumId: consortium!.id, ...rules });
	return consortium!;
}

/** Inserts an organisation taking part in a consortium. */
export async function buildOrganisation(
	tx: Transaction,
	consortiumId: string,
	overrides: Partial<typeof organisations.$inferInsert> & { kind?: OrganisationKind } = {}
): Promise<typeof organisations.$inferSelect> {
	const [organisation] = await tx
		.insert(organisations)
		.values({ consortiumId, name: `Organisation ${unique()}`, kind: 'municipality', ...overrides })
		.returning();
	return organisation!;
}

/**
 * Makes a person a member with a role; representatives and deputies also get a current mandate
 * in the register, as the membership commands do.
 */
export async function buildMembership(
	tx: Transaction,
	input: { consortiumId: string; userId: string; organisationId: string; role: Role; since?: string }
): Promise<typeof memberships.$inferSelect> {
	const [membership] = await tx
		.insert(memberships)
		.values({
			consortiumId: input.consortiumId,
			userId: input.userId,
			organisationId: input.organisationId,
			role: input.role
		})
		.returning();
	if (input.role === 'representative' || input.role === 'deputy') {
		await tx.insert(mandates).values({
			consortiumId: input.consortiumId,
			organisationId: input.organisationId,
			userId: input.userId,
			kind: input.role,
			validFrom: input.since ?? new Date().toISOString().slice(0, 10)
		});
	}
	return membership!;
}

/** Finds an organisation by name within a consortium. */
export async function organisationNamed(tx: Transaction, consortiumId: string, name: string) {
	const rows = await tx.select().from(organisations).where(eq(organisations.consortiumId, consortiumId));
	const found = rows.find((o) => o.name === name);
	if (!found) throw new Error(`no organisation ${name}`);
	return found;
}

/** The id of the account with this email (compared in lower case), or null when there is none. */
export async function userIdByEmail(tx: Transaction, email: string): Promise<string | null> {
	const [row] = await tx
		.select({ id: users.id })
		.from(users)
		.where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
	return row?.id ?? null;
}

/** Inserts a need; title and capture date default to plain values. */
export async function buildNeed(tx: Transaction, consortiumId: string, overrides: Partial<typeof needs.$inferInsert> = {}): Promise<typeof needs.$inferSelect> {
	const [need] = await tx
		.insert(needs)
		.values({ consortiumId, title: `Behov ${unique()}`, capturedOn: '2026-03-01', ...overrides })
		.returning();
	return need!;
}

/** Inserts a user story, optionally linked to needs. */
export async function buildStory(
	tx: Transaction,
	consortiumId: string,
	overrides: Partial<typeof userStories.$inferInsert> & { needIds?: string[] } = {}
): Promise<typeof userStories.$inferSelect> {
	const { needIds = [], ...values } = overrides;
	const [story] = await tx
		.insert(userStories)
		.values({
			consortiumId,
			role: 'nattpersonal',
			goal: `se larm från sensorer ${unique()}`,
			purpose: 'kunna agera i tid',
			...values
		})
		.returning();
	for (const needId of needIds) await tx.insert(storyNeeds).values({ consortiumId, storyId: story!.id, needId });
	return story!;
}

/**
 * Inserts a requirement revision with the consortium's next number (unless `number` is given),
 * optionally linked to stories and needs.
 */
export async function buildRequirement(
	tx: Transaction,
	consortiumId: string,
	overrides: Partial<typeof requirements.$inferInsert> & { storyIds?: string[]; needIds?: string[] } = {}
): Promise<typeof requirements.$inferSelect> {
	const { storyIds = [], needIds = [], ...values } = overrides;
	const number = values.number ?? (await nextRequirementNumber(tx, consortiumId));
	const [requirement] = await tx
		.insert(requirements)
		.values({
			consortiumId,
			number,
			title: `Krav ${unique()}`,
			bodyText: 'Lösningen ska …',
			...(values.obligation === 'criterion' && values.weight === undefined ? { weight: 10 } : {}),
			...values
		})
		.returning();
	for (const storyId of storyIds) {
		await tx.insert(requirementStories).values({ consortiumId, requirementId: requirement!.id, storyId });
	}
	for (const needId of needIds) {
		await tx.insert(requirementNeeds).values({ consortiumId, requirementId: requirement!.id, needId });
	}
	return requirement!;
}
