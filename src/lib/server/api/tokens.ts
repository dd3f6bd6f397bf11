import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { asSystem, withUser } from '../db/request';
import { apiTokens, consortia, memberships, organisations, users } from '../db/schema';
import { recordChange } from '../audit/record-change';
import { CommandError, NotFound } from '../errors';
import { actorFor, type Who } from '../consortia/actor';
import { RequiredText } from '../validation';

export const CreateTokenInput = z.object({
	name: RequiredText(100),
	/** A supplier member the token is issued to; blank: the token reads with its creator's rights. */
	holderId: z
		.union([z.literal(''), z.uuid()])
		.optional()
		.transform((v) => v || null)
});

const hashOf = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/**
 * Creates a read-only API token for the consortium; the token itself is returned only now. Issued to
 * a supplier member (`holderId`), it reads with that person's rights: only what the supplier sees.
 */
export async function createApiToken(person: Who, consortiumId: string, name: string, holderId: string | null = null): Promise<{ id: string; token: string }> {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	const token = `smsn_${encodeBase32LowerCaseNoPadding(bytes)}`;
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'members.manage');
		if (holderId) {
			const [holder] = await tx
				.select({ id: memberships.userId })
				.from(memberships)
				.where(and(eq(memberships.consortiumId, consortiumId), eq(memberships.userId, holderId), eq(memberships.role, 'supplier')));
			if (!holder) throw new CommandError('api_token_holder_not_supplier', 'holderId', 422);
		}
		const [row] = await tx
			.insert(apiTokens)
			.values({ consortiumId, name, tokenHash: hashOf(token), prefix: token.slice(0, 9), createdBy: person.id, holderId })
			.returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, holderId: apiTokens.holderId });
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'api_token.created',
			entityType: 'api_token',
			entityId: row!.id,
			after: row,
			audience: 'admins'
		});
		return { id: row!.id, token };
	});
}

/** Revokes a token at once; requests with it get 401 from then on. */
export async function revokeApiToken(person: Who, consortiumId: string, id: string): Promise<void> {
	await withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'members.manage');
		const [row] = await tx
			.update(apiTokens)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiTokens.id, id), eq(apiTokens.consortiumId, consortiumId), isNull(apiTokens.revokedAt)))
			.returning({ id: apiTokens.id, name: apiTokens.name });
		if (!row) throw new NotFound();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId,
			action: 'api_token.revoked',
			entityType: 'api_token',
			entityId: id,
			before: row,
			audience: 'admins'
		});
	});
}

const holders = alias(users, 'holders');

/** The consortium's tokens (never their secrets), newest first, each with the supplier person it was issued to. */
export async function listApiTokens(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'members.manage');
		return tx
			.select({
				id: apiTokens.id,
				name: apiTokens.name,
				prefix: apiTokens.prefix,
				createdAt: apiTokens.createdAt,
				lastUsedAt: apiTokens.lastUsedAt,
				revokedAt: apiTokens.revokedAt,
				createdBy: users.name,
				holder: holders.name
			})
			.from(apiTokens)
			.leftJoin(users, eq(users.id, apiTokens.createdBy))
			.leftJoin(holders, eq(holders.id, apiTokens.holderId))
			.where(eq(apiTokens.consortiumId, consortiumId))
			.orderBy(desc(apiTokens.createdAt));
	});
}

/** The supplier members a token can be issued to, by name. For admins. */
export async function listTokenHolders(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'members.manage');
		return tx
			.select({ id: users.id, name: users.name, organisation: organisations.name })
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.innerJoin(organisations, eq(organisations.id, memberships.organisationId))
			.where(and(eq(memberships.consortiumId, consortiumId), eq(memberships.role, 'supplier')))
			.orderBy(asc(users.name));
	});
}

/**
 * The caller behind a bearer token for one consortium, or null. A token reads with the rights of
 * the admin who created it, or, issued to a supplier member, with that person's (the policy is
 * asked again on every request, so whoever lost access takes the token's access with them); it
 * only ever reaches read-only endpoints. A holder who is no longer a supplier member of the
 * consortium (left it, or given another role) makes the token invalid rather than lend it new rights.
 */
export async function authenticateApiToken(token: string, slug: string): Promise<{ person: Who; consortiumId: string } | null> {
	if (!/^smsn_[a-z2-7]{32}$/.test(token)) return null;
	return asSystem(async (tx) => {
		const [row] = await tx
			.select({
				id: apiTokens.id,
				consortiumId: apiTokens.consortiumId,
				createdBy: apiTokens.createdBy,
				holderId: apiTokens.holderId,
				lastUsedAt: apiTokens.lastUsedAt
			})
			.from(apiTokens)
			.innerJoin(consortia, eq(consortia.id, apiTokens.consortiumId))
			.leftJoin(
				memberships,
				and(eq(memberships.consortiumId, apiTokens.consortiumId), eq(memberships.userId, apiTokens.holderId), eq(memberships.role, 'supplier'))
			)
			.where(
				and(
					eq(apiTokens.tokenHash, hashOf(token)),
					isNull(apiTokens.revokedAt),
					eq(consortia.slug, slug),
					or(isNull(apiTokens.holderId), sql`${memberships.id} is not null`)
				)
			);
		if (!row) return null;
		// Last use is kept to the minute, so a busy integration does not write on every request.
		if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
			await tx
				.update(apiTokens)
				.set({ lastUsedAt: sql`now()` })
				.where(eq(apiTokens.id, row.id));
		}
		return { person: { id: row.holderId ?? row.createdBy, isOperator: false }, consortiumId: row.consortiumId };
	});
}
