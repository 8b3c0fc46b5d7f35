/** The printable exercise pack: four HTML documents from a scenario, ready for the PDF printer. */
import { evaluationGuideHtml } from './evaluation-guide.ts';
import { feedbackFormHtml } from './feedback-form.ts';
import { injectCardsHtml } from './inject-cards.ts';
import type { PackInput } from './page.ts';
import { situationManualHtml } from './situation-manual.ts';

export type { PackInput } from './page.ts';
export { situationManualHtml } from './situation-manual.ts';
export { injectCardsHtml, mselOrder } from './inject-cards.ts';
export { evaluationGuideHtml } from './evaluation-guide.ts';
export { feedbackFormHtml, FEEDBACK_ITEMS } from './feedback-form.ts';

export const PACK_DOCUMENTS = ['situation-manual', 'inject-cards', 'evaluation-guide', 'feedback-form'] as const;
export type PackDocument = (typeof PACK_DOCUMENTS)[number];

export const PACK_BUILDERS: Readonly<Record<PackDocument, (input: PackInput) => string>> = {
  'situation-manual': situationManualHtml,
  'inject-cards': injectCardsHtml,
  'evaluation-guide': evaluationGuideHtml,
  'feedback-form': feedbackFormHtml,
};
