/** Shared set-up for service tests: a temp data dir, the minimal scenario, a virtual clock. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveScenario } from '../../src-main/services/scenario-library.ts';
import type { LoadedScenario } from '../../src-main/services/scenario-library.ts';
import type { NewExerciseSetup } from '../../src-main/services/exercise-service.ts';
import { fixture } from '../helpers/paths.ts';

export const FACILITATOR = { person: 'facilitator', cell: 'ctrl' } as const;
export const MSIT = { person: 'p-msit', cell: 'msit' } as const;
export const KISA = { person: 'p-kisa', cell: 'kisa' } as const;

export const tempDataDir = () => mkdtemp(join(tmpdir(), 'sitroom-svc-'));
export const minimalScenario = (): Promise<LoadedScenario> => resolveScenario(fixture('scenarios', 'minimal.yaml'));

export const SETUP: NewExerciseSetup = {
  title: 'Service test',
  date: '2026-11-30',
  venue: 'Room 1',
  marking: 'UNCLASSIFIED // EXERCISE',
  language: 'en',
  participants: [
    { id: 'p-msit', name: 'Kim', cell: 'msit' },
    { id: 'p-kisa', name: 'Lee', cell: 'kisa' },
  ],
  evaluators: [{ id: 'ev-1', name: 'Park' }],
  clock: { mode: 'compressed', speed: 60 },
};

/** A wall clock the test moves by hand. */
export function virtualClock(start = Date.parse('2026-11-30T09:00:00+09:00')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms), set: (ms: number) => (now = ms) };
}
