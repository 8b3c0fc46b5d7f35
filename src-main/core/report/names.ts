/**
 * Ids → the names a reader knows, in the report's language. Every lookup falls back to the id
 * itself: an id the scenario no longer knows (an ad-hoc inject, a hostile command) still prints.
 */
import type { ExerciseState } from '../engine/state.ts';
import { ENGINE_ACTOR } from '../engine/events.ts';
import { own } from '../engine/records.ts';
import { translate } from '../i18n/translate.ts';
import { localize, type Language } from '../scenario/text.ts';

export interface Lookup {
  readonly language: Language;
  readonly cell: (id: string) => string;
  readonly agency: (id: string) => string | null;
  readonly person: (id: string) => string;
  readonly inject: (id: string) => string;
  readonly point: (id: string) => string;
  readonly option: (point: string, option: string) => string;
  readonly name: (id: string) => string;
}

/** Every named thing in the scenario and the setup, localised, keyed by id. */
export function namesOf(state: ExerciseState, language: Language): Record<string, string> {
  const s = state.scenario;
  const names: Record<string, string> = {};
  const add = (id: string, name: string) => {
    if (!Object.hasOwn(names, id)) names[id] = name;
  };
  for (const c of s.cells) add(c.id, localize(c.name, language));
  for (const c of s.capabilities) add(c.id, localize(c.name, language));
  for (const o of s.objectives) add(o.id, localize(o.title, language));
  for (const t of s.targets) add(t.id, localize(t.text, language));
  for (const t of s.tasks) add(t.id, localize(t.text, language));
  for (const v of s.services) add(v.id, localize(v.name, language));
  for (const m of s.metrics) add(m.id, localize(m.name, language));
  for (const t of s.timers) add(t.id, localize(t.name, language));
  for (const h of s.headquarters) add(h.id, localize(h.name, language));
  for (const m of s.modules) add(m.id, localize(m.title, language));
  for (const i of s.injects) {
    add(i.id, localize(i.title, language));
    if (i.decision) {
      add(i.decision.id, localize(i.decision.prompt, language));
      // Option ids are unique only within their point, so they are also keyed point/option.
      for (const o of i.decision.options) {
        add(`${i.decision.id}/${o.id}`, localize(o.label, language));
        add(o.id, localize(o.label, language));
      }
    }
  }
  for (const a of Object.values(state.adhoc)) add(a.id, a.title);
  for (const p of state.setup?.participants ?? []) add(p.id, p.name);
  for (const e of state.setup?.evaluators ?? []) add(e.id, e.name);
  add(ENGINE_ACTOR.person, translate(language, 'report.event.engine'));
  return names;
}

export function lookupOf(state: ExerciseState, language: Language, names: Readonly<Record<string, string>> = namesOf(state, language)): Lookup {
  const name = (id: string) => own(names, id) ?? id;
  return {
    language,
    name,
    cell: name,
    person: name,
    inject: name,
    point: name,
    option: (point, option) => own(names, `${point}/${option}`) ?? option,
    agency: (id) => {
      const cell = state.scenario.cells.find((c) => c.id === id);
      return cell ? localize(cell.agency, language) : null;
    },
  };
}
