import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { and, count, eq, notExists, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { useFreshDatabase } from '../testing/database';
import { asSystem, withUser } from '../db/request';
import { attachmentChunks, attachments, auditLog, initiatives, meetings } from '../db/schema';
import { buildConsortium, buildMembership, buildOrganisation, buildRequirement, buildUser } from '../demo/factories';
import { Forbidden, type Role } from '../policy';
import { NotFound } from '../errors';
import { closeDecisionItem, createDecisionItem, openDecisionItem, recordDecision } from '../decisions/commands';
import { DecisionItemInput, RecordInput } from '../decisions/schemas';
import { createMeeting } from '../meetings/commands';
import { MeetingInput } from '../meetings/schemas';
import { addAttachment, removeAttachment } from './commands';
import { downloadAttachment, listAttachments } from './queries';
import { samplePdf, samplePng, streamOf } from './samples';
import type { AttachmentTarget } from '../../enums';

useFreshDatabase();

type Who = { id: string; isOperator: boolean };
type People = Record<Role | 'outsider' | 'member2', Who>;

/** Two municipalities, a convenor with the admin, a supplier, an outsider; one target of each kind. */
async function world() {
	const { consortium, people, orgs } = await asSystem(async (tx) => {
		const consortium = await buildConsortium(tx);
		const other = await buildConsortium(tx);
		const a = await buildOrganisation(tx, consortium.id, { name: 'Linköping' });
		const b = await buildOrganisation(tx, consortium.id, { name: 'Kinda' });
		const convenor = await buildOrganisation(tx, consortium.id, { name: 'Kansliet', kind: 'convenor' });
		const supplierOrg = await buildOrganisation(tx, consortium.id, { name: 'Leverantören', kind: 'supplier' });
		const people = {} as People;
		const add = async (key: keyof People, organisationId: string, role: Role, consortiumId = consortium.id) => {
			const user = await buildUser(tx);
			await buildMembership(tx, { consortiumId, userId: user.id, organisationId, role });
			people[key] = { id: user.id, isOperator: false };
		};
		await add('admin', convenor.id, 'admin');
		await add('representative', a.id, 'representative');
		await add('deputy', a.id, 'deputy');
		await add('member', a.id, 'member');
		await add('member2', b.id, 'member');
		await add('observer', convenor.id, 'observer');
		await add('supplier', supplierOrg.id, 'supplier');
		await add('outsider', (await buildOrganisation(tx, other.id)).id, 'admin', other.id);
		return { consortium, people, orgs: { a, b } };
	});
	const item = await createDecisionItem(
		people.member,
		consortium.id,
		DecisionItemInput.parse({ title: 'Val av läkemedelsautomat', proposal: 'Styrgruppen väljer enligt bilaga.', level: 'steering_group', deadline: tomorrow() })
	);
	const meeting = await createMeeting(
		people.admin,
		consortium.id,
		MeetingInput.parse({ title: 'Styrgruppsmöte', level: 'steering_group', date: '2026-12-10', startsAt: '13:00', agenda: 'Mötets öppnande' })
	);
	const { requirement, initiative } = await asSystem(async (tx) => {
		const requirement = await buildRequirement(tx, consortium.id);
		const [initiative] = await tx
			.insert(initiatives)
			.values({ consortiumId: consortium.id, number: 1, title: 'Nattillsyn', ownerOrganisationId: orgs.a.id, phaseModel: 'kasam' })
			.returning();
		return { requirement, initiative: initiative! };
	});
	return { consortium, people, orgs, item, meeting, requirement, initiative };
}
type World = Awaited<ReturnType<typeof world>>;

const PNG_NAME = 'skiss.png';
const tomorrow = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
const file = (bytes: Uint8Array, name: string, type?: string) => ({ name, type, stream: streamOf(bytes) });
const pdf = () => samplePdf('Underlag', ['Bilaga till ärendet.']);
const attach = (w: World, who: Who, kind: AttachmentTarget, id: string, bytes: Uint8Array, name: string, type?: string) =>
	addAttachment(who, w.consortium.id, { kind, id }, file(bytes, name, type));

/** The consortium's attachment rows, and chunks of bytes no attachment row owns (half-written uploads). */
async function stored(consortiumId: string) {
	return asSystem(async (tx) => {
		const [rows] = await tx.select({ n: count() }).from(attachments).where(eq(attachments.consortiumId, consortiumId));
		const [orphans] = await tx
			.select({ n: count() })
			.from(attachmentChunks)
			.where(
				notExists(
					tx
						.select({ one: sql`1` })
						.from(attachments)
						.where(eq(attachments.storageKey, attachmentChunks.storageKey))
				)
			);
		return { rows: rows!.n, chunks: orphans!.n };
	});
}

/** What the database said when it refused (drizzle wraps it). */
async function refusal(work: Promise<unknown>): Promise<string> {
	try {
		await work;
	} catch (e) {
		return String((e as { cause?: unknown }).cause ?? e);
	}
	return 'not refused';
}

async function docx(): Promise<Uint8Array> {
	return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Avtalsvillkor')] }] }));
}
async function xlsx(): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	book.addWorksheet('Priser').addRow(['Post', 'Pris']);
	return Buffer.from(await book.xlsx.writeBuffer());
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
	const parts: Uint8Array[] = [];
	for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
	return Buffer.concat(parts);
}

