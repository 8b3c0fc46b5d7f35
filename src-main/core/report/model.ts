/**
 * The AAR/IP as data: one language, every scenario text already localised, every figure from the
 * scores. Every format (HTML → PDF, DOCX, Markdown, JSON, CSV) renders this model and nothing else,
 * so they cannot disagree. Built by `buildReport` (build.ts) — a pure function of the exercise
 * state, the draft, the scores and the journal head.
 *
 * Times: `at` fields are scenario ms since T0 (render as T+hh:mm); `wall` fields are ISO strings.
 */
import type { Language } from '../scenario/text.ts';
import type { AlertLevel, ServiceState } from '../scenario/conditions.ts';
import type { Rating } from '../engine/events.ts';
import type { AarItem } from './draft.ts';
import type { Scores } from '../scoring/model.ts';

export interface ReportMeta {
  readonly language: Language;
  readonly status: 'draft' | 'final';
  /** Classification marking, printed top and bottom of every page. */
  readonly marking: string;
  /** Handling instructions for the cover; null if the scenario gives none. */
  readonly handling: string | null;
  /** Wall time the report was generated (passed in: the core has no clock). */
  readonly generatedAt: string;
  /** The journal the report was built from: `sitroom verify --head` checks it. */
  readonly journal: { readonly exerciseId: string; readonly seq: number; readonly head: string };
  readonly scenarioId: string;
  readonly scenarioHash: string;
  /** UTC offset of the scenario's T0 ("+09:00"): wall times print in it, recorded in UTC. */
  readonly utcOffset: string;
}

export interface NamedRef {
  readonly id: string;
  readonly name: string;
}

export interface ReportOverview {
  readonly exerciseName: string;
  readonly scenarioTitle: string;
  /** Calendar date of conduct, YYYY-MM-DD. */
  readonly date: string;
  readonly venue: string;
  readonly type: string;
  readonly scope: string;
  readonly missionAreas: readonly string[];
  /** Scenario time covered (first to last event) and wall time from StartEx to EndEx, in ms. */
  readonly scenarioDurationMs: number;
  readonly wallDurationMs: number | null;
  readonly startedWall: string | null;
  readonly endedWall: string | null;
  readonly hazard: string;
  readonly summary: string;
  readonly objectives: readonly (NamedRef & { readonly description: string | null; readonly weight: number })[];
  readonly capabilities: readonly NamedRef[];
  readonly organisations: readonly string[];
  readonly sponsor: string;
  readonly pointOfContact: string;
}

/** One row of the objective × capability × rating table. */
export interface RatingRow {
  readonly objective: NamedRef;
  readonly capability: NamedRef;
  readonly target: NamedRef & { readonly source: string };
  /** The evaluators' rating (null: not rated), and what the numbers suggest beside it. */
  readonly rating: Rating | null;
  readonly suggested: Rating;
}

export interface CapabilityAnalysis {
  readonly capability: NamedRef;
  /** The capability's overall rating: the worst of its targets' evaluator ratings, null if none rated. */
  readonly rating: Rating | null;
  readonly strengths: readonly (Extract<AarItem, { kind: 'strength' }> & { readonly id: string; readonly cellName: string | null })[];
  readonly improvements: readonly (Extract<AarItem, { kind: 'improvement' }> & { readonly id: string; readonly cellName: string | null })[];
  /** Hot-wash notes filed under this capability (inputs the facilitator drafted from). */
  readonly hotwash: readonly { readonly cellName: string; readonly kind: 'strength' | 'improvement'; readonly text: string; readonly seq: number }[];
  /** Evaluator observations against this capability's critical tasks. */
  readonly observations: readonly { readonly at: number; readonly evaluator: string; readonly text: string; readonly seq: number }[];
}

export type PlanRow = Extract<AarItem, { kind: 'plan' }> & { readonly id: string; readonly capabilityName: string };

export interface TimelineEntry {
  readonly at: number;
  readonly seq: number;
  readonly kind: 'inject' | 'decision' | 'action' | 'alert' | 'hq' | 'timer' | 'clock' | 'correction';
  /** The cell concerned, by name, or null. */
  readonly cell: string | null;
  readonly text: string;
  /** True when a later correction retracted or amended this entry. */
  readonly corrected: boolean;
}

export interface CascadeRow {
  readonly service: NamedRef;
  readonly users: number;
  readonly history: readonly { readonly at: number; readonly state: ServiceState }[];
  readonly firstDownAt: number | null;
  readonly restoredAt: number | null;
  readonly timeToRestoreMs: number | null;
  readonly userHoursLost: number;
  readonly baselineUserHoursLost: number;
}

export interface AlertChange {
  readonly at: number;
  readonly seq: number;
  readonly level: AlertLevel;
  readonly cell: string | null;
  readonly reason: string;
}

export interface TimerRow {
  readonly timer: NamedRef;
  readonly basis: 'statute' | 'plan';
  readonly source: string;
  readonly limitMs: number;
  readonly status: 'idle' | 'running' | 'met' | 'missed';
  readonly startedAt: number | null;
  readonly deadline: number | null;
  readonly metAt: number | null;
}

export interface ParticipantRow {
  readonly name: string;
  readonly role: 'player' | 'evaluator';
  readonly cell: string | null;
  readonly organisation: string | null;
}

export interface FeedbackSummary {
  readonly forms: number;
  /** Mean score per rated statement of the feedback form, 1–5. */
  readonly items: readonly { readonly item: string; readonly mean: number; readonly count: number }[];
  readonly strengths: readonly string[];
  readonly improvements: readonly string[];
}

export interface ReportModel {
  readonly meta: ReportMeta;
  readonly overview: ReportOverview;
  readonly ratings: readonly RatingRow[];
  readonly capabilities: readonly CapabilityAnalysis[];
  readonly improvementPlan: readonly PlanRow[];
  readonly participants: readonly ParticipantRow[];
  readonly timeline: readonly TimelineEntry[];
  readonly cascade: readonly CascadeRow[];
  readonly alerts: readonly AlertChange[];
  readonly timers: readonly TimerRow[];
  readonly feedback: FeedbackSummary;
  /** Hot-wash notes filed under no capability (they belong to the exercise as a whole). */
  readonly hotwashGeneral: readonly { readonly cellName: string; readonly kind: 'strength' | 'improvement'; readonly text: string; readonly seq: number }[];
  /** Names for every id the scores mention (cells, tasks, targets, objectives, options…), localised. */
  readonly names: Readonly<Record<string, string>>;
  readonly scores: Scores;
}
