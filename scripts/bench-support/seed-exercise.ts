/**
 * A long exercise written straight into a data dir, for the benchmarks that need one on disk
 * (the console in Chromium, reports): the flagship scenario, N events made by the real pure engine
 * and written through the real store (exercise folder + hash-chained journal, a thousand events per
 * durable append) — seconds for 10 000 events, where dispatching them over HTTP takes minutes.
 *
 * The clock is facilitator-stepped and stepped only to T+02:00, so the record opens with injects
 * released (acknowledged, shared, decided) AND most of the MSEL still pending: "release now" has
 * something to release, and no ticker releases anything behind a benchmark's back.
 *
 * API (read-only for other scripts):
 *   seedLongExercise({ dataDir, events?, startWall?, exerciseId? })
 *     → Promise<{ exerciseId, eventCount, pendingInjects, releasedInjects, journalPath, head }>
 *   longExerciseEvents(scenario, count, startWall) → { events, state }   (pure, no files)
 */
import { join } from 'node:path';
import { decide, evolve, initialState, owning } from '../../src-main/core/engine/index.ts';
import type { Actor, Command, ExerciseEvent, ExerciseState } from '../../src-main/core/engine/index.ts';
import type { Scenario } from '../../src-main/core/scenario/index.ts';
import { createExerciseFolder } from '../../src-main/store/exercise-files.ts';
import { openJournal } from '../../src-main/store/journal/index.ts';
import { loadFlagship } from './busy-room.ts';

export interface SeedOptions {
  /** The data dir (created if missing); the exercise goes to `<dataDir>/exercises/<exerciseId>/`. */
  readonly dataDir: string;
  /** How many events the journal holds in the end. Default 10 000. */
  readonly events?: number;
  /**
   * Wall time of the first event (ms since the epoch). Default: so that the last event, one second
   * after the one before it, lands a minute before now — the record looks like today's exercise.
   */
  readonly startWall?: number;
  /** Default `bench-<events>-<startWall>`; must not exist yet in the data dir. */
  readonly exerciseId?: string;
}

export interface SeededExercise {
  readonly exerciseId: string;
  /** Events in the journal (= `events` asked for). */
  readonly eventCount: number;
  /** Injects still waiting to be released (pending status) at the end of the record. */
  readonly pendingInjects: number;
  readonly releasedInjects: number;
  readonly journalPath: string;
  /** Hash of the last journal entry (what `sitroom verify --head` checks). */
  readonly head: string;
}

/** Wall time between two consecutive events of the seeded record. */
const EVENT_GAP_MS = 1_000;
/** Scenario time is stepped this far, in STEP_MS steps spread over the record. */
const STEPPED_TO_MS = 2 * 3_600_000;
const STEP_MS = 15 * 60_000;
/** One correction (a retracted action, with its reason) per this many events. */
const RETRACT_EVERY = 2_000;

const ACTIONS = [
  '카카오 장애 현황 파악 및 상황판단회의 소집',
  '판교 데이터센터 전원 차단 범위 확인',
  '대체 인증 수단 안내문 초안 작성',
  '이용자 피해 접수 창구 개설 검토',
  '재난문자 발송 여부 협의',
  '스미싱 주의보 발령 준비',
  '부가통신사업자 이중화 현황 자료 요청',
];
const OBSERVATIONS = [
  '상황 전파가 지연됨: 최초 보고까지 20분 소요',
  '주관부처 지정이 명확히 이루어짐',
  '대국민 안내 문안이 구체적이지 않음',
  '셀 간 정보 공유가 원활함',
];
const CONTROL_NOTES = ['통제단: 셀별 조치 현황 확인', '통제단: 다음 모듈 진행 시점 검토', '통제단: 평가관 배치 확인'];

