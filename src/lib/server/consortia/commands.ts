import { and, eq, ne, sql } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { groundRules, memberships, organisations, users } from '../db/schema';
import { CommandError, NotFound } from '../errors';
import type { Role } from '../policy';
import { actorFor, type Who } from './actor';
import { endMandatesOf, revokeDelegationsInvolving, startMandate } from './mandates';
import type { ChangeRoleInput, GroundRulesInput, OrganisationInput, OrganisationKind, RemoveMemberInput, UpdateOrganisationInput } from './schemas';

type MembershipRow = typeof memberships.$inferSelect;
type OrganisationRow = typeof organisations.$inferSelect;

/**
 * The supplier's people hold the supplier role and nobody else does: everything a supplier can
 * reach must be something the consortium published on purpose.
 */
export function roleFitsOrganisation(role: Role, kind: OrganisationKind): boolean {
	return (role === 'supplier') === (kind === 'supplier');
}

async function organisationIn(tx: Transaction, consortiumId: string, organisationId: string): Promise<OrganisationRow | undefined> {
	const [row] = await tx
		.select()
		.from(organisations)
		.where(and(eq(organisations.id, organisationId), eq(organisations.consortiumId, consortiumId)));
	return row;
}

/** Refuses to leave a consortium without an admin. Locks the admin rows so two demotions cannot race. */
async function assertAnotherAdmin(tx: Transaction, consortiumId: string, membershipId: string): Promise<void> {
	const admins = await tx
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.consortiumId, consortiumId), eq(memberships.role, 'admin')))
		.for('update');
	if (!admins.some((a) => a.id !== membershipId)) throw new CommandError('last_admin', 'form', 409);
}

async function lockMembership(tx: Transaction, consortiumId: string, membershipId: string): Promise<MembershipRow> {
	const [row] = await tx
		.select()
		.from(memberships)
		.where(and(eq(memberships.id, membershipId), eq(memberships.consortiumId, consortiumId)))
		.for('update');
	if (!row) throw new NotFound();
	return row;
}

const speaking = (role: Role): role is 'representative' | 'deputy' => role === 'representative' || role === 'deputy';

/**
 * Gives a member another role. Leaving representative or deputy ends their mandate (kept as
 * history) and the delegations they are part of; taking one up puts a mandate in the register from today.
 */
export async function changeRole(person: Who, consortiumId: string, input: ChangeRoleInput): Promise<MembershipRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'members.manage');
		const membership = await lockMembership(tx, consortiumId, input.membershipId);
		if (membership.role === input.role) return membership;
		const organisation = await organisationIn(tx, consortiumId, membership.organisationId);
		if (!organisation || !roleFitsOrganisation(input.role, organisation.kind)) {
			throw new CommandError('role_organisation_mismatch', 'role', 422);
		}
		if (membership.role === 'admin') await assertAnotherAdmin(tx, consortiumId, membership.id);

		const [changed] = await tx.update(memberships).set({ role: input.role }).where(eq(memberships.id, membership.id)).returning();
		const common = { consortiumId, organisationId: membership.organisationId, userId: membership.userId, actorId: person.id };
		if (speaking(membership.role)) {
			await endMandatesOf(tx, { ...common, kind: membership.role });
			await revokeDelegationsInvolving(tx, common);
		}
		if (speaking(input.role)) await startMandate(tx, { ...common, kind: input.role });
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'membership.role_changed',
			entityType: 'membership',
			entityId: membership.id,
			before: { userId: membership.userId, organisationId: membership.organisationId, role: membership.role },
			after: { userId: membership.userId, organisationId: membership.organisationId, role: input.role },
			userId: membership.userId
		});
		return changed!;
	});
}

/** Removes someone from the consortium (never its last admin; their mandates end, kept as history); returns their name for the page. */
export async function removeMember(person: Who, consortiumId: string, input: RemoveMemberInput): Promise<{ name: string }> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'members.manage');
		const membership = await lockMembership(tx, consortiumId, input.membershipId);
		if (membership.role === 'admin') await assertAnotherAdmin(tx, consortiumId, membership.id);
		const common = { consortiumId, organisationId: membership.organisationId, userId: membership.userId, actorId: person.id };
		await endMandatesOf(tx, common);
		await revokeDelegationsInvolving(tx, common);
		// Read while the person still shares the consortium: once removed, row-level security hides them.
		const [removed] = await tx.select({ name: users.name }).from(users).where(eq(users.id, membership.userId));
		await tx.delete(memberships).where(eq(memberships.id, membership.id));
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'membership.removed',
			entityType: 'membership',
			entityId: membership.id,
			before: { userId: membership.userId, organisationId: membership.organisationId, role: membership.role },
			userId: membership.userId
		});
		return { name: removed?.name ?? '' };
	});
}

async function assertNameFree(tx: Transaction, consortiumId: string, name: string, exceptId?: string): Promise<void> {
	const [clash] = await tx
		.select({ id: organisations.id })
		.from(organisations)
		.where(
			and(
				eq(organisations.consortiumId, consortiumId),
				sql`lower(${organisations.name}) = lower(${name})`,
				exceptId ? ne(organisations.id, exceptId) : undefined
			)
		);
	if (clash) throw new CommandError('name_taken', 'name', 409);
}

/** Adds an organisation taking part in the consortium. */
export async function createOrganisation(person: Who, consortiumId: string, input: OrganisationInput): Promise<OrganisationRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'members.manage');
		await assertNameFree(tx, consortiumId, input.name);
		const [organisation] = await tx
			.insert(organisations)
			.values({ consortiumId, ...input })
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'organisation.created',
			entityType: 'organisation',
			entityId: organisation!.id,
			after: organisation
		});
		return organisation!;
	});
}

/**
 * Edits an organisation. Its kind may change only while every member's role still fits it (the
 * supplier's people stay suppliers, and nobody else becomes one).
 */
export async function updateOrganisation(person: Who, consortiumId: string, input: UpdateOrganisationInput): Promise<OrganisationRow> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'members.manage');
		const { organisationId, ...values } = input;
		const [before] = await tx
			.select()
			.from(organisations)
			.where(and(eq(organisations.id, organisationId), eq(organisations.consortiumId, consortiumId)))
			.for('update');
		if (!before) throw new NotFound();
		await assertNameFree(tx, consortiumId, values.name, organisationId);
		if (values.kind !== before.kind) {
			const people = await tx.select({ role: memberships.role }).from(memberships).where(eq(memberships.organisationId, organisationId));
			if (people.some((p) => !roleFitsOrganisation(p.role, values.kind))) throw new CommandError('kind_has_members', 'kind', 409);
		}
		const [after] = await tx.update(organisations).set(values).where(eq(organisations.id, organisationId)).returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'organisation.updated',
			entityType: 'organisation',
			entityId: organisationId,
			before,
			after
		});
		return after!;
	});
}

/** Sets the consortium's ground rules (spelregler). */
export async function updateGroundRules(person: Who, consortiumId: string, input: GroundRulesInput): Promise<typeof groundRules.$inferSelect> {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'rules.manage');
		const [before] = await tx.select().from(groundRules).where(eq(groundRules.consortiumId, consortiumId)).for('update');
		const values = { ...input, updatedAt: new Date(), updatedBy: person.id };
		const [after] = await tx
			.insert(groundRules)
			.values({ consortiumId, ...values })
			.onConflictDoUpdate({ target: groundRules.consortiumId, set: values })
			.returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'ground_rules.updated',
			entityType: 'ground_rules',
			entityId: consortiumId,
			before: before ?? null,
			after
		});
		return after!;
	});
}