/** Records the item's decision (closing it first), communicated to the supplier or not. */
async function record(w: World, itemId: string, communicated: boolean) {
	await openDecisionItem(w.people.admin, w.consortium.id, itemId).catch(() => {});
	await closeDecisionItem(w.people.admin, w.consortium.id, itemId);
	return recordDecision(w.people.admin, w.consortium.id, itemId, RecordInput.parse({ communicated: communicated ? 'on' : undefined }));
}

describe('attaching a file: who may', () => {
	it('is not found for another consortium', async () => {
		const w = await world();
		await expect(attach(w, w.people.outsider, 'decision_item', w.item.id, await pdf(), 'a.pdf')).rejects.toBeInstanceOf(NotFound);
		expect((await stored(w.consortium.id)).rows).toBe(0);
	});

	it('is refused to the observer and the supplier, and to a member whose organisation does not take part in the initiative', async () => {
		const w = await world();
		await expect(attach(w, w.people.observer, 'meeting', w.meeting.id, await pdf(), 'a.pdf')).rejects.toBeInstanceOf(Forbidden);
		await expect(attach(w, w.people.supplier, 'meeting', w.meeting.id, await pdf(), 'a.pdf')).rejects.toBeInstanceOf(Forbidden);
		// No mandate on the initiative: refused with the message that says why.
		await expect(attach(w, w.people.member2, 'initiative', w.initiative.id, await pdf(), 'a.pdf')).rejects.toMatchObject({
			key: 'initiative_not_participant'
		});
		expect(await stored(w.consortium.id)).toEqual({ rows: 0, chunks: 0 });
	});

	it('is not found for a target of another consortium or none', async () => {
		const w = await world();
		const other = await world();
		await expect(attach(w, w.people.member, 'meeting', other.meeting.id, await pdf(), 'a.pdf')).rejects.toBeInstanceOf(NotFound);
		await expect(attach(w, w.people.member, 'requirement', w.item.id, await pdf(), 'a.pdf')).rejects.toBeInstanceOf(NotFound);
	});

	it('is locked once the decision is recorded', async () => {
		const w = await world();
		await record(w, w.item.id, false);
		await expect(attach(w, w.people.member, 'decision_item', w.item.id, await pdf(), 'a.pdf')).rejects.toMatchObject({
			key: 'attachments_target_closed',
			status: 409
		});
	});
});

