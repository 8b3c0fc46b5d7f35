/**
 * Folds the facilitator's AAR/IP edits into the draft. Kept apart from `apply-event.ts` so the
 * draft's rules live in one small place (the decide side is `decide-report.ts`).
 *
 * Lenient like every fold: `decide` already refused what does not fit, so a removal of an unknown
 * id or a second finalisation (only possible in a hand-made log) leaves the draft as it is.
 */
import { assertNever } from './assert-never.ts';
import type { AarDraft, AarDraftItem } from '../report/draft.ts';
import type { AarBody, EventMeta } from './events.ts';

export function applyReport(draft: AarDraft, event: EventMeta, body: AarBody): AarDraft {
  switch (body.type) {
    case 'aar-item-saved': {
      const saved: AarDraftItem = { id: body.id, item: body.item, seq: event.seq };
      const index = draft.items.findIndex((i) => i.id === body.id);
      // A replaced item keeps its place: the report lists items in the order they were first saved.
      const items = index < 0 ? [...draft.items, saved] : draft.items.map((i, n) => (n === index ? saved : i));
      return { ...draft, items };
    }
    case 'aar-item-removed': {
      const items = draft.items.filter((i) => i.id !== body.id);
      return items.length === draft.items.length ? draft : { ...draft, items };
    }
    case 'aar-finalised':
      return draft.finalised ? draft : { ...draft, finalised: { seq: event.seq, wallTime: event.wallTime } };
    case 'aar-reopened':
      return draft.finalised ? { ...draft, finalised: null } : draft;
    default:
      return assertNever(body, 'AAR event');
  }
}
