import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { asSystem, withUser } from '../db/request';
import { apiTokens, consortia, users } from '../db/schema';
import { recordChange } from '../audit/record-change';
import { NotFound } from '../errors';
import { actorFor, type Who } from '../consortia/actor';
import { RequiredText } from '../validation';

export const CreateTokenInput = z.object({ name: RequiredText(100) });

const hashOf = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/** Creates a read-only API token for the consortium; the token itself is returned only now. */
export async function createApiToken(person: Who, consortiumId: string, name: string): Promise<{ id: string; token: string }> {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	const token = `smsn_${encodeBase32LowerCaseNoPadding(bytes)}`;
	return withUser(person, async (tx) => {
		await actorFor(tx, person, consortiumId, 'members.manage');
		const [row] = await tx
			.insert(apiTokens)
			.values({ consortiumId, name, tokenHash: hashOf(token), prefix: token.slice(0, 9), createdBy: person.id })
			.returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
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

/** The consortium's tokens (never their secrets), newest first. */
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
				createdBy: users.name
			})
			.from(apiTokens)
			.leftJoin(users, eq(users.id, apiTokens.createdBy))
			.where(eq(apiTokens.consortiumId, consortiumId))
			.orderBy(desc(apiTokens.createdAt));
	});
}

/**
 * The caller behind a bearer token for one consortium, or null. A token reads with the rights of
 * the admin who created it (the policy is asked again on every request, so a creator who lost
 * access takes the token's access with them); it only ever reaches read-only endpoints.
 */
export async function authenticateApiToken(token: string, slug: string): Promise<{ person: Who; consortiumId: string } | null> {
	if (!/^smsn_[a-z2-7]{32}$/.test(token)) return null;
	return asSystem(async (tx) => {
		const [row] = await tx
			.select({ id: apiTokens.id, consortiumId: apiTokens.consortiumId, createdBy: apiTokens.createdBy, lastUsedAt: apiTokens.lastUsedAt })
			.from(apiTokens)
			.innerJoin(consortia, eq(consortia.id, apiTokens.consortiumId))
			.where(and(eq(apiTokens.tokenHash, hashOf(token)), isNull(apiTokens.revokedAt), eq(consortia.slug, slug)));
		if (!row) return null;
		// Last use is kept to the minute, so a busy integration does not write on every request.
		if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
			await tx
				.update(apiTokens)
				.set({ lastUsedAt: sql`now()` })
				.where(eq(apiTokens.id, row.id));
		}
		return { person: { id: row.createdBy, isOperator: false }, consortiumId: row.consortiumId };
	});
}
