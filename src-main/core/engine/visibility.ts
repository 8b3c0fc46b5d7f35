/**
 * Need-to-know: what each cell may see. A cell sees a released inject when it is addressed to the
 * cell or to "all", when it is public, or when another cell shared it (sharing is an event in the
 * record). The control cell sees every released inject.
 *
 * The view is built field by field, so facilitator notes, expected actions, effects and the
 * doctrine scores of options can never leak into a cell's screen by accident.
 */
import type { LocalizedText } from '../scenario/text.ts';
import type { Channel } from './events.ts';
import { visibleTo } from './guards.ts';
import { planOf } from './plan.ts';
import { own } from './records.ts';
import type { DecisionRuntime, ExerciseState } from './state.ts';

export interface CellDecisionView {
  readonly id: string;
  readonly prompt: LocalizedText;
  readonly cells: readonly string[];
  readonly options: readonly { readonly id: string; readonly label: LocalizedText }[];
  readonly status: DecisionRuntime['kind'];
  readonly dueAt: number | null;
  /** The option in force once decided or expired. */
  readonly option: string | null;
}

export interface CellInjectView {
  readonly id: string;
  readonly origin: 'scenario' | 'adhoc';
  readonly title: LocalizedText;
  readonly body: LocalizedText;
  readonly channel: Channel;
  readonly from: string;
  readonly to: readonly string[];
  readonly marking: LocalizedText | null;
  readonly releasedAt: number;
  readonly releasedSeq: number;
  /** Cells that shared this inject with the viewing cell (empty when it was addressed to it). */
  readonly sharedBy: readonly string[];
  readonly acknowledged: boolean;
  readonly decision: CellDecisionView | null;
}

function decisionView(state: ExerciseState, id: string): CellDecisionView | null {
  const planned = planOf(state.scenario).points.get(id);
  const runtime = own(state.decisions, id);
  if (!planned || !runtime) return null;
  return {
    id,
    prompt: planned.point.prompt,
    cells: planned.point.cells,
    options: planned.point.options.map((o) => ({ id: o.id, label: o.label })),
    status: runtime.kind,
    dueAt: runtime.kind === 'closed' ? null : runtime.dueAt,
    option: runtime.kind === 'decided' || runtime.kind === 'expired' ? runtime.option : null,
  };
}

/** Released injects the cell may see, in release order. */
export function visibleInjects(state: ExerciseState, cellId: string): readonly CellInjectView[] {
  const views: CellInjectView[] = [];
  for (const [id, runtime] of Object.entries(state.injects)) {
    if (runtime.status.kind !== 'released' || !visibleTo(state, id, cellId)) continue;
    const common = {
      id,
      origin: runtime.origin,
      releasedAt: runtime.status.at,
      releasedSeq: runtime.status.seq,
      sharedBy: runtime.shares.filter((s) => s.toCell === cellId).map((s) => s.fromCell),
      acknowledged: runtime.acknowledgements.some((a) => a.cell === cellId),
    };
    const scenarioInject = planOf(state.scenario).injects.get(id)?.inject;
    const adhoc = own(state.adhoc, id);
    if (scenarioInject) {
      views.push({
        ...common,
        title: scenarioInject.title,
        body: scenarioInject.body,
        channel: scenarioInject.channel,
        from: scenarioInject.from,
        to: scenarioInject.to,
        marking: scenarioInject.marking ?? null,
        decision: scenarioInject.decision ? decisionView(state, scenarioInject.decision.id) : null,
      });
    } else if (adhoc) {
      views.push({
        ...common,
        title: adhoc.title,
        body: adhoc.body,
        channel: adhoc.channel,
        from: adhoc.from,
        to: adhoc.to,
        marking: adhoc.marking,
        decision: null,
      });
    }
  }
  return views.sort((a, b) => a.releasedSeq - b.releasedSeq);
}
