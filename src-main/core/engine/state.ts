/**
 * The exercise state: a fold of the event log. Plain JSON-able data (objects, arrays, numbers,
 * strings, null), so a replay can be compared with the live state by deep equality and the state
 * can be pushed to a view as is.
 *
 * All times here are scenario times (ms since T0) unless the name says wall.
 */
import { assertNever } from './assert-never.ts';
import type { AlertLevel, ServiceState } from '../scenario/conditions.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ClockState } from './clock.ts';
import { propagate } from './cascade.ts';
import type {
  ActionPayload,
  Actor,
  AdhocInject,
  ControlLogPayload,
  DecisionPayload,
  ExerciseEvent,
  ExerciseSetup,
  FeedbackPayload,
  HotwashPayload,
  ObservationPayload,
  RatingPayload,
} from './events.ts';
import { fromEntries, type Dict } from './records.ts';
import { EMPTY_DRAFT, type AarDraft } from '../report/draft.ts';

/** Where an entry came from: the event that recorded it. */
export interface Recorded {
  readonly seq: number;
  readonly at: number;
  readonly wallTime: string;
  readonly actor: Actor;
}

export type InjectStatus =
  | { readonly kind: 'pending' }
  | { readonly kind: 'released'; readonly at: number; readonly seq: number; readonly manual: boolean }
  | {
      readonly kind: 'cancelled';
      readonly at: number;
      readonly seq: number;
      readonly point: string;
      readonly option: string;
    }
  | { readonly kind: 'skipped'; readonly at: number; readonly seq: number; readonly reason: string };

export interface InjectRuntime {
  readonly origin: 'scenario' | 'adhoc';
  readonly status: InjectStatus;
  /** Still waiting for a decision option to unlock it. */
  readonly locked: boolean;
  /** When an option unlocked it; null if it was never locked or is still locked. */
  readonly unlockedAt: number | null;
  readonly held: { readonly since: number; readonly seq: number; readonly reason: string } | null;
  /** First scenario time its `trigger.when` condition held; null until then. */
  readonly conditionHeldAt: number | null;
  readonly shares: readonly (Recorded & { readonly fromCell: string; readonly toCell: string })[];
  readonly acknowledgements: readonly (Recorded & { readonly cell: string })[];
}

export type DecisionRuntime =
  | { readonly kind: 'closed' }
  | {
      readonly kind: 'open';
      readonly openedAt: number;
      readonly dueAt: number;
      /**
       * False when a correction retracted the decision after its due time: the point then waits for
       * the facilitator to record the right decision instead of expiring behind their back.
       */
      readonly expires: boolean;
    }
  | {
      readonly kind: 'decided';
      readonly openedAt: number;
      readonly dueAt: number;
      readonly option: string;
      readonly cell: string;
      readonly at: number;
      readonly seq: number;
    }
  | {
      readonly kind: 'expired';
      readonly openedAt: number;
      readonly dueAt: number;
      readonly option: string;
      readonly at: number;
      readonly seq: number;
    };

export interface ServiceRuntime {
  /** The state effects last set on this service itself. */
  readonly set: ServiceState;
  /** Worst of `set` and what its dependencies propagate. */
  readonly effective: ServiceState;
  /** Scenario ms spent effectively down / degraded (user-hours are derived from these). */
  readonly downMs: number;
  readonly degradedMs: number;
  readonly history: readonly { readonly at: number; readonly state: ServiceState }[];
}

export interface MetricRuntime {
  readonly value: number;
  readonly history: readonly { readonly at: number; readonly seq: number; readonly value: number }[];
}

export type TimerRuntime =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly startedAt: number; readonly deadline: number }
  | {
      readonly kind: 'met';
      readonly startedAt: number;
      readonly deadline: number;
      readonly task: string;
      readonly taskDoneAt: number;
    }
  | { readonly kind: 'missed'; readonly startedAt: number; readonly deadline: number; readonly seq: number };

export type TaskRuntime =
  | { readonly kind: 'open' }
  | {
      readonly kind: 'done';
      readonly at: number;
      readonly seq: number;
      readonly cell: string | null;
      readonly via: 'action' | 'decision';
    };

export interface AlertRuntime {
  readonly level: AlertLevel;
  readonly history: readonly (Recorded & { readonly level: AlertLevel; readonly reason: string })[];
}

export interface HeadquartersRuntime {
  readonly active: boolean;
  readonly history: readonly (Recorded & { readonly active: boolean; readonly reason: string })[];
}

export interface CorrectionMark {
  readonly kind: 'retracted' | 'amended';
  readonly bySeq: number;
  readonly reason: string;
}

