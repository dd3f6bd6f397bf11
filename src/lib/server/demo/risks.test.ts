import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { consortia, risks, users } from '../db/schema';
import { agendaPreparation } from '../agenda/queries';
import { attentionFor } from '../home/attention';
import { riskPage, riskRegister } from '../risks/queries';
import { seedDemo } from './seed';

useFreshDatabase();

describe('the demo risk register', () => {
	it("holds seed 004's R1–R6 and three of seed 003's, with R1, R3 and R4 in the high band on the steering group's next agenda, assembled with the rest of the demo; seeding again adds nothing", async () => {
		await seedDemo();
		await seedDemo();
		const { ostergotland, count, person } = await asSystem(async (tx) => {
			const [o] = await tx.select().from(consortia).where(eq(consortia.slug, 'ostergotland'));
			const ids = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
			return {
				ostergotland: o!,
				count: (await tx.select().from(risks).where(eq(risks.consortiumId, o!.id))).length,
				person: (email: string) => ({ id: ids.get(email)!, isOperator: false })
			};
		});
		expect(count).toBe(9);
		const register = await riskRegister(person('observator@samsyn.demo'), ostergotland.id, { sort: 'number' });
		expect(register.risks.slice(0, 6).map((r) => [r.number, r.probability, r.impact, r.score])).toEqual([
			[1, 5, 5, 25],
			[2, 4, 3, 12],
			[3, 5, 3, 15],
			[4, 3, 5, 15],
			[5, 2, 5, 10],
			[6, 3, 4, 12]
		]);
		const r1 = await riskPage(person('observator@samsyn.demo'), ostergotland.id, register.risks[0]!.id);
		expect(r1.assessments.map((a) => a.score)).toEqual([15, 20, 25]);
		expect(r1.actions).toHaveLength(3);

		// R4 was raised straight into the high band; R1 and R3 were assessed into it: all three await the steering group.
		const agenda = await agendaPreparation(person('admin@samsyn.demo'), ostergotland.id);
		const riskTitles = agenda.sections.find((s) => s.section === 'risks')!.items.map((i) => i.title);
		// The rest of the demo feeds the same agenda: the red status report, the troubled initiatives, the
		// overdue supplier question, the gate awaiting its decision and the change request.
		// (How many status reports came after the last meeting depends on the day of the month the demo is seeded.)
		expect(agenda.sections.slice(1).map((s) => [s.title, s.items.length])).toEqual([
			['Ekonomisk rapport', 2],
			['Aktiviteter', 3],
			['Riskhantering', 3],
			['Godkännande av delleverans', 2],
			['Beslutsärenden', 1]
		]);
		expect(agenda.sections[0]!.items.at(-1)!.title).toMatch(/^Statusrapport: Nattlig tillsyn via kamera, .+ \(röd rad\)$/);
		// The consortium's budget has two categories over budget this year: both go under Ekonomisk rapport.
		expect(agenda.sections[1]!.items.map((i) => i.title.replace(/\s/g, ' '))).toEqual([
			expect.stringMatching(/^Utfall över budget: .+, Juridiskt stöd \d{4}: 160 000 kr mot budgeterade 100 000 kr \(60 000 kr över\)$/),
			expect.stringMatching(/^Utfall över budget: .+, Projektledning \d{4}: 420 000 kr mot budgeterade 400 000 kr \(20 000 kr över\)$/)
		]);
		expect(agenda.sections[2]!.items[0]!.title).toBe('Initiativ 1 Nattlig tillsyn via kamera: röd status (Budget)');
		expect(riskTitles).toEqual([
			'Risk R1: Ändrat uppdrag för e-samordnarrollen (R = 25)',
			'Risk R3: Minskad interoperabilitet (R = 15)',
			'Risk R4: Vite på grund av bristande tillgänglighet (R = 15)'
		]);
		const admin = await attentionFor(person('admin@samsyn.demo'), ostergotland.id);
		expect(admin?.kind === 'internal' && admin.escalatedRisks.map((r) => r.number)).toEqual([1, 3, 4]);
		const linkoping = await attentionFor(person('ombud.linkoping@samsyn.demo'), ostergotland.id);
		expect(linkoping?.kind === 'internal' && linkoping.risksToReview.map((r) => r.number)).toEqual([4]);
		expect(linkoping?.kind === 'internal' && linkoping.escalatedRisks).toEqual([]);
	});
});
