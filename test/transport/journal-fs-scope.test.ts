// The backend's `journalFs` option exists for fault-injection tests only. A production entry point
// (the CLI's `serve`, Electron's main) must never set it, so a real exercise always writes through
// node:fs: only the backend itself may name the option anywhere in the shipped source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/paths.ts';

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(path)));
    else if (/\.(ts|mts|js|mjs|cjs|svelte)$/.test(entry.name)) out.push(path);
  }
  return out;
}

test('only the backend names the journal file-system option; no entry point or env var sets it', async () => {
  const naming: string[] = [];
  for (const folder of ['src-main', 'src-renderer', 'bin', 'scripts']) {
    for (const file of await sourceFiles(join(ROOT, folder))) {
      if (/\bjournalFs\b/.test(await readFile(file, 'utf8'))) naming.push(relative(ROOT, file));
    }
  }
  assert.deepEqual(naming, ['src-main/services/app-backend.ts']);
  const backend = await readFile(join(ROOT, 'src-main/services/app-backend.ts'), 'utf8');
  assert.doesNotMatch(backend, /process\.env|process\.argv/, 'the backend reads no environment or arguments');
});
