import type { Transaction } from '../db/client';
import { withUser } from '../db/request';
import { readerFor, type Who } from '../consortia/actor';
import { can, type Actor } from '../policy';
import { contentLocale } from '../roadmap/state';
import { riskRowsIn } from '../risks/queries';
import { bandLimits } from '../risks/state';
import { agendaOrder, assembleAgenda, type AgendaProposal, type AgendaSection } from './assemble';
import { agendaSourcesIn } from './sources';
import { agendaTitle, sectionTitle } from './titles';

export interface ProposedItem {
	key: string;
	kind: AgendaProposal['kind'];
	sourceId: string;
	title: string;
}

/** The proposals in the caller's transaction, titled as the agenda will say them. */
export async function agendaProposalsIn(tx: Transaction, actor: Actor, consortiumId: string) {
	const locale = await contentLocale(tx, consortiumId);
	const sources = await agendaSourcesIn(tx, actor, consortiumId);
	const proposals = assembleAgenda(sources);
	const sections: { section: AgendaSection; title: string; items: ProposedItem[] }[] = [];
	for (const entry of agendaOrder(proposals)) {
		if ('heading' in entry) sections.push({ section: entry.heading, title: sectionTitle(entry.heading, locale), items: [] });
		else {
			const p = entry.proposal;
			sections.at(-1)!.items.push({ key: p.key, kind: p.kind, sourceId: p.sourceId, title: agendaTitle(p.fact, locale) });
		}
	}
	return { sections, count: proposals.length, lastMeetingDate: sources.lastMeetingDate, today: sources.today };
}

/** "Förbered styrgruppsmöte": the proposed agenda under its headings, and whether the person may create the meeting. */
export async function agendaPreparation(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		return { ...(await agendaProposalsIn(tx, actor, consortiumId)), canCreate: can(actor, 'decisions.manage', { consortiumId }) };
	});
}

/** The governance area's front page: the register in two numbers, and how much awaits the steering group. */
export async function governanceOverview(person: Who, consortiumId: string) {
	return withUser(person, async (tx) => {
		const actor = await readerFor(tx, person, consortiumId);
		const limits = await bandLimits(tx, consortiumId);
		const open = (await riskRowsIn(tx, consortiumId, limits)).filter((r) => r.status !== 'closed');
		const { count } = await agendaProposalsIn(tx, actor, consortiumId);
		return { risks: { open: open.length, high: open.filter((r) => r.band === 'high').length }, proposals: count };
	});
}