export interface ExerciseState {
  readonly scenario: Scenario;
  /** Null until the exercise is created (the plan step). */
  readonly setup: ExerciseSetup | null;
  readonly clock: ClockState;
  readonly lastSeq: number;
  /** Scenario time of the latest event: the engine's cursor, never decreasing. */
  readonly scenarioTime: number;
  readonly injects: Dict<InjectRuntime>;
  readonly adhoc: Dict<AdhocInject>;
  readonly decisions: Dict<DecisionRuntime>;
  readonly services: Dict<ServiceRuntime>;
  readonly metrics: Dict<MetricRuntime>;
  readonly timers: Dict<TimerRuntime>;
  readonly tasks: Dict<TaskRuntime>;
  readonly alert: AlertRuntime;
  readonly headquarters: Dict<HeadquartersRuntime>;
  readonly decisionLog: readonly (Recorded & DecisionPayload)[];
  readonly actions: readonly (Recorded & ActionPayload)[];
  readonly observations: readonly (Recorded & ObservationPayload)[];
  readonly ratings: readonly (Recorded & RatingPayload)[];
  readonly hotwash: readonly (Recorded & HotwashPayload)[];
  readonly feedback: readonly (Recorded & FeedbackPayload)[];
  readonly controlLog: readonly (Recorded & ControlLogPayload)[];
  /** Every event as recorded, corrected ones included (the official record is never rewritten). */
  readonly log: readonly ExerciseEvent[];
  /** Events that a later correction retracted or amended, keyed by their seq. */
  readonly corrections: Dict<CorrectionMark>;
  /** The facilitator's AAR/IP draft (strengths, areas for improvement, plan rows, final or not). */
  readonly aar: AarDraft;
}

export type Phase = 'new' | 'planned' | 'conduct' | 'ended';

export function phaseOf(state: ExerciseState): Phase {
  if (state.setup === null) return 'new';
  switch (state.clock.kind) {
    case 'not-started':
      return 'planned';
    case 'ended':
      return 'ended';
    case 'running':
    case 'paused':
    case 'stepped':
      return 'conduct';
    default:
      return assertNever(state.clock, 'clock state');
  }
}

export function initialState(scenario: Scenario): ExerciseState {
  const set = fromEntries(scenario.services.map((s) => [s.id, s.initial] as const));
  const effective = propagate(scenario.services, set);
  return {
    scenario,
    setup: null,
    clock: { kind: 'not-started' },
    lastSeq: 0,
    scenarioTime: 0,
    injects: fromEntries(
      scenario.injects.map((inject) => [
        inject.id,
        {
          origin: 'scenario',
          status: { kind: 'pending' },
          locked: inject.locked,
          unlockedAt: null,
          held: null,
          conditionHeldAt: null,
          shares: [],
          acknowledgements: [],
        } satisfies InjectRuntime,
      ]),
    ),
    adhoc: {},
    decisions: fromEntries(
      scenario.injects.flatMap((i) => (i.decision ? [[i.decision.id, { kind: 'closed' } as const] as const] : [])),
    ),
    services: fromEntries(
      scenario.services.map((s) => {
        const state = effective[s.id] ?? s.initial;
        return [
          s.id,
          { set: s.initial, effective: state, downMs: 0, degradedMs: 0, history: [{ at: 0, state }] },
        ] as const;
      }),
    ),
    metrics: fromEntries(scenario.metrics.map((m) => [m.id, { value: m.initial, history: [] }] as const)),
    timers: fromEntries(scenario.timers.map((t) => [t.id, { kind: 'idle' } as const] as const)),
    tasks: fromEntries(scenario.tasks.map((t) => [t.id, { kind: 'open' } as const] as const)),
    alert: { level: scenario.initialAlert, history: [] },
    headquarters: fromEntries(scenario.headquarters.map((h) => [h.id, { active: false, history: [] }] as const)),
    decisionLog: [],
    actions: [],
    observations: [],
    ratings: [],
    hotwash: [],
    feedback: [],
    controlLog: [],
    log: [],
    corrections: {},
    aar: EMPTY_DRAFT,
  };
}

/** A state whose fields a fold may still set, before anyone else sees it. */
export type StateDraft = { -readonly [K in keyof ExerciseState]: ExerciseState[K] };

/**
 * A shallow copy, field by field. Same result as `{ ...state }`, but V8 builds a literal of a
 * fixed shape several times faster than it spreads an object that was itself made by a spread
 * (which is what every state is), and the fold makes a few copies per event. The field list is
 * checked by the compiler: a new state field that is missing here does not type-check.
 */
export function cloneState(state: ExerciseState): StateDraft {
  return {
    scenario: state.scenario,
    setup: state.setup,
    clock: state.clock,
    lastSeq: state.lastSeq,
    scenarioTime: state.scenarioTime,
    injects: state.injects,
    adhoc: state.adhoc,
    decisions: state.decisions,
    services: state.services,
    metrics: state.metrics,
    timers: state.timers,
    tasks: state.tasks,
    alert: state.alert,
    headquarters: state.headquarters,
    decisionLog: state.decisionLog,
    actions: state.actions,
    observations: state.observations,
    ratings: state.ratings,
    hotwash: state.hotwash,
    feedback: state.feedback,
    controlLog: state.controlLog,
    log: state.log,
    corrections: state.corrections,
    aar: state.aar,
  };
}
