/**
 * The rated statements of the participant feedback form (CTEP shape). The record stores the
 * stable item id, so a feedback form reads the same in either language.
 */
export const FEEDBACK_ITEMS = ['design', 'realism', 'injects', 'facilitation', 'role'] as const;
export type FeedbackItem = (typeof FEEDBACK_ITEMS)[number];

export const SCORES = [1, 2, 3, 4, 5] as const;

export function isFeedbackItem(value: string): value is FeedbackItem {
  return (FEEDBACK_ITEMS as readonly string[]).includes(value);
}

/** Mean score per item over the forms received, or null for an item nobody rated. */
export function averages(forms: readonly { readonly ratings: readonly { readonly item: string; readonly score: number }[] }[]): ReadonlyMap<string, number | null> {
  const out = new Map<string, number | null>();
  for (const item of FEEDBACK_ITEMS) {
    const scores = forms.flatMap((f) => f.ratings.filter((r) => r.item === item).map((r) => r.score));
    out.set(item, scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length);
  }
  return out;
}
