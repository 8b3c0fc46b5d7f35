/**
 * Runs a playthrough on a virtual clock: wall time jumps straight to each step's scenario time,
 * so 128 hours of exercise take seconds, yet every event is decided, journaled and fsynced exactly
 * as in a live exercise (the journal and the engine cannot tell the difference).
 */
import { ENGINE_ACTOR, wallTimeWhen } from '../../core/engine/index.ts';
import type { Actor, ExerciseEvent } from '../../core/engine/index.ts';
import { parseDuration, parseScenarioTime } from '../../core/time.ts';
import type { ExerciseSession } from '../exercise-session.ts';
import { ExerciseService } from '../exercise-service.ts';
import type { LoadedScenario } from '../scenario-library.ts';
import { FACILITATOR } from './schema.ts';
import type { Playthrough } from './schema.ts';

export interface RunOptions {
  readonly dataDir: string;
  /** Wall time at which the virtual exercise is created; defaults to the playthrough's date, 09:00 KST. */
  readonly startWall?: number;
  readonly onEvent?: (event: ExerciseEvent, session: ExerciseSession) => void;
  readonly onStep?: (index: number, step: Playthrough['steps'][number]) => void;
}

export interface RunResult {
  readonly session: ExerciseSession;
  readonly refused: readonly { readonly step: number; readonly message: string }[];
}

export class PlaythroughRunError extends Error {
  override readonly name = 'PlaythroughRunError';
}

export async function runPlaythrough(scenario: LoadedScenario, playthrough: Playthrough, options: RunOptions): Promise<RunResult> {
  let now = options.startWall ?? Date.parse(`${playthrough.exercise.date}T09:00:00+09:00`);
  const service = new ExerciseService(options.dataDir, { now: () => now });
  const control = scenario.scenario.cells.find((c) => c.role === 'control')?.id ?? 'control';
  const actorOf = (name: string): Actor => {
    if (name === FACILITATOR) return { person: FACILITATOR, cell: control };
    const participant = playthrough.exercise.participants.find((p) => p.id === name);
    if (participant) return { person: participant.id, cell: participant.cell };
    return { person: name, cell: control }; // evaluators sit with exercise control
  };

  const { session, created } = await service.create(scenario, playthrough.exercise, actorOf(FACILITATOR));
  if (!created.ok) throw new PlaythroughRunError(`could not create the exercise: ${created.error.message}`);
  const report = (events: readonly ExerciseEvent[]) => events.forEach((e) => options.onEvent?.(e, session));
  report(created.events);

  const refused: { step: number; message: string }[] = [];
  /** Moves the virtual clock so that scenario time reaches `target`, releasing what falls due. */
  const advanceTo = async (target: number) => {
    const clock = session.state.clock;
    if (clock.kind === 'stepped') {
      if (target > clock.scenarioTime) {
        now += 1_000;
        const stepped = await session.dispatch({ type: 'step-clock', by: target - clock.scenarioTime }, actorOf(FACILITATOR));
        if (stepped.ok) report(stepped.events);
      }
      return;
    }
    const wall = wallTimeWhen(clock, target);
    if (wall !== null && wall > now) now = wall;
    else now += 1; // paused or already there: keep wall time strictly increasing, no more
    const ticked = await session.dispatch({ type: 'tick' }, ENGINE_ACTOR);
    if (ticked.ok) report(ticked.events);
    else throw new PlaythroughRunError(ticked.error.message);
  };

  for (const [index, step] of playthrough.steps.entries()) {
    options.onStep?.(index, step);
    await advanceTo(parseScenarioTime(step.at) ?? 0);
    const result = await session.dispatch(step.do, actorOf(step.as));
    if (result.ok) report(result.events);
    else if (result.error.code === 'refused') refused.push({ step: index, message: result.error.message });
    else throw new PlaythroughRunError(`step ${index} (${step.at}): ${result.error.message}`);
  }
  // Let the rest of the scenario play out if the script stopped early, so every timer resolves.
  if (session.state.clock.kind !== 'ended' && session.state.clock.kind !== 'not-started') {
    await advanceTo(parseDuration(scenario.scenario.span) ?? 0);
    const ended = await session.dispatch({ type: 'end-exercise' }, actorOf(FACILITATOR));
    if (ended.ok) report(ended.events);
  }
  return { session, refused };
}
