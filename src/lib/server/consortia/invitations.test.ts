import { describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { auditLog, consortia, invitations, mailOutbox, mandates, memberships, organisations, passwordResets, users } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { NotFound } from '../errors';
import { Forbidden, type Role } from '../policy';
import { verifyCredentials } from '../auth/sign-in';
import { sessionIdOf } from '../auth/session';
import {
	acceptInvitationAsExisting,
	acceptInvitationAsNew,
	createInvitation,
	findOpenInvitation,
	listPendingInvitations,
	revokeInvitation
} from './invitations';
import { createConsortium, listAllConsortia } from './operator';
import { ensureOperator } from './operator-account';
import { AcceptAsNewInput, CreateConsortiumInput, InviteInput } from './schemas';

useFreshDatabase();

const ORIGIN = 'http://samsyn.test';

async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx, { name: 'Välfärdsteknik Test' });
		const other = await buildConsortium(tx);
		const ydre = await buildOrganisation(tx, consortium.id, { name: 'Ydre' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const people = {} as Record<Role | 'outsider', { id: string; isOperator: boolean; email: string }>;
		for (const role of ['admin', 'representative', 'deputy', 'member', 'observer', 'supplier'] as const) {
			const user = await buildUser(tx, { name: `Person ${role}` });
			await buildMembership(tx, { consortiumId: consortium.id, userId: user.id, organisationId: role === 'supplier' ? supplierOrg.id : ydre.id, role });
			people[role] = { id: user.id, isOperator: false, email: user.email };
		}
		const outsider = await buildUser(tx);
		await buildMembership(tx, { consortiumId: other.id, userId: outsider.id, organisationId: (await buildOrganisation(tx, other.id)).id, role: 'admin' });
		people.outsider = { id: outsider.id, isOperator: false, email: outsider.email };
		return { consortium, other, ydre, supplierOrg, people };
	});
}

/** The one-time link in the newest mail to an address. */
async function linkMailedTo(email: string) {
	const [mail] = await asSystem((tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toEmail, email)).orderBy(desc(mailOutbox.createdAt)).limit(1));
	const token = /\/invite\/([a-z2-7]+)/.exec(mail!.bodyText)?.[1];
	return { mail: mail!, token: token! };
}

const invite = (over: Record<string, unknown>) => InviteInput.parse({ email: 'ny.person@kommun.test', role: 'member', ...over });

