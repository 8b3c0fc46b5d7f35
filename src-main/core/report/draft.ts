/**
 * The facilitator's draft of the AAR/IP: strengths, areas for improvement and improvement-plan rows,
 * edited in the app. Each edit is a journal event (`aar-item-saved`, `aar-item-removed`,
 * `aar-finalised`, `aar-reopened`), so the draft is a fold of the log like everything else and the
 * report names the journal head it was built from.
 */
export const CAPABILITY_ELEMENTS = ['planning', 'organisation', 'equipment', 'training', 'exercise'] as const;
export type CapabilityElement = (typeof CAPABILITY_ELEMENTS)[number];

export const PLAN_PRIORITIES = ['high', 'medium', 'low'] as const;
export type PlanPriority = (typeof PLAN_PRIORITIES)[number];

export const PLAN_STATUSES = ['not-started', 'in-progress', 'complete'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export type AarItem =
  | {
      readonly kind: 'strength';
      readonly capability: string;
      /** The cell the observation is about, or null for the whole exercise. */
      readonly cell: string | null;
      readonly text: string;
    }
  | {
      readonly kind: 'improvement';
      readonly capability: string;
      readonly cell: string | null;
      readonly text: string;
      /** The plan, SOP or law the finding is measured against. */
      readonly reference: string;
      /** Root-cause analysis. */
      readonly analysis: string;
    }
  | {
      readonly kind: 'plan';
      readonly capability: string;
      /** The area for improvement this row answers (an improvement item's id), or null. */
      readonly improvement: string | null;
      readonly issue: string;
      readonly correctiveAction: string;
      readonly element: CapabilityElement;
      readonly organisation: string;
      readonly contact: string;
      /** YYYY-MM-DD or empty. */
      readonly start: string;
      readonly completion: string;
      readonly priority: PlanPriority;
      readonly status: PlanStatus;
    };

export interface AarDraftItem {
  readonly id: string;
  readonly item: AarItem;
  /** Seq of the event that last saved it. */
  readonly seq: number;
}

export interface AarDraft {
  /** In the order first saved. */
  readonly items: readonly AarDraftItem[];
  /** Set by `aar-finalised`, cleared by `aar-reopened`: the report drops DRAFT while set. */
  readonly finalised: { readonly seq: number; readonly wallTime: string } | null;
}

export const EMPTY_DRAFT: AarDraft = { items: [], finalised: null };
