import { crc32, inflateRawSync } from 'node:zlib';

// A small zip reader and writer, typed, for looking inside .xlsx files (SheetJS leaves its own zip reader untyped).

/** Every file in a zip archive by its path, uncompressed. */
export function zipEntries(bytes: Uint8Array): Map<string, Uint8Array> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const entries = new Map<string, Uint8Array>();
  let at = data.readUInt32LE(end + 16);
  for (let n = data.readUInt16LE(end + 10); n > 0; n--) {
    const method = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    const local = data.readUInt32LE(at + 42);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const stored = data.subarray(start, start + size);
    entries.set(name, method === 8 ? new Uint8Array(inflateRawSync(stored)) : new Uint8Array(stored));
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return entries;
}

/** The text of one file in a zip archive; a missing one fails the test with its path. */
export function zipEntryText(bytes: Uint8Array, path: string): string {
  const entry = zipEntries(bytes).get(path);
  if (!entry) throw new Error(`the archive has no ${path}`);
  return Buffer.from(entry).toString('utf8');
}

/** A file of a zip archive as written: its bytes as stored (raw deflate when `deflated`), its unpacked size and CRC. */
export interface ZipPart {
  name: string;
  stored: Uint8Array;
  deflated: boolean;
  /** The unpacked size written in the headers (a hostile archive may write less than the truth). */
  size: number;
  crc: number;
}

/** A zip archive of these parts, as they are. */
export function zipOfParts(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const method = part.deflated ? 8 : 0;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(method, 8);
    header.writeUInt32LE(part.crc, 14);
    header.writeUInt32LE(part.stored.byteLength, 18);
    header.writeUInt32LE(part.size, 22);
    header.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(part.crc, 16);
    central.writeUInt32LE(part.stored.byteLength, 20);
    central.writeUInt32LE(part.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, name, Buffer.from(part.stored));
    centrals.push(central, name);
    offset += header.length + name.length + part.stored.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A zip archive of these files, stored uncompressed. */
export function zipOf(files: Record<string, Uint8Array>): Uint8Array {
  return zipOfParts(
    Object.entries(files).map(([name, content]) => ({
      name,
      stored: content,
      deflated: false,
      size: content.byteLength,
      crc: crc32(content),
    })),
  );
}
