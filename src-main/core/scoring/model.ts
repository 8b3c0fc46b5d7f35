/**
 * The shape of the scores: a pure projection of the exercise state (design.md §5). Every figure
 * carries its explanation — which formula, with which inputs, from which journal events — so a
 * report can say why a number is what it is. The formulas are written out in docs/scoring.md.
 *
 * Explanations are message keys with parameters (not sentences) so the report renders them in the
 * reader's language; all times are scenario ms since T0.
 */
import type { MessageKey, MessageParams } from '../i18n/translate.ts';
import type { Rating } from '../engine/events.ts';

export interface Explanation {
  /** A key of the `scoring.*` message table, e.g. `scoring.task.late`. */
  readonly key: MessageKey;
  readonly params: MessageParams;
  /** Journal seqs of the events the figure was computed from (may be empty: "never happened"). */
  readonly events: readonly number[];
}

/** A 0–100 score (null when nothing could be scored, e.g. no decision point was reached). */
export interface Figure {
  readonly value: number | null;
  readonly explanation: Explanation;
}

export interface TaskScore {
  readonly task: string;
  readonly target: string;
  readonly objective: string;
  readonly capability: string;
  readonly cells: readonly string[];
  /** When the due window opened; null if its anchor never happened (the task was never due). */
  readonly opensAt: number | null;
  readonly dueAt: number | null;
  readonly doneAt: number | null;
  readonly doneBy: string | null;
  readonly score: Figure;
}

export interface DecisionScore {
  readonly point: string;
  readonly inject: string;
  readonly cells: readonly string[];
  /** How the point ended: decided by a cell, expired to its default, still open, or never released. */
  readonly outcome: 'decided' | 'expired' | 'open' | 'not-reached';
  readonly option: string | null;
  readonly decidedBy: string | null;
  readonly openedAt: number | null;
  readonly dueAt: number | null;
  readonly at: number | null;
  readonly score: Figure;
}

export interface CellResponsiveness {
  readonly cell: string;
  /** Injects addressed to the cell that it responded to / that it received. */
  readonly responded: number;
  readonly received: number;
  readonly medianMs: number | null;
  readonly p90Ms: number | null;
  /**
   * Added by the scoring implementation: injects that called on the cell (expected one of its
   * critical tasks or put a decision point to it), not counting calls still waiting for an answer,
   * and how many of those it answered. answered ÷ calls is the coverage in the score.
   */
  readonly calls?: number;
  readonly answered?: number;
  readonly score: Figure;
}

export interface ServiceOutcome {
  readonly service: string;
  readonly users: number;
  readonly userHoursLost: number;
  /** The same service in the no-response baseline run of the scenario. */
  readonly baselineUserHoursLost: number;
  /** First time the service left `up`, and when it was last restored to `up` (null if never). */
  readonly firstDownAt: number | null;
  readonly restoredAt: number | null;
  readonly timeToRestoreMs: number | null;
  readonly explanation: Explanation;
}

export interface MetricOutcome {
  readonly metric: string;
  readonly value: number;
  readonly baseline: number;
  readonly score: Figure;
}

export interface OutcomeScore {
  readonly services: readonly ServiceOutcome[];
  readonly metrics: readonly MetricOutcome[];
  readonly totalUserHoursLost: number;
  readonly baselineUserHoursLost: number;
  readonly score: Figure;
}

export interface RaterRating {
  readonly evaluator: string;
  readonly rating: Rating;
  readonly notes: string;
  readonly seq: number;
}

export interface Agreement {
  readonly raters: number;
  /** Share of rater pairs that agree, 0–100. */
  readonly percent: number;
  /** Cohen's kappa for two raters, Fleiss' kappa for more; null when it is undefined (e.g. one target). */
  readonly kappa: number | null;
  readonly method: 'cohen' | 'fleiss';
  readonly explanation: Explanation;
}

export interface TargetRating {
  readonly target: string;
  readonly objective: string;
  readonly capability: string;
  /** The evaluators' current ratings (corrections applied). */
  readonly ratings: readonly RaterRating[];
  /** The evaluators' rating: the one rating, or the most common (ties to the worse), or null if unrated. */
  readonly rating: Rating | null;
  /** Agreement across evaluators on this target; null with fewer than two raters. */
  readonly agreement: Agreement | null;
  /** What the numbers suggest, shown beside — never instead of — the evaluators' rating. */
  readonly suggested: { readonly rating: Rating; readonly explanation: Explanation };
}

export const COMPONENTS = ['timeliness', 'decisions', 'responsiveness', 'outcome', 'ratings'] as const;
export type Component = (typeof COMPONENTS)[number];

/** A weighted roll-up of component scores; components with no value are left out of the mean. */
export interface RollUp {
  readonly id: string;
  readonly score: Figure;
  readonly components: readonly { readonly component: Component; readonly weight: number; readonly value: number | null }[];
}

export interface Scores {
  readonly weights: Readonly<Record<Component, number>>;
  readonly tasks: readonly TaskScore[];
  readonly decisions: readonly DecisionScore[];
  readonly responsiveness: readonly CellResponsiveness[];
  readonly outcome: OutcomeScore;
  readonly targets: readonly TargetRating[];
  /** Overall agreement between evaluators across all targets several rated; null if none. */
  readonly agreement: Agreement | null;
  readonly objectives: readonly RollUp[];
  readonly cells: readonly RollUp[];
  readonly exercise: RollUp;
}
