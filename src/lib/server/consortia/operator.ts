import { asc, count, eq } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import { withUser } from '../db/request';
import { consortia, groundRules, memberships, organisations, users } from '../db/schema';
import { CommandError } from '../errors';
import { authorize, type Actor } from '../policy';
import type { Person } from './actor';
import { issueInvitation } from './invitations';
import type { CreateConsortiumInput } from './schemas';

const operatorActor = (person: Person): Actor => ({ id: person.id, isOperator: person.isOperator, membership: null });

/** Every consortium on the platform with its number of members (operators only). */
export async function listAllConsortia(person: Person) {
	authorize(operatorActor(person), 'platform.operate');
	return withUser(person, (tx) =>
		tx
			.select({ id: consortia.id, slug: consortia.slug, name: consortia.name, createdAt: consortia.createdAt, members: count(memberships.id) })
			.from(consortia)
			.leftJoin(memberships, eq(memberships.consortiumId, consortia.id))
			.groupBy(consortia.id)
			.orderBy(asc(consortia.name))
	);
}

/**
 * Creates a consortium with default ground rules and its convenor organisation, and invites its
 * first admin (into the convenor) by a one-time link.
 */
export async function createConsortium(person: Person, input: CreateConsortiumInput, origin: string) {
	authorize(operatorActor(person), 'platform.operate');
	const { consortium } = await withUser(person, async (tx) => {
		const [taken] = await tx.select({ id: consortia.id }).from(consortia).where(eq(consortia.slug, input.slug));
		if (taken) throw new CommandError('slug_taken', 'slug', 409);
		const [consortium] = await tx.insert(consortia).values({ slug: input.slug, name: input.name, description: input.description }).returning();
		const [rules] = await tx.insert(groundRules).values({ consortiumId: consortium!.id, updatedBy: person.id }).returning();
		const [convenor] = await tx.insert(organisations).values({ consortiumId: consortium!.id, name: input.convenorName, kind: 'convenor' }).returning();
		await recordChange(tx, {
			actorId: person.id,
			consortiumId: consortium!.id,
			action: 'consortium.created',
			entityType: 'consortium',
			entityId: consortium!.id,
			after: { consortium, groundRules: rules, convenor },
			audience: 'admins'
		});
		const [operator] = await tx.select({ name: users.name }).from(users).where(eq(users.id, person.id));
		await issueInvitation(tx, {
			consortiumId: consortium!.id,
			consortiumName: consortium!.name,
			organisationId: convenor!.id,
			organisationName: convenor!.name,
			email: input.adminEmail,
			name: input.adminName,
			role: 'admin',
			locale: input.locale,
			invitedBy: person.id,
			inviterName: operator?.name ?? '',
			origin
		});
		return { consortium: consortium! };
	});
	return consortium;
}
