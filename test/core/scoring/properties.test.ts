/**
 * Property tests of the scores over exercises the engine could really have recorded: random
 * commands on the minimal scenario (stepped clock), each run through `decide` and `evolve`, refused
 * ones skipped.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Command } from '../../../src-main/core/engine/index.ts';
import { computeScores, type Scores } from '../../../src-main/core/scoring/index.ts';
import { FACILITATOR, KISA, MSIT, Run, assertRenders, explanations, figureValues, hours, minutes } from './support.ts';

const TASKS = ['task-room', 'task-advisory'] as const;
type TaskId = (typeof TASKS)[number];
const INJECTS = ['inj-fire', 'inj-smish', 'inj-praise', 'inj-victims', 'inj-restore', 'inj-reserve'];
const PLAYERS = ['msit', 'kisa'] as const;

/** A step of a script: a command and who sends it. */
interface Step {
  readonly command: Command;
  readonly by: 'facilitator' | 'msit' | 'kisa';
}

const actorOf = (by: Step['by']) => (by === 'msit' ? MSIT : by === 'kisa' ? KISA : FACILITATOR);

const step: fc.Arbitrary<Step> = fc
  .integer({ min: 1, max: 150 })
  .map((m) => ({ command: { type: 'step-clock', by: minutes(m) }, by: 'facilitator' }) as const);

const actionOn = (tasks: readonly string[]): fc.Arbitrary<Step> =>
  fc.record({ cell: fc.constantFrom(...PLAYERS), tasks: fc.subarray([...tasks]) }).map(({ cell, tasks: done }) => ({
    command: { type: 'log-action', cell, text: 'did it', tasks: done },
    by: cell,
  }));

const decision: fc.Arbitrary<Step> = fc
  .record({ option: fc.constantFrom('now', 'wait'), cell: fc.constantFrom(...PLAYERS) })
  .map(({ option, cell }) => ({
    command: { type: 'record-decision', cell, choice: { point: 'dp-advisory', option }, text: '', rationale: '' },
    by: cell,
  }));

/** Commands that change neither the clock nor any critical task. */
const sideline: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ inject: fc.constantFrom(...INJECTS), cell: fc.constantFrom(...PLAYERS) }).map(({ inject, cell }): Step => ({ command: { type: 'acknowledge-inject', inject, cell }, by: cell })),
  fc.record({ inject: fc.constantFrom(...INJECTS), cell: fc.constantFrom(...PLAYERS) }).map(({ inject, cell }): Step => ({
    command: { type: 'share-inject', inject, fromCell: cell, toCells: [cell === 'msit' ? 'kisa' : 'msit'] },
    by: cell,
  })),
  fc.constantFrom('interest', 'caution', 'alert', 'serious').map((level): Step => ({ command: { type: 'set-alert-level', level, reason: '' }, by: 'msit' })),
  fc.record({ evaluator: fc.constantFrom('ev-1', 'ev-2', 'ev-3'), target: fc.constantFrom('tgt-1', 'tgt-2'), rating: fc.constantFrom('P', 'S', 'M', 'U', 'N/A') }).map(
    (r): Step => ({ command: { type: 'rate-target', ...r, notes: '' }, by: 'facilitator' }),
  ),
  fc.constant<Step>({ command: { type: 'record-observation', evaluator: 'ev-1', text: 'noted', cell: 'msit', tasks: ['task-room'] }, by: 'facilitator' }),
  fc.constant<Step>({ command: { type: 'add-hotwash-note', cell: 'kisa', kind: 'strength', capability: null, text: 'good' }, by: 'facilitator' }),
  fc.constant<Step>({ command: { type: 'add-control-log', text: 'note' }, by: 'facilitator' }),
  fc.constant<Step>({ command: { type: 'record-decision', cell: 'msit', choice: null, text: 'free text', rationale: '' }, by: 'msit' }),
);

const anyStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: step },
  { weight: 2, arbitrary: actionOn(TASKS) },
  { weight: 1, arbitrary: decision },
  { weight: 3, arbitrary: sideline },
);

function play(steps: readonly Step[], { retract = [] as readonly (number | undefined)[], end = true } = {}): Run {
  const run = new Run();
  steps.forEach((s, i) => {
    run.tryDo(s.command, actorOf(s.by));
    const pick = retract[i];
    if (pick !== undefined) {
      // Retract some earlier correctable entry, as a facilitator fixing the record would.
      const correctable = run.state.log.filter((e) => ['action-logged', 'decision-recorded', 'inject-acknowledged', 'target-rated'].includes(e.type));
      const target = correctable[pick % Math.max(1, correctable.length)];
      if (target) run.tryDo({ type: 'retract-event', target: target.seq, reason: 'fix' });
    }
  });
  if (end) {
    run.until(hours(12));
    run.tryDo({ type: 'end-exercise' });
  }
  return run;
}

