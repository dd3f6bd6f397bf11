import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { CommandError } from '../errors';
import { actorFor, type Who } from '../consortia/actor';
import { addAgendaItemIn, createMeetingIn } from '../meetings/commands';
import type { Actor } from '../policy';
import { contentLocale } from '../roadmap/state';
import { agendaOrder, assembleAgenda } from './assemble';
import type { SteeringMeetingInput } from './schemas';
import { agendaSourcesIn } from './sources';
import { agendaTitle, sectionTitle } from './titles';

/**
 * Creates the next steering-group meeting with seed 004's standard agenda and the proposals the
 * convenor kept, each under its heading, in the consortium's content language. Each kept proposal
 * remembers what it came from, so that the next preparation does not propose it again; proposed items
 * are for the municipalities only (the supplier sees the headings). A proposal that is no longer
 * proposed (someone handled it meanwhile) refuses the whole meeting, so nothing is created from a
 * stale page.
 */
export async function createSteeringMeeting(person: Who, consortiumId: string, input: SteeringMeetingInput) {
	return withUser(person, async (tx) => {
		const actor = await actorFor(tx, person, consortiumId, 'decisions.manage');
		return createSteeringMeetingIn(tx, actor, person.id, consortiumId, input);
	});
}

/** The command above in the caller's transaction (also the demo seed's). */
export async function createSteeringMeetingIn(tx: Transaction, actor: Actor, actorId: string | null, consortiumId: string, input: SteeringMeetingInput) {
	const proposals = assembleAgenda(await agendaSourcesIn(tx, actor, consortiumId));
	const byKey = new Map(proposals.map((p) => [p.key, p]));
	const wanted = new Set(input.accept);
	if ([...wanted].some((key) => !byKey.has(key))) throw new CommandError('agenda_proposals_changed', 'form', 409);
	const accepted = proposals.filter((p) => wanted.has(p.key));
	const locale = await contentLocale(tx, consortiumId);
	const meeting = await createMeetingIn(tx, actorId, consortiumId, {
		level: 'steering_group',
		title: input.title,
		date: input.date,
		startsAt: input.startsAt,
		endsAt: input.endsAt,
		place: input.place,
		agenda: [],
		adjusterIds: []
	});
	for (const entry of agendaOrder(accepted)) {
		if ('heading' in entry) {
			await addAgendaItemIn(tx, meeting, { title: sectionTitle(entry.heading, locale), municipalitiesOnly: false });
			continue;
		}
		const p = entry.proposal;
		await addAgendaItemIn(tx, meeting, {
			title: p.kind === 'decision_item' ? undefined : agendaTitle(p.fact, locale).slice(0, 500),
			decisionItemId: p.decisionItemId ?? undefined,
			municipalitiesOnly: true,
			source: { kind: p.kind, id: p.sourceId }
		});
	}
	return meeting;
}
