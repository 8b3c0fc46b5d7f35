/**
 * The zod schema of every engine command, so a command that arrives over IPC, HTTP or from a
 * playthrough file is checked before the engine sees it. The type test at the bottom fails to
 * compile if this schema and the engine's `Command` type ever drift apart.
 */
import { z } from 'zod';
import type { Command } from '../core/engine/index.ts';
import { ALERT_LEVELS, SERVICE_STATES } from '../core/scenario/conditions.ts';
import { CHANNELS } from '../core/scenario/schema.ts';
import { AAR_ITEM_ID, AAR_LIMITS, isPlanDate } from '../core/engine/decide-report.ts';
import { CAPABILITY_ELEMENTS, PLAN_PRIORITIES, PLAN_STATUSES } from '../core/report/draft.ts';

const Id = z.string().min(1).max(80);
const Text = z.string().max(5_000);
const Reason = z.string().max(1_000);
const Ids = z.array(Id).max(100);

const ClockPace = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('realtime') }),
  z.strictObject({ mode: z.literal('compressed'), speed: z.number().int().min(2).max(1000) }),
  z.strictObject({ mode: z.literal('stepped') }),
]);

const Effects = z.strictObject({
  services: z.array(z.strictObject({ id: Id, state: z.enum(SERVICE_STATES) })).max(50),
  metrics: z.array(z.strictObject({ id: Id, delta: z.number() })).max(50),
});

const DecisionPayload = {
  cell: Id,
  choice: z.strictObject({ point: Id, option: Id }).nullable(),
  text: Text,
  rationale: Text,
};
const ActionPayload = { cell: Id, text: Text, tasks: Ids };
const AcknowledgePayload = { inject: Id, cell: Id };
const SharePayload = { inject: Id, fromCell: Id, toCells: Ids.min(1) };
const AlertPayload = { level: z.enum(ALERT_LEVELS), reason: Reason };
const HeadquartersPayload = { hq: Id, reason: Reason };
const ObservationPayload = { evaluator: Id, text: Text, cell: Id.nullable(), tasks: Ids };
const RatingPayload = { evaluator: Id, target: Id, rating: z.enum(['P', 'S', 'M', 'U', 'N/A']), notes: Text };
const HotwashPayload = { cell: Id, kind: z.enum(['strength', 'improvement']), capability: Id.nullable(), text: Text };
const FeedbackPayload = {
  participant: Id,
  ratings: z.array(z.strictObject({ item: Id, score: z.number().int().min(1).max(5) })).max(50),
  strengths: z.array(Text).max(20),
  improvements: z.array(Text).max(20),
  comment: Text,
};
const ControlLogPayload = { text: Text };

// The AAR/IP draft: shapes and bounds here, references to the scenario and the draft in the engine.
const AarText = z.string().max(AAR_LIMITS.longText);
const AarShort = z.string().max(AAR_LIMITS.shortText);
const PlanDate = z.string().max(10).refine(isPlanDate, { error: 'a date is YYYY-MM-DD or empty' });
const AarItemId = z.string().min(1).max(AAR_LIMITS.id).regex(AAR_ITEM_ID);
export const AarItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('strength'), capability: Id, cell: Id.nullable(), text: AarText }),
  z.strictObject({
    kind: z.literal('improvement'),
    capability: Id,
    cell: Id.nullable(),
    text: AarText,
    reference: z.string().max(AAR_LIMITS.reference),
    analysis: AarText,
  }),
  z.strictObject({
    kind: z.literal('plan'),
    capability: Id,
    improvement: AarItemId.nullable(),
    issue: AarText,
    correctiveAction: AarText,
    element: z.enum(CAPABILITY_ELEMENTS),
    organisation: AarShort,
    contact: AarShort,
    start: PlanDate,
    completion: PlanDate,
    priority: z.enum(PLAN_PRIORITIES),
    status: z.enum(PLAN_STATUSES),
  }),
]);

const CorrectableBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('decision-recorded'), ...DecisionPayload }),
  z.strictObject({ type: z.literal('action-logged'), ...ActionPayload }),
  z.strictObject({ type: z.literal('inject-acknowledged'), ...AcknowledgePayload }),
  z.strictObject({ type: z.literal('inject-shared'), ...SharePayload }),
  z.strictObject({ type: z.literal('alert-level-changed'), ...AlertPayload }),
  z.strictObject({ type: z.literal('hq-activated'), ...HeadquartersPayload }),
  z.strictObject({ type: z.literal('hq-deactivated'), ...HeadquartersPayload }),
  z.strictObject({ type: z.literal('observation-recorded'), ...ObservationPayload }),
  z.strictObject({ type: z.literal('target-rated'), ...RatingPayload }),
  z.strictObject({ type: z.literal('hotwash-note-added'), ...HotwashPayload }),
  z.strictObject({ type: z.literal('feedback-recorded'), ...FeedbackPayload }),
  z.strictObject({ type: z.literal('control-log-added'), ...ControlLogPayload }),
]);