describe('attaching a file: what is accepted', () => {
	it('refuses PNG content named .pdf, and text, with a message naming both types; nothing is stored', async () => {
		const w = await world();
		await expect(attach(w, w.people.member, 'decision_item', w.item.id, samplePng(), 'rapport.pdf', 'application/pdf')).rejects.toMatchObject({
			key: 'attachments_type_mismatch',
			field: 'file',
			status: 422,
			params: { claimed: 'PDF', actual: 'PNG' }
		});
		await expect(attach(w, w.people.member, 'decision_item', w.item.id, Buffer.from('bara text, inget dokument'), 'anteckning.txt')).rejects.toMatchObject({
			key: 'attachments_type_not_allowed'
		});
		// Executables and archives are not attachments, whatever they are called.
		await expect(attach(w, w.people.member, 'decision_item', w.item.id, Buffer.from('MZ\x90\x00\x03' + 'x'.repeat(200)), 'rapport.pdf')).rejects.toMatchObject({
			key: 'attachments_type_not_allowed'
		});
		expect(await stored(w.consortium.id)).toEqual({ rows: 0, chunks: 0 });
	});

	it('tells Word from Excel inside their zip containers, by content', async () => {
		const w = await world();
		const word = await attach(w, w.people.member, 'requirement', w.requirement.id, await docx(), 'avtal.docx');
		const sheet = await attach(w, w.people.member, 'requirement', w.requirement.id, await xlsx(), 'priser.xlsx');
		const list = await listAttachments(w.people.member, w.consortium.id, { kind: 'requirement', id: w.requirement.id });
		expect(list.items.map((i) => [i.id, i.contentType])).toEqual([
			[word.id, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
			[sheet.id, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']
		]);
		await expect(attach(w, w.people.member, 'requirement', w.requirement.id, await docx(), 'priser.xlsx')).rejects.toMatchObject({
			key: 'attachments_type_mismatch',
			params: { claimed: 'Excel (xlsx)', actual: 'Word (docx)' }
		});
	});

	it('accepts a file without a claim by its content, and stores under a random key, never the name', async () => {
		const w = await world();
		const { id } = await attach(w, w.people.member, 'meeting', w.meeting.id, samplePng(), 'skiss');
		const [row] = await asSystem((tx) => tx.select().from(attachments).where(eq(attachments.id, id)));
		expect(row).toMatchObject({ contentType: 'image/png', name: 'skiss', backend: 'postgres' });
		expect(row!.storageKey).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('refuses an oversized file while it streams: the rest is never read, nothing is stored', async () => {
		const w = await world();
		const head = await pdf();
		const total = 2_000_000;
		let sent = 0;
		const source = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent >= total) return controller.close();
				const piece = sent === 0 ? head : randomBytes(16 * 1024);
				sent += piece.byteLength;
				controller.enqueue(piece);
			}
		});
		await expect(
			addAttachment(w.people.member, w.consortium.id, { kind: 'decision_item', id: w.item.id }, { name: 'stor.pdf', stream: source }, { maxBytes: 300_000 })
		).rejects.toMatchObject({ key: 'attachments_too_large', status: 413, params: { max: 1 } });
		expect(sent).toBeLessThan(total / 2);
		expect(await stored(w.consortium.id)).toEqual({ rows: 0, chunks: 0 });
	});

	it('takes path characters out of the name and keeps a name to show', async () => {
		const w = await world();
		const names: [string, string][] = [
			['../../etc/passwd.pdf', 'passwd.pdf'],
			['C:\\Users\\anna\\Beslut: "underlag".pdf', 'Beslut_ _underlag_.pdf'],
			['..\u0000\u202e.pdf', 'pdf'],
			['/', 'bilaga.pdf']
		];
		for (const [given, shown] of names) {
			const { name } = await attach(w, w.people.member, 'decision_item', w.item.id, await pdf(), given);
			expect(name).toBe(shown);
			expect(name).not.toMatch(/[/\\]/);
			expect(name.includes('\u0000')).toBe(false);
		}
	});
});

