import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from './request';
import { rowsOf } from './rows';
import { auditLog, consortia, memberships, organisations, users } from './schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { recordChange } from '../audit/record-change';
import { EVENTS_CHANNEL } from '../events/event';

const db = useFreshDatabase();

async function twoConsortia() {
	return asSystem(async (tx) => {
		const a = await buildConsortium(tx);
		const b = await buildConsortium(tx);
		const orgA = await buildOrganisation(tx, a.id);
		const orgB = await buildOrganisation(tx, b.id);
		const memberOfA = await buildUser(tx);
		const memberOfB = await buildUser(tx);
		await buildMembership(tx, { consortiumId: a.id, userId: memberOfA.id, organisationId: orgA.id, role: 'member' });
		await buildMembership(tx, { consortiumId: b.id, userId: memberOfB.id, organisationId: orgB.id, role: 'member' });
		return { a, b, memberOfA, memberOfB };
	});
}

describe('withUser', () => {
	it('runs as the non-superuser role authenticated, with the user in the claims', async () => {
		const user = await asSystem((tx) => buildUser(tx));
		const [row] = await withUser(user, async (tx) =>
			rowsOf<{ role: string; superuser: boolean; bypass: boolean; uid: string }>(
				await tx.execute(sql`
					select current_user as role, r.rolsuper as superuser, r.rolbypassrls as bypass, app.uid() as uid
					from pg_roles r where r.rolname = current_user`)
			)
		);
		expect(row).toEqual({ role: 'authenticated', superuser: false, bypass: false, uid: user.id });
	});

	it('leaves no claims behind for the next transaction on the connection', async () => {
		const user = await asSystem((tx) => buildUser(tx));
		await withUser(user, async () => undefined);
		const [row] = await asSystem(async (tx) => rowsOf<{ uid: string | null }>(await tx.execute(sql`select app.uid() as uid`)));
		expect(row?.uid).toBeNull();
	});
});

describe('row-level security', () => {
	it('returns none of another consortium’s rows to a query with no WHERE clause', async () => {
		const { a, memberOfA } = await twoConsortia();
		const seen = await withUser(memberOfA, async (tx) => ({
			consortia: await tx.select().from(consortia),
			organisations: await tx.select().from(organisations),
			memberships: await tx.select().from(memberships)
		}));
		expect(seen.consortia.map((c) => c.id)).toEqual([a.id]);
		expect(seen.organisations.every((o) => o.consortiumId === a.id)).toBe(true);
		expect(seen.organisations.length).toBeGreaterThan(0);
		expect(seen.memberships.every((m) => m.consortiumId === a.id)).toBe(true);
		// the superuser connection sees both, so the filtering above is RLS, not an empty table
		const all = await asSystem((tx) => tx.select().from(consortia));
		expect(all.length).toBeGreaterThanOrEqual(2);
	});

	it('refuses a write into another consortium', async () => {
		const { b, memberOfA } = await twoConsortia();
		await expect(withUser(memberOfA, (tx) => tx.insert(organisations).values({ consortiumId: b.id, name: 'Intruder', kind: 'adviser' }))).rejects.toThrow();
	});

	it('hides people who share no consortium', async () => {
		const { memberOfA, memberOfB } = await twoConsortia();
		const visible = await withUser(memberOfA, (tx) => tx.select({ id: users.id }).from(users));
		const ids = visible.map((u) => u.id);
		expect(ids).toContain(memberOfA.id);
		expect(ids).not.toContain(memberOfB.id);
	});
});

describe('recordChange', () => {
	it('audits and notifies in the writing transaction, and neither survives a rollback', async () => {
		const { a, memberOfA } = await twoConsortia();
		const received: string[] = [];
		const unlisten = await db.handle().listen(EVENTS_CHANNEL, (payload) => received.push(payload));
		const change = {
			actorId: memberOfA.id,
			consortiumId: a.id,
			action: 'test.changed',
			entityType: 'test',
			entityId: 'x',
			before: { title: 'old' },
			after: { title: 'new', password: 'secret' }
		};
		await withUser(memberOfA, (tx) => recordChange(tx, change));
		await expect(
			withUser(memberOfA, async (tx) => {
				await recordChange(tx, { ...change, entityId: 'rolled-back' });
				throw new Error('abort');
			})
		).rejects.toThrow('abort');
		await new Promise((resolve) => setTimeout(resolve, 300));
		await unlisten();

		const events = received.map((p) => JSON.parse(p));
		expect(events.map((e) => e.entityId)).toEqual(['x']);
		expect(events[0]).toMatchObject({ consortiumId: a.id, topic: 'test', audience: 'internal' });
		const log = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(sql`${auditLog.action} = 'test.changed'`)
		);
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({ actorId: memberOfA.id, before: { title: 'old' }, after: { title: 'new', password: '[redacted]' } });
	});
});
