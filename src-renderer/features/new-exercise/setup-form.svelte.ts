/**
 * The plan of one exercise as the planner fills it in: prefilled from the scenario, checked before
 * it is sent, and turned into the `exercise:create` setup with stable ids (p-1…, ev-1…).
 */
import type { RequestOf } from '@contract/channels.ts';
import type { MessageKey, MessageParams } from '@core/i18n/translate.ts';
import type { Cell, Scenario } from '@core/scenario/schema.ts';
import { localize } from '@core/scenario/text.ts';
import type { Language } from '@core/scenario/text.ts';

export type ClockMode = 'realtime' | 'compressed' | 'stepped';
export type Setup = RequestOf<'exercise:create'>['setup'];

export interface ParticipantRow {
  readonly key: number;
  name: string;
  cell: string;
}
export interface EvaluatorRow {
  readonly key: number;
  name: string;
}
export interface Problem {
  /** The id of the input to fix. */
  readonly field: string;
  readonly message: MessageKey;
  readonly params?: MessageParams;
}

export const MIN_SPEED = 2;
export const MAX_SPEED = 1000;
const MAX_TEXT = 300;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

export class SetupForm {
  title = $state('');
  date = $state(today());
  venue = $state('');
  marking = $state('');
  language = $state<Language>('ko');
  clockMode = $state<ClockMode>('compressed');
  speed = $state(60);
  participants = $state<ParticipantRow[]>([]);
  evaluators = $state<EvaluatorRow[]>([]);
  /** Problems are shown once the planner has tried to submit, then kept current. */
  attempted = $state(false);
  readonly playerCells: readonly Cell[];
  #next = 1;

  constructor(scenario: Scenario, language: Language) {
    this.playerCells = scenario.cells.filter((c) => c.role === 'player');
    this.language = language;
    this.title = localize(scenario.title, language);
    this.marking = localize(scenario.marking.classification, language);
    this.participants = this.playerCells.map((c) => ({ key: this.#next++, name: '', cell: c.id }));
    this.evaluators = [{ key: this.#next++, name: '' }];
  }

  addParticipant(): void {
    this.participants.push({ key: this.#next++, name: '', cell: this.playerCells[0]?.id ?? '' });
  }
  removeParticipant(key: number): void {
    this.participants = this.participants.filter((p) => p.key !== key);
  }
  addEvaluator(): void {
    this.evaluators.push({ key: this.#next++, name: '' });
  }
  removeEvaluator(key: number): void {
    this.evaluators = this.evaluators.filter((e) => e.key !== key);
  }

  /** Rows with a name: blank rows are seats left empty, not mistakes. */
  get seated(): readonly ParticipantRow[] {
    return this.participants.filter((p) => p.name.trim() !== '');
  }

  /** Player cells nobody sits in: the facilitator records for them. */
  get unseatedCells(): readonly Cell[] {
    const seated = this.seated.map((p) => p.cell);
    return this.playerCells.filter((c) => !seated.includes(c.id));
  }

  get problems(): readonly Problem[] {
    const out: Problem[] = [];
    if (!this.title.trim()) out.push({ field: 'setup-title', message: 'new.problem-title' });
    else if (this.title.length > MAX_TEXT) out.push({ field: 'setup-title', message: 'new.problem-too-long', params: { max: MAX_TEXT } });
    if (!isDate(this.date)) out.push({ field: 'setup-date', message: 'new.problem-date' });
    if (this.venue.length > MAX_TEXT) out.push({ field: 'setup-venue', message: 'new.problem-too-long', params: { max: MAX_TEXT } });
    if (!this.marking.trim()) out.push({ field: 'setup-marking', message: 'new.problem-marking' });
    if (this.clockMode === 'compressed' && !(Number.isInteger(this.speed) && this.speed >= MIN_SPEED && this.speed <= MAX_SPEED)) {
      out.push({ field: 'setup-speed', message: 'new.problem-speed', params: { min: MIN_SPEED, max: MAX_SPEED } });
    }
    const cells = this.playerCells.map((c) => c.id);
    for (const [i, p] of this.participants.entries()) {
      if (p.name.trim() && !cells.includes(p.cell)) out.push({ field: `participant-cell-${p.key}`, message: 'new.problem-participant-cell', params: { n: i + 1 } });
      if (p.name.length > MAX_TEXT) out.push({ field: `participant-name-${p.key}`, message: 'new.problem-too-long', params: { max: MAX_TEXT } });
    }
    return out;
  }

  toSetup(): Setup {
    return {
      title: this.title.trim(),
      date: this.date,
      venue: this.venue.trim(),
      marking: this.marking.trim(),
      language: this.language,
      participants: this.seated.map((p, i) => ({ id: `p-${i + 1}`, name: p.name.trim(), cell: p.cell })),
      evaluators: this.evaluators.filter((e) => e.name.trim() !== '').map((e, i) => ({ id: `ev-${i + 1}`, name: e.name.trim() })),
      clock: this.clockMode === 'compressed' ? { mode: 'compressed', speed: this.speed } : { mode: this.clockMode },
    };
  }
}
