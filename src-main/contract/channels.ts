/**
 * Every request channel and push event of the app, with its zod schema (style.md §5): one list
 * from which the Electron IPC handlers, the preload bridge, the HTTP routes and the renderer's
 * `api.ts` all derive. Channel names are `domain:verb-noun`.
 */
import { z } from 'zod';
import { CommandSchema, ExerciseSetupSchema } from './commands.ts';
import { REPORT_FORMATS } from './names.ts';

const Id = z.string().min(1).max(120);

/**
 * Scenario objects and events come from our own core (the scenario was validated on load, events
 * were decided by the engine and hash-chained), so responses carry them unchecked: re-validating
 * 100 000 events on every open would cost seconds and prove nothing new. Requests never use this.
 */
const Json = z.unknown();

const FindingSchema = z.strictObject({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  path: z.string(),
  message: z.string(),
  line: z.number().int(),
  col: z.number().int(),
});

export const ScenarioListing = z.strictObject({
  file: z.string(),
  id: z.string().nullable(),
  title: Json.nullable(),
  ok: z.boolean(),
  counts: z.strictObject({ injects: z.number(), cells: z.number(), objectives: z.number(), tasks: z.number(), decisionPoints: z.number() }).nullable(),
  errors: z.array(FindingSchema),
  warnings: z.array(FindingSchema),
});

export const ExerciseListing = z.strictObject({
  id: z.string(),
  title: z.string(),
  scenarioId: z.string(),
  createdAt: z.string(),
  events: z.number().int(),
  head: z.string(),
  verified: z.enum(['ok', 'torn-tail', 'tampered', 'missing']),
});

export const Head = z.strictObject({ seq: z.number().int().nonnegative(), hash: z.string() });

export const JournalStatusSchema = z.strictObject({
  state: z.enum(['ok', 'read-only', 'closed']),
  reason: z.string().nullable(),
});

/** Everything a view needs to fold the exercise itself with the core's `replay`. */
export const ExerciseSnapshot = z.strictObject({
  id: z.string(),
  scenario: Json,
  events: z.array(Json),
  head: Head,
  status: JournalStatusSchema,
  recovery: z.strictObject({ discardedBytes: z.number(), lastGoodSeq: z.number() }).nullable(),
});

export const ActorSchema = z.strictObject({ person: Id, cell: Id });

export const Settings = z.strictObject({
  language: z.enum(['en', 'ko']),
  dataDir: z.string(),
  theme: z.enum(['dark', 'projector']),
});

export const channels = {
  'library:list-scenarios': { request: z.strictObject({}), response: z.array(ScenarioListing) },
  /** One library scenario, validated, for planning an exercise (cells, lint warnings). */
  'library:get-scenario': {
    request: z.strictObject({ file: z.string().min(1).max(4096) }),
    response: z.strictObject({ file: z.string(), scenario: Json, warnings: z.array(FindingSchema) }),
  },
  'exercise:list': { request: z.strictObject({}), response: z.array(ExerciseListing) },
  'exercise:create': {
    request: z.strictObject({ scenarioFile: z.string().min(1).max(4096), setup: ExerciseSetupSchema.omit({ scenarioId: true, scenarioHash: true }) }),
    response: z.strictObject({ id: z.string() }),
  },
  'exercise:open': { request: z.strictObject({ id: Id }), response: ExerciseSnapshot },
  'exercise:dispatch': {
    request: z.strictObject({ id: Id, command: CommandSchema, actor: ActorSchema }),
    response: z.strictObject({ head: Head, seqs: z.array(z.number().int()) }),
  },
  'exercise:events-since': {
    request: z.strictObject({ id: Id, afterSeq: z.number().int().nonnegative() }),
    response: z.strictObject({ events: z.array(Json), head: Head }),
  },
  /** Opens the situation display in its own window (Electron); a browser opens a tab itself. */
  'display:open': {
    request: z.strictObject({ id: Id, screen: z.number().int().nonnegative().nullable() }),
    response: z.strictObject({ opened: z.boolean() }),
  },
  /** The AAR/IP of an exercise in one format, built from its journal now; the bytes base64-encoded. */
  'report:export': {
    request: z.strictObject({
      id: Id,
      format: z.enum(REPORT_FORMATS),
      lang: z.enum(['en', 'ko']).optional(),
    }),
    response: z.strictObject({
      filename: z.string().min(1).max(255),
      mime: z.string().min(1).max(200),
      base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
    }),
  },
  'settings:get': { request: z.strictObject({}), response: Settings },
  'settings:update': { request: Settings.pick({ language: true, theme: true }).partial(), response: Settings },
} as const;

export const pushEvents = {
  /** New acknowledged events of an open exercise, in seq order. */
  'exercise:events': z.strictObject({ id: z.string(), events: z.array(Json), head: Head }),
  /** The journal turned read-only (write failure or integrity alarm). */
  'exercise:status': z.strictObject({ id: z.string(), status: JournalStatusSchema }),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type PushEvents = typeof pushEvents;
export type PushEventName = keyof PushEvents;
/** Deeply readonly, so callers may pass the engine's readonly data (a mutable value fits too). */
export type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
export type RequestOf<C extends ChannelName> = DeepReadonly<z.input<Channels[C]['request']>>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;
export type PushOf<E extends PushEventName> = z.output<PushEvents[E]>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
export const PUSH_EVENT_NAMES = Object.keys(pushEvents) as PushEventName[];
