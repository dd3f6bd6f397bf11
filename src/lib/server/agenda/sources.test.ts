import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useFreshDatabase } from '../testing/database';
import { asSystem } from '../db/request';
import { budgetLines, meetingAgendaItems, meetings } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import { saveBudgetLine } from '../budget/commands';
import { BudgetLineInput } from '../budget/schemas';
import { createSteeringMeeting } from './commands';
import { agendaPreparation } from './queries';
import { SteeringMeetingInput } from './schemas';

useFreshDatabase();

async function world() {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx, { name: 'Östgötakommunerna' });
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const user = await buildUser(tx);
		await buildMembership(tx, { consortiumId: consortium.id, userId: user.id, organisationId: convenor.id, role: 'admin' });
		return { consortium, admin: { id: user.id, isOperator: false } };
	});
}

/** The proposals as section, key and title (the amounts' thin spaces read as spaces). */
const proposals = async (w: Awaited<ReturnType<typeof world>>) =>
	(await agendaPreparation(w.admin, w.consortium.id)).sections.flatMap((s) => s.items.map((i) => [s.section, i.key, i.title.replace(/\s/g, ' ')]));

describe('the steering group agenda, read from the database', () => {
	it('proposes an outcome over budget under Ekonomisk rapport, not again once a meeting had it, and again when the outcome changes', async () => {
		const w = await world();
		const year = new Date().getFullYear();
		const line = (outcome: string) => BudgetLineInput.parse({ category: 'Juridiskt stöd', year: String(year), budget: '100000', outcome });
		await saveBudgetLine(
			w.admin,
			w.consortium.id,
			BudgetLineInput.parse({ category: 'Projektledning', year: String(year), budget: '400000', outcome: '380000' })
		);
		const saved = await saveBudgetLine(w.admin, w.consortium.id, line('160000'));
		expect(await proposals(w)).toEqual([
			['finance', `budget:${saved.id}`, `Utfall över budget: Östgötakommunerna, Juridiskt stöd ${year}: 160 000 kr mot budgeterade 100 000 kr (60 000 kr över)`]
		]);

		const meeting = await createSteeringMeeting(
			w.admin,
			w.consortium.id,
			SteeringMeetingInput.parse({ title: 'Styrgruppsmöte', date: `${year + 1}-01-14`, startsAt: '13:00', place: 'Rådhuset', accept: [`budget:${saved.id}`] })
		);
		const agenda = await asSystem((tx) =>
			tx.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meeting.id)).orderBy(meetingAgendaItems.position)
		);
		expect(agenda.slice(0, 3).map((a) => a.title)).toEqual([
			'Statusrapport',
			'Ekonomisk rapport',
			expect.stringMatching(/^Utfall över budget: .*Juridiskt stöd/)
		]);
		expect(agenda[2]).toMatchObject({ sourceKind: 'budget', sourceId: saved.id, municipalitiesOnly: true });
		expect(await proposals(w)).toEqual([]);

		// The meeting was held after the line last changed: nothing new to say.
		await asSystem(async (tx) => {
			await tx
				.update(meetings)
				.set({ meetingDate: `${year}-01-15` })
				.where(eq(meetings.id, meeting.id));
			await tx
				.update(budgetLines)
				.set({ updatedAt: new Date(`${year}-01-10T10:00:00Z`) })
				.where(eq(budgetLines.id, saved.id));
		});
		expect(await proposals(w)).toEqual([]);
		// A new outcome after that meeting brings it back; bringing it under budget takes it away.
		await saveBudgetLine(w.admin, w.consortium.id, line('190000'));
		expect((await proposals(w)).map((p) => p[1])).toEqual([`budget:${saved.id}`]);
		await saveBudgetLine(w.admin, w.consortium.id, line('90000'));
		expect(await proposals(w)).toEqual([]);
	});
});
