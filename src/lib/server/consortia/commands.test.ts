import { describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog, delegations, groundRules, mailOutbox, mandates, memberships } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { CommandError, NotFound } from '../errors';
import { Forbidden, can, type Role } from '../policy';
import { actorIn } from './actor';
import { changeRole, createOrganisation, removeMember, updateGroundRules, updateOrganisation } from './commands';
import { appointMandate, delegateVoice, endMandate, revokeDelegation } from './mandates';
import { getOverview, listAuditLog, listDelegations, listMandates, listMembers } from './queries';
import { AppointMandateInput, ChangeRoleInput, DelegateInput, GroundRulesInput, OrganisationInput, UpdateOrganisationInput } from './schemas';

useFreshDatabase();

type Who = Role | 'outsider' | 'admin2' | 'rep2';
type People = Record<Who, { id: string; isOperator: boolean; membershipId: string }>;

/** One consortium with a person per role (Ydre: representative, deputy, member), a second one for outsiders. */
async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const ydre = await buildOrganisation(tx, consortium.id, { name: 'Ydre', skrGroup: 'C7', population: 3747 });
		const kinda = await buildOrganisation(tx, consortium.id, { name: 'Kinda', skrGroup: 'B5', population: 9940 });
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const people = {} as People;
		const add = async (who: Who, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			const m = await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role, since: '2026-01-01' });
			people[who] = { id: user.id, isOperator: false, membershipId: m.id };
		};
		await add('admin', convenor.id, 'admin');
		await add('representative', ydre.id, 'representative');
		await add('deputy', ydre.id, 'deputy');
		await add('member', ydre.id, 'member');
		await add('rep2', kinda.id, 'representative');
		await add('observer', convenor.id, 'observer');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		return { consortium, other, people, orgs: { ydre, kinda, convenor, supplierOrg } };
	});
}

const lastAudit = (consortiumId: string) =>
	asSystem(async (tx) => (await tx.select().from(auditLog).where(eq(auditLog.consortiumId, consortiumId)).orderBy(desc(auditLog.id)).limit(1))[0]);

const membershipOf = (membershipId: string) => asSystem(async (tx) => (await tx.select().from(memberships).where(eq(memberships.id, membershipId)))[0]);

const speaks = async (person: { id: string; isOperator: boolean }, consortiumId: string) =>
	withUser(person, async (tx) => (await actorIn(tx, person, consortiumId)).membership?.speaksForOrganisation ?? false);

