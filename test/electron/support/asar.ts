/**
 * Reads an asar archive without the asar package: a Chromium pickle holding a JSON header, then
 * the file bytes. Header entries are directories (`files`) or files (`size`, `offset` from the end
 * of the header, or `unpacked: true` when the bytes live in app.asar.unpacked instead).
 */
import { readFileSync } from 'node:fs';

interface AsarFileEntry {
  readonly size: number;
  readonly offset?: string;
  readonly unpacked?: boolean;
}
interface AsarDirEntry {
  readonly files: Record<string, AsarDirEntry | AsarFileEntry>;
}

export interface AsarArchive {
  /** Every file path, '/'-rooted, sorted. */
  readonly files: readonly string[];
  /** Files whose bytes are in app.asar.unpacked. */
  readonly unpacked: readonly string[];
  /** The bytes of a packed file. */
  read(path: string): Buffer;
}

export function readAsar(archivePath: string): AsarArchive {
  const archive = readFileSync(archivePath);
  const headerPickleSize = archive.readUInt32LE(4);
  const jsonLength = archive.readUInt32LE(12);
  const header = JSON.parse(archive.subarray(16, 16 + jsonLength).toString('utf8')) as AsarDirEntry;
  const dataStart = 8 + headerPickleSize;
  const entries = new Map<string, AsarFileEntry>();
  const walk = (dir: AsarDirEntry, prefix: string): void => {
    for (const [name, entry] of Object.entries(dir.files)) {
      if ('files' in entry) walk(entry, `${prefix}/${name}`);
      else entries.set(`${prefix}/${name}`, entry);
    }
  };
  walk(header, '');
  const files = [...entries.keys()].sort();
  return {
    files,
    unpacked: files.filter((path) => entries.get(path)?.unpacked === true),
    read(path) {
      const entry = entries.get(path);
      if (entry === undefined) throw new Error(`${path} is not in ${archivePath}`);
      if (entry.unpacked === true || entry.offset === undefined) throw new Error(`${path} is unpacked`);
      const start = dataStart + Number(entry.offset);
      return archive.subarray(start, start + entry.size);
    },
  };
}
