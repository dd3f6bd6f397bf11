import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { roleLabel } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { recordChange } from '../audit/record-change';
import { hashPassword } from '../auth/password';
import { checkPassword } from '../auth/password-rules';
import { generateSessionToken, sessionIdOf } from '../auth/session';
import type { Transaction } from '../db/client';
import { asSystem, withUser } from '../db/request';
import { consortia, invitations, memberships, organisations, users } from '../db/schema';
import { CommandError, NotFound } from '../errors';
import { enqueueMail, type Mail } from '../mail/outbox';
import type { Role } from '../policy';
import { actorFor, type Who } from './actor';
import { roleFitsOrganisation } from './commands';
import { startMandate } from './mandates';
import type { AcceptAsNewInput, InviteInput, RevokeInvitationInput } from './schemas';

export const INVITATION_DAYS = 7;

type Locale = 'sv' | 'en';

interface Issue {
	consortiumId: string;
	consortiumName: string;
	organisationId: string;
	organisationName: string;
	email: string;
	name: string;
	role: Role;
	locale: Locale;
	invitedBy: string;
	inviterName: string;
	origin: string;
}

/**
 * Stores an invitation under the hash of a fresh one-time token, in the caller's transaction, and
 * returns the mail with the link. An earlier pending invitation to the same address is replaced.
 * The mail is queued in the same transaction, so it goes out only for an invitation that committed.
 */
export async function issueInvitation(tx: Transaction, issue: Issue): Promise<{ invitation: typeof invitations.$inferSelect; mail: Mail }> {
	await tx
		.update(invitations)
		.set({ revokedAt: new Date() })
		.where(
			and(eq(invitations.consortiumId, issue.consortiumId), eq(invitations.email, issue.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt))
		);
	const token = generateSessionToken();
	const [invitation] = await tx
		.insert(invitations)
		.values({
			consortiumId: issue.consortiumId,
			email: issue.email,
			name: issue.name,
			organisationId: issue.organisationId,
			role: issue.role,
			tokenHash: sessionIdOf(token),
			expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
			invitedBy: issue.invitedBy
		})
		.returning();
	const locale = issue.locale;
	const link = `${issue.origin}/invite/${token}`;
	const mail: Mail = {
		to: issue.email,
		locale,
		subject: m.mail_invitation_subject({ consortium: issue.consortiumName }, { locale }),
		text: m.mail_invitation_body(
			{
				inviter: issue.inviterName,
				consortium: issue.consortiumName,
				organisation: issue.organisationName,
				role: roleLabel(issue.role, locale),
				link,
				days: String(INVITATION_DAYS)
			},
			{ locale }
		)
	};
	const { tokenHash: _hash, ...shown } = invitation!;
	await recordChange(tx, {
		actorId: issue.invitedBy,
		consortiumId: issue.consortiumId,
		action: 'invitation.created',
		entityType: 'invitation',
		entityId: invitation!.id,
		after: shown,
		audience: 'admins'
	});
	await enqueueMail(tx, mail);
	return { invitation: invitation!, mail };
}

/** An admin invites someone by email to an organisation with a role; the link is mailed in `locale`. */
export async function createInvitation(person: Who, consortiumId: string, input: InviteInput, origin: string): Promise<{ id: string }> {
	const { id } = await withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'members.manage');
		const [organisation] = await tx
			.select()
			.from(organisations)
			.where(and(eq(organisations.id, input.organisationId), eq(organisations.consortiumId, consortiumId)));
		if (!organisation) throw new CommandError('unknown_organisation', 'organisationId', 422);
		if (!roleFitsOrganisation(input.role, organisation.kind)) throw new CommandError('role_organisation_mismatch', 'role', 422);
		const [member] = await tx
			.select({ id: memberships.id })
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.where(and(eq(memberships.consortiumId, consortiumId), sql`lower(${users.email}) = ${input.email}`));
		if (member) throw new CommandError('already_member', 'email', 409);
		const [consortium] = await tx.select().from(consortia).where(eq(consortia.id, consortiumId));
		const [inviter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, person.id));
		const { invitation } = await issueInvitation(tx, {
			consortiumId,
			consortiumName: consortium!.name,
			organisationId: organisation.id,
			organisationName: organisation.name,
			email: input.email,
			name: input.name,
			role: input.role,
			locale: input.locale,
			invitedBy: person.id,
			inviterName: inviter?.name ?? '',
			origin
		});
		return { id: invitation.id };
	});
	return { id };
}

/** Invitations not yet accepted, revoked or expired, newest first (admins). */
export async function listPendingInvitations(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'members.manage');
		return tx
			.select({
				id: invitations.id,
				email: invitations.email,
				name: invitations.name,
				role: invitations.role,
				organisationName: organisations.name,
				expiresAt: invitations.expiresAt,
				createdAt: invitations.createdAt
			})
			.from(invitations)
			.innerJoin(organisations, eq(organisations.id, invitations.organisationId))
			.where(
				and(eq(invitations.consortiumId, consortiumId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date()))
			)
			.orderBy(desc(invitations.createdAt));
	});
}

