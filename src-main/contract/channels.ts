/**
 * Every request channel and push event of the app, with its zod schema (style.md §5): one list
 * from which the Electron IPC handlers, the preload bridge, the HTTP routes and the renderer's
 * `api.ts` all derive. Channel names are `domain:verb-noun`.
 */
import { z } from 'zod';
import { CommandSchema, ExerciseSetupSchema } from './commands.ts';
import { REPORT_FORMATS, SEAT_ROLE_NAMES } from './names.ts';

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

/** 16–100 URL-safe characters: long enough to be unique per client, short enough to keep many. */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{16,100}$/);

export const SeatRoleSchema = z.enum(SEAT_ROLE_NAMES);

export const SeatListingSchema = z.strictObject({
  id: z.string(),
  exerciseId: z.string(),
  role: SeatRoleSchema,
  cell: z.string().nullable(),
  evaluator: z.string().nullable(),
  label: z.string(),
  createdAt: z.number(),
  revokedAt: z.number().nullable(),
  joined: z.boolean(),
  connections: z.number().int(),
  code: z.string().nullable(),
  codeExpiresAt: z.number().nullable(),
});

/** The room network as the facilitator sees it. */
export const RoomStatusSchema = z.strictObject({
  open: z.boolean(),
  exerciseId: z.string().nullable(),
  /** The address to give players, e.g. `http://192.168.0.12:8800/`. */
  url: z.string().nullable(),
  interfaces: z.array(z.strictObject({ name: z.string(), address: z.string(), loopback: z.boolean() })),
  seats: z.array(SeatListingSchema),
});

/** A seat's join code, shown once to the facilitator, with the join link and its QR code (SVG). */
export const IssuedCodeSchema = z.strictObject({
  seatId: z.string(),
  code: z.string(),
  expiresAt: z.number(),
  joinUrl: z.string().nullable(),
  qrSvg: z.string().nullable(),
});

const SeatIdRequest = z.strictObject({ seatId: z.string().regex(/^seat-[0-9a-f]{12}$/) });

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
    /**
     * `key`: the client's idempotency key for this command. A retry with the same key (after a
     * timeout or a dropped connection) gets the first attempt's answer and records nothing again.
     */
    request: z.strictObject({ id: Id, command: CommandSchema, actor: ActorSchema, key: IdempotencyKey.optional() }),
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
  /** Opens the room network for one exercise on one interface (loopback unless asked otherwise). */
  'room:open': {
    request: z.strictObject({ id: Id, host: z.string().min(2).max(64), port: z.number().int().min(0).max(65535) }),
    response: RoomStatusSchema,
  },
  'room:close': { request: z.strictObject({}), response: RoomStatusSchema },
  /** With `id`: that exercise's seats even while the room is closed (to prepare them in advance). */
  'room:status': { request: z.strictObject({ id: Id.optional() }), response: RoomStatusSchema },
  'room:create-seat': {
    request: z.strictObject({
      id: Id,
      role: SeatRoleSchema,
      cell: Id.nullable(),
      evaluator: Id.nullable(),
      label: z.string().max(120),
    }),
    response: IssuedCodeSchema,
  },
  'room:new-code': { request: SeatIdRequest, response: IssuedCodeSchema },
  'room:revoke-seat': { request: SeatIdRequest, response: z.strictObject({ seatId: z.string() }) },
  /**
   * A joined seat's own view (room network only): only what its role and cell may see, never the
   * scenario or the raw record. Anywhere else it is refused.
   */
  'seat:view': { request: z.strictObject({}), response: Json },
  'settings:get': { request: z.strictObject({}), response: Settings },
  'settings:update': { request: Settings.pick({ language: true, theme: true }).partial(), response: Settings },
} as const;

export const pushEvents = {
  /** New acknowledged events of an open exercise, in seq order. */
  'exercise:events': z.strictObject({ id: z.string(), events: z.array(Json), head: Head }),
  /** The journal turned read-only (write failure or integrity alarm). */
  'exercise:status': z.strictObject({ id: z.string(), status: JournalStatusSchema }),
  /**
   * To a seat instead of `exercise:events`: the record grew from `fromSeq` to `toSeq` (contiguous,
   * in order). The seat fetches its view; only seq numbers travel, never another cell's content.
   */
  'seat:changed': z.strictObject({ id: z.string(), fromSeq: z.number().int(), toSeq: z.number().int(), head: Head }),
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
