/**
 * The exercise engine: a pure decider over an append-only event log.
 *
 *   decide(command, state, ctx) → Result<events, EngineError>
 *   evolve(state, event) → state
 *   initialState(scenario), replay(scenario, events) / project(scenario, events)
 *
 * Everything else (the clock, the cascade, timers, visibility) is a projection of the log.
 */
export type { Command, CommandType, DecideContext } from './commands.ts';
export type {
  AcknowledgePayload,
  ActionPayload,
  Actor,
  AdhocInject,
  AlertPayload,
  Channel,
  ControlLogPayload,
  CorrectableBody,
  CorrectableType,
  CorrectionBody,
  DecisionPayload,
  EffectsData,
  Evaluator,
  EventBody,
  EventMeta,
  EventType,
  ExerciseEvent,
  ExerciseSetup,
  FeedbackPayload,
  HeadquartersPayload,
  HotwashKind,
  HotwashPayload,
  Language,
  ObservationPayload,
  Participant,
  Rating,
  RatingPayload,
  SharePayload,
} from './events.ts';
export { CORRECTABLE_TYPES, ENGINE_ACTOR, EVENT_VERSION, HOTWASH_KINDS, RATINGS, isCorrectable } from './events.ts';
export type {
  AlertRuntime,
  CorrectionMark,
  DecisionRuntime,
  ExerciseState,
  HeadquartersRuntime,
  InjectRuntime,
  InjectStatus,
  MetricRuntime,
  Phase,
  Recorded,
  ServiceRuntime,
  TaskRuntime,
  TimerRuntime,
} from './state.ts';
export { initialState, phaseOf } from './state.ts';
export type { ClockPace, ClockState } from './clock.ts';
export { MAX_SPEED, clockReading, paceOf, wallTimeWhen } from './clock.ts';
export type { EngineError, EngineErrorCode } from './errors.ts';
export { ENGINE_ERROR_CODES } from './errors.ts';
export type { Result } from './result.ts';
export { decide } from './decide.ts';
export { MAX_STEP_MS } from './decide-lifecycle.ts';
export { evolve, project, replay } from './evolve.ts';
export { borrowing, owning } from './records.ts';
export type { CorrectedEntry, CorrectedView } from './corrections.ts';
export { correctedLog } from './corrections.ts';
export type { DueItem } from './schedule.ts';
export { dueItems, nextDue, nextDueTime } from './schedule.ts';
export { DEGRADED_WEIGHT } from './cascade.ts';
export type { MselRow } from './queries.ts';
export { currentRatings, mselBoard, scenarioTimeAt, totalUserHoursLost, userHoursLost } from './queries.ts';
export type { CellDecisionView, CellInjectView } from './visibility.ts';
export { visibleInjects } from './visibility.ts';
export { holds } from './evaluate-condition.ts';
export type { StoredEvent } from './upcast.ts';
export { upcast } from './upcast.ts';