describe('changeRole', () => {
	it('refuses an admin of another consortium, then non-admins', async () => {
		const { consortium, people } = await world();
		const input = ChangeRoleInput.parse({ membershipId: people.member.membershipId, role: 'observer' });
		await expect(changeRole(people.outsider, consortium.id, input)).rejects.toBeInstanceOf(NotFound);
		for (const who of ['representative', 'deputy', 'member', 'observer', 'supplier'] as const) {
			await expect(changeRole(people[who], consortium.id, input), who).rejects.toBeInstanceOf(Forbidden);
		}
		expect((await membershipOf(people.member.membershipId))!.role).toBe('member');
	});

	it('refuses malformed input and a membership of another consortium', async () => {
		const { consortium, people } = await world();
		expect(ChangeRoleInput.safeParse({ membershipId: 'nope', role: 'king' }).success).toBe(false);
		const foreign = ChangeRoleInput.parse({ membershipId: people.outsider.membershipId, role: 'member' });
		await expect(changeRole(people.admin, consortium.id, foreign)).rejects.toBeInstanceOf(NotFound);
	});

	it('changes a role, audits before/after for the affected person, and keeps the supplier role to the supplier', async () => {
		const { consortium, people } = await world();
		await changeRole(people.admin, consortium.id, ChangeRoleInput.parse({ membershipId: people.member.membershipId, role: 'observer' }));
		expect((await membershipOf(people.member.membershipId))!.role).toBe('observer');
		const audit = await lastAudit(consortium.id);
		expect(audit).toMatchObject({
			action: 'membership.role_changed',
			entityType: 'membership',
			actorId: people.admin.id,
			before: { role: 'member' },
			after: { role: 'observer' }
		});
		await expect(
			changeRole(people.admin, consortium.id, ChangeRoleInput.parse({ membershipId: people.member.membershipId, role: 'supplier' }))
		).rejects.toMatchObject({ key: 'role_organisation_mismatch' });
		await expect(
			changeRole(people.admin, consortium.id, ChangeRoleInput.parse({ membershipId: people.supplier.membershipId, role: 'member' }))
		).rejects.toMatchObject({ key: 'role_organisation_mismatch' });
	});

	it('never demotes the last admin', async () => {
		const { consortium, people } = await world();
		await expect(
			changeRole(people.admin, consortium.id, ChangeRoleInput.parse({ membershipId: people.admin.membershipId, role: 'member' }))
		).rejects.toMatchObject({ key: 'last_admin' });
		expect((await membershipOf(people.admin.membershipId))!.role).toBe('admin');
	});

	it('ends the old mandate (kept as history) and starts a new one when a representative becomes deputy', async () => {
		const { consortium, people, orgs } = await world();
		await changeRole(people.admin, consortium.id, ChangeRoleInput.parse({ membershipId: people.representative.membershipId, role: 'deputy' }));
		const rows = await asSystem((tx) => tx.select().from(mandates).where(eq(mandates.userId, people.representative.id)));
		expect(rows.find((r) => r.kind === 'representative')?.validTo).not.toBeNull();
		expect(rows.find((r) => r.kind === 'deputy')).toMatchObject({ organisationId: orgs.ydre.id, validTo: null });
		// Ydre has no representative in office now, so its deputies speak for it
		expect(await speaks(people.deputy, consortium.id)).toBe(true);
	});
});

describe('removeMember', () => {
	it('refuses outsiders and non-admins, and answers 404 for a foreign membership', async () => {
		const { consortium, people } = await world();
		const input = { membershipId: people.member.membershipId };
		await expect(removeMember(people.outsider, consortium.id, input)).rejects.toBeInstanceOf(NotFound);
		await expect(removeMember(people.representative, consortium.id, input)).rejects.toBeInstanceOf(Forbidden);
		await expect(removeMember(people.admin, consortium.id, { membershipId: people.outsider.membershipId })).rejects.toBeInstanceOf(NotFound);
	});

	it('never removes the last admin; removes a representative, ending their mandate but keeping its history', async () => {
		const { consortium, people } = await world();
		await expect(removeMember(people.admin, consortium.id, { membershipId: people.admin.membershipId })).rejects.toMatchObject({
			key: 'last_admin'
		});
		await removeMember(people.admin, consortium.id, { membershipId: people.representative.membershipId });
		expect(await membershipOf(people.representative.membershipId)).toBeUndefined();
		const history = await asSystem((tx) => tx.select().from(mandates).where(eq(mandates.userId, people.representative.id)));
		expect(history).toHaveLength(1);
		expect(history[0]!.validTo).not.toBeNull();
		expect(await lastAudit(consortium.id)).toMatchObject({ action: 'membership.removed', before: { role: 'representative' }, after: null });
	});

	it('lets one admin remove another when two exist', async () => {
		const { consortium, people, orgs } = await world();
		const second = await asSystem(async (tx) => {
			const user = await buildUser(tx);
			return buildMembership(tx, { consortiumId: consortium.id, userId: user.id, organisationId: orgs.convenor.id, role: 'admin' });
		});
		await removeMember(people.admin, consortium.id, { membershipId: second.id });
		expect(await membershipOf(second.id)).toBeUndefined();
	});
});

