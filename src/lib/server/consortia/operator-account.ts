import { sql } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import { hashPassword } from '../auth/password';
import { generateSessionToken, sessionIdOf } from '../auth/session';
import { asSystem } from '../db/request';
import { passwordResets, users } from '../db/schema';

export const SET_PASSWORD_HOURS = 24;

/**
 * Makes a person a platform operator, creating the account when the address has none. With a
 * password it is set at once; without one, a one-time set-password token (valid 24 h) is
 * returned, stored only as its SHA-256 like every other link. Runs as the system: it precedes any operator.
 */
export async function ensureOperator(input: {
	email: string;
	name: string;
	password?: string;
}): Promise<{ userId: string; created: boolean; token: string | null }> {
	const email = input.email.trim().toLowerCase();
	const passwordHash = input.password ? await hashPassword(input.password) : undefined;
	return asSystem(async (tx) => {
		const [existing] = await tx
			.select()
			.from(users)
			.where(sql`lower(${users.email}) = ${email}`);
		const [user] = existing
			? await tx
					.update(users)
					.set({ isOperator: true, ...(passwordHash ? { passwordHash } : {}), updatedAt: new Date() })
					.where(sql`${users.id} = ${existing.id}`)
					.returning()
			: await tx
					.insert(users)
					.values({ email, name: input.name, isOperator: true, passwordHash: passwordHash ?? null })
					.returning();
		await recordChange(tx, {
			actorId: null,
			consortiumId: null,
			action: existing ? 'operator.granted' : 'operator.created',
			entityType: 'user',
			entityId: user!.id,
			before: existing ? { isOperator: existing.isOperator } : undefined,
			after: { email, isOperator: true },
			audience: 'user',
			userId: user!.id
		});
		let token: string | null = null;
		if (!passwordHash) {
			token = generateSessionToken();
			await tx.insert(passwordResets).values({
				userId: user!.id,
				tokenHash: sessionIdOf(token),
				expiresAt: new Date(Date.now() + SET_PASSWORD_HOURS * 60 * 60 * 1000)
			});
		}
		return { userId: user!.id, created: !existing, token };
	});
}
