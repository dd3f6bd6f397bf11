import { and, count, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { attachments, decisionItems, meetings } from '../db/schema';
import { addAttachmentIn } from '../attachments/commands';
import { samplePdf, samplePng, streamOf } from '../attachments/samples';
import { postgresStore } from '../attachments/store';
import { userIdByEmail } from './factories';
import { representativeEmail } from './data';

/** The demo item an attachment goes on, by its title. */
async function itemTitled(tx: Transaction, consortiumId: string, title: string): Promise<string | null> {
	const [row] = await tx
		.select({ id: decisionItems.id })
		.from(decisionItems)
		.where(and(eq(decisionItems.consortiumId, consortiumId), eq(decisionItems.title, title)));
	return row?.id ?? null;
}

/**
 * The demo's attachments in Östergötland: the test report behind the open item on delivery 1 (a
 * PDF, internal), the time plan behind the decision communicated to the supplier (a PDF the supplier
 * may download), and a sketch of the schedule on the upcoming project-group meeting (a PNG, which
 * the supplier sees with the meeting). Real files, written through the command's own writing step,
 * always to PostgreSQL so the embedded demo keeps them. Idempotent: nothing when attachments exist.
 * Runs after `ensureDecisionsDemo` and `ensureMeetingsDemo`.
 */
export async function ensureAttachmentsDemo(tx: Transaction, consortiumId: string): Promise<void> {
	const [existing] = await tx.select({ n: count() }).from(attachments).where(eq(attachments.consortiumId, consortiumId));
	if ((existing?.n ?? 0) > 0) return;
	const linkoping = await userIdByEmail(tx, representativeEmail('Linköping'));
	const admin = await userIdByEmail(tx, 'admin@samsyn.demo');
	const store = { store: (own: Transaction) => postgresStore(own) };
	const attach = async (kind: 'decision_item' | 'meeting', id: string | null, by: string | null, name: string, bytes: Uint8Array) => {
		if (id) await addAttachmentIn(tx, by, consortiumId, { kind, id }, { name, stream: streamOf(bytes) }, store);
	};

	await attach(
		'decision_item',
		await itemTitled(tx, consortiumId, 'Godkännande av delleverans 1: inloggning och behörighet'),
		linkoping,
		'Testrapport delleverans 1.pdf',
		await samplePdf('Testrapport delleverans 1', [
			'Inloggning med SITHS-kort: godkänd i Linköping, Norrköping och Kinda.',
			'Behörighetsstyrning per enhet: två avvikelser av lägre grad (AV-12, AV-14).',
			'Rekommendation: godkänn med kända avvikelser, åtgärdade till delleverans 2.'
		])
	);
	await attach(
		'decision_item',
		await itemTitled(tx, consortiumId, 'Tidplan: avtalsstart 1 mars 2027'),
		admin,
		'Tidplan avtalsstart 2027.pdf',
		await samplePdf('Tidplan: avtalsstart 1 mars 2027', [
			'Tilldelningsbeslut: december 2026.',
			'Avtalsspärr: tio dagar efter underrättelsen.',
			'Avtalsstart: 1 mars 2027; införande kommunvis under våren.'
		])
	);
	const [upcoming] = await tx
		.select({ id: meetings.id })
		.from(meetings)
		.where(and(eq(meetings.consortiumId, consortiumId), eq(meetings.level, 'project_group')));
	await attach('meeting', upcoming?.id ?? null, admin, 'Skiss tidplan.png', samplePng());
}