describe('mandate register', () => {
	it('refuses outsiders and non-admins', async () => {
		const { consortium, people } = await world();
		const input = AppointMandateInput.parse({ userId: people.member.id, kind: 'representative', validFrom: '2026-06-01' });
		await expect(appointMandate(people.outsider, consortium.id, input)).rejects.toBeInstanceOf(NotFound);
		await expect(appointMandate(people.representative, consortium.id, input)).rejects.toBeInstanceOf(Forbidden);
	});

	it('refuses malformed periods and people who cannot hold a mandate', async () => {
		const { consortium, people } = await world();
		const bad = AppointMandateInput.safeParse({ userId: people.member.id, kind: 'representative', validFrom: '2026-06-01', validTo: '2026-05-01' });
		expect(bad.success).toBe(false);
		expect(AppointMandateInput.safeParse({ userId: people.member.id, kind: 'boss', validFrom: 'tomorrow' }).success).toBe(false);
		const observer = AppointMandateInput.parse({ userId: people.observer.id, kind: 'representative', validFrom: '2026-06-01' });
		await expect(appointMandate(people.admin, consortium.id, observer)).rejects.toMatchObject({ key: 'mandate_role' });
		const foreign = AppointMandateInput.parse({ userId: people.outsider.id, kind: 'representative', validFrom: '2026-06-01' });
		await expect(appointMandate(people.admin, consortium.id, foreign)).rejects.toMatchObject({ key: 'unknown_member' });
	});

	it('appoints a new representative: the previous one’s mandate ends the day before (history kept) and they become a member', async () => {
		const { consortium, people } = await world();
		await appointMandate(people.admin, consortium.id, AppointMandateInput.parse({ userId: people.member.id, kind: 'representative', validFrom: '2026-03-01' }));
		const register = await listMandates(people.observer, consortium.id);
		const ydre = register.filter((r) => r.organisationName === 'Ydre' && r.kind === 'representative');
		expect(ydre.map((r) => [r.userId, r.validFrom, r.validTo, r.status])).toEqual([
			[people.member.id, '2026-03-01', null, 'current'],
			[people.representative.id, '2026-01-01', '2026-02-28', 'ended']
		]);
		expect((await membershipOf(people.member.membershipId))!.role).toBe('representative');
		expect((await membershipOf(people.representative.membershipId))!.role).toBe('member');
		expect(await speaks(people.member, consortium.id)).toBe(true);
	});

	it('ends a mandate on a date, keeping the row; a representative without a mandate in force no longer speaks', async () => {
		const { consortium, people } = await world();
		const [mandate] = (await listMandates(people.admin, consortium.id)).filter((r) => r.userId === people.representative.id);
		await expect(endMandate(people.admin, consortium.id, { mandateId: mandate!.id, validTo: '2025-01-01' })).rejects.toMatchObject({
			key: 'before_start'
		});
		await endMandate(people.admin, consortium.id, { mandateId: mandate!.id, validTo: '2026-01-31' });
		const after = (await listMandates(people.admin, consortium.id)).find((r) => r.id === mandate!.id);
		expect(after).toMatchObject({ validTo: '2026-01-31', status: 'ended' });
		expect(await speaks(people.representative, consortium.id)).toBe(false);
		expect(await speaks(people.deputy, consortium.id)).toBe(true);
	});
});

