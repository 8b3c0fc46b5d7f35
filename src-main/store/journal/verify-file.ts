/**
 * Verification of a journal on disk, for `sitroom verify` and for exports. Reads only: it takes no
 * lock and changes nothing, so it is safe to run beside an open exercise (a write in progress may
 * then show as a torn tail).
 */
import { nodeFileSystem, type FileSystem } from '../file-system.ts';
import { verifyJournalBytes, type VerifyResult } from './verify.ts';

/** Rejects only when the file cannot be read (missing, unreadable); damage is a result, not an error. */
export async function verifyJournalFile(path: string, fs: FileSystem = nodeFileSystem): Promise<VerifyResult> {
  return verifyJournalBytes(await fs.readFile(path));
}
