/**
 * Decision quality (design.md §5): the doctrine score of the option in force at each decision point.
 * Decided by a cell: that option's score. Expired: the default option's score — the cells did not
 * decide and the default is what happened. Still open, or never released: not scored (null).
 */
import { assertNever } from '../engine/assert-never.ts';
import { planOf } from '../engine/plan.ts';
import { own } from '../engine/records.ts';
import type { ExerciseState } from '../engine/state.ts';
import { at, explain, figure } from './explain.ts';
import type { DecisionScore } from './model.ts';

export function scoreDecisions(state: ExerciseState): readonly DecisionScore[] {
  const scores: DecisionScore[] = [];
  for (const [id, { point, inject }] of planOf(state.scenario).points) {
    const runtime = own(state.decisions, id) ?? { kind: 'closed' as const };
    const status = own(state.injects, inject)?.status;
    const releaseSeq = status?.kind === 'released' ? status.seq : null;
    const base = { point: id, inject, cells: point.cells };
    switch (runtime.kind) {
      case 'closed': {
        const cancelled = status?.kind === 'cancelled' ? status : null;
        const explanation = cancelled
          ? explain('scoring.decision.cancelled', { point: id, inject, by: cancelled.point, option: cancelled.option }, [cancelled.seq])
          : explain('scoring.decision.not-reached', { point: id, inject }, status?.kind === 'skipped' ? [status.seq] : []);
        scores.push({ ...base, outcome: 'not-reached', option: null, decidedBy: null, openedAt: null, dueAt: null, at: null, score: figure(null, explanation) });
        break;
      }
      case 'open': {
        const cutShort = state.clock.kind === 'ended' && runtime.expires;
        const key = cutShort ? 'scoring.decision.cut-short' : runtime.expires ? 'scoring.decision.open' : 'scoring.decision.reopened';
        const explanation = explain(key, { point: id, opened: at(runtime.openedAt), due: at(runtime.dueAt) }, [releaseSeq]);
        scores.push({ ...base, outcome: 'open', option: null, decidedBy: null, openedAt: runtime.openedAt, dueAt: runtime.dueAt, at: null, score: figure(null, explanation) });
        break;
      }
      case 'decided':
      case 'expired': {
        const option = point.options.find((o) => o.id === runtime.option);
        const value = option?.score ?? null;
        const best = Math.max(...point.options.map((o) => o.score));
        const common = { point: id, option: runtime.option, score: value ?? 0, best, due: at(runtime.dueAt), at: at(runtime.at) };
        const explanation =
          runtime.kind === 'decided'
            ? explain('scoring.decision.decided', { ...common, cell: runtime.cell }, [releaseSeq, runtime.seq])
            : explain('scoring.decision.expired', common, [releaseSeq, runtime.seq]);
        scores.push({
          ...base,
          outcome: runtime.kind,
          option: runtime.option,
          decidedBy: runtime.kind === 'decided' ? runtime.cell : null,
          openedAt: runtime.openedAt,
          dueAt: runtime.dueAt,
          at: runtime.at,
          score: figure(value, explanation),
        });
        break;
      }
      default:
        assertNever(runtime, 'decision state');
    }
  }
  return scores;
}
