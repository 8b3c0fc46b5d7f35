/**
 * Real exercise states for the report tests: a shipped playthrough run through the real services
 * (engine, journal, fsync) into a temp dir, once per test process. Plus a stand-in Scores value
 * built from the state, for tests that must not depend on the scoring module (being written in
 * parallel): it is NOT the scoring — its figures are simple, labelled and only feed the renderers.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPlaythrough } from '../../../src-main/services/playthrough/load.ts';
import { runPlaythrough } from '../../../src-main/services/playthrough/run.ts';
import { resolveScenario } from '../../../src-main/services/scenario-library.ts';
import { currentRatings, userHoursLost, type ExerciseState } from '../../../src-main/core/engine/index.ts';
import type { Explanation, RollUp, Scores } from '../../../src-main/core/scoring/model.ts';

export interface Played {
  readonly state: ExerciseState;
  readonly journal: { readonly exerciseId: string; readonly seq: number; readonly head: string };
}

const played = new Map<string, Promise<Played>>();

export function playthrough(name: 'strong' | 'weak' = 'strong', scenarioId = 'pangyo-datacenter-fire'): Promise<Played> {
  const key = `${scenarioId}/${name}`;
  let run = played.get(key);
  if (!run) {
    run = (async () => {
      const scenario = await resolveScenario(scenarioId);
      const { playthrough: script } = await readPlaythrough(scenarioId, name);
      const dataDir = await mkdtemp(join(tmpdir(), 'sitroom-report-'));
      const { session } = await runPlaythrough(scenario, script, { dataDir });
      const result: Played = { state: session.state, journal: { exerciseId: session.id, seq: session.head.seq, head: session.head.hash } };
      await session.close();
      return result;
    })();
    played.set(key, run);
  }
  return run;
}

const why = (events: readonly number[] = []): Explanation => ({ key: 'scoring.title', params: {}, events });

/** Stand-in scores (see the file comment). Replace with computeScores once it is stable. */
export function standInScores(state: ExerciseState): Scores {
  const s = state.scenario;
  const tasks = s.tasks.map((task) => {
    const runtime = state.tasks[task.id];
    const target = s.targets.find((t) => t.id === task.target);
    const done = runtime?.kind === 'done' ? runtime : null;
    return {
      task: task.id,
      target: task.target,
      objective: target?.objective ?? '',
      capability: target?.capability ?? '',
      cells: task.cells,
      opensAt: 0,
      dueAt: null,
      doneAt: done?.at ?? null,
      doneBy: done?.cell ?? null,
      score: { value: done ? 100 : 0, explanation: why(done ? [done.seq] : []) },
    };
  });
  const ratings = currentRatings(state);
  const targets = s.targets.map((target) => {
    const mine = ratings.filter((r) => r.target === target.id);
    return {
      target: target.id,
      objective: target.objective,
      capability: target.capability,
      ratings: mine.map((r) => ({ evaluator: r.evaluator, rating: r.rating, notes: r.notes, seq: r.seq })),
      rating: mine[0]?.rating ?? null,
      agreement: null,
      suggested: { rating: 'S' as const, explanation: why() },
    };
  });
  const roll = (id: string, value: number): RollUp => ({ id, score: { value, explanation: why() }, components: [] });
  const players = s.cells.filter((c) => c.role === 'player');
  return {
    weights: { timeliness: 0.25, decisions: 0.25, responsiveness: 0.15, outcome: 0.15, ratings: 0.2 },
    tasks,
    decisions: [],
    responsiveness: players.map((c, i) => ({
      cell: c.id,
      responded: 3,
      received: 4,
      medianMs: (5 + i) * 60_000,
      p90Ms: (12 + 2 * i) * 60_000,
      score: { value: 80 - i, explanation: why() },
    })),
    outcome: {
      services: [],
      metrics: [],
      totalUserHoursLost: s.services.reduce((sum, v) => sum + userHoursLost(state, v.id), 0),
      baselineUserHoursLost: 0,
      score: { value: 60, explanation: why() },
    },
    targets,
    agreement: null,
    objectives: s.objectives.map((o, i) => roll(o.id, 90 - 7 * i)),
    cells: players.map((c, i) => roll(c.id, 85 - 2 * i)),
    exercise: roll('exercise', 77),
  };
}

/**
 * A facilitator's draft as the aar-* events would leave it in the state (the editor that records
 * those events is built elsewhere; the report only reads `state.aar`).
 */
export function withDraft(state: ExerciseState, finalised = false): ExerciseState {
  return {
    ...state,
    aar: {
      items: [
        { id: 's-1', seq: 900, item: { kind: 'strength', capability: 'cap-opcoord', cell: 'msit', text: 'MSIT opened the situation room within 13 minutes and escalated the alert at the first situation meeting.' } },
        {
          id: 'i-1',
          seq: 901,
          item: {
            kind: 'improvement',
            capability: 'cap-infra',
            cell: 'nfa',
            text: 'The data-center fire reached 119 fourteen minutes late: no automatic alarm link.',
            reference: 'Framework Act on Fire Services, art. 19; Broadcasting-communications disaster plan 2023',
            analysis: 'Data centers are not required to connect fire alarms to 119; the operator relied on a manual call.',
          },
        },
        {
          id: 'p-1',
          seq: 902,
          item: {
            kind: 'plan',
            capability: 'cap-infra',
            improvement: 'i-1',
            issue: 'No automatic fire-alarm link from large data centers to 119.',
            correctiveAction: 'Amend the designation criteria so large data centers link alarms to 119; pilot with two operators.',
            element: 'planning',
            organisation: 'National Fire Agency',
            contact: 'Fire Policy Division',
            start: '2027-01-15',
            completion: '2027-06-30',
            priority: 'high',
            status: 'not-started',
          },
        },
      ],
      finalised: finalised ? { seq: 903, wallTime: '2026-11-30T09:00:00.000Z' } : null,
    },
  };
}