describe('delegations', () => {
	const today = () => new Date().toISOString().slice(0, 10);

	it('refuses outsiders, members, deputies and a representative of another organisation', async () => {
		const { consortium, people } = await world();
		const input = DelegateInput.parse({ toUserId: people.deputy.id, validFrom: today() });
		for (const who of ['outsider', 'member', 'deputy', 'observer', 'supplier', 'rep2'] as const) {
			// someone outside the consortium gets the answer a missing thing gets
			await expect(delegateVoice(people[who], consortium.id, input), who).rejects.toBeInstanceOf(who === 'outsider' ? NotFound : Forbidden);
		}
	});

	it('refuses delegating to someone who is not a deputy', async () => {
		const { consortium, people } = await world();
		const input = DelegateInput.parse({ toUserId: people.member.id, validFrom: today() });
		await expect(delegateVoice(people.representative, consortium.id, input)).rejects.toMatchObject({ key: 'not_a_deputy' });
		expect(DelegateInput.safeParse({ toUserId: people.deputy.id, validFrom: '2026-02-30x' }).success).toBe(false);
	});

	it('a representative delegates to the deputy, who then speaks for the organisation until it is revoked', async () => {
		const { consortium, people } = await world();
		expect(await speaks(people.deputy, consortium.id)).toBe(false);
		const delegation = await delegateVoice(
			people.representative,
			consortium.id,
			DelegateInput.parse({ toUserId: people.deputy.id, validFrom: today(), reason: 'Semester' })
		);
		expect(await speaks(people.deputy, consortium.id)).toBe(true);
		const overview = await getOverview(people.deputy, consortium.id);
		const ydre = overview.groups.flatMap((g) => g.organisations).find((o) => o.name === 'Ydre')!;
		expect(ydre.people.find((p) => p.userId === people.deputy.id)).toMatchObject({ mandate: 'deputy', delegated: true });
		expect(await lastAudit(consortium.id)).toMatchObject({ action: 'delegation.granted', entityType: 'delegation' });

		await expect(revokeDelegation(people.rep2, consortium.id, { delegationId: delegation.id })).rejects.toBeInstanceOf(Forbidden);
		await revokeDelegation(people.representative, consortium.id, { delegationId: delegation.id });
		expect(await speaks(people.deputy, consortium.id)).toBe(false);
		const listed = await listDelegations(people.member, consortium.id);
		expect(listed[0]).toMatchObject({ id: delegation.id, status: 'revoked', fromName: expect.any(String), toName: expect.any(String) });
	});

	it('a delegation that starts later does not yet give the deputy a voice; an admin may grant and revoke', async () => {
		const { consortium, people } = await world();
		const later = await delegateVoice(people.admin, consortium.id, DelegateInput.parse({ toUserId: people.deputy.id, validFrom: '2099-01-01' }));
		expect(await speaks(people.deputy, consortium.id)).toBe(false);
		await revokeDelegation(people.admin, consortium.id, { delegationId: later.id });
		const [row] = await asSystem((tx) => tx.select().from(delegations).where(eq(delegations.id, later.id)));
		expect(row!.revokedAt).not.toBeNull();
	});
});

describe('ground rules', () => {
	it('refuses outsiders and every role but admin', async () => {
		const { consortium, people } = await world();
		const input = GroundRulesInput.parse({
			decisionRule: 'majority',
			qualifiedMajorityPercent: '67',
			quorumPercent: '50',
			weighting: 'per_organisation',
			publishing: 'admins'
		});
		for (const who of ['outsider', 'representative', 'deputy', 'member', 'observer', 'supplier'] as const) {
			await expect(updateGroundRules(people[who], consortium.id, input), who).rejects.toBeInstanceOf(who === 'outsider' ? NotFound : Forbidden);
		}
	});

	it('refuses thresholds out of range', () => {
		const base = { decisionRule: 'qualified_majority', weighting: 'by_population', publishing: 'representatives', quorumPercent: '50' };
		expect(GroundRulesInput.safeParse({ ...base, qualifiedMajorityPercent: '50' }).success).toBe(false);
		expect(GroundRulesInput.safeParse({ ...base, qualifiedMajorityPercent: '101' }).success).toBe(false);
		expect(GroundRulesInput.safeParse({ ...base, qualifiedMajorityPercent: '67', quorumPercent: '-1' }).success).toBe(false);
		expect(GroundRulesInput.safeParse({ ...base, qualifiedMajorityPercent: 'två tredjedelar' }).success).toBe(false);
	});

	it('saves the rules with before/after, and the publishing right follows them', async () => {
		const { consortium, people } = await world();
		const input = GroundRulesInput.parse({
			decisionRule: 'qualified_majority',
			qualifiedMajorityPercent: '75',
			quorumPercent: '60',
			weighting: 'by_population',
			publishing: 'admins_and_representatives'
		});
		await updateGroundRules(people.admin, consortium.id, input);
		const [rules] = await asSystem((tx) => tx.select().from(groundRules).where(eq(groundRules.consortiumId, consortium.id)));
		expect(rules).toMatchObject({ decisionRule: 'qualified_majority', qualifiedMajorityPercent: 75, quorumPercent: 60, weighting: 'by_population' });
		expect(await lastAudit(consortium.id)).toMatchObject({
			action: 'ground_rules.updated',
			before: { decisionRule: 'consensus', publishing: 'admins' },
			after: { decisionRule: 'qualified_majority', publishing: 'admins_and_representatives' }
		});
		const rep = await withUser(people.representative, (tx) => actorIn(tx, people.representative, consortium.id));
		expect(can(rep, 'supplier.publish', { consortiumId: consortium.id, publishing: rules!.publishing })).toBe(true);
	});
});

