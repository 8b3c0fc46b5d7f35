/**
 * The scenario package format, version 1: one strict zod schema from which the TypeScript types
 * and the planners' JSON Schema (`scenarios/scenario.schema.json`) are both derived.
 *
 * Strict objects reject unknown keys (a typo, or `__proto__`), every list and string is bounded,
 * and cross-references are checked afterwards in `references.ts`, where the whole file is known.
 */
import { z } from 'zod';
import { AlertLevel, Condition, ServiceState } from './conditions.ts';
import { Id, LIMITS, LongText, ShortText } from './text.ts';
import { DURATION_PATTERN, SCENARIO_TIME_PATTERN } from '../time.ts';

export const CURRENT_SCHEMA_VERSION = 1;

const ScenarioTime = z
  .string()
  .regex(SCENARIO_TIME_PATTERN, { error: 'write a scenario time as T+HH:MM, for example T+01:33' })
  .meta({ description: 'Offset from T0, written T+HH:MM (hours may exceed 24)' });

const Duration = z
  .string()
  .regex(DURATION_PATTERN, { error: 'write a duration like 45m, 2h, 1h30m or 3d' })
  .refine((s) => s.length > 0 && s !== '0m', { error: 'a duration must be longer than zero' })
  .meta({ description: 'A duration such as 45m, 2h, 1h30m or 3d' });

const list = <T extends z.ZodType>(item: T, max: number = LIMITS.listSmall) => z.array(item).max(max);
const ids = (max: number = LIMITS.listSmall) => list(Id, max);

export const CELL_KINDS = [
  'ministry',
  'military',
  'intelligence',
  'regulator',
  'operator',
  'control',
  'media',
  'public',
] as const;

export const CELL_ROLES = ['player', 'control', 'persona'] as const;

export const Cell = z.strictObject({
  id: Id,
  name: ShortText,
  agency: ShortText.meta({ description: 'The organisation this cell represents' }),
  kind: z.enum(CELL_KINDS),
  role: z.enum(CELL_ROLES).meta({
    description: 'player: answers injects; control: runs the exercise; persona: a simulated sender',
  }),
  description: LongText.optional(),
});

export const Capability = z.strictObject({
  id: Id,
  name: ShortText.meta({ description: 'HSEEP core capability, e.g. Operational Coordination' }),
  description: LongText.optional(),
});

export const Objective = z.strictObject({
  id: Id,
  title: ShortText,
  description: LongText.optional(),
  weight: z.number().positive().max(100).default(1),
});

export const Target = z.strictObject({
  id: Id,
  objective: Id,
  capability: Id,
  text: ShortText.meta({ description: 'The capability target: a threshold to meet' }),
  source: ShortText.meta({ description: 'The plan, SOP or law the target comes from' }),
});

/** When a task's window opens: at StartEx, when an inject is released, or when a point is decided. */
export const Anchor = z.union([
  z.literal('start'),
  z.strictObject({ released: Id }),
  z.strictObject({ decided: Id }),
]);

export const Task = z.strictObject({
  id: Id,
  target: Id,
  text: ShortText,
  cells: ids().min(1).meta({ description: 'Cells responsible for the task' }),
  due: z.strictObject({
    after: Anchor,
    within: Duration,
  }),
});

export const Dependency = z.strictObject({
  service: Id,
  kind: z.enum(['hard', 'soft']).meta({
    description: 'hard: down when the dependency is down; soft: degraded when it is down',
  }),
});

export const Service = z.strictObject({
  id: Id,
  name: ShortText,
  users: z.number().int().min(0).max(10_000_000_000),
  operator: Id.optional(),
  description: LongText.optional(),
  dependsOn: list(Dependency).default([]),
  initial: ServiceState.default('up'),
});

export const Metric = z
  .strictObject({
    id: Id,
    name: ShortText,
    unit: ShortText.optional(),
    min: z.number(),
    max: z.number(),
    initial: z.number(),
    better: z.enum(['higher', 'lower']),
    description: LongText.optional(),
  })
  .refine((m) => m.min < m.max && m.initial >= m.min && m.initial <= m.max, {
    error: 'a metric needs min < max and an initial value between them',
  });

export const Timer = z.strictObject({
  id: Id,
  name: ShortText,
  basis: z.enum(['statute', 'plan']),
  source: ShortText.meta({ description: 'The law or plan that sets the deadline' }),
  start: Condition,
  limit: Duration,
  satisfiedBy: ids().min(1).meta({ description: 'Critical tasks whose completion meets the timer' }),
});

