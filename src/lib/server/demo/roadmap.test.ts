import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { consortia, initiatives, users } from '../db/schema';
import { gateOfDecisionItem, roadmap } from '../roadmap/queries';
import { attentionFor } from '../home/attention';
import { seedDemo } from './seed';

useFreshDatabase();

describe('the demo roadmaps', () => {
	it('Östergötland: three joint initiatives with phases, milestones, a passed and a pending gate and one dependency; KASAM its seven phases; seeding again adds nothing', async () => {
		await seedDemo();
		await seedDemo();
		const { ostergotland, kasam, observer, kasamAdmin, count } = await asSystem(async (tx) => {
			const [o] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const [k] = await tx.select().from(consortia).where(eq(consortia.slug, 'kasam'));
			const [obs] = await tx.select().from(users).where(eq(users.email, 'observator@samsyn.demo'));
			const [ka] = await tx.select().from(users).where(eq(users.email, 'kasam.admin@samsyn.demo'));
			return {
				ostergotland: o!,
				kasam: k!,
				observer: { id: obs!.id, isOperator: false },
				kasamAdmin: { id: ka!.id, isOperator: false },
				count: (await tx.select().from(initiatives)).length
			};
		});
		expect(count).toBe(4);
		const { initiatives: list } = await roadmap(observer, ostergotland.id);
		expect(list.map((i) => i.title)).toEqual(['Nattlig tillsyn via kamera', 'Läkemedelsautomater i hemtjänsten', 'Digitala lås i särskilt boende']);
		const [night, dispensers, locks] = list as [(typeof list)[0], (typeof list)[0], (typeof list)[0]];
		expect(night.currentPhase).toBe(3);
		expect(night.gates.map((g) => g.state)).toEqual(['passed', 'draft']);
		expect(night.gates[0]!.decisionNumber).toMatch(/^B-\d{4}-\d{3}$/);
		expect(night.milestones.map((m) => !!m.doneOn)).toEqual([true, false, false]);
		expect(dispensers.participants.map((p) => p.name)).toEqual(['Mjölby', 'Motala', 'Norrköping', 'Söderköping']);
		expect(dispensers.technology?.name).toBe('Läkemedelsautomat');
		expect(locks.dependsOn.map((d) => d.title)).toEqual(['Nattlig tillsyn via kamera']);
		expect(night.status).toBe('on_track');
		expect(dispensers.status).toBe('at_risk');
		expect(dispensers.reasons.map((r) => r.key)).toEqual(['milestone_soon']);
		expect(locks.status).toBe('on_track');
		const kasamList = (await roadmap(kasamAdmin, kasam.id)).initiatives;
		expect(kasamList).toHaveLength(1);
		expect(kasamList[0]!.phases.map((p) => p.name)).toEqual([
			'Förberedelse',
			'Målgruppsarbete',
			'Mål och nyttor',
			'Analys och kravställning',
			'Utveckling och prototyp',
			'Produktionssättning och go-live',
			'Uppföljning och förändring'
		]);
		expect(kasamList[0]!.currentPhase).toBe(5);

		// Motala's member sees on the home page that its initiative is at risk, and why; Finspång's representative nothing of it.
		const person = async (email: string) =>
			asSystem(async (tx) => ({ id: (await tx.select().from(users).where(eq(users.email, email)))[0]!.id, isOperator: false }));
		const motala = await attentionFor(await person('deltagare.motala@samsyn.demo'), ostergotland.id);
		expect(motala?.kind === 'internal' && motala.troubledInitiatives.map((i) => [i.title, i.reasons.map((r) => r.key)])).toEqual([
			['Läkemedelsautomater i hemtjänsten', ['milestone_soon']]
		]);
		const finspang = await attentionFor(await person('ombud.finspang@samsyn.demo'), ostergotland.id);
		expect(finspang?.kind === 'internal' && finspang.troubledInitiatives).toEqual([]);
		// The pending gate's decision item names its initiative.
		expect(await gateOfDecisionItem(observer, ostergotland.id, night.gates[1]!.decisionItemId)).toMatchObject({
			title: 'Nattlig tillsyn via kamera',
			phase: 'Analysera och förbereda'
		});
	});
});