describe('organisations', () => {
	it('refuses outsiders and non-admins', async () => {
		const { consortium, people } = await world();
		const input = OrganisationInput.parse({ name: 'Boxholm', kind: 'municipality', skrGroup: 'C7', population: '5476' });
		await expect(createOrganisation(people.outsider, consortium.id, input)).rejects.toBeInstanceOf(NotFound);
		await expect(createOrganisation(people.representative, consortium.id, input)).rejects.toBeInstanceOf(Forbidden);
	});

	it('validates municipalities (SKR group and population) and clears them for other kinds', () => {
		expect(OrganisationInput.safeParse({ name: 'Boxholm', kind: 'municipality' }).success).toBe(false);
		expect(OrganisationInput.safeParse({ name: 'Boxholm', kind: 'municipality', skrGroup: 'D1', population: '5476' }).success).toBe(false);
		expect(OrganisationInput.safeParse({ name: 'Boxholm', kind: 'municipality', skrGroup: 'C7', population: '-4' }).success).toBe(false);
		expect(OrganisationInput.safeParse({ name: '', kind: 'adviser' }).success).toBe(false);
		expect(OrganisationInput.parse({ name: 'Region Östergötland', kind: 'region', skrGroup: 'C7', population: '470000' })).toMatchObject({
			skrGroup: null,
			population: null
		});
		expect(OrganisationInput.parse({ name: 'Boxholm', kind: 'municipality', skrGroup: 'c7', population: '5476' })).toMatchObject({
			skrGroup: 'C7',
			population: 5476
		});
	});

	it('creates and edits an organisation, refusing a duplicate name and a kind its members’ roles do not fit', async () => {
		const { consortium, people, orgs } = await world();
		const created = await createOrganisation(
			people.admin,
			consortium.id,
			OrganisationInput.parse({ name: 'Boxholm', kind: 'municipality', skrGroup: 'C7', population: '5476' })
		);
		expect(await lastAudit(consortium.id)).toMatchObject({ action: 'organisation.created', entityId: created.id });
		await expect(createOrganisation(people.admin, consortium.id, OrganisationInput.parse({ name: 'boxholm', kind: 'adviser' }))).rejects.toMatchObject({
			key: 'name_taken',
			field: 'name'
		});
		const updated = await updateOrganisation(
			people.admin,
			consortium.id,
			UpdateOrganisationInput.parse({ organisationId: created.id, name: 'Boxholms kommun', kind: 'municipality', skrGroup: 'C7', population: '5500' })
		);
		expect(updated).toMatchObject({ name: 'Boxholms kommun', population: 5500 });
		await expect(
			updateOrganisation(people.admin, consortium.id, UpdateOrganisationInput.parse({ organisationId: orgs.ydre.id, name: 'Ydre', kind: 'supplier' }))
		).rejects.toMatchObject({ key: 'kind_has_members' });
		await expect(
			updateOrganisation(people.outsider, consortium.id, UpdateOrganisationInput.parse({ organisationId: orgs.ydre.id, name: 'X', kind: 'adviser' }))
		).rejects.toBeInstanceOf(NotFound);
	});
});

