/**
 * The rated statements of the participant feedback form (CTEP shape), one list for the app's form,
 * the printed form and the report. The record stores the stable id, so a form reads the same in
 * either language; the words are `hotwash.item.<id>`.
 */
export const FEEDBACK_ITEMS = ['design', 'realism', 'injects', 'facilitation', 'role', 'relevance'] as const;
export type FeedbackItem = (typeof FEEDBACK_ITEMS)[number];

export function isFeedbackItem(value: string): value is FeedbackItem {
  return (FEEDBACK_ITEMS as readonly string[]).includes(value);
}
