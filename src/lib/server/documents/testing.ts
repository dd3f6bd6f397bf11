import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { SessionUser } from '../auth/session';
import { openDocument, settled, submitUpdate } from '../collab/documents';
import { FRAGMENT } from '../collab/render';
import { asSystem } from '../db/request';
import { baselineItems, baselines, groundRules } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildUser } from '../demo/factories';
import type { Role } from '../policy';

/*
 * What the documents' tests share (not a test file: the tests import it): a consortium to write
 * documents in, and typing into a document as an editor's WebSocket would.
 */

type Who = { id: string; isOperator: boolean };
export type DocumentsPerson =
	'admin' | 'convenor' | 'linkoping' | 'norrkoping' | 'motala' | 'member' | 'observer' | 'supplier' | 'reviewer' | 'union' | 'outsider';

/**
 * Linköping, Norrköping and Motala with their representatives (under `rule`, and a publishing right
 * for admins and representatives); the convenor's admin and representative; a member (Linköping) and
 * an observer (Norrköping); the supplier; two external reviewers (a pensioners' organisation's and a
 * union's, in non-voting organisations); an admin of another consortium. Two baselines: "Baslinje 1"
 * (K-001 functional, K-002 non-functional) and "Baslinje 2" (K-001, K-003).
 */
export async function documentsWorld(rule: 'consensus' | 'majority' = 'majority') {
	return asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		await tx
			.update(groundRules)
			.set({ decisionRule: rule, quorumPercent: 50, publishing: 'admins_and_representatives' })
			.where(eq(groundRules.consortiumId, consortium.id));
		const orgs = {
			linkoping: await buildOrganisation(tx, consortium.id, { name: 'Linköping' }),
			norrkoping: await buildOrganisation(tx, consortium.id, { name: 'Norrköping' }),
			motala: await buildOrganisation(tx, consortium.id, { name: 'Motala' }),
			convenor: await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' }),
			supplier: await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' }),
			pensioners: await buildOrganisation(tx, consortium.id, { name: 'PRO Östergötland', kind: 'adviser' }),
			union: await buildOrganisation(tx, consortium.id, { name: 'Kommunal Öst', kind: 'adviser' }),
			other: await buildOrganisation(tx, other.id, { name: 'Ydre' })
		};
		const people = {} as Record<DocumentsPerson, Who>;
		const users = {} as Record<DocumentsPerson, SessionUser>;
		const add = async (key: DocumentsPerson, organisationId: string, role: Role, name: string, consortiumId = consortium.id) => {
			const user = await buildUser(tx, { name });
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
			users[key] = { id: user.id, email: user.email, name: user.name, locale: 'sv', isOperator: false };
		};
		await add('admin', orgs.convenor.id, 'admin', 'Karin Kansli');
		await add('convenor', orgs.convenor.id, 'representative', 'Kurt Kansli');
		await add('linkoping', orgs.linkoping.id, 'representative', 'Lena Linköping');
		await add('norrkoping', orgs.norrkoping.id, 'representative', 'Nils Norrköping');
		await add('motala', orgs.motala.id, 'representative', 'Maja Motala');
		await add('member', orgs.linkoping.id, 'member', 'Anna Andersson');
		await add('observer', orgs.norrkoping.id, 'observer', 'Oskar Observatör');
		await add('supplier', orgs.supplier.id, 'supplier', 'Sara Leverantör');
		await add('reviewer', orgs.pensioners.id, 'reviewer', 'Rut Remiss');
		await add('union', orgs.union.id, 'reviewer', 'Ulf Facklig');
		await add('outsider', orgs.other.id, 'admin', 'Olle Utanför', other.id);
		const baseline = async (name: string, items: [string, string, 'functional' | 'non_functional'][]) => {
			const [b] = await tx.insert(baselines).values({ consortiumId: consortium.id, name, requirementCount: items.length }).returning();
			await tx.insert(baselineItems).values(
				items.map(([identifier, title, type], i) => ({
					baselineId: b!.id,
					consortiumId: consortium.id,
					position: i + 1,
					number: i + 1,
					identifier,
					revision: 1,
					title,
					bodyText: `${title}: text`,
					rationale: '',
					acceptanceCriteria: '',
					obligation: 'mandatory' as const,
					type,
					verification: 'test' as const,
					scope: 'common' as const,
					status: 'approved' as const
				}))
			);
			return b!;
		};
		const first = await baseline('Baslinje 1', [
			['K-001', 'Larm vid uppvaknande', 'functional'],
			['K-002', 'Tillgänglighet 99,5 %', 'non_functional']
		]);
		const second = await baseline('Baslinje 2', [
			['K-001', 'Larm vid uppvaknande', 'functional'],
			['K-003', 'Export till verksamhetssystem', 'functional']
		]);
		return { consortium, other, orgs, people, users, baselines: { first, second } };
	});
}

export type DocumentsWorld = Awaited<ReturnType<typeof documentsWorld>>;

/** Types a paragraph at the end of a co-edited field, as an editor's WebSocket would, and waits until it is stored. */
export async function typeInto(name: string, consortiumId: string, text: string): Promise<void> {
	const shared = await openDocument(name, consortiumId);
	const scratch = new Y.Doc();
	try {
		Y.applyUpdate(scratch, Y.encodeStateAsUpdate(shared.doc));
		const before = Y.encodeStateVector(scratch);
		const fragment = scratch.getXmlFragment(FRAGMENT);
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText(text)]);
		fragment.insert(fragment.length, [paragraph]);
		submitUpdate(shared, Y.encodeStateAsUpdate(scratch, before), null, null);
	} finally {
		scratch.destroy();
	}
	await settled();
}