describe('queries', () => {
	it('answer 404 to outsiders and the supplier; the audit log only to admins', async () => {
		const { consortium, people } = await world();
		for (const who of ['outsider', 'supplier'] as const) {
			await expect(getOverview(people[who], consortium.id)).rejects.toBeInstanceOf(NotFound);
			await expect(listMembers(people[who], consortium.id)).rejects.toBeInstanceOf(NotFound);
			await expect(listMandates(people[who], consortium.id)).rejects.toBeInstanceOf(NotFound);
		}
		await expect(listAuditLog(people.representative, consortium.id, 1)).rejects.toBeInstanceOf(NotFound);
		const log = await listAuditLog(people.admin, consortium.id, 1);
		expect(log.page).toBe(1);
	});

	it('the overview groups organisations by kind with their people, roles and mandates', async () => {
		const { consortium, people } = await world();
		const overview = await getOverview(people.observer, consortium.id);
		expect(overview.groups.map((g) => g.kind)).toEqual(['municipality', 'convenor', 'supplier']);
		const ydre = overview.groups[0]!.organisations.find((o) => o.name === 'Ydre')!;
		expect(ydre).toMatchObject({ skrGroup: 'C7', population: 3747 });
		expect(ydre.people.find((p) => p.userId === people.representative.id)).toMatchObject({ role: 'representative', mandate: 'representative' });
		expect(ydre.people.find((p) => p.userId === people.member.id)).toMatchObject({ role: 'member', mandate: null });
		expect(overview.rules.decisionRule).toBe('consensus');
	});

	it('the audit log pages newest first with who did what', async () => {
		const { consortium, people } = await world();
		await asSystem(async (tx) => {
			for (let i = 0; i < 55; i++) {
				await tx
					.insert(auditLog)
					.values({ consortiumId: consortium.id, actorId: people.admin.id, action: `test.${i}`, entityType: 'test', entityId: String(i) });
			}
		});
		const first = await listAuditLog(people.admin, consortium.id, 1);
		expect(first.pages).toBe(2);
		expect(first.rows).toHaveLength(50);
		expect(first.rows[0]).toMatchObject({ action: 'test.54', actorName: expect.any(String) });
		const second = await listAuditLog(people.admin, consortium.id, 2);
		expect(second.rows.at(-1)!.action).toBe('test.0');
	});
});

describe('nothing escapes a failed command', () => {
	it('a refused command leaves no audit line, mail or membership change behind', async () => {
		const { consortium, people } = await world();
		const before = await asSystem(async (tx) => ({
			audit: (await tx.select().from(auditLog).where(eq(auditLog.consortiumId, consortium.id))).length,
			mail: (await tx.select().from(mailOutbox)).length
		}));
		await expect(
			changeRole(people.admin, consortium.id, ChangeRoleInput.parse({ membershipId: people.admin.membershipId, role: 'member' }))
		).rejects.toBeInstanceOf(CommandError);
		const after = await asSystem(async (tx) => ({
			audit: (await tx.select().from(auditLog).where(eq(auditLog.consortiumId, consortium.id))).length,
			mail: (await tx.select().from(mailOutbox)).length
		}));
		expect(after).toEqual(before);
		const [admins] = await asSystem((tx) =>
			tx
				.select({ n: sql<number>`count(*)::int` })
				.from(memberships)
				.where(and(eq(memberships.consortiumId, consortium.id), eq(memberships.role, 'admin')))
		);
		expect(admins!.n).toBe(1);
	});
});