/** Revokes a pending invitation; its link stops working. */
export async function revokeInvitation(person: Who, consortiumId: string, input: RevokeInvitationInput): Promise<void> {
	await withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'members.manage');
		const [before] = await tx
			.select()
			.from(invitations)
			.where(and(eq(invitations.id, input.invitationId), eq(invitations.consortiumId, consortiumId)))
			.for('update');
		if (!before) throw new NotFound();
		if (before.revokedAt || before.acceptedAt) return;
		const [after] = await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, before.id)).returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'invitation.revoked',
			entityType: 'invitation',
			entityId: before.id,
			before: { email: before.email, role: before.role, revokedAt: null },
			after: { email: after!.email, role: after!.role, revokedAt: after!.revokedAt },
			audience: 'admins'
		});
	});
}

export interface OpenInvitation {
	id: string;
	email: string;
	name: string;
	role: Role;
	consortium: { id: string; slug: string; name: string };
	organisationName: string;
	/** Whether someone already has an account with the invited address. */
	hasAccount: boolean;
}

/**
 * The invitation behind a one-time link, or null when the link is unknown, used, revoked or
 * expired. Runs as the system: the person following the link is not (yet) a member.
 */
export async function findOpenInvitation(token: string): Promise<OpenInvitation | null> {
	if (!/^[a-z2-7]{16,64}$/.test(token)) return null;
	return asSystem(async (tx) => {
		const row = await openInvitation(tx, token, false);
		if (!row) return null;
		const [account] = await tx
			.select({ id: users.id })
			.from(users)
			.where(sql`lower(${users.email}) = ${row.email}`);
		return { ...row, hasAccount: Boolean(account) };
	});
}

async function openInvitation(tx: Transaction, token: string, lock: boolean) {
	const query = tx
		.select({
			id: invitations.id,
			email: invitations.email,
			name: invitations.name,
			role: invitations.role,
			organisationId: invitations.organisationId,
			organisationName: organisations.name,
			consortium: { id: consortia.id, slug: consortia.slug, name: consortia.name }
		})
		.from(invitations)
		.innerJoin(organisations, eq(organisations.id, invitations.organisationId))
		.innerJoin(consortia, eq(consortia.id, invitations.consortiumId))
		.where(
			and(eq(invitations.tokenHash, sessionIdOf(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date()))
		);
	const [row] = lock ? await query.for('update', { of: invitations }) : await query;
	return row ?? null;
}

/** Makes the person a member as the invitation says, marks it used and audits it. */
async function join(tx: Transaction, invitation: NonNullable<Awaited<ReturnType<typeof openInvitation>>>, userId: string, ipAddress: string | null) {
	const consortiumId = invitation.consortium.id;
	const [existing] = await tx
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.consortiumId, consortiumId), eq(memberships.userId, userId)));
	if (existing) throw new CommandError('already_member', 'form', 409);
	const [membership] = await tx
		.insert(memberships)
		.values({ consortiumId, userId, organisationId: invitation.organisationId, role: invitation.role })
		.returning();
	if (invitation.role === 'representative' || invitation.role === 'deputy') {
		await startMandate(tx, { consortiumId, organisationId: invitation.organisationId, userId, kind: invitation.role, actorId: userId });
	}
	await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
	await recordChange(tx, {
		actorId: userId,
		consortiumId,
		action: 'invitation.accepted',
		entityType: 'membership',
		entityId: membership!.id,
		after: { invitationId: invitation.id, userId, organisationId: invitation.organisationId, role: invitation.role },
		ipAddress,
		userId
	});
}

/**
 * Someone without an account accepts: creates the account with the invited address, a name and a
 * password, and the membership. The link works once. Returns the new user's id and where to go.
 */
export async function acceptInvitationAsNew(
	token: string,
	input: AcceptAsNewInput,
	context: { locale: Locale; ipAddress: string | null }
): Promise<{ userId: string; slug: string }> {
	const invitation = await asSystem((tx) => openInvitation(tx, token, false));
	if (!invitation) throw new CommandError('invitation_invalid', 'form', 404);
	const problem = checkPassword(input.password, { email: invitation.email });
	if (problem) throw new CommandError(problem, 'password', 422);
	const passwordHash = await hashPassword(input.password);
	return asSystem(async (tx) => {
		// Checked again under a row lock: the link works once, even for two submissions at the same time.
		const invitation = await openInvitation(tx, token, true);
		if (!invitation) throw new CommandError('invitation_invalid', 'form', 404);
		const [account] = await tx
			.select({ id: users.id })
			.from(users)
			.where(sql`lower(${users.email}) = ${invitation.email}`);
		if (account) throw new CommandError('account_exists', 'form', 409);
		const [user] = await tx
			.insert(users)
			.values({ email: invitation.email, name: input.name, passwordHash, locale: context.locale })
			.returning({ id: users.id });
		await join(tx, invitation, user!.id, context.ipAddress);
		return { userId: user!.id, slug: invitation.consortium.slug };
	});
}

/** A signed-in person whose address the invitation names accepts it. The link works once. */
export async function acceptInvitationAsExisting(
	token: string,
	person: { id: string; email: string },
	context: { ipAddress: string | null }
): Promise<{ slug: string }> {
	return asSystem(async (tx) => {
		const invitation = await openInvitation(tx, token, true);
		if (!invitation) throw new CommandError('invitation_invalid', 'form', 404);
		if (invitation.email !== person.email.trim().toLowerCase()) throw new CommandError('invitation_wrong_account', 'form', 409);
		await join(tx, invitation, person.id, context.ipAddress);
		return { slug: invitation.consortium.slug };
	});
}