describe('creating invitations', () => {
	it('refuses outsiders and non-admins', async () => {
		const { consortium, ydre, people } = await world();
		const input = invite({ organisationId: ydre.id });
		for (const who of ['outsider', 'representative', 'deputy', 'member', 'observer', 'supplier'] as const) {
			await expect(createInvitation(people[who], consortium.id, input, ORIGIN), who).rejects.toBeInstanceOf(who === 'outsider' ? NotFound : Forbidden);
		}
		await expect(listPendingInvitations(people.member, consortium.id)).rejects.toBeInstanceOf(Forbidden);
	});

	it('refuses malformed input, an organisation of another consortium, a role that does not fit, and an existing member', async () => {
		const { consortium, other, ydre, supplierOrg, people } = await world();
		expect(InviteInput.safeParse({ email: 'inte en adress', organisationId: ydre.id, role: 'member' }).success).toBe(false);
		expect(InviteInput.safeParse({ email: 'a@b.se', organisationId: ydre.id, role: 'emperor' }).success).toBe(false);
		const [foreignOrg] = await asSystem((tx) => tx.select().from(organisations).where(eq(organisations.consortiumId, other.id)));
		await expect(createInvitation(people.admin, consortium.id, invite({ organisationId: foreignOrg!.id }), ORIGIN)).rejects.toMatchObject({
			key: 'unknown_organisation'
		});
		await expect(createInvitation(people.admin, consortium.id, invite({ organisationId: supplierOrg.id }), ORIGIN)).rejects.toMatchObject({
			key: 'role_organisation_mismatch'
		});
		await expect(
			createInvitation(people.admin, consortium.id, invite({ organisationId: ydre.id, email: people.member.email.toUpperCase() }), ORIGIN)
		).rejects.toMatchObject({ key: 'already_member' });
	});

	it('stores only the token’s hash, mails the link in the chosen language, lists it as pending and audits it', async () => {
		const { consortium, ydre, people } = await world();
		const { id } = await createInvitation(people.admin, consortium.id, invite({ organisationId: ydre.id, email: 'Anna@Kommun.test', locale: 'en' }), ORIGIN);
		const { mail, token } = await linkMailedTo('anna@kommun.test');
		expect(mail.locale).toBe('en');
		expect(mail.subject).toBe('Invitation to Välfärdsteknik Test in Samsyn');
		expect(mail.bodyText).toContain('Ydre');
		expect(mail.bodyText).toContain('7 days');
		const [row] = await asSystem((tx) => tx.select().from(invitations).where(eq(invitations.id, id)));
		expect(row!.tokenHash).toBe(sessionIdOf(token));
		expect(row!.tokenHash).not.toContain(token);
		expect(row!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
		const pending = await listPendingInvitations(people.admin, consortium.id);
		expect(pending.map((p) => p.email)).toEqual(['anna@kommun.test']);
		const [audit] = await asSystem((tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, id)));
		expect(audit).toMatchObject({ action: 'invitation.created', actorId: people.admin.id });
		expect(JSON.stringify(audit!.after)).not.toContain(token);
	});
});