function taskScore(scores: Scores, id: TaskId) {
  const found = scores.tasks.find((t) => t.task === id);
  assert.ok(found);
  return found.score;
}

describe('score properties', () => {
  it('every figure stays in 0–100 (or is not scored), agreement in range, every explanation renders', () => {
    fc.assert(
      fc.property(
        fc.array(anyStep, { maxLength: 30 }),
        fc.array(fc.option(fc.nat(), { nil: undefined, freq: 6 }), { maxLength: 30 }),
        fc.boolean(),
        (steps, retract, end) => {
          const run = play(steps, { retract, end });
          const scores = computeScores(run.state);
          for (const value of figureValues(scores)) {
            if (value !== null) assert.ok(value >= 0 && value <= 100 && Number.isFinite(value), `figure ${value}`);
          }
          for (const agreement of [scores.agreement, ...scores.targets.map((t) => t.agreement)]) {
            if (agreement === null) continue;
            assert.ok(agreement.percent >= 0 && agreement.percent <= 100);
            if (agreement.kappa !== null) assert.ok(agreement.kappa >= -1 && agreement.kappa <= 1, `kappa ${agreement.kappa}`);
          }
          const seqs = new Set(run.state.log.map((e) => e.seq));
          for (const { where, explanation } of explanations(scores)) {
            assertRenders(where, explanation);
            for (const seq of explanation.events) assert.ok(seqs.has(seq), `${where} cites #${seq}, which is not in the journal`);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('completing a task earlier never lowers its score, its objective’s or the exercise’s', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 3, arbitrary: step }, { weight: 1, arbitrary: decision }, { weight: 2, arbitrary: sideline }), { maxLength: 16 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...TASKS),
        (steps, a, b, task) => {
          const [early, late] = [a % (steps.length + 1), b % (steps.length + 1)].sort((x, y) => x - y) as [number, number];
          const cell = task === 'task-room' ? 'msit' : 'kisa';
          const doIt: Step = { command: { type: 'log-action', cell, text: 'done', tasks: [task] }, by: cell };
          const withDoneAt = (i: number) => computeScores(play([...steps.slice(0, i), doIt, ...steps.slice(i)]).state);
          const first = withDoneAt(early);
          const second = withDoneAt(late);
          const objective = task === 'task-room' ? 0 : 1;
          const pairs: [string, number | null, number | null][] = [
            ['task', taskScore(first, task).value, taskScore(second, task).value],
            ['objective', first.objectives[objective]!.score.value, second.objectives[objective]!.score.value],
            ['exercise', first.exercise.score.value, second.exercise.score.value],
          ];
          for (const [what, earlier, later] of pairs) {
            if (earlier === null || later === null) {
              assert.equal(earlier, later, `${what}: scored in one run but not the other`);
            } else {
              assert.ok(earlier >= later, `${what}: done earlier scores ${earlier} < ${later}`);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('events unrelated to a task do not change its score', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TASKS),
        fc.array(fc.oneof({ weight: 3, arbitrary: step }, { weight: 2, arbitrary: actionOn(TASKS) }, { weight: 1, arbitrary: decision }), { maxLength: 14 }),
        fc.array(fc.tuple(fc.nat(), sideline), { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), actionOn(TASKS)), { maxLength: 4 }),
        (task, steps, extras, otherActions) => {
          const other = TASKS.find((t) => t !== task)!;
          // Unrelated to `task`: side-line entries, and actions that name only the other task.
          const unrelated: [number, Step][] = [
            ...extras,
            ...otherActions.map(([at, s]): [number, Step] => [at, { ...s, command: { ...s.command, tasks: [other] } as Command }]),
          ];
          const base = steps;
          const mixed: Step[] = [...base];
          for (const [at, s] of [...unrelated].sort((x, y) => x[0] - y[0])) mixed.splice(at % (mixed.length + 1), 0, s);
          const plain = taskScore(computeScores(play(base).state), task);
          const busy = taskScore(computeScores(play(mixed).state), task);
          assert.equal(busy.value, plain.value);
          assert.equal(busy.explanation.key, plain.explanation.key);
          assert.deepEqual(busy.explanation.params, plain.explanation.params);
        },
      ),
      { numRuns: 40 },
    );
  });
});
