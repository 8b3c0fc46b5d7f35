/**
 * The exercise record: every event that can be in the journal.
 *
 * Events are plain JSON (no Map, Set, Date or undefined) because the journal stores one per line
 * and hashes its canonical JSON. Each carries `v` (its shape version; see `upcast.ts`), the `seq`
 * the engine assigned, the wall time it was recorded, the scenario time it takes effect at, and
 * who did it. Engine-made events (releases on schedule, expiries, missed timers) name `ENGINE_ACTOR`.
 */
import type { AlertLevel, ServiceState } from '../scenario/conditions.ts';
import type { CHANNELS } from '../scenario/schema.ts';
import type { ClockPace } from './clock.ts';
import type { AarItem } from '../report/draft.ts';

export const EVENT_VERSION = 1;

export interface Actor {
  readonly person: string;
  readonly cell: string;
}

/** Who the engine names for what the clock did. '@' keeps it apart from scenario ids. */
export const ENGINE_ACTOR: Actor = { person: '@engine', cell: '@engine' };

export interface EventMeta {
  readonly v: typeof EVENT_VERSION;
  readonly seq: number;
  /** ISO 8601 UTC wall time at which the event was recorded. */
  readonly wallTime: string;
  /** Milliseconds since the scenario's T0 at which the event takes effect. */
  readonly scenarioTime: number;
  readonly actor: Actor;
}

export type Language = 'en' | 'ko';
export type Channel = (typeof CHANNELS)[number];

export interface Participant {
  readonly id: string;
  readonly name: string;
  readonly cell: string;
}

export interface Evaluator {
  readonly id: string;
  readonly name: string;
}

export interface ExerciseSetup {
  readonly scenarioId: string;
  /** Hash of the scenario snapshot the exercise runs on, computed by the caller. */
  readonly scenarioHash: string;
  readonly title: string;
  /** Calendar date of conduct, YYYY-MM-DD. */
  readonly date: string;
  readonly venue: string;
  readonly marking: string;
  readonly language: Language;
  readonly participants: readonly Participant[];
  readonly evaluators: readonly Evaluator[];
  readonly clock: ClockPace;
}

export interface EffectsData {
  readonly services: readonly { readonly id: string; readonly state: ServiceState }[];
  readonly metrics: readonly { readonly id: string; readonly delta: number }[];
}

/** An inject the control cell writes during play. Plain text: typed in the room's language. */
export interface AdhocInject {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly channel: Channel;
  readonly from: string;
  readonly to: readonly string[];
  readonly visibility: 'addressed' | 'public';
  readonly marking: string | null;
  readonly effects: EffectsData;
}

export const RATINGS = ['P', 'S', 'M', 'U', 'N/A'] as const;
export type Rating = (typeof RATINGS)[number];

export const HOTWASH_KINDS = ['strength', 'improvement'] as const;
export type HotwashKind = (typeof HOTWASH_KINDS)[number];

// ---- payloads shared by a command and the event it records ---------------------------------------

export interface DecisionPayload {
  /** The cell whose decision this is (the facilitator may record it for a cell with no seat). */
  readonly cell: string;
  /** A decision point and the option chosen; null for a free-text decision. */
  readonly choice: { readonly point: string; readonly option: string } | null;
  readonly text: string;
  readonly rationale: string;
}

export interface ActionPayload {
  readonly cell: string;
  readonly text: string;
  /** Critical tasks this action accomplishes. */
  readonly tasks: readonly string[];
}

export interface AcknowledgePayload {
  readonly inject: string;
  readonly cell: string;
}

export interface SharePayload {
  readonly inject: string;
  readonly fromCell: string;
  readonly toCells: readonly string[];
}

export interface AlertPayload {
  readonly level: AlertLevel;
  readonly reason: string;
}

export interface HeadquartersPayload {
  readonly hq: string;
  readonly reason: string;
}

export interface ObservationPayload {
  readonly evaluator: string;
  readonly text: string;
  readonly cell: string | null;
  readonly tasks: readonly string[];
}

export interface RatingPayload {
  readonly evaluator: string;
  readonly target: string;
  readonly rating: Rating;
  readonly notes: string;
}

export interface HotwashPayload {
  readonly cell: string;
  readonly kind: HotwashKind;
  readonly capability: string | null;
  readonly text: string;
}

