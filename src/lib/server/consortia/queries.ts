import { and, asc, count, desc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { auditLog, consortia, delegations, groundRules, mandates, memberships, organisations, users } from '../db/schema';
import { NotFound } from '../errors';
import { can, type Role } from '../policy';
import { readerFor, type Who } from './actor';
import type { OrganisationKind } from './schemas';

export const AUDIT_PAGE_SIZE = 50;

/** The order organisations are shown in: members first, then those who serve them. */
export const kindOrder: readonly OrganisationKind[] = ['municipality', 'region', 'convenor', 'adviser', 'supplier'];

const today = sql`current_date`;
const inForce = (t: typeof mandates | typeof delegations) => and(lte(t.validFrom, today), or(isNull(t.validTo), gte(t.validTo, today)));

async function loadGroundRules(tx: Transaction, consortiumId: string) {
	const [rules] = await tx.select().from(groundRules).where(eq(groundRules.consortiumId, consortiumId));
	return (
		rules ?? {
			consortiumId,
			decisionRule: 'consensus' as const,
			qualifiedMajorityPercent: 67,
			quorumPercent: 50,
			weighting: 'per_organisation' as const,
			publishing: 'admins' as const,
			questionResponseDays: 5,
			updatedAt: null,
			updatedBy: null
		}
	);
}

/** The consortium's ground rules (internal members). */
export async function getGroundRules(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		return loadGroundRules(tx, consortiumId);
	});
}

export interface OverviewPerson {
	userId: string;
	name: string;
	role: Role;
	mandate: 'representative' | 'deputy' | null;
	/** A deputy currently holding the organisation's voice by delegation. */
	delegated: boolean;
}

export interface OverviewOrganisation {
	id: string;
	name: string;
	kind: OrganisationKind;
	skrGroup: string | null;
	population: number | null;
	tier: string | null;
	people: OverviewPerson[];
}

/**
 * The consortium at a glance for internal members: organisations grouped by kind, each with its
 * people, roles and mandates in force; and the ground rules.
 */
export async function getOverview(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const [[consortium], orgs, people, current, delegated, rules] = await Promise.all([
			tx.select().from(consortia).where(eq(consortia.id, consortiumId)),
			tx.select().from(organisations).where(eq(organisations.consortiumId, consortiumId)).orderBy(asc(organisations.name)),
			tx
				.select({ userId: memberships.userId, organisationId: memberships.organisationId, role: memberships.role, name: users.name })
				.from(memberships)
				.innerJoin(users, eq(users.id, memberships.userId))
				.where(eq(memberships.consortiumId, consortiumId))
				.orderBy(asc(users.name)),
			tx
				.select({ userId: mandates.userId, organisationId: mandates.organisationId, kind: mandates.kind })
				.from(mandates)
				.where(and(eq(mandates.consortiumId, consortiumId), inForce(mandates))),
			tx
				.select({ toUserId: delegations.toUserId, organisationId: delegations.organisationId })
				.from(delegations)
				.where(and(eq(delegations.consortiumId, consortiumId), isNull(delegations.revokedAt), inForce(delegations))),
			loadGroundRules(tx, consortiumId)
		]);
		if (!consortium) throw new NotFound();
		const groups = kindOrder
			.map((kind) => ({
				kind,
				organisations: orgs
					.filter((o) => o.kind === kind)
					.map((o): OverviewOrganisation => ({
						id: o.id,
						name: o.name,
						kind: o.kind,
						skrGroup: o.skrGroup,
						population: o.population,
						tier: o.tier,
						people: people
							.filter((p) => p.organisationId === o.id)
							.map((p) => ({
								userId: p.userId,
								name: p.name,
								role: p.role,
								mandate: current.find((c) => c.userId === p.userId && c.organisationId === o.id)?.kind ?? null,
								delegated: delegated.some((d) => d.toUserId === p.userId && d.organisationId === o.id)
							}))
					}))
			}))
			.filter((g) => g.organisations.length > 0);
		return { consortium: { id: consortium.id, name: consortium.name, description: consortium.description }, groups, rules };
	});
}

/** Everyone in the consortium with their organisation and role (internal members). */
export async function listMembers(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		return tx
			.select({
				membershipId: memberships.id,
				userId: memberships.userId,
				name: users.name,
				email: users.email,
				role: memberships.role,
				organisationId: memberships.organisationId,
				organisationName: organisations.name,
				organisationKind: organisations.kind,
				since: memberships.createdAt
			})
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
			.where(eq(memberships.consortiumId, consortiumId))
			.orderBy(asc(organisations.name), asc(users.name));
	});
}

