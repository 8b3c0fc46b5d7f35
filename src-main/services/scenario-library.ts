/**
 * The scenario library: the packages shipped in `scenarios/` plus any a planner put in
 * `<dataDir>/scenarios/`. Each entry carries its validation result, so the app can show a broken
 * package with its errors instead of hiding it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_SCENARIO_BYTES } from '../core/scenario/index.ts';
import { loadScenarioRemembered } from './scenario-memo.ts';
import type { Finding, LoadResult, Scenario } from '../core/scenario/index.ts';
import { sha256Hex } from '../store/journal/entry.ts';

export const SHIPPED_SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export interface LibraryEntry {
  readonly file: string;
  readonly text: string;
  readonly sha256: string;
  readonly result: LoadResult;
}

export interface LoadedScenario {
  readonly file: string;
  readonly text: string;
  readonly sha256: string;
  readonly scenario: Scenario;
  readonly warnings: readonly Finding[];
}

export class ScenarioNotFoundError extends Error {
  override readonly name = 'ScenarioNotFoundError';
}

export class ScenarioInvalidError extends Error {
  override readonly name = 'ScenarioInvalidError';
  constructor(
    readonly file: string,
    readonly errors: readonly Finding[],
  ) {
    super(`${file} is not a valid scenario (${errors.length} error${errors.length === 1 ? '' : 's'}); run "sitroom validate ${file}"`);
  }
}

export async function readScenarioFile(file: string): Promise<LibraryEntry> {
  const bytes = await readFile(file);
  if (bytes.length > MAX_SCENARIO_BYTES) {
    return {
      file,
      text: '',
      sha256: sha256Hex(bytes),
      result: { ok: false, warnings: [], errors: [{ severity: 'error', code: 'file', path: [], line: 1, col: 1, message: 'the file is larger than 2 MiB' }] },
    };
  }
  return { file, text: bytes.toString('utf8'), sha256: sha256Hex(bytes.toString("utf8")), result: loadScenarioRemembered(new Uint8Array(bytes)) };
}

export async function listLibrary(dirs: readonly string[]): Promise<LibraryEntry[]> {
  const entries: LibraryEntry[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue; // a library folder that does not exist yet is simply empty
    }
    for (const name of names.filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort()) {
      entries.push(await readScenarioFile(join(dir, name)));
    }
  }
  return entries;
}

/** Finds a scenario by id in the library, or reads it from a path; refuses an invalid one. */
export async function resolveScenario(idOrPath: string, dirs: readonly string[] = [SHIPPED_SCENARIOS_DIR]): Promise<LoadedScenario> {
  let entry: LibraryEntry | undefined;
  if (/\.ya?ml$/.test(idOrPath)) {
    try {
      entry = await readScenarioFile(resolve(idOrPath));
    } catch {
      throw new ScenarioNotFoundError(`no scenario file ${idOrPath}`);
    }
  } else {
    const library = await listLibrary(dirs);
    entry = library.find((e) => e.result.ok && e.result.scenario.id === idOrPath) ?? library.find((e) => basename(e.file).replace(/\.ya?ml$/, '') === idOrPath);
    if (!entry) throw new ScenarioNotFoundError(`no scenario with id "${idOrPath}" in ${dirs.join(', ')}`);
  }
  if (!entry.result.ok) throw new ScenarioInvalidError(entry.file, entry.result.errors);
  return { file: entry.file, text: entry.text, sha256: entry.sha256, scenario: entry.result.scenario, warnings: entry.result.warnings };
}