export const Headquarters = z.strictObject({
  id: Id,
  name: ShortText,
  lead: Id.meta({ description: 'The cell that activates and leads this headquarters' }),
});

export const Question = z.strictObject({
  cells: ids().min(1).meta({ description: 'Cells asked this question; may include "all"' }),
  text: ShortText,
});

export const Module = z.strictObject({
  id: Id,
  title: ShortText,
  from: ScenarioTime,
  to: ScenarioTime,
  summary: LongText.optional(),
  questions: list(Question, 200).default([]),
});

export const Effects = z.strictObject({
  services: list(z.strictObject({ id: Id, state: ServiceState })).default([]),
  metrics: list(z.strictObject({ id: Id, delta: z.number() })).default([]),
});

export const Option = z.strictObject({
  id: Id,
  label: ShortText,
  score: z.number().int().min(0).max(100).meta({ description: 'Doctrine score, 0–100' }),
  rationale: LongText.meta({ description: 'Why doctrine scores this option as it does' }),
  effects: Effects.optional(),
  unlocks: ids().default([]),
  cancels: ids().default([]),
  completes: ids().default([]).meta({ description: 'Critical tasks this choice accomplishes' }),
});

export const DecisionPoint = z.strictObject({
  id: Id,
  prompt: ShortText,
  cells: ids().min(1),
  due: Duration.meta({ description: 'Time after release within which the cells must decide' }),
  default: Id.meta({ description: 'The option taken when the due time passes undecided' }),
  options: z.array(Option).min(2).max(8),
});

export const CHANNELS = [
  'sitrep',
  'phone',
  'news',
  'social',
  'email',
  'intel-brief',
  'operator-statement',
  'alert-system',
] as const;

export const INJECT_TYPES = ['informational', 'event', 'media', 'contingency', 'administrative'] as const;

export const Trigger = z.strictObject({
  after: Id.optional().meta({ description: 'Release this long after another inject is released' }),
  when: Condition.optional(),
  delay: Duration.optional(),
});

export const Inject = z.strictObject({
  id: Id,
  title: ShortText,
  module: Id,
  at: ScenarioTime.optional(),
  trigger: Trigger.optional(),
  locked: z.boolean().default(false).meta({
    description: 'Held back until a decision option unlocks it',
  }),
  type: z.enum(INJECT_TYPES),
  channel: z.enum(CHANNELS),
  from: Id.meta({ description: 'The sending persona or cell' }),
  to: ids().min(1).meta({ description: 'Recipient cells, or "all"' }),
  visibility: z.enum(['addressed', 'public']).default('addressed'),
  marking: ShortText.optional(),
  body: LongText,
  effects: Effects.optional(),
  expects: ids().default([]).meta({ description: 'Critical tasks evaluators should see' }),
  decision: DecisionPoint.optional(),
  notes: LongText.optional().meta({ description: 'Facilitator notes; never shown to players' }),
  contingency: z.boolean().default(false),
  controller: Id.optional(),
});

export const Scenario = z.strictObject({
  $schema: z.string().max(300).optional(),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: Id,
  title: ShortText,
  summary: LongText,
  background: LongText,
  hazard: ShortText,
  marking: z.strictObject({
    classification: ShortText,
    handling: LongText.optional(),
  }),
  t0: z.iso
    .datetime({ offset: true })
    .meta({ description: 'Wall time of scenario time zero, with its UTC offset' }),
  span: Duration,
  initialAlert: AlertLevel.default('none'),
  cells: z.array(Cell).min(1).max(200),
  headquarters: list(Headquarters).default([]),
  capabilities: list(Capability).min(1),
  objectives: list(Objective).min(1),
  targets: list(Target, 200).min(1),
  tasks: list(Task, 500).min(1),
  services: list(Service, 200).default([]),
  metrics: list(Metric).default([]),
  timers: list(Timer).default([]),
  modules: list(Module).min(1),
  injects: z.array(Inject).min(1).max(LIMITS.listLarge),
});

export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
export type Cell = z.infer<typeof Cell>;
export type Inject = z.infer<typeof Inject>;
export type DecisionPoint = z.infer<typeof DecisionPoint>;
export type Option = z.infer<typeof Option>;
export type Effects = z.infer<typeof Effects>;
export type Service = z.infer<typeof Service>;
export type Metric = z.infer<typeof Metric>;
export type Timer = z.infer<typeof Timer>;
export type Task = z.infer<typeof Task>;
export type Target = z.infer<typeof Target>;
export type Objective = z.infer<typeof Objective>;
export type Module = z.infer<typeof Module>;
export type Anchor = z.infer<typeof Anchor>;
export type Trigger = z.infer<typeof Trigger>;
