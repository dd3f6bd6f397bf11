import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog, delegations, groundRules, invitations, mandates, memberships, organisations } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { recordChange } from '../audit/record-change';
import type { Role } from '../policy';

useFreshDatabase();

/** Two consortia, each with its organisations, people in every role, mandates, a delegation, an invitation and audit lines. */
async function twoConsortia() {
	return asSystem(async (tx) => {
		const made = [];
		for (let i = 0; i < 2; i++) {
			const consortium = await buildConsortium(tx);
			const town = await buildOrganisation(tx, consortium.id);
			const supplierOrg = await buildOrganisation(tx, consortium.id, { kind: 'supplier' });
			const people = {} as Record<Role, { id: string }>;
			for (const role of ['admin', 'representative', 'deputy', 'member', 'observer', 'supplier'] as const) {
				const user = await buildUser(tx);
				await buildMembership(tx, { consortiumId: consortium.id, userId: user.id, organisationId: role === 'supplier' ? supplierOrg.id : town.id, role });
				people[role] = user;
			}
			await tx.insert(delegations).values({
				consortiumId: consortium.id,
				organisationId: town.id,
				fromUserId: people.representative.id,
				toUserId: people.deputy.id,
				validFrom: '2026-01-01'
			});
			await tx.insert(invitations).values({
				consortiumId: consortium.id,
				email: `invited-${i}@samsyn.test`,
				organisationId: town.id,
				role: 'member',
				tokenHash: `hash-${i}-${consortium.id}`,
				expiresAt: new Date(Date.now() + 86_400_000)
			});
			await recordChange(tx, { actorId: people.admin.id, consortiumId: consortium.id, action: 'test.done', entityType: 'test', entityId: null });
			made.push({ consortium, town, people });
		}
		return made as [(typeof made)[number], (typeof made)[number]];
	});
}

const everything = () => ({
	organisations,
	memberships,
	mandates,
	delegations,
	groundRules,
	invitations,
	auditLog
});

describe('row-level security for consortium data', () => {
	it('an admin of A sees no row of B in any consortium table, with no WHERE clause', async () => {
		const [a, b] = await twoConsortia();
		const seen = await withUser(a.people.admin, async (tx) => {
			const out: Record<string, { consortiumId: string | null }[]> = {};
			for (const [name, table] of Object.entries(everything())) out[name] = await tx.select().from(table);
			return out;
		});
		for (const [name, rows] of Object.entries(seen)) {
			expect(rows.length, name).toBeGreaterThan(0);
			expect(
				rows.every((r) => r.consortiumId === a.consortium.id),
				name
			).toBe(true);
			expect(
				rows.some((r) => r.consortiumId === b.consortium.id),
				name
			).toBe(false);
		}
		// the system sees both: the filtering above is row-level security, not an empty table
		const all = await asSystem((tx) => tx.select().from(mandates));
		expect(new Set(all.map((r) => r.consortiumId)).size).toBe(2);
	});

	it('internal non-admins see mandates and delegations but no invitations or audit log', async () => {
		const [a] = await twoConsortia();
		for (const role of ['representative', 'deputy', 'member', 'observer'] as const) {
			const seen = await withUser(a.people[role], async (tx) => ({
				mandates: await tx.select().from(mandates),
				delegations: await tx.select().from(delegations),
				invitations: await tx.select().from(invitations),
				audit: await tx.select().from(auditLog)
			}));
			expect(seen.mandates.length, role).toBeGreaterThan(0);
			expect(seen.delegations.length, role).toBe(1);
			expect(seen.invitations, role).toEqual([]);
			expect(
				seen.audit.filter((r) => r.consortiumId !== null),
				role
			).toEqual([]);
		}
	});

	it('the supplier sees no mandates, delegations, ground rules, invitations, nor other people’s memberships', async () => {
		const [a] = await twoConsortia();
		const seen = await withUser(a.people.supplier, async (tx) => ({
			mandates: await tx.select().from(mandates),
			delegations: await tx.select().from(delegations),
			rules: await tx.select().from(groundRules),
			invitations: await tx.select().from(invitations),
			memberships: await tx.select().from(memberships)
		}));
		expect(seen.mandates).toEqual([]);
		expect(seen.delegations).toEqual([]);
		expect(seen.rules).toEqual([]);
		expect(seen.invitations).toEqual([]);
		expect(seen.memberships.map((m) => m.userId)).toEqual([a.people.supplier.id]);
	});

	it('refuses writes the policy would refuse: mandates by a representative, delegations on someone else’s behalf, rules by a member, into B by A’s admin', async () => {
		const [a, b] = await twoConsortia();
		await expect(
			withUser(a.people.representative, (tx) =>
				tx
					.insert(mandates)
					.values({ consortiumId: a.consortium.id, organisationId: a.town.id, userId: a.people.member.id, kind: 'representative', validFrom: '2026-01-01' })
			)
		).rejects.toThrow();
		await expect(
			withUser(a.people.member, (tx) =>
				tx.insert(delegations).values({
					consortiumId: a.consortium.id,
					organisationId: a.town.id,
					fromUserId: a.people.representative.id,
					toUserId: a.people.deputy.id,
					validFrom: '2026-01-01'
				})
			)
		).rejects.toThrow();
		const changed = await withUser(a.people.member, (tx) => tx.update(groundRules).set({ quorumPercent: 1 }).returning());
		expect(changed).toEqual([]);
		await expect(
			withUser(a.people.admin, (tx) =>
				tx.insert(invitations).values({
					consortiumId: b.consortium.id,
					email: 'x@samsyn.test',
					organisationId: b.town.id,
					role: 'admin',
					tokenHash: 'intruder',
					expiresAt: new Date()
				})
			)
		).rejects.toThrow();
		const removed = await withUser(a.people.admin, (tx) => tx.delete(memberships).returning());
		expect(removed.every((m) => m.consortiumId === a.consortium.id)).toBe(true);
	});
});
