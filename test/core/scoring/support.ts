/**
 * A scripted exercise on the minimal fixture scenario, run through the real engine (`decide` and
 * `evolve`) on a facilitator-stepped clock, so a test says exactly when in scenario time each
 * command happens.
 *
 * minimal.yaml, untouched: inj-fire at T+0 (power down → login and chat down; trust −10; expects
 * task-room, msit, due T+2h), inj-smish at T+2h (to kisa; opens dp-advisory, due T+3h, default
 * "wait" 30 / "now" 90 which completes task-advisory, due 4h after the release), inj-restore at T+8h.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decide, evolve, initialState, type Actor, type Command, type ExerciseEvent, type ExerciseState } from '../../../src-main/core/engine/index.ts';
import { loadScenario } from '../../../src-main/core/scenario/index.ts';
import type { Scenario } from '../../../src-main/core/scenario/schema.ts';
import { HOUR_MS, MINUTE_MS } from '../../../src-main/core/time.ts';
import { translate, placeholdersOf, CATALOGS } from '../../../src-main/core/i18n/translate.ts';
import type { Explanation, Scores } from '../../../src-main/core/scoring/index.ts';
import { fixture } from '../../helpers/paths.ts';

function load(file: string): Scenario {
  const result = loadScenario(readFileSync(file));
  if (!result.ok) throw new Error(`${file}: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.scenario;
}

export const MINIMAL = load(fixture('scenarios', 'minimal.yaml'));

export const FACILITATOR: Actor = { person: 'p-fac', cell: 'ctrl' };
export const MSIT: Actor = { person: 'p-msit', cell: 'msit' };
export const KISA: Actor = { person: 'p-kisa', cell: 'kisa' };

export const minutes = (n: number) => n * MINUTE_MS;
export const hours = (n: number) => n * HOUR_MS;

export const createMinimal: Extract<Command, { type: 'create-exercise' }> = {
  type: 'create-exercise',
  scenarioId: 'minimal-outage',
  scenarioHash: 'sha256:test',
  title: 'Scoring test',
  date: '2026-05-12',
  venue: 'Room 1',
  marking: 'EXERCISE',
  language: 'en',
  participants: [
    { id: 'p-msit', name: 'Kim', cell: 'msit' },
    { id: 'p-kisa', name: 'Lee', cell: 'kisa' },
  ],
  evaluators: [
    { id: 'ev-1', name: 'Choi' },
    { id: 'ev-2', name: 'Jung' },
    { id: 'ev-3', name: 'Park' },
  ],
  clock: { mode: 'stepped' },
};

/** An exercise on a stepped clock; every command must be accepted unless `tryDo` is used. */
export class Run {
  state: ExerciseState;
  readonly events: ExerciseEvent[] = [];
  private wall = Date.UTC(2026, 4, 12, 0, 0, 0);

  constructor(scenario: Scenario = MINIMAL, start = true) {
    this.state = initialState(scenario);
    this.do({ ...createMinimal, scenarioId: scenario.id });
    if (start) this.do({ type: 'start-exercise' });
  }

  /** Runs a command; returns its events, or null if the engine refused it. */
  tryDo(command: Command, actor: Actor = FACILITATOR): readonly ExerciseEvent[] | null {
    this.wall += 1000;
    const result = decide(command, this.state, { now: this.wall, actor });
    if (!result.ok) return null;
    for (const event of result.value) {
      this.state = evolve(this.state, event);
      this.events.push(event);
    }
    return result.value;
  }

  do(command: Command, actor: Actor = FACILITATOR): readonly ExerciseEvent[] {
    const events = this.tryDo(command, actor);
    if (events === null) {
      const result = decide(command, this.state, { now: this.wall, actor });
      assert.fail(`${command.type} was refused: ${result.ok ? '' : result.error.message}`);
    }
    return events;
  }

  /** Steps the stepped clock forward to scenario time `to` (no-op if already there). */
  until(to: number): this {
    if (to > this.state.scenarioTime) this.do({ type: 'step-clock', by: to - this.state.scenarioTime });
    return this;
  }

  action(cell: string, tasks: readonly string[], text = 'done'): number {
    const actor = cell === 'kisa' ? KISA : cell === 'msit' ? MSIT : FACILITATOR;
    return this.do({ type: 'log-action', cell, text, tasks }, actor).at(-1)!.seq;
  }

  decideAdvisory(option: 'now' | 'wait', cell = 'kisa'): number {
    const events = this.do({ type: 'record-decision', cell, choice: { point: 'dp-advisory', option }, text: '', rationale: '' }, KISA);
    return events.find((e) => e.type === 'decision-recorded')!.seq;
  }

  acknowledge(inject: string, cell: string): number {
    const actor = cell === 'kisa' ? KISA : MSIT;
    return this.do({ type: 'acknowledge-inject', inject, cell }, actor).at(-1)!.seq;
  }

  rate(evaluator: string, target: string, rating: 'P' | 'S' | 'M' | 'U' | 'N/A'): number {
    return this.do({ type: 'rate-target', evaluator, target, rating, notes: '' }).at(-1)!.seq;
  }

  retract(target: number): number {
    return this.do({ type: 'retract-event', target, reason: 'recorded by mistake' }).at(-1)!.seq;
  }

  end(): this {
    this.do({ type: 'end-exercise' });
    return this;
  }
}

/** Every explanation in the scores, with where it sits. */
export function explanations(scores: Scores): { readonly where: string; readonly explanation: Explanation }[] {
  const out: { where: string; explanation: Explanation }[] = [];
  const add = (where: string, explanation: Explanation) => out.push({ where, explanation });
  for (const t of scores.tasks) add(`task ${t.task}`, t.score.explanation);
  for (const d of scores.decisions) add(`decision ${d.point}`, d.score.explanation);
  for (const r of scores.responsiveness) add(`responsiveness ${r.cell}`, r.score.explanation);
  for (const s of scores.outcome.services) add(`service ${s.service}`, s.explanation);
  for (const m of scores.outcome.metrics) add(`metric ${m.metric}`, m.score.explanation);
  add('outcome', scores.outcome.score.explanation);
  for (const t of scores.targets) {
    add(`suggested ${t.target}`, t.suggested.explanation);
    if (t.agreement) add(`agreement ${t.target}`, t.agreement.explanation);
  }
  if (scores.agreement) add('agreement', scores.agreement.explanation);
  for (const r of [...scores.objectives, ...scores.cells, scores.exercise]) add(`roll-up ${r.id}`, r.score.explanation);
  return out;
}

/** Every figure's value, for range checks. */
export function figureValues(scores: Scores): (number | null)[] {
  return [
    ...scores.tasks.map((t) => t.score.value),
    ...scores.decisions.map((d) => d.score.value),
    ...scores.responsiveness.map((r) => r.score.value),
    ...scores.outcome.metrics.map((m) => m.score.value),
    scores.outcome.score.value,
    ...[...scores.objectives, ...scores.cells, scores.exercise].flatMap((r) => [r.score.value, ...r.components.map((c) => c.value)]),
  ];
}

/** The explanation renders completely (every placeholder filled) in both languages. */
export function assertRenders(where: string, explanation: Explanation): void {
  for (const language of ['en', 'ko'] as const) {
    const template = CATALOGS[language][explanation.key];
    for (const name of placeholdersOf(template)) {
      assert.ok(Object.hasOwn(explanation.params, name), `${where}: ${explanation.key} needs {${name}} (${language})`);
    }
    assert.doesNotMatch(translate(language, explanation.key, explanation.params), /\{\w+\}/, `${where} (${language})`);
  }
}