export const ExerciseSetupSchema = z.strictObject({
  scenarioId: Id,
  scenarioHash: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string().min(1).max(300),
  date: z.iso.date(),
  venue: z.string().max(300),
  marking: z.string().min(1).max(300),
  language: z.enum(['en', 'ko']),
  participants: z.array(z.strictObject({ id: Id, name: z.string().min(1).max(200), cell: Id })).max(1000),
  evaluators: z.array(z.strictObject({ id: Id, name: z.string().min(1).max(200) })).max(200),
  clock: ClockPace,
});

export const CommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('create-exercise'), ...ExerciseSetupSchema.shape }),
  z.strictObject({ type: z.literal('start-exercise') }),
  z.strictObject({ type: z.literal('pause-clock') }),
  z.strictObject({ type: z.literal('resume-clock') }),
  z.strictObject({ type: z.literal('set-clock-pace'), pace: ClockPace }),
  z.strictObject({ type: z.literal('step-clock'), by: z.number().int().positive().max(30 * 24 * 3_600_000) }),
  z.strictObject({ type: z.literal('tick') }),
  z.strictObject({ type: z.literal('end-exercise') }),
  z.strictObject({ type: z.literal('release-inject'), inject: Id }),
  z.strictObject({ type: z.literal('hold-inject'), inject: Id, reason: Reason }),
  z.strictObject({ type: z.literal('unhold-inject'), inject: Id }),
  z.strictObject({ type: z.literal('skip-inject'), inject: Id, reason: Reason }),
  z.strictObject({
    type: z.literal('release-adhoc-inject'),
    inject: z.strictObject({
      id: Id,
      title: z.string().min(1).max(300),
      body: Text,
      channel: z.enum(CHANNELS),
      from: Id,
      to: Ids.min(1),
      visibility: z.enum(['addressed', 'public']),
      marking: z.string().max(300).nullable(),
      effects: Effects,
    }),
  }),
  z.strictObject({ type: z.literal('acknowledge-inject'), ...AcknowledgePayload }),
  z.strictObject({ type: z.literal('share-inject'), ...SharePayload }),
  z.strictObject({ type: z.literal('record-decision'), ...DecisionPayload }),
  z.strictObject({ type: z.literal('log-action'), ...ActionPayload }),
  z.strictObject({ type: z.literal('set-alert-level'), ...AlertPayload }),
  z.strictObject({ type: z.literal('activate-hq'), ...HeadquartersPayload }),
  z.strictObject({ type: z.literal('deactivate-hq'), ...HeadquartersPayload }),
  z.strictObject({ type: z.literal('record-observation'), ...ObservationPayload }),
  z.strictObject({ type: z.literal('rate-target'), ...RatingPayload }),
  z.strictObject({ type: z.literal('add-hotwash-note'), ...HotwashPayload }),
  z.strictObject({ type: z.literal('record-feedback'), ...FeedbackPayload }),
  z.strictObject({ type: z.literal('add-control-log'), ...ControlLogPayload }),
  z.strictObject({ type: z.literal('save-aar-item'), id: AarItemId, item: AarItemSchema }),
  z.strictObject({ type: z.literal('remove-aar-item'), id: AarItemId }),
  z.strictObject({ type: z.literal('finalise-aar') }),
  z.strictObject({ type: z.literal('reopen-aar') }),
  z.strictObject({ type: z.literal('retract-event'), target: z.number().int().positive(), reason: Reason.min(1) }),
  z.strictObject({ type: z.literal('amend-event'), target: z.number().int().positive(), reason: Reason.min(1), payload: CorrectableBody }),
]);

// Compile-time proof that the schema and the engine agree in both directions.
type Parsed = z.infer<typeof CommandSchema>;
type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

// `true` only when each type is assignable to the other; `never` turns a drift into a compile error.
export const COMMAND_SCHEMA_MATCHES_ENGINE: [Mutable<Command> extends Parsed ? true : never, Parsed extends Command ? true : never] = [true, true];