describe('accepting invitations', () => {
	it('refuses unknown, malformed, revoked and expired links', async () => {
		const { consortium, ydre, people } = await world();
		expect(await findOpenInvitation('not a token')).toBeNull();
		expect(await findOpenInvitation('a'.repeat(32))).toBeNull();
		const { id } = await createInvitation(people.admin, consortium.id, invite({ organisationId: ydre.id, email: 'revoked@kommun.test' }), ORIGIN);
		const { token } = await linkMailedTo('revoked@kommun.test');
		expect(await findOpenInvitation(token)).toMatchObject({ email: 'revoked@kommun.test', hasAccount: false });
		await expect(revokeInvitation(people.outsider, consortium.id, { invitationId: id })).rejects.toBeInstanceOf(NotFound);
		await revokeInvitation(people.admin, consortium.id, { invitationId: id });
		expect(await findOpenInvitation(token)).toBeNull();
		const input = AcceptAsNewInput.parse({ name: 'Ny', password: 'ett långt lösenord', confirm: 'ett långt lösenord' });
		await expect(acceptInvitationAsNew(token, input, { locale: 'sv', ipAddress: null })).rejects.toMatchObject({ key: 'invitation_invalid' });

		await createInvitation(people.admin, consortium.id, invite({ organisationId: ydre.id, email: 'expired@kommun.test' }), ORIGIN);
		const expired = await linkMailedTo('expired@kommun.test');
		await asSystem((tx) =>
			tx
				.update(invitations)
				.set({ expiresAt: new Date(Date.now() - 1000) })
				.where(eq(invitations.email, 'expired@kommun.test'))
		);
		expect(await findOpenInvitation(expired.token)).toBeNull();
	});

	it('refuses a short or common password and a confirmation that differs', () => {
		expect(AcceptAsNewInput.safeParse({ name: 'Ny', password: 'kort', confirm: 'kort' }).success).toBe(false);
		expect(AcceptAsNewInput.safeParse({ name: 'Ny', password: 'ett långt lösenord', confirm: 'ett annat lösenord' }).success).toBe(false);
		expect(AcceptAsNewInput.safeParse({ name: '', password: 'ett långt lösenord', confirm: 'ett långt lösenord' }).success).toBe(false);
		const common = AcceptAsNewInput.safeParse({ name: 'Ny', password: 'password1234', confirm: 'password1234' });
		expect(common.success ? null : common.error.issues[0]!.message).toBe('password_common');
	});

	it('a new person sets name and password, becomes a member with the role (and mandate); the link works once', async () => {
		const { consortium, ydre, people } = await world();
		await createInvitation(people.admin, consortium.id, invite({ organisationId: ydre.id, email: 'ny.ersattare@kommun.test', role: 'deputy' }), ORIGIN);
		const { token } = await linkMailedTo('ny.ersattare@kommun.test');
		const ownAddress = AcceptAsNewInput.parse({ name: 'Ny', password: 'ny.ersattare', confirm: 'ny.ersattare' });
		await expect(acceptInvitationAsNew(token, ownAddress, { locale: 'sv', ipAddress: null })).rejects.toMatchObject({
			key: 'password_is_email',
			field: 'password'
		});
		const input = AcceptAsNewInput.parse({ name: 'Ny Ersättare', password: 'ett långt lösenord', confirm: 'ett långt lösenord' });
		const { userId, slug } = await acceptInvitationAsNew(token, input, { locale: 'en', ipAddress: '127.0.0.1' });
		expect(slug).toBe(consortium.slug);
		const [membership] = await asSystem((tx) => tx.select().from(memberships).where(eq(memberships.userId, userId)));
		expect(membership).toMatchObject({ consortiumId: consortium.id, organisationId: ydre.id, role: 'deputy' });
		const [mandate] = await asSystem((tx) => tx.select().from(mandates).where(eq(mandates.userId, userId)));
		expect(mandate).toMatchObject({ kind: 'deputy', validTo: null });
		const [user] = await asSystem((tx) => tx.select().from(users).where(eq(users.id, userId)));
		expect(user).toMatchObject({ name: 'Ny Ersättare', locale: 'en' });
		expect(await verifyCredentials({ email: 'ny.ersattare@kommun.test', password: 'ett långt lösenord', ipAddress: null })).toMatchObject({ userId });
		const [audit] = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(sql`${auditLog.action} = 'invitation.accepted' and ${auditLog.actorId} = ${userId}`)
		);
		expect(audit).toMatchObject({ consortiumId: consortium.id, ipAddress: '127.0.0.1' });

		expect(await findOpenInvitation(token)).toBeNull();
		await expect(acceptInvitationAsNew(token, input, { locale: 'sv', ipAddress: null })).rejects.toMatchObject({ key: 'invitation_invalid' });
	});

	it('an existing account accepts only while signed in as the invited address', async () => {
		const { consortium, ydre, people } = await world();
		await createInvitation(people.admin, consortium.id, invite({ organisationId: ydre.id, email: people.outsider.email }), ORIGIN);
		const { token } = await linkMailedTo(people.outsider.email);
		expect(await findOpenInvitation(token)).toMatchObject({ hasAccount: true });
		await expect(acceptInvitationAsExisting(token, people.member, { ipAddress: null })).rejects.toMatchObject({ key: 'invitation_wrong_account' });
		const input = AcceptAsNewInput.parse({ name: 'Kapare', password: 'ett långt lösenord', confirm: 'ett långt lösenord' });
		await expect(acceptInvitationAsNew(token, input, { locale: 'sv', ipAddress: null })).rejects.toMatchObject({ key: 'account_exists' });
		await acceptInvitationAsExisting(token, { id: people.outsider.id, email: people.outsider.email.toUpperCase() }, { ipAddress: null });
		const rows = await asSystem((tx) => tx.select().from(memberships).where(eq(memberships.userId, people.outsider.id)));
		expect(rows.map((r) => r.consortiumId)).toContain(consortium.id);
		await expect(acceptInvitationAsExisting(token, people.outsider, { ipAddress: null })).rejects.toMatchObject({ key: 'invitation_invalid' });
	});
});