describe('reading attachments: the supplier reaches only what was published to it', () => {
	it('is 404 for an unpublished decision, a requirement and an initiative; readable once the decision is communicated, and a meeting’s', async () => {
		const w = await world();
		const onItem = await attach(w, w.people.member, 'decision_item', w.item.id, await pdf(), 'underlag.pdf');
		const onRequirement = await attach(w, w.people.member, 'requirement', w.requirement.id, await pdf(), 'krav.pdf');
		const onInitiative = await attach(w, w.people.member, 'initiative', w.initiative.id, await pdf(), 'plan.pdf');
		const onMeeting = await attach(w, w.people.admin, 'meeting', w.meeting.id, samplePng(), PNG_NAME);
		for (const id of [onItem.id, onRequirement.id, onInitiative.id]) {
			await expect(downloadAttachment(w.people.supplier, w.consortium.id, id)).rejects.toBeInstanceOf(NotFound);
			await expect(downloadAttachment(w.people.outsider, w.consortium.id, id)).rejects.toBeInstanceOf(NotFound);
		}
		for (const [kind, id] of [
			['decision_item', w.item.id],
			['requirement', w.requirement.id],
			['initiative', w.initiative.id]
		] as const)
			await expect(listAttachments(w.people.supplier, w.consortium.id, { kind, id })).rejects.toBeInstanceOf(NotFound);

		// Recorded but not communicated: still nothing.
		const secretItem = await createDecisionItem(
			w.people.member,
			w.consortium.id,
			DecisionItemInput.parse({ title: 'Internt', proposal: 'X.', level: 'project_group', deadline: tomorrow() })
		);
		const onSecret = await attach(w, w.people.member, 'decision_item', secretItem.id, await pdf(), 'internt.pdf');
		await record(w, secretItem.id, false);
		await expect(downloadAttachment(w.people.supplier, w.consortium.id, onSecret.id)).rejects.toBeInstanceOf(NotFound);

		await record(w, w.item.id, true);
		const download = await downloadAttachment(w.people.supplier, w.consortium.id, onItem.id);
		expect(download).toMatchObject({ name: 'underlag.pdf', contentType: 'application/pdf' });
		expect((await readAll(download.body)).subarray(0, 5).toString()).toBe('%PDF-');
		const meetingList = await listAttachments(w.people.supplier, w.consortium.id, { kind: 'meeting', id: w.meeting.id });
		expect(meetingList.items).toEqual([expect.objectContaining({ id: onMeeting.id, name: PNG_NAME, uploadedBy: null, removable: false })]);
		expect(meetingList.canAdd).toBe(false);
	});

	it('is filtered by the database itself (row-level security), and the bytes’ table is closed to every user', async () => {
		const w = await world();
		const onItem = await attach(w, w.people.member, 'decision_item', w.item.id, await pdf(), 'underlag.pdf');
		const onMeeting = await attach(w, w.people.admin, 'meeting', w.meeting.id, samplePng(), PNG_NAME);
		const visible = (who: Who) =>
			withUser(who, (tx) =>
				tx
					.select({ id: attachments.id })
					.from(attachments)
					.then((rows) => rows.map((r) => r.id).sort())
			);
		expect(await visible(w.people.observer)).toEqual([onItem.id, onMeeting.id].sort());
		expect(await visible(w.people.supplier)).toEqual([onMeeting.id]);
		expect(await visible(w.people.outsider)).toEqual([]);
		expect(await refusal(withUser(w.people.admin, (tx) => tx.select().from(attachmentChunks)))).toMatch(/permission denied/);
		// Writing around the command: someone else's name as uploader, or a target the person may not change.
		expect(
			await refusal(
				withUser(w.people.member, (tx) =>
					tx.insert(attachments).values({
						consortiumId: w.consortium.id,
						targetKind: 'meeting',
						targetId: w.meeting.id,
						storageKey: crypto.randomUUID(),
						backend: 'postgres',
						name: 'x.pdf',
						contentType: 'application/pdf',
						size: 1,
						sha256: '0',
						uploadedBy: w.people.admin.id
					})
				)
			)
		).toMatch(/row-level security/);
		expect(
			await refusal(
				withUser(w.people.member2, (tx) =>
					tx.insert(attachments).values({
						consortiumId: w.consortium.id,
						targetKind: 'initiative',
						targetId: w.initiative.id,
						storageKey: crypto.randomUUID(),
						backend: 'postgres',
						name: 'x.pdf',
						contentType: 'application/pdf',
						size: 1,
						sha256: '0',
						uploadedBy: w.people.member2.id
					})
				)
			)
		).toMatch(/row-level security/);
		// Nobody changes an attachment, and only its uploader or an admin removes it.
		expect(await refusal(withUser(w.people.member, (tx) => tx.update(attachments).set({ name: 'y.pdf' }).where(eq(attachments.id, onItem.id))))).toMatch(
			/permission denied/
		);
		const removed = await withUser(w.people.member2, (tx) => tx.delete(attachments).where(eq(attachments.id, onItem.id)).returning());
		expect(removed).toEqual([]);
	});
});