export interface FeedbackPayload {
  readonly participant: string;
  /** Rated statements of the feedback form, each 1 (strongly disagree) to 5 (strongly agree). */
  readonly ratings: readonly { readonly item: string; readonly score: number }[];
  readonly strengths: readonly string[];
  readonly improvements: readonly string[];
  readonly comment: string;
}

export interface ControlLogPayload {
  readonly text: string;
}

/** One AAR/IP draft item, created or replaced whole; the id is chosen by the editor (see decide-report.ts). */
export interface AarItemPayload {
  readonly id: string;
  readonly item: AarItem;
}

// ---- event bodies -----------------------------------------------------------------------------------

export type CorrectableBody =
  | ({ readonly type: 'decision-recorded' } & DecisionPayload)
  | ({ readonly type: 'action-logged' } & ActionPayload)
  | ({ readonly type: 'inject-acknowledged' } & AcknowledgePayload)
  | ({ readonly type: 'inject-shared' } & SharePayload)
  | ({ readonly type: 'alert-level-changed' } & AlertPayload)
  | ({ readonly type: 'hq-activated' } & HeadquartersPayload)
  | ({ readonly type: 'hq-deactivated' } & HeadquartersPayload)
  | ({ readonly type: 'observation-recorded' } & ObservationPayload)
  | ({ readonly type: 'target-rated' } & RatingPayload)
  | ({ readonly type: 'hotwash-note-added' } & HotwashPayload)
  | ({ readonly type: 'feedback-recorded' } & FeedbackPayload)
  | ({ readonly type: 'control-log-added' } & ControlLogPayload);

export type CorrectableType = CorrectableBody['type'];

/** What a person recorded can be corrected; what the clock did and lifecycle steps cannot. */
export const CORRECTABLE_TYPES: readonly CorrectableType[] = [
  'decision-recorded',
  'action-logged',
  'inject-acknowledged',
  'inject-shared',
  'alert-level-changed',
  'hq-activated',
  'hq-deactivated',
  'observation-recorded',
  'target-rated',
  'hotwash-note-added',
  'feedback-recorded',
  'control-log-added',
];

export type CorrectionBody =
  | { readonly type: 'event-retracted'; readonly target: number; readonly reason: string }
  | {
      readonly type: 'event-amended';
      readonly target: number;
      readonly reason: string;
      readonly payload: CorrectableBody;
    };

/**
 * The facilitator's edits of the AAR/IP draft. Not correctable: a draft item is corrected by saving
 * it again or removing it, and each edit stays in the record.
 */
export type AarBody =
  | ({ readonly type: 'aar-item-saved' } & AarItemPayload)
  | { readonly type: 'aar-item-removed'; readonly id: string }
  | { readonly type: 'aar-finalised' }
  | { readonly type: 'aar-reopened' };

export type EventBody =
  | ({ readonly type: 'exercise-created' } & ExerciseSetup)
  | { readonly type: 'exercise-started' }
  | { readonly type: 'clock-paused' }
  | { readonly type: 'clock-resumed' }
  | { readonly type: 'clock-pace-changed'; readonly pace: ClockPace }
  | { readonly type: 'clock-stepped'; readonly by: number }
  | { readonly type: 'exercise-ended' }
  | { readonly type: 'inject-released'; readonly inject: string; readonly manual: boolean }
  | { readonly type: 'inject-held'; readonly inject: string; readonly reason: string }
  | { readonly type: 'inject-unheld'; readonly inject: string }
  | { readonly type: 'inject-skipped'; readonly inject: string; readonly reason: string }
  | { readonly type: 'adhoc-inject-released'; readonly inject: AdhocInject }
  | { readonly type: 'decision-expired'; readonly point: string; readonly option: string }
  | { readonly type: 'timer-missed'; readonly timer: string; readonly deadline: number }
  /** Written by the store, not by `decide`: a torn tail was cut off when the journal was opened. */
  | { readonly type: 'journal-recovered'; readonly discardedBytes: number; readonly lastGoodSeq: number }
  | CorrectableBody
  | CorrectionBody
  | AarBody;

export type EventType = EventBody['type'];

export type ExerciseEvent = EventMeta & EventBody;

export function isCorrectable(type: EventType): type is CorrectableType {
  return (CORRECTABLE_TYPES as readonly string[]).includes(type);
}

export function isCorrection(event: ExerciseEvent): event is EventMeta & CorrectionBody {
  return event.type === 'event-retracted' || event.type === 'event-amended';
}