/** The organisations taking part, by name (internal members). */
export async function listOrganisations(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		const rows = await tx
			.select({
				id: organisations.id,
				name: organisations.name,
				kind: organisations.kind,
				skrGroup: organisations.skrGroup,
				population: organisations.population,
				tier: organisations.tier,
				members: count(memberships.id)
			})
			.from(organisations)
			.leftJoin(memberships, eq(memberships.organisationId, organisations.id))
			.where(eq(organisations.consortiumId, consortiumId))
			.groupBy(organisations.id)
			.orderBy(asc(organisations.name));
		return rows.sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
	});
}

export type MandateStatus = 'current' | 'upcoming' | 'ended';

/** The mandate register with its history: every mandate, in force or not, newest first per organisation. */
export async function listMandates(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId);
		return tx
			.select({
				id: mandates.id,
				organisationId: mandates.organisationId,
				organisationName: organisations.name,
				userId: mandates.userId,
				name: users.name,
				kind: mandates.kind,
				validFrom: mandates.validFrom,
				validTo: mandates.validTo,
				status: sql<MandateStatus>`case when ${mandates.validFrom} > current_date then 'upcoming'
					when ${mandates.validTo} is not null and ${mandates.validTo} < current_date then 'ended' else 'current' end`
			})
			.from(mandates)
			.innerJoin(organisations, eq(organisations.id, mandates.organisationId))
			.innerJoin(users, eq(users.id, mandates.userId))
			.where(eq(mandates.consortiumId, consortiumId))
			.orderBy(asc(organisations.name), asc(mandates.kind), desc(mandates.validFrom));
	});
}

export type DelegationStatus = 'in_force' | 'upcoming' | 'ended' | 'revoked';

/**
 * Delegations of an organisation's voice, newest first (internal members), each with whether the
 * person may revoke it.
 */
export async function listDelegations(person: Who, consortiumId: string) {
	const from = alias(users, 'from_user');
	const to = alias(users, 'to_user');
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const rows = await tx
			.select({
				id: delegations.id,
				organisationId: delegations.organisationId,
				organisationName: organisations.name,
				fromUserId: delegations.fromUserId,
				fromName: from.name,
				toUserId: delegations.toUserId,
				toName: to.name,
				reason: delegations.reason,
				validFrom: delegations.validFrom,
				validTo: delegations.validTo,
				revokedAt: delegations.revokedAt,
				status: sql<DelegationStatus>`case when ${delegations.revokedAt} is not null then 'revoked'
					when ${delegations.validFrom} > current_date then 'upcoming'
					when ${delegations.validTo} is not null and ${delegations.validTo} < current_date then 'ended' else 'in_force' end`
			})
			.from(delegations)
			.innerJoin(organisations, eq(organisations.id, delegations.organisationId))
			.leftJoin(from, eq(from.id, delegations.fromUserId))
			.leftJoin(to, eq(to.id, delegations.toUserId))
			.where(eq(delegations.consortiumId, consortiumId))
			.orderBy(desc(delegations.createdAt));
		return rows.map((row) => ({
			...row,
			mayRevoke:
				(row.status === 'in_force' || row.status === 'upcoming') && can(actor, 'delegation.manage', { consortiumId, organisationId: row.organisationId })
		}));
	});
}

/** The deputies this person may hand their organisation's voice to (a representative: their own; an admin: all). */
export async function listDelegationTargets(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const deputies = await tx
			.select({ userId: memberships.userId, name: users.name, organisationId: memberships.organisationId, organisationName: organisations.name })
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
			.where(and(eq(memberships.consortiumId, consortiumId), eq(memberships.role, 'deputy')))
			.orderBy(asc(organisations.name), asc(users.name));
		return deputies.filter((d) => can(actor, 'delegation.manage', { consortiumId, organisationId: d.organisationId }));
	});
}

/** One page of the consortium's audit log, newest first (admins). */
export async function listAuditLog(person: Who, consortiumId: string, page: number) {
	return withUser(person, async (tx) => {
		await readerFor(tx, person, consortiumId, 'audit.read');
		const [rows, [total]] = await Promise.all([
			tx
				.select({
					id: auditLog.id,
					action: auditLog.action,
					entityType: auditLog.entityType,
					entityId: auditLog.entityId,
					before: auditLog.before,
					after: auditLog.after,
					createdAt: auditLog.createdAt,
					actorName: users.name,
					actorEmail: users.email
				})
				.from(auditLog)
				.leftJoin(users, eq(users.id, auditLog.actorId))
				.where(eq(auditLog.consortiumId, consortiumId))
				.orderBy(desc(auditLog.createdAt), desc(auditLog.id))
				.limit(AUDIT_PAGE_SIZE)
				.offset((page - 1) * AUDIT_PAGE_SIZE),
			tx.select({ n: count() }).from(auditLog).where(eq(auditLog.consortiumId, consortiumId))
		]);
		return { rows, page, pages: Math.max(1, Math.ceil((total?.n ?? 0) / AUDIT_PAGE_SIZE)) };
	});
}
