/**
 * The facilitator's AAR/IP draft: strengths, areas for improvement and improvement-plan rows, each
 * saved whole under an id the editor chooses, then finalised (the report drops DRAFT) or reopened.
 *
 * Rules, and why:
 * - Editing is open once the exercise has started (the hot wash runs during and after play) and is
 *   for the control cell, which runs the hot wash and writes the report.
 * - Finalising needs EndEx: a report is final only about an exercise that is over. While final the
 *   draft is frozen; reopen it first, so every change after a finalisation is visible in the log.
 * - An item keeps its kind for life. Plan rows link to areas for improvement by id, so a link can
 *   never end up pointing at a strength.
 * - Removing an area for improvement that plan rows answer is refused (rather than unlinking them
 *   silently): the facilitator relinks or removes those rows first, each as its own recorded edit.
 * - Saving an item unchanged is refused as `no-change`, so the log holds only real edits.
 */
import type { AarItem } from '../report/draft.ts';
import { CAPABILITY_ELEMENTS, PLAN_PRIORITIES, PLAN_STATUSES, type AarDraft } from '../report/draft.ts';
import { assertNever } from './assert-never.ts';
import type { Command } from './commands.ts';
import { engineError } from './errors.ts';
import { controlOnly, inPhase } from './guards.ts';
import { planOf } from './plan.ts';
import type { Recorder } from './recorder.ts';
import { phaseOf, type ExerciseState } from './state.ts';
import { cell, first, text, type Check } from './validate.ts';

/** Bounds of a draft; the contract's schema uses the same numbers. */
export const AAR_LIMITS = {
  id: 40,
  /** Findings, analyses, issues and corrective actions. */
  longText: 5_000,
  /** A reference to a plan, SOP or law. */
  reference: 1_000,
  /** Organisation and point of contact. */
  shortText: 300,
  items: 500,
} as const;

export const AAR_ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

type ReportCommand = Extract<Command, { type: 'save-aar-item' | 'remove-aar-item' | 'finalise-aar' | 'reopen-aar' }>;

const KIND_NAME: Readonly<Record<AarItem['kind'], string>> = {
  strength: 'a strength',
  improvement: 'an area for improvement',
  plan: 'an improvement-plan row',
};

export function decideReport(rec: Recorder, command: ReportCommand): Check {
  const state = rec.state;
  const editable = (): Check =>
    first(
      () => inPhase(state, 'conduct', 'ended'),
      () => controlOnly(state, rec.ctx.actor.cell, 'edit the after-action report'),
    );
  switch (command.type) {
    case 'save-aar-item': {
      const failure = first(editable, () => notFinal(state.aar), () => saveCheck(state, command.id, command.item));
      if (failure) return failure;
      rec.emit({ type: 'aar-item-saved', id: command.id, item: normalised(command.item) });
      return null;
    }
    case 'remove-aar-item': {
      const failure = first(editable, () => notFinal(state.aar), () => removeCheck(state.aar, command.id));
      if (failure) return failure;
      rec.emit({ type: 'aar-item-removed', id: command.id });
      return null;
    }
    case 'finalise-aar': {
      const failure = first(
        () =>
          phaseOf(state) === 'conduct'
            ? engineError('aar-not-ended', 'End the exercise (EndEx) before finalising the after-action report.')
            : inPhase(state, 'ended'),
        () => controlOnly(state, rec.ctx.actor.cell, 'finalise the after-action report'),
        () =>
          state.aar.finalised
            ? engineError('no-change', `The after-action report is already final (since event #${state.aar.finalised.seq}).`)
            : null,
      );
      if (failure) return failure;
      rec.emit({ type: 'aar-finalised' });
      return null;
    }
    case 'reopen-aar': {
      const failure = first(
        editable,
        () =>
          state.aar.finalised
            ? null
            : engineError('no-change', 'The after-action report is still a draft; there is nothing to reopen.'),
      );
      if (failure) return failure;
      rec.emit({ type: 'aar-reopened' });
      return null;
    }
    default:
      return assertNever(command, 'command');
  }
}

function notFinal(draft: AarDraft): Check {
  return draft.finalised
    ? engineError('aar-final', 'The after-action report is final. Reopen it before changing it.')
    : null;
}

function itemId(id: unknown): Check {
  return typeof id === 'string' && id.length <= AAR_LIMITS.id && AAR_ITEM_ID.test(id)
    ? null
    : engineError(
        'invalid-command',
        `An AAR item id is 1 to ${AAR_LIMITS.id} letters, digits, "-" or "_", starting with a letter or digit.`,
      );
}

function saveCheck(state: ExerciseState, id: string, item: AarItem): Check {
  const draft = state.aar;
  const existing = draft.items.find((i) => i.id === id);
  return first(
    () => itemId(id),
    () =>
      existing || draft.items.length < AAR_LIMITS.items
        ? null
        : engineError('invalid-command', `The draft already holds ${AAR_LIMITS.items} items, the most it can hold.`),
    () => itemCheck(state, item),
    () =>
      existing === undefined || existing.item.kind === item.kind
        ? null
        : engineError(
            'invalid-command',
            `Item "${id}" is ${KIND_NAME[existing.item.kind]}; an item keeps its kind. Remove it and add a new one.`,
          ),
    () =>
      existing && sameItem(existing.item, normalised(item))
        ? engineError('no-change', `Item "${id}" is already saved exactly like this.`)
        : null,
  );
}

