/** The feedback form's items come from the core, so the app's form, the printed form and the report agree. */
import { FEEDBACK_ITEMS, isFeedbackItem, type FeedbackItem } from '@core/report/feedback-items.ts';

export { FEEDBACK_ITEMS, isFeedbackItem, type FeedbackItem };

export const SCORES = [1, 2, 3, 4, 5] as const;


/** Mean score per item over the forms received, or null for an item nobody rated. */
export function averages(forms: readonly { readonly ratings: readonly { readonly item: string; readonly score: number }[] }[]): ReadonlyMap<string, number | null> {
  const out = new Map<string, number | null>();
  for (const item of FEEDBACK_ITEMS) {
    const scores = forms.flatMap((f) => f.ratings.filter((r) => r.item === item).map((r) => r.score));
    out.set(item, scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length);
  }
  return out;
}
