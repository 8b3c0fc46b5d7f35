/**
 * Everything a person (or the ticker) can ask of an exercise. Each command is answered by
 * `decide` with the events it causes, or a refusal that says why.
 *
 * Time and the acting person are not part of a command: they come in `DecideContext`, filled in by
 * the service from the trusted clock and the authenticated seat.
 */
import type { ClockPace } from './clock.ts';
import type {
  AcknowledgePayload,
  ActionPayload,
  Actor,
  AdhocInject,
  AarItemPayload,
  AlertPayload,
  ControlLogPayload,
  CorrectableBody,
  DecisionPayload,
  ExerciseSetup,
  FeedbackPayload,
  HeadquartersPayload,
  HotwashPayload,
  ObservationPayload,
  RatingPayload,
  SharePayload,
} from './events.ts';

export interface DecideContext {
  /** Wall time of the command, integer ms since the Unix epoch. */
  readonly now: number;
  readonly actor: Actor;
}

export type Command =
  // lifecycle and clock
  | ({ readonly type: 'create-exercise' } & ExerciseSetup)
  | { readonly type: 'start-exercise' }
  | { readonly type: 'pause-clock' }
  | { readonly type: 'resume-clock' }
  | { readonly type: 'set-clock-pace'; readonly pace: ClockPace }
  /** Stepped clock only: advance scenario time by `by` ms and release what becomes due. */
  | { readonly type: 'step-clock'; readonly by: number }
  /** From the ticker: release what is due, expire decisions, fire timer deadlines. */
  | { readonly type: 'tick' }
  | { readonly type: 'end-exercise' }
  // injects
  | { readonly type: 'release-inject'; readonly inject: string }
  | { readonly type: 'hold-inject'; readonly inject: string; readonly reason: string }
  | { readonly type: 'unhold-inject'; readonly inject: string }
  | { readonly type: 'skip-inject'; readonly inject: string; readonly reason: string }
  | { readonly type: 'release-adhoc-inject'; readonly inject: AdhocInject }
  | ({ readonly type: 'acknowledge-inject' } & AcknowledgePayload)
  | ({ readonly type: 'share-inject' } & SharePayload)
  // play
  | ({ readonly type: 'record-decision' } & DecisionPayload)
  | ({ readonly type: 'log-action' } & ActionPayload)
  | ({ readonly type: 'set-alert-level' } & AlertPayload)
  | ({ readonly type: 'activate-hq' } & HeadquartersPayload)
  | ({ readonly type: 'deactivate-hq' } & HeadquartersPayload)
  // evaluation, hot wash, control
  | ({ readonly type: 'record-observation' } & ObservationPayload)
  | ({ readonly type: 'rate-target' } & RatingPayload)
  | ({ readonly type: 'add-hotwash-note' } & HotwashPayload)
  | ({ readonly type: 'record-feedback' } & FeedbackPayload)
  | ({ readonly type: 'add-control-log' } & ControlLogPayload)
  // the AAR/IP draft (decide-report.ts)
  | ({ readonly type: 'save-aar-item' } & AarItemPayload)
  | { readonly type: 'remove-aar-item'; readonly id: string }
  | { readonly type: 'finalise-aar' }
  | { readonly type: 'reopen-aar' }
  // corrections
  | { readonly type: 'retract-event'; readonly target: number; readonly reason: string }
  | {
      readonly type: 'amend-event';
      readonly target: number;
      readonly reason: string;
      readonly payload: CorrectableBody;
    };

export type CommandType = Command['type'];
