/**
 * A playthrough: a scripted exercise — the setup, then participant commands at scenario times.
 * The demo command and the tests replay one to run a whole exercise deterministically. Files live
 * in `scenarios/playthroughs/<scenario-id>/<name>.yaml` beside the scenario package they play.
 */
import { z } from 'zod';
import { CommandSchema, ExerciseSetupSchema } from '../../contract/commands.ts';
import { Id, ShortText, LongText } from '../../core/scenario/text.ts';
import { SCENARIO_TIME_PATTERN } from '../../core/time.ts';

/** The reserved actor name for the facilitator, who acts as the control cell. */
export const FACILITATOR = 'facilitator';

export const PlaythroughStep = z.strictObject({
  at: z.string().regex(SCENARIO_TIME_PATTERN, { error: 'write a scenario time as T+HH:MM' }),
  as: Id.meta({ description: `A participant or evaluator id, or "${FACILITATOR}"` }),
  do: CommandSchema,
  note: z.string().max(500).optional(),
});

export const Playthrough = z.strictObject({
  $schema: z.string().max(300).optional(),
  schemaVersion: z.literal(1),
  scenario: Id,
  name: Id,
  title: ShortText,
  description: LongText,
  exercise: ExerciseSetupSchema.omit({ scenarioId: true, scenarioHash: true }),
  steps: z.array(PlaythroughStep).min(1).max(5_000),
});

export type Playthrough = z.infer<typeof Playthrough>;
export type PlaythroughStep = z.infer<typeof PlaythroughStep>;