describe('the bytes, the audit log and removing', () => {
	it('gives back exactly what was uploaded, audits it, and announces it to the target’s page', async () => {
		const w = await world();
		const bytes = await pdf();
		const { id } = await attach(w, w.people.member, 'decision_item', w.item.id, bytes, 'underlag.pdf');
		const download = await downloadAttachment(w.people.observer, w.consortium.id, id);
		expect((await readAll(download.body)).equals(Buffer.from(bytes))).toBe(true);
		expect(download.size).toBe(bytes.byteLength);
		const [entry] = await asSystem((tx) =>
			tx
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.consortiumId, w.consortium.id), eq(auditLog.action, 'attachment.added')))
		);
		expect(entry).toMatchObject({ actorId: w.people.member.id, entityType: 'decision_item', entityId: w.item.id });
		expect(entry!.after).toMatchObject({ id, name: 'underlag.pdf', contentType: 'application/pdf', size: bytes.byteLength });
	});

	it('is removed by its uploader or an admin, not by another member; the bytes go with it', async () => {
		const w = await world();
		const first = await attach(w, w.people.member, 'meeting', w.meeting.id, await pdf(), 'a.pdf');
		const second = await attach(w, w.people.member, 'meeting', w.meeting.id, await pdf(), 'b.pdf');
		await expect(removeAttachment(w.people.member2, w.consortium.id, first.id)).rejects.toMatchObject({ key: 'attachments_not_yours' });
		await expect(removeAttachment(w.people.observer, w.consortium.id, first.id)).rejects.toBeInstanceOf(Forbidden);
		await expect(removeAttachment(w.people.supplier, w.consortium.id, first.id)).rejects.toBeInstanceOf(NotFound);
		const list = await listAttachments(w.people.member2, w.consortium.id, { kind: 'meeting', id: w.meeting.id });
		expect(list.items.map((i) => i.removable)).toEqual([false, false]);
		await removeAttachment(w.people.member, w.consortium.id, first.id);
		await removeAttachment(w.people.admin, w.consortium.id, second.id);
		expect(await stored(w.consortium.id)).toEqual({ rows: 0, chunks: 0 });
		const log = await asSystem((tx) =>
			tx
				.select({ actorId: auditLog.actorId, before: auditLog.before })
				.from(auditLog)
				.where(and(eq(auditLog.consortiumId, w.consortium.id), eq(auditLog.action, 'attachment.removed')))
		);
		expect(log).toEqual([
			{ actorId: w.people.member.id, before: expect.objectContaining({ id: first.id, name: 'a.pdf' }) },
			{ actorId: w.people.admin.id, before: expect.objectContaining({ id: second.id, name: 'b.pdf' }) }
		]);
	});

	it('goes with its target', async () => {
		const w = await world();
		await attach(w, w.people.admin, 'meeting', w.meeting.id, await pdf(), 'a.pdf');
		await asSystem((tx) => tx.delete(meetings).where(eq(meetings.id, w.meeting.id)));
		expect(await stored(w.consortium.id)).toEqual({ rows: 0, chunks: 0 });
	});
});
