import { promisify } from 'node:util';
import zlib from 'node:zlib';

/**
 * A ZIP reader that inflates no more than a budget, whatever the archive declares. ExcelJS inflates
 * every entry whole (through JSZip) and trusts the file; a 146 KB workbook that declares 1 KB can
 * inflate to 150 MB there. Here each entry is inflated by Node's zlib with `maxOutputLength` set
 * to the size the entry declares: zlib stops as soon as its running count passes that, so a file
 * that lies about its sizes is refused after inflating at most what it claimed, and the claims
 * themselves are capped by `maxBytes` before anything is inflated.
 */

const inflateRaw = promisify(zlib.inflateRaw);

export interface ZipEntry {
	name: string;
	data: Uint8Array;
}

/** Why an archive was refused: it cannot be read, or it holds (or would inflate to) too much. */
export class ZipRefused extends Error {
	constructor(readonly reason: 'unreadable' | 'too_large') {
		super(`zip refused: ${reason}`);
		this.name = 'ZipRefused';
	}
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

interface Listed {
	name: string;
	method: number;
	encrypted: boolean;
	compressedSize: number;
	size: number;
	localOffset: number;
}

/** The central directory's entries, or `ZipRefused('unreadable')`; ZIP64 archives count as too large. */
function listEntries(bytes: Uint8Array, maxEntries: number): Listed[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const names = new TextDecoder();
	for (let end = bytes.length - 22; end >= Math.max(0, bytes.length - 22 - 0xffff); end--) {
		if (view.getUint32(end, true) !== END_OF_DIRECTORY) continue;
		const count = view.getUint16(end + 10, true);
		if (count > maxEntries) throw new ZipRefused('too_large');
		let offset = view.getUint32(end + 16, true);
		const entries: Listed[] = [];
		for (let n = 0; n < count; n++) {
			if (offset + 46 > bytes.length || view.getUint32(offset, true) !== DIRECTORY_ENTRY) throw new ZipRefused('unreadable');
			const nameLength = view.getUint16(offset + 28, true);
			const entry: Listed = {
				encrypted: (view.getUint16(offset + 8, true) & 1) === 1,
				method: view.getUint16(offset + 10, true),
				compressedSize: view.getUint32(offset + 20, true),
				size: view.getUint32(offset + 24, true),
				localOffset: view.getUint32(offset + 42, true),
				name: names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength))
			};
			if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) throw new ZipRefused('too_large');
			entries.push(entry);
			offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
		}
		return entries;
	}
	throw new ZipRefused('unreadable');
}

/** The compressed bytes of an entry, found through its local header. */
function compressedData(bytes: Uint8Array, entry: Listed): Uint8Array {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const at = entry.localOffset;
	if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw new ZipRefused('unreadable');
	const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
	if (start + entry.compressedSize > bytes.length) throw new ZipRefused('unreadable');
	return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * The files of a ZIP archive, inflated within `maxBytes` in all: refused with `ZipRefused` when
 * the declared sizes add up to more, when an entry inflates to more than it declared, or when the
 * archive cannot be read (encrypted, unknown compression, damaged, names repeated).
 */
export async function unzipBounded(bytes: Uint8Array, limits: { maxBytes: number; maxEntries: number }): Promise<ZipEntry[]> {
	const listed = listEntries(bytes, limits.maxEntries);
	if (listed.reduce((sum, e) => sum + e.size, 0) > limits.maxBytes) throw new ZipRefused('too_large');
	if (new Set(listed.map((e) => e.name)).size !== listed.length) throw new ZipRefused('unreadable');
	const entries: ZipEntry[] = [];
	for (const entry of listed) {
		if (entry.encrypted) throw new ZipRefused('unreadable');
		const compressed = compressedData(bytes, entry);
		let data: Uint8Array;
		if (entry.method === STORED) {
			if (entry.compressedSize !== entry.size) throw new ZipRefused('unreadable');
			data = compressed;
		} else if (entry.method === DEFLATED) {
			try {
				// One byte over the declared size is enough to know the entry lied.
				data = await inflateRaw(compressed, { maxOutputLength: entry.size + 1 });
			} catch (error) {
				throw new ZipRefused((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'unreadable');
			}
			if (data.length > entry.size) throw new ZipRefused('too_large');
		} else {
			throw new ZipRefused('unreadable');
		}
		entries.push({ name: entry.name, data });
	}
	return entries;
}

/**
 * A ZIP archive that stores the entries uncompressed: what ExcelJS is given after `unzipBounded`,
 * so it reads exactly the bytes that were inflated within bounds and never inflates anything itself.
 */
export function storedZip(entries: ZipEntry[]): Uint8Array {
	const parts: Uint8Array[] = [];
	const directory: Uint8Array[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, 'utf8');
		const crc = zlib.crc32(entry.data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(LOCAL_HEADER, 0);
		local.writeUInt16LE(20, 4); // version needed: 2.0
		local.writeUInt16LE(0x0800, 6); // names are UTF-8
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(entry.data.length, 18);
		local.writeUInt32LE(entry.data.length, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(DIRECTORY_ENTRY, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(entry.data.length, 20);
		central.writeUInt32LE(entry.data.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		parts.push(local, name, entry.data);
		directory.push(central, name);
		offset += local.length + name.length + entry.data.length;
	}
	const directorySize = directory.reduce((sum, d) => sum + d.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(END_OF_DIRECTORY, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directorySize, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...parts, ...directory, end]));
}
