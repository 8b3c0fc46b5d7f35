/**
 * Task timeliness (design.md §5): each critical task's completion against its due period (the task's window in the scenario).
 *
 * The window opens at the task's anchor (StartEx, an inject's release, a point's decision) and
 * closes `within` later. Done inside it (or before it opened): 100. Done late: linear decay that
 * reaches 0 when the task is LATE_ZERO_WINDOWS windows past due. Not done when its window closed
 * and still not done at EndEx: 0. While the exercise runs, an open task inside its window is not
 * scored yet, and an overdue one is scored as if done now (the most it can still earn). Not scored
 * (null): a task whose anchor never happened (never due), or whose window was still open at EndEx.
 */
import type { Task } from '../scenario/schema.ts';
import { own } from '../engine/records.ts';
import type { ExerciseState } from '../engine/state.ts';
import { parseDuration } from '../time.ts';
import { at, explain, figure, span } from './explain.ts';
import { correctedClaims, decidedAt, hasEnded, referenceTime, releasedAt, startedAt, type Happened } from './happened.ts';
import type { TaskScore } from './model.ts';

/** A late task earns nothing once it is this many windows past due. */
export const LATE_ZERO_WINDOWS = 2;

/** 100 for lateness ≤ 0, then linear down to 0 at LATE_ZERO_WINDOWS × the due period. */
export function lateScore(lateMs: number, windowMs: number): number {
  if (lateMs <= 0) return 100;
  return Math.max(0, 100 * (1 - lateMs / (LATE_ZERO_WINDOWS * windowMs)));
}

function anchorOf(state: ExerciseState, task: Task, started: Happened | null): Happened | null {
  const after = task.due.after;
  if (after === 'start') return started;
  if ('released' in after) return releasedAt(state, after.released);
  return decidedAt(state, after.decided);
}

/** How the anchor is named in a sentence: "StartEx", an inject id or a decision point id. */
function anchorName(task: Task): string {
  const after = task.due.after;
  if (after === 'start') return 'StartEx';
  return 'released' in after ? after.released : after.decided;
}

export function scoreTasks(state: ExerciseState): readonly TaskScore[] {
  const scenario = state.scenario;
  const started = startedAt(state);
  const now = referenceTime(state);
  const ended = hasEnded(state);
  const claims = correctedClaims(state);
  return scenario.tasks.map((task) => {
    const target = scenario.targets.find((t) => t.id === task.target);
    const runtime = own(state.tasks, task.id);
    const done = runtime?.kind === 'done' ? runtime : null;
    const windowMs = parseDuration(task.due.within) ?? 0;
    const anchor = anchorOf(state, task, started);
    const corrected = claims.get(task.id) ?? [];
    const base = {
      task: task.id,
      target: task.target,
      objective: target?.objective ?? '',
      capability: target?.capability ?? '',
      cells: task.cells,
      doneAt: done?.at ?? null,
      doneBy: done?.cell ?? null,
    };
    const params = { task: task.id, window: span(windowMs), corrections: corrected.length / 2 };
    const events = [anchor?.seq, done?.seq, ...corrected];
    if (anchor === null) {
      const explanation = done
        ? explain('scoring.task.not-due-done', { ...params, anchor: anchorName(task), done: at(done.at) }, events)
        : explain('scoring.task.not-due', { ...params, anchor: anchorName(task) }, events);
      return { ...base, opensAt: null, dueAt: null, score: figure(null, explanation) };
    }
    const dueAt = anchor.at + windowMs;
    const timing = { ...params, opens: at(anchor.at), due: at(dueAt), zeroAfter: span(LATE_ZERO_WINDOWS * windowMs) };
    const withWindow = { ...base, opensAt: anchor.at, dueAt };
    if (done) {
      const late = done.at - dueAt;
      const key = late <= 0 ? 'scoring.task.on-time' : 'scoring.task.late';
      const explanation = explain(key, { ...timing, done: at(done.at), late: span(Math.max(0, late)) }, events);
      return { ...withWindow, score: figure(lateScore(late, windowMs), explanation) };
    }
    if (now <= dueAt) {
      // EndEx inside the window: the task was neither done nor late, so there is nothing to score.
      const key = ended ? 'scoring.task.cut-short' : 'scoring.task.pending';
      return { ...withWindow, score: figure(null, explain(key, { ...timing, now: at(now) }, events)) };
    }
    if (ended) return { ...withWindow, score: figure(0, explain('scoring.task.missed', timing, events)) };
    const late = now - dueAt;
    const explanation = explain('scoring.task.overdue', { ...timing, now: at(now), late: span(late) }, events);
    return { ...withWindow, score: figure(lateScore(late, windowMs), explanation) };
  });
}
