/**
 * Where a critical task stands for the evaluator: done (and when), overdue, due (and by when), or
 * waiting for what opens its window (an inject released or a decision taken).
 */
import type { ExerciseState } from '@core/engine/index.ts';
import type { Anchor, Task } from '@core/scenario/schema.ts';
import { parseDuration } from '@core/time.ts';

export type TaskStatus =
  | { readonly kind: 'done'; readonly at: number; readonly late: boolean; readonly cell: string | null }
  | { readonly kind: 'overdue'; readonly dueAt: number }
  | { readonly kind: 'due'; readonly dueAt: number }
  | { readonly kind: 'waiting' };

/** Scenario time the task's window opened, or null while what opens it has not happened. */
function windowOpened(state: ExerciseState, anchor: Anchor): number | null {
  if (anchor === 'start') return state.clock.kind === 'not-started' ? null : 0;
  if ('released' in anchor) {
    const status = state.injects[anchor.released]?.status;
    return status?.kind === 'released' ? status.at : null;
  }
  const decision = state.decisions[anchor.decided];
  return decision?.kind === 'decided' || decision?.kind === 'expired' ? decision.at : null;
}

export function taskStatus(state: ExerciseState, task: Task, now: number): TaskStatus {
  const opened = windowOpened(state, task.due.after);
  const dueAt = opened === null ? null : opened + (parseDuration(task.due.within) ?? 0);
  const runtime = state.tasks[task.id];
  if (runtime?.kind === 'done') return { kind: 'done', at: runtime.at, late: dueAt !== null && runtime.at > dueAt, cell: runtime.cell };
  if (dueAt === null) return { kind: 'waiting' };
  return now > dueAt ? { kind: 'overdue', dueAt } : { kind: 'due', dueAt };
}
