import { describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { consortia, impactFlags, requirements, users } from '../db/schema';
import { listOpenImpactFlags } from '../impact/queries';
import { attentionFor } from '../home/attention';
import { DEMO_IMPACT_CHANGE } from './impact';
import { seedDemo } from './seed';

useFreshDatabase();

describe('the change impact demo', () => {
	it('revises one baselined Östergötland requirement through the command, which flags the kravspecifikation and what it traces to; seeding again adds nothing', async () => {
		await seedDemo();
		await seedDemo();
		const { ostergotland, revised, flags, person } = await asSystem(async (tx) => {
			const [o] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const ids = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
			return {
				ostergotland: o!,
				revised: await tx
					.select()
					.from(requirements)
					.where(and(eq(requirements.consortiumId, o!.id), eq(requirements.revision, 2))),
				flags: await tx
					.select()
					.from(impactFlags)
					.where(and(eq(impactFlags.consortiumId, o!.id), isNull(impactFlags.clearedAt))),
				person: (email: string) => ({ id: ids.get(email)!, isOperator: false })
			};
		});
		expect(revised).toHaveLength(1);
		expect(revised[0]).toMatchObject({ status: 'in_review', isLatest: true });
		expect(revised[0]!.bodyText).toContain(DEMO_IMPACT_CHANGE);
		expect(flags.length).toBeGreaterThan(1);
		expect(new Set(flags.map((f) => f.toRevisionId))).toEqual(new Set([revised[0]!.id]));
		expect(flags.map((f) => f.targetKind)).toContain('document');
		expect(flags[0]!.diff.changes.map((c) => c.field)).toEqual(['text']);
		const listed = await listOpenImpactFlags(person('observator@samsyn.demo'), ostergotland.id);
		expect(listed.flags).toHaveLength(flags.length);
		const home = await attentionFor(person('admin@samsyn.demo'), ostergotland.id);
		expect(home?.kind === 'internal' && home.openImpactFlagCount).toBe(flags.length);
	});
});