function removeCheck(draft: AarDraft, id: string): Check {
  const existing = draft.items.find((i) => i.id === id);
  if (!existing) return engineError('unknown-aar-item', `There is no item "${id}" in the after-action report draft.`);
  if (existing.item.kind !== 'improvement') return null;
  const rows = draft.items.filter((i) => i.item.kind === 'plan' && i.item.improvement === id);
  if (rows.length === 0) return null;
  const issues = rows.map((r) => (r.item.kind === 'plan' ? `"${clip(r.item.issue)}"` : r.id)).join(', ');
  return engineError(
    'aar-item-in-use',
    `${rows.length === 1 ? 'An improvement-plan row answers' : `${rows.length} improvement-plan rows answer`} this area for improvement (${issues}). Link ${rows.length === 1 ? 'it' : 'them'} to another area for improvement or remove ${rows.length === 1 ? 'it' : 'them'} first.`,
  );
}

/** Static checks of one item against the scenario and the draft. */
export function itemCheck(state: ExerciseState, item: AarItem): Check {
  const plan = planOf(state.scenario);
  const capability = (): Check =>
    typeof item.capability === 'string' && plan.capabilityIds.has(item.capability)
      ? null
      : engineError(
          'unknown-capability',
          `There is no core capability "${item.capability}" in this scenario. Pick one of its core capabilities.`,
        );
  const long = (value: unknown, what: string, required: boolean) =>
    text(value, what, { required, max: AAR_LIMITS.longText });
  switch (item.kind) {
    case 'strength':
      return first(
        capability,
        () => (item.cell === null ? null : cell(state, item.cell)),
        () => long(item.text, 'strength', true),
      );
    case 'improvement':
      return first(
        capability,
        () => (item.cell === null ? null : cell(state, item.cell)),
        () => long(item.text, 'area for improvement', true),
        () => text(item.reference, 'reference', { max: AAR_LIMITS.reference }),
        () => long(item.analysis, 'root-cause analysis', false),
      );
    case 'plan':
      return first(
        capability,
        () => planLink(state.aar, item.improvement),
        () => long(item.issue, 'issue', true),
        () => long(item.correctiveAction, 'corrective action', true),
        () => oneOf(item.element, CAPABILITY_ELEMENTS, 'capability element (POETE)'),
        () => text(item.organisation, 'responsible organisation', { max: AAR_LIMITS.shortText }),
        () => text(item.contact, 'point of contact', { max: AAR_LIMITS.shortText }),
        () => date(item.start, 'start date'),
        () => date(item.completion, 'completion date'),
        () =>
          item.start !== '' && item.completion !== '' && item.completion < item.start
            ? engineError('invalid-command', `The completion date ${item.completion} is before the start date ${item.start}.`)
            : null,
        () => oneOf(item.priority, PLAN_PRIORITIES, 'priority'),
        () => oneOf(item.status, PLAN_STATUSES, 'status'),
      );
    default:
      return engineError(
        'invalid-command',
        'An AAR item is a strength, an area for improvement or an improvement-plan row.',
      );
  }
}

function planLink(draft: AarDraft, improvement: string | null): Check {
  if (improvement === null) return null;
  const target = draft.items.find((i) => i.id === improvement);
  if (!target) {
    return engineError(
      'invalid-command',
      `There is no area for improvement "${improvement}" in the draft. Link the row to one of its areas for improvement, or to none.`,
    );
  }
  return target.item.kind === 'improvement'
    ? null
    : engineError(
        'invalid-command',
        `Item "${improvement}" is ${KIND_NAME[target.item.kind]}; a plan row answers an area for improvement.`,
      );
}

function oneOf(value: unknown, allowed: readonly string[], what: string): Check {
  return typeof value === 'string' && allowed.includes(value)
    ? null
    : engineError('invalid-command', `The ${what} must be one of: ${allowed.join(', ')}.`);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** YYYY-MM-DD naming a real calendar day, or empty (not decided yet). */
export function isPlanDate(value: string): boolean {
  if (value === '') return true;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day >= 1 && day <= days;
}

function date(value: unknown, what: string): Check {
  return typeof value === 'string' && isPlanDate(value)
    ? null
    : engineError('invalid-command', `The ${what} is a calendar date written YYYY-MM-DD, or left empty.`);
}

/**
 * Only the item's own fields go into the record, in a fixed order: a command that arrived without
 * the contract's strict schema cannot smuggle extra data into the journal.
 */
function normalised(item: AarItem): AarItem {
  switch (item.kind) {
    case 'strength':
      return { kind: 'strength', capability: item.capability, cell: item.cell, text: item.text };
    case 'improvement':
      return {
        kind: 'improvement',
        capability: item.capability,
        cell: item.cell,
        text: item.text,
        reference: item.reference,
        analysis: item.analysis,
      };
    case 'plan':
      return {
        kind: 'plan',
        capability: item.capability,
        improvement: item.improvement,
        issue: item.issue,
        correctiveAction: item.correctiveAction,
        element: item.element,
        organisation: item.organisation,
        contact: item.contact,
        start: item.start,
        completion: item.completion,
        priority: item.priority,
        status: item.status,
      };
    default:
      return assertNever(item, 'AAR item');
  }
}

function sameItem(a: AarItem, b: AarItem): boolean {
  const left = a as unknown as Readonly<Record<string, unknown>>;
  const right = b as unknown as Readonly<Record<string, unknown>>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((k) => left[k] === right[k]);
}

function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
