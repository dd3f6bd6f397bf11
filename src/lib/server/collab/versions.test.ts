import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useFreshDatabase } from '../testing/database';
import { CommandError, NotFound } from '../errors';
import { Forbidden } from '../policy';
import { closeAllDocuments, loadedDocument, openDocument, settled, submitUpdate } from './documents';
import { createVersion, diffTexts, diffVersions, getVersion, listVersions, restoreVersion } from './versions';
import { personIn } from './testing';

useFreshDatabase();

/** Writes paragraphs into the live document as an editor would (through the save-then-broadcast path). */
async function write(document: string, consortiumId: string, paragraphs: string[], replace = true): Promise<void> {
	const shared = await openDocument(document, consortiumId);
	const editor = new Y.Doc();
	Y.applyUpdate(editor, Y.encodeStateAsUpdate(shared.doc));
	const before = Y.encodeStateVector(editor);
	const fragment = editor.getXmlFragment('default');
	editor.transact(() => {
		if (replace) fragment.delete(0, fragment.length);
		for (const text of paragraphs) {
			const p = new Y.XmlElement('paragraph');
			p.insert(0, [new Y.XmlText(text)]);
			fragment.push([p]);
		}
	});
	submitUpdate(shared, Y.encodeStateAsUpdate(editor, before), null, null);
	await settled();
}

describe('diffTexts', () => {
	it('marks removed and added lines and keeps the unchanged ones', () => {
		expect(diffTexts('one\ntwo\nthree', 'one\n2\nthree')).toEqual([
			{ value: 'one\n', added: false, removed: false },
			{ value: 'two\n', added: false, removed: true },
			{ value: '2\n', added: true, removed: false },
			{ value: 'three\n', added: false, removed: false }
		]);
		expect(diffTexts('', '')).toEqual([]);
	});
});

describe('versions', () => {
	it('refuses someone outside the consortium with NotFound', async () => {
		const admin = await personIn('admin');
		const stranger = await personIn('admin');
		await expect(listVersions(stranger.user, admin.document)).rejects.toBeInstanceOf(NotFound);
		await expect(createVersion(stranger.user, admin.document, { name: 'x' })).rejects.toBeInstanceOf(NotFound);
		await expect(restoreVersion(stranger.user, admin.document, crypto.randomUUID())).rejects.toBeInstanceOf(NotFound);
	});

	it('lets a read-only member list and read but not name or restore', async () => {
		const admin = await personIn('admin');
		const observer = await personIn('observer', admin.consortiumId);
		await write(admin.document, admin.consortiumId, ['Första']);
		const version = await createVersion(admin.user, admin.document, {
			name: 'Utkast'
		});
		expect(await listVersions(observer.user, admin.document)).toHaveLength(1);
		expect((await getVersion(observer.user, admin.document, version.id)).text).toBe('Första');
		await expect(createVersion(observer.user, admin.document, { name: 'x' })).rejects.toBeInstanceOf(Forbidden);
		await expect(restoreVersion(observer.user, admin.document, version.id)).rejects.toBeInstanceOf(Forbidden);
	});

	it('refuses an empty or over-long name and an unknown version', async () => {
		const admin = await personIn('admin');
		await expect(createVersion(admin.user, admin.document, { name: '   ' })).rejects.toBeInstanceOf(CommandError);
		await expect(createVersion(admin.user, admin.document, { name: 'x'.repeat(201) })).rejects.toMatchObject({
			key: 'collab_version_name_too_long',
			field: 'name'
		});
		await expect(getVersion(admin.user, admin.document, crypto.randomUUID())).rejects.toBeInstanceOf(NotFound);
		await expect(getVersion(admin.user, admin.document, 'not-a-uuid')).rejects.toBeInstanceOf(NotFound);
	});

	it('names, lists, opens, compares and restores versions as a new edit', async () => {
		const admin = await personIn('admin');
		await write(admin.document, admin.consortiumId, ['Krav ett', 'Krav två']);
		const sent = await createVersion(admin.user, admin.document, {
			name: 'Skickad till leverantören 2026-03-01'
		});
		await write(admin.document, admin.consortiumId, ['Krav ett', 'Krav 2 ändrat', 'Krav tre']);
		const later = await createVersion(admin.user, admin.document, {
			name: 'Efter mötet'
		});

		const list = await listVersions(admin.user, admin.document);
		expect(list.map((v) => v.name)).toEqual(['Efter mötet', 'Skickad till leverantören 2026-03-01']);
		expect(list[1]!.createdBy?.id).toBe(admin.user.id);

		const opened = await getVersion(admin.user, admin.document, sent.id);
		expect(opened.text).toBe('Krav ett\nKrav två');
		expect(opened.html).toBe('<p>Krav ett</p><p>Krav två</p>');

		const diff = await diffVersions(admin.user, admin.document, sent.id, later.id);
		expect(diff.changes.filter((c) => c.removed).map((c) => c.value)).toEqual(['Krav två\n']);
		expect(diff.changes.filter((c) => c.added).map((c) => c.value)).toEqual(['Krav 2 ändrat\nKrav tre\n']);

		await restoreVersion(admin.user, admin.document, sent.id);
		const live = loadedDocument(admin.document)!;
		expect(live.doc.getXmlFragment('default').toString()).toBe('<paragraph>Krav ett</paragraph><paragraph>Krav två</paragraph>');
		const now = await diffVersions(admin.user, admin.document, sent.id, 'current');
		expect(now.changes.every((c) => !c.added && !c.removed)).toBe(true);
		// History is kept: the later version still opens with its own content.
		expect((await getVersion(admin.user, admin.document, later.id)).text).toBe('Krav ett\nKrav 2 ändrat\nKrav tre');
		await closeAllDocuments();
	});
});