describe('the platform operator', () => {
	it('only operators list and create consortia', async () => {
		const { people } = await world();
		const input = CreateConsortiumInput.parse({ name: 'Nytt', slug: 'nytt', convenorName: 'Kansliet', adminEmail: 'admin@nytt.test' });
		await expect(createConsortium(people.admin, input, ORIGIN)).rejects.toBeInstanceOf(Forbidden);
		await expect(listAllConsortia(people.admin)).rejects.toBeInstanceOf(Forbidden);
	});

	it('refuses a malformed or taken slug', async () => {
		const { consortium } = await world();
		const operator = await ensureOperator({ email: 'op1@samsyn.test', name: 'Operatör', password: 'operatorns långa lösenord' });
		const person = { id: operator.userId, isOperator: true };
		expect(CreateConsortiumInput.safeParse({ name: 'X', slug: 'Inte OK!', convenorName: 'K', adminEmail: 'a@b.se' }).success).toBe(false);
		const taken = CreateConsortiumInput.parse({ name: 'X', slug: consortium.slug, convenorName: 'K', adminEmail: 'a@b.se' });
		await expect(createConsortium(person, taken, ORIGIN)).rejects.toMatchObject({ key: 'slug_taken', field: 'slug' });
	});

	it('creates a consortium with ground rules and convenor, and invites its first admin, who can accept', async () => {
		await world();
		const operator = await ensureOperator({ email: 'op2@samsyn.test', name: 'Operatör' });
		expect(operator.token).toMatch(/^[a-z2-7]{32}$/);
		const [reset] = await asSystem((tx) => tx.select().from(passwordResets).where(eq(passwordResets.userId, operator.userId)));
		expect(reset!.tokenHash).toBe(sessionIdOf(operator.token!));
		const person = { id: operator.userId, isOperator: true };
		const created = await createConsortium(
			person,
			CreateConsortiumInput.parse({ name: 'Välfärd Väst', slug: 'valfard-vast', convenorName: 'Kansliet Väst', adminEmail: 'forsta.admin@vast.test' }),
			ORIGIN
		);
		expect((await listAllConsortia(person)).map((c) => c.slug)).toContain('valfard-vast');
		const { token } = await linkMailedTo('forsta.admin@vast.test');
		const { userId } = await acceptInvitationAsNew(
			token,
			AcceptAsNewInput.parse({ name: 'Första admin', password: 'ett långt lösenord', confirm: 'ett långt lösenord' }),
			{ locale: 'sv', ipAddress: null }
		);
		const [membership] = await asSystem((tx) =>
			tx
				.select({ role: memberships.role, kind: organisations.kind })
				.from(memberships)
				.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
				.where(eq(memberships.userId, userId))
		);
		expect(membership).toEqual({ role: 'admin', kind: 'convenor' });
		const seen = await withUser({ id: userId }, (tx) => tx.select().from(consortia));
		expect(seen.map((c) => c.id)).toEqual([created.id]);
	});

	it('ensureOperator promotes an existing account and sets a given password', async () => {
		const { people } = await world();
		const result = await ensureOperator({ email: people.member.email, name: 'ignored', password: 'ett nytt långt lösenord' });
		expect(result).toMatchObject({ userId: people.member.id, created: false, token: null });
		expect(await verifyCredentials({ email: people.member.email, password: 'ett nytt långt lösenord', ipAddress: null })).toMatchObject({
			userId: people.member.id
		});
	});
});

describe('NotFound is the answer for a foreign invitation', () => {
	it('an admin cannot revoke another consortium’s invitation', async () => {
		const { consortium, ydre, people } = await world();
		const { id } = await createInvitation(people.admin, consortium.id, invite({ organisationId: ydre.id, email: 'x@kommun.test' }), ORIGIN);
		const [otherConsortium] = await asSystem((tx) => tx.select().from(memberships).where(eq(memberships.userId, people.outsider.id)));
		await expect(revokeInvitation(people.outsider, otherConsortium!.consortiumId, { invitationId: id })).rejects.toBeInstanceOf(NotFound);
	});
});