/** The events of a long, mixed exercise on `scenario`, made by the real decide/evolve. */
export function longExerciseEvents(
  scenario: Scenario,
  count: number,
  startWall: number,
): { readonly events: ExerciseEvent[]; readonly state: ExerciseState } {
  const facilitator: Actor = { person: 'facilitator', cell: 'control' };
  const players = scenario.cells.filter((c) => c.role === 'player').map((c) => c.id);
  const decisionCells = new Map(
    scenario.injects.flatMap((i) => (i.decision ? [[i.decision.id, i.decision] as const] : [])),
  );
  let state: ExerciseState = initialState(scenario);
  let now = startWall;
  const events: ExerciseEvent[] = [];
  const run = (command: Command, actor: Actor): boolean => {
    const result = decide(command, state, { now, actor });
    if (!result.ok) return false;
    // The sole owner of its state, as the live session folds (ADR 004, "Folding fast").
    state = owning(() => result.value.reduce(evolve, state));
    events.push(...result.value);
    now += EVENT_GAP_MS * result.value.length;
    return true;
  };
  if (
    !run(
      {
        type: 'create-exercise',
        scenarioId: scenario.id,
        scenarioHash: '0'.repeat(64),
        title: '판교 데이터센터 화재 대응 — 장시간 기록 (벤치마크)',
        date: new Date(startWall).toISOString().slice(0, 10),
        venue: '정부서울청사 상황실',
        marking: '일반 // 훈련 전용',
        language: 'ko',
        participants: players.map((cell) => ({ id: `p-${cell}`, name: cell, cell })),
        evaluators: [
          { id: 'ev-1', name: '평가관 1' },
          { id: 'ev-2', name: '평가관 2' },
        ],
        clock: { mode: 'stepped' },
      },
      facilitator,
    ) ||
    !run({ type: 'start-exercise' }, facilitator)
  ) {
    throw new Error('the flagship exercise could not be created and started');
  }
  const stepEvery = Math.max(1, Math.floor(count / (STEPPED_TO_MS / STEP_MS + 1)));
  let stepped = 0;
  let n = 0;
  while (events.length < count) {
    const cell = players[n % players.length] ?? 'msit';
    const actor: Actor = { person: `p-${cell}`, cell };
    const released = Object.entries(state.injects).filter(([, i]) => i.status.kind === 'released').map(([id]) => id);
    const inject = released.length > 0 ? released[n % released.length] : undefined;
    const openPoint = Object.entries(state.decisions).find(([, d]) => d.kind === 'open');
    const text = `${ACTIONS[n % ACTIONS.length] ?? ''} (${n})`;
    let done = false;
    if (n === 40 || n === Math.floor(count / 3) + 1) {
      // The crisis alert level rises twice: caution early, alert once the outage is national.
      const level = n === 40 ? 'caution' : 'alert';
      done = run({ type: 'set-alert-level', level, reason: `상황판단회의 결과 (${n})` }, facilitator);
    } else if (n > 0 && n % stepEvery === 0 && stepped < STEPPED_TO_MS) {
      done = run({ type: 'step-clock', by: STEP_MS }, facilitator);
      stepped += STEP_MS;
    } else if (n > 0 && n % RETRACT_EVERY === 0) {
      const target = [...state.log].reverse().find((e) => e.type === 'action-logged' && state.corrections[String(e.seq)] === undefined);
      if (target) done = run({ type: 'retract-event', target: target.seq, reason: '다른 셀의 조치를 잘못 기록함' }, facilitator);
    } else {
      switch (n % 10) {
        case 0:
        case 1:
        case 2:
          done = run({ type: 'log-action', cell, text, tasks: [] }, actor);
          break;
        case 3:
        case 4:
          done = run(
            { type: 'record-observation', evaluator: n % 20 < 10 ? 'ev-1' : 'ev-2', text: `${OBSERVATIONS[n % OBSERVATIONS.length] ?? ''} (${n})`, cell, tasks: [] },
            facilitator,
          );
          break;
        case 5:
          if (inject) done = run({ type: 'acknowledge-inject', inject, cell }, actor);
          break;
        case 6:
          if (inject) done = run({ type: 'share-inject', inject, fromCell: 'control', toCells: [cell] }, facilitator);
          break;
        case 9: {
          const point = openPoint ? decisionCells.get(openPoint[0]) : undefined;
          const decider = point?.cells[0];
          const option = point?.options[n % point.options.length];
          if (point && decider && option) {
            done = run(
              { type: 'record-decision', cell: decider, choice: { point: point.id, option: option.id }, text: '', rationale: `${text} 이후 판단` },
              { person: `p-${decider}`, cell: decider },
            );
          }
          break;
        }
        default:
          break;
      }
    }
    // Whatever the engine refused (nothing to acknowledge yet, a cell not addressed…) becomes a
    // control-log entry, so every turn adds to the record.
    if (!done) run({ type: 'add-control-log', text: `${CONTROL_NOTES[n % CONTROL_NOTES.length] ?? ''} (${n})` }, facilitator);
    n += 1;
  }
  // A step or a decision may add several events at once; the record ends at exactly `count`.
  return { events: events.slice(0, count), state };
}

/** Writes the exercise folder and its journal; see the file comment for what the record holds. */
export async function seedLongExercise(options: SeedOptions): Promise<SeededExercise> {
  const count = options.events ?? 10_000;
  if (!Number.isInteger(count) || count < 2) throw new Error(`events must be an integer ≥ 2, not ${count}`);
  const startWall = options.startWall ?? Date.now() - 60_000 - count * EVENT_GAP_MS;
  const exerciseId = options.exerciseId ?? `bench-${count}-${startWall}`;
  const { scenario, text } = await loadFlagship();
  const { events } = longExerciseEvents(scenario, count, startWall);
  // Counted from the cut record, not from the generator's state, which may be a few events ahead.
  const final = owning(() => events.reduce(evolve, initialState(scenario)));
  const statuses = Object.values(final.injects).map((i) => i.status.kind);
  const paths = await createExerciseFolder(
    options.dataDir,
    {
      exerciseId,
      title: '판교 데이터센터 화재 대응 — 장시간 기록 (벤치마크)',
      scenarioId: scenario.id,
      createdAt: new Date(startWall).toISOString(),
      details: { venue: '정부서울청사 상황실', date: new Date(startWall).toISOString().slice(0, 10), marking: '일반 // 훈련 전용', language: 'ko' },
    },
    text,
  );
  const journal = await openJournal(paths.dir, { minFreeBytes: 0 });
  let head = '';
  try {
    for (let i = 0; i < events.length; i += 1000) {
      const written = await journal.append(events.slice(i, i + 1000));
      head = written.at(-1)?.hash ?? head;
    }
  } finally {
    await journal.close();
  }
  return {
    exerciseId,
    eventCount: events.length,
    pendingInjects: statuses.filter((s) => s === 'pending').length,
    releasedInjects: statuses.filter((s) => s === 'released').length,
    journalPath: join(paths.dir, 'journal.jsonl'),
    head,
  };
}
