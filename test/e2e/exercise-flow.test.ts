/**
 * Whole exercises through the UI only, in Chromium against the real backend and the real journal:
 * plan one from the library on the flagship scenario, StartEx, release injects, decisions from a
 * ministry, the military and the intelligence cell (from the console and from the cells' own
 * screens), an alert-level change, pause and resume, an evaluator's rating, EndEx, the hot wash.
 * What the screens show is checked against the journal files on disk (hash chain verified, as
 * `sitroom verify` does), so nothing on screen can be invented by the renderer.
 *
 * Then: a reload mid-exercise comes back from the journal; the same flow in Korean (Korean labels,
 * no English UI strings, Korean text recorded as typed); a journal write that fails (EIO from the
 * disk) shows the blocking NOT RECORDED dialog with the lost entry and leaves a safe, frozen,
 * read-only console. Every request any page makes is recorded and must stay on the app's origin.
 *
 * One app and one browser serve the file; each flow reuses one page and moves by clicking links.
 */
import { FEEDBACK_ITEMS } from '../../src-main/core/report/feedback-items.ts';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { dueItems, replay, wallTimeWhen } from '../../src-main/core/engine/index.ts';
import type { DueItem, ExerciseEvent } from '../../src-main/core/engine/index.ts';
import { CATALOGS, translate } from '../../src-main/core/i18n/translate.ts';
import type { MessageKey, MessageParams } from '../../src-main/core/i18n/translate.ts';
import type { Scenario } from '../../src-main/core/scenario/schema.ts';
import type { Language } from '../../src-main/core/scenario/text.ts';
import { resolveScenario } from '../../src-main/services/scenario-library.ts';
import { EXERCISES_FOLDER } from '../../src-main/store/exercise-files.ts';
import { nodeFileSystem } from '../../src-main/store/file-system.ts';
import type { FileSystem } from '../../src-main/store/file-system.ts';
import { verifyJournalFile } from '../../src-main/store/journal/index.ts';
import { ARTIFACTS, chromiumAvailable, screenshot, startApp } from './harness.ts';
import type { App } from './harness.ts';

const SCENARIO = 'pangyo-datacenter-fire';
const skip = !(await chromiumAvailable()) && 'Chromium is not installed at /usr/bin/chromium';

// ---- the disk, the network, the words ---------------------------------------------------------------

/** The real disk, except that fdatasync fails with EIO for journals inside the folders named here. */
class FlakyDisk {
  readonly failing = new Set<string>();
  readonly fs: FileSystem = {
    ...nodeFileSystem,
    fdatasync: (file) => {
      if (![...this.failing].some((dir) => file.path.startsWith(dir + sep))) return nodeFileSystem.fdatasync(file);
      const error = Object.assign(new Error(`EIO: i/o error, fdatasync '${file.path}'`), { code: 'EIO', errno: -5, syscall: 'fdatasync' });
      return Promise.reject(error);
    },
  };
}

/**
 * Every URL a browser context asks for (HTTP requests, WebSockets, popups included). Anything
 * not for the app's own origin is noted and stopped at the browser's edge.
 */
class Traffic {
  readonly seen: string[] = [];
  readonly outside: string[] = [];
  readonly #origin: string;
  readonly #host: string;

  constructor(appUrl: string) {
    this.#origin = new URL(appUrl).origin;
    this.#host = new URL(appUrl).host;
  }

  allowed(url: string): boolean {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:') return true;
    if (parsed.protocol === 'ws:') return parsed.host === this.#host;
    return parsed.origin === this.#origin;
  }

  async watch(context: BrowserContext, page: Page): Promise<void> {
    context.on('request', (request) => this.#note(request.url()));
    const sockets = (p: Page) => p.on('websocket', (ws) => this.#note(ws.url()));
    sockets(page);
    context.on('page', sockets);
    await context.route('**/*', (route) => (this.allowed(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  }

  #note(url: string): void {
    this.seen.push(url);
    if (!this.allowed(url)) this.outside.push(url);
  }
}

interface Words {
  readonly lang: Language;
  readonly t: (key: MessageKey, params?: MessageParams) => string;
  readonly text: (value: string | { readonly en: string; readonly ko: string }) => string;
}

const wordsIn = (lang: Language): Words => ({
  lang,
  t: (key, params) => translate(lang, key, params),
  text: (value) => (typeof value === 'string' ? value : value[lang]),
});

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The English UI's own phrases (catalog templates cut at their placeholders) that the Korean
 * catalog never uses: any of them on a Korean screen is a leak. Acronyms both languages share
 * (StartEx, MSEL, HSEEP, P/S/M/U) appear in Korean templates too and so are not on the list.
 */
const ENGLISH_UI: readonly string[] = (() => {
  const korean = Object.values(CATALOGS.ko).join('\n');
  const phrases = new Set<string>();
  for (const template of Object.values(CATALOGS.en)) {
    for (const piece of template.split(/\{\w+\}/)) {
      const phrase = piece.replace(/^[\s:;,.…·()“”"'‹›≈→#+×-]+|[\s:;,.…·()“”"'‹›≈→#+×-]+$/g, '');
      if ((phrase.match(/[A-Za-z]/g) ?? []).length >= 4 && !korean.includes(phrase)) phrases.add(phrase);
    }
  }
  return [...phrases];
})();

function englishLeaks(text: string): string[] {
  return ENGLISH_UI.filter((phrase) => new RegExp(`(?<![A-Za-z])${escapeRegExp(phrase)}(?![A-Za-z])`).test(text));
}

// ---- the record on disk -----------------------------------------------------------------------------

interface Journal {
  readonly events: readonly ExerciseEvent[];
  readonly head: { readonly seq: number; readonly hash: string };
}

/** The exercise's journal file as `sitroom verify` reads it: the chain must hold, then the events. */
async function readJournal(dataDir: string, id: string): Promise<Journal> {
  const path = join(dataDir, EXERCISES_FOLDER, id, 'journal.jsonl');
  const verdict = await verifyJournalFile(path);
  assert.ok(verdict.ok, verdict.ok ? '' : `the journal of ${id} fails verification: ${verdict.reason}`);
  const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '');
  assert.equal(lines.length, verdict.count);
  const events = lines.map((line) => (JSON.parse(line) as { body: ExerciseEvent }).body);
  events.forEach((event, i) => assert.equal(event.seq, i + 1, 'one event per entry, in order'));
  return { events, head: verdict.head };
}

const ofType = <T extends ExerciseEvent['type']>(journal: Journal, type: T) =>
  journal.events.filter((e): e is Extract<ExerciseEvent, { type: T }> => e.type === type);

// ---- one flow ---------------------------------------------------------------------------------------

/** What one run of the flow types, in its language. */
interface Script {
  readonly title: string;
  readonly venue: string;
  readonly marking: string;
  readonly people: readonly { readonly name: string; readonly cell: string }[];
  readonly evaluator: string;
  readonly powerWhy: string;
  readonly alertWhy: string;
  readonly militaryDecision: string;
  readonly militaryWhy: string;
  readonly intelWhy: string;
  readonly ministryWhy: string;
  readonly observation: string;
  readonly ratingNotes: string;
  readonly hotwashNote: string;
  readonly feedbackStrength: string;
  readonly feedbackImprovement: string;
  readonly feedbackComment: string;
}

const SCRIPTS: Readonly<Record<Language, Script>> = {
  en: {
    title: 'Pangyo fire tabletop, Sejong',
    venue: 'Government Complex Sejong, exercise room 2',
    marking: 'UNCLASSIFIED // EXERCISE ONLY',
    people: [
      { name: 'Kim Seo-yeon', cell: 'msit' },
      { name: 'Col. Yoon Tae-kyung', cell: 'mnd' },
      { name: 'Moon Hyun-woo', cell: 'nis' },
    ],
    evaluator: 'Seo Yoon-a (evaluator)',
    powerWhy: 'Agreed a ten-minute warning with the fire commander so tenants can shut down safely',
    alertWhy: 'Nationwide messaging outage confirmed at the situation-judgement meeting',
    militaryDecision: 'Switch unit recall to the defence messenger and phone trees until KakaoTalk is back',
    militaryWhy: 'Readiness must not depend on a commercial platform',
    intelWhy: 'Verify with Cyber Operations Command and police before saying anything in public',
    ministryWhy: 'Open the situation room now; hourly reports from Kakao and SK C&C',
    observation: 'MSIT opened its situation room within two minutes of the outage report',
    ratingNotes: 'Situation room within 1 h; escalation on time',
    hotwashNote: 'Moved to the government messenger at once: no gap in coordination',
    feedbackStrength: 'Realistic escalation',
    feedbackImprovement: 'Clearer rules for sharing between cells',
    feedbackComment: 'Useful exercise',
  },
  ko: {
    title: '판교 화재 대응 토의형 훈련(세종)',
    venue: '정부세종청사 훈련장 2',
    marking: '일반 // 훈련 전용',
    people: [
      { name: '김서연', cell: 'msit' },
      { name: '윤태경 대령', cell: 'cyber-cmd' },
      { name: '문현우', cell: 'nis' },
    ],
    evaluator: '서윤아 평가관',
    powerWhy: '현장 지휘관과 10분 사전 통보에 합의해 입주사가 안전하게 종료하도록 함',
    alertWhy: '상황판단회의에서 전국 메신저 장애 확인',
    militaryDecision: '카카오톡 복구 전까지 사이버작전사령부 비상소집은 국방망 메신저와 유선 연락망으로 전환',
    militaryWhy: '작전 대비태세가 민간 플랫폼에 의존해서는 안 됨',
    intelWhy: '공개 언급 전에 사이버작전사령부·경찰과 먼저 검증',
    ministryWhy: '즉시 상황실 개소, 카카오·SK C&C 매시간 보고 요구',
    observation: '과기정통부가 장애 보고 2분 만에 상황실을 개소함',
    ratingNotes: '1시간 이내 개소, 대책본부 격상 적시',
    hotwashNote: '정부 메신저로 즉시 전환해 소통 공백이 없었다',
    feedbackStrength: '현실적인 상황 전개',
    feedbackImprovement: '셀 간 공유 절차 안내',
    feedbackComment: '유익했습니다',
  },
};

/** The injects the facilitator releases by hand, in this order. */
const RELEASED = ['inj-ups-trip', 'inj-services-fail', 'inj-power-request', 'inj-sitjudge', 'inj-mnd-query', 'inj-claim'] as const;

class Flow {
  readonly w: Words;
  readonly s: Script;
  id = '';
  #shot = 0;

  constructor(
    readonly app: App,
    readonly scenario: Scenario,
    readonly page: Page,
    lang: Language,
  ) {
    this.w = wordsIn(lang);
    this.s = SCRIPTS[lang];
  }

  get t() {
    return this.w.t;
  }

  /**
   * Waits for the Korean font's subsets (or fresh glyphs show as boxes), then saves the page; with
   * `focus`, also what a person sees around it without scrolling (long pages shrink to nothing).
   */
  async shot(name: string, page: Page = this.page, focus?: Locator): Promise<void> {
    this.#shot += 1;
    await page.evaluate('document.fonts.ready.then(() => true)');
    const file = `flow-${this.w.lang}-${String(this.#shot).padStart(2, '0')}-${name}`;
    await screenshot(page, file);
    if (focus) {
      await focus.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, `${file}-view.png`) });
    }
  }

  /** On a Korean screen no English UI phrase may show (scenario proper nouns are not UI phrases). */
  async assertLanguage(where: string, page: Page = this.page): Promise<void> {
    if (this.w.lang !== 'ko') return;
    const text = await page.locator('body').innerText();
    assert.deepEqual(englishLeaks(text), [], `${where}: English UI text on a Korean screen`);
    assert.match(text, /[가-힣]/, `${where}: Korean text is shown`);
  }

  cellName(id: string): string {
    const cell = this.scenario.cells.find((c) => c.id === id);
    assert.ok(cell, `cell ${id}`);
    return this.w.text(cell.name);
  }

  injectTitle(id: string): string {
    const inject = this.scenario.injects.find((i) => i.id === id);
    assert.ok(inject, `inject ${id}`);
    return this.w.text(inject.title);
  }

  point(id: string) {
    const point = this.scenario.injects.find((i) => i.decision?.id === id)?.decision;
    assert.ok(point, `decision point ${id}`);
    return point;
  }

  optionLabel(pointId: string, optionId: string): string {
    const option = this.point(pointId).options.find((o) => o.id === optionId);
    assert.ok(option, `option ${optionId}`);
    return this.w.text(option.label);
  }

  journal(): Promise<Journal> {
    return readJournal(this.app.dataDir, this.id);
  }

  participant(cell: string): string {
    return `p-${this.s.people.findIndex((p) => p.cell === cell) + 1}`;
  }

  // -- the steps -------------------------------------------------------------------------------------

  /** Library → New exercise → the form, filled in the UI → the new exercise's console. */
  async plan(): Promise<void> {
    const { page, t, s } = this;
    await page.getByRole('heading', { name: t('library.scenarios') }).waitFor();
    await page.locator('article.scenario').nth(1).waitFor();
    await this.assertLanguage('library');
    await this.shot('library');
    await page.locator('article.scenario').filter({ hasText: SCENARIO }).getByRole('button', { name: t('library.plan') }).click();

    await page.getByRole('heading', { name: t('new.form-heading') }).waitFor();
    await page.getByText(t('new.lint-heading')).first().waitFor();
    await page.getByLabel(t('new.title-label'), { exact: true }).fill(s.title);
    await page.getByLabel(t('new.date'), { exact: true }).fill('2026-11-30');
    await page.getByLabel(t('new.venue'), { exact: true }).fill(s.venue);
    await page.getByLabel(t('new.marking'), { exact: true }).fill(s.marking);
    await page.getByLabel(t('new.language'), { exact: true }).selectOption(this.w.lang);
    await page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(t('new.clock-realtime'))}`) }).check();
    for (const [i, person] of s.people.entries()) {
      await page.getByLabel(t('new.participant-name', { n: i + 1 }), { exact: true }).fill(person.name);
      await page.getByLabel(t('new.participant-cell', { n: i + 1 }), { exact: true }).selectOption(person.cell);
    }
    await page.getByLabel(t('new.evaluator-name', { n: 1 }), { exact: true }).fill(s.evaluator);
    await this.assertLanguage('new exercise');
    await this.shot('new-exercise');
    await page.getByRole('button', { name: t('new.create') }).click();

    await page.waitForURL(/#\/exercise\/[^/]+\/console$/);
    this.id = decodeURIComponent(/#\/exercise\/([^/]+)\/console$/.exec(page.url())?.[1] ?? '');
    await page.getByTestId('clock-state').filter({ hasText: t('clock.not-started') }).waitFor();
    await page.getByRole('heading', { level: 1, name: s.title }).waitFor();
    await page.getByText(s.marking).first().waitFor();

    const journal = await this.journal();
    assert.equal(journal.events.length, 1, 'planning records exactly the creation');
    const created = ofType(journal, 'exercise-created')[0];
    assert.ok(created);
    assert.equal(created.title, s.title);
    assert.equal(created.venue, s.venue);
    assert.equal(created.marking, s.marking);
    assert.equal(created.date, '2026-11-30');
    assert.equal(created.language, this.w.lang);
    assert.deepEqual(created.clock, { mode: 'realtime' });
    assert.deepEqual(
      created.participants,
      s.people.map((p, i) => ({ id: `p-${i + 1}`, name: p.name, cell: p.cell })),
    );
    assert.deepEqual(created.evaluators, [{ id: 'ev-1', name: s.evaluator }]);
    assert.equal(created.scenarioId, SCENARIO);
  }

  /** StartEx, then "release now" on the injects that bring the decisions to the cells. */
  async startAndRelease(): Promise<void> {
    const { page, t } = this;
    await this.assertLanguage('console before StartEx');
    await page.getByRole('button', { name: t('console.clock.start') }).click();
    await page.getByTestId('clock-state').filter({ hasText: t('console.clock.running-realtime') }).waitFor();
    for (const id of RELEASED) {
      const row = page.locator(`#console-msel li[data-inject="${id}"][data-group="upcoming"]`);
      await row.getByRole('button', { name: t('console.msel.release'), exact: true }).click();
      await row.waitFor({ state: 'detached' });
    }
    await page.locator('#console-msel [data-group="released"]').click();
    for (const id of ['inj-startex', 'inj-cctv', ...RELEASED]) {
      await page.locator(`#console-msel li[data-inject="${id}"][data-group="released"]`).waitFor();
    }
    for (const point of ['dp-power', 'dp-alert', 'dp-claim']) await page.locator(`li[data-point="${point}"]`).waitFor();

    const journal = await this.journal();
    assert.equal(ofType(journal, 'exercise-started').length, 1);
    const released = ofType(journal, 'inject-released');
    for (const id of RELEASED) {
      const event = released.find((e) => e.inject === id);
      assert.ok(event?.manual, `${id} was released by hand`);
      const seq = await page.locator(`#console-msel li[data-inject="${id}"]`).getByTestId('released-seq').textContent();
      assert.equal(seq, `#${event.seq}`, `the MSEL shows ${id} as #${event.seq}`);
    }
    for (const id of ['inj-startex', 'inj-cctv']) assert.ok(released.some((e) => e.inject === id && !e.manual), `${id} released by StartEx`);
  }

  /** The facilitator records MSIT's answer to the power request, then raises the alert level. */
  async ministryDecisionAndAlert(): Promise<void> {
    const { page, t, s } = this;
    const point = page.locator('li[data-point="dp-power"]');
    await point.getByRole('button', { name: t('console.decision.record') }).click();
    await point.locator('select.console-decision-first').selectOption('msit');
    const chosen = this.optionLabel('dp-power', 'power-b');
    await point.locator('label.choice').filter({ hasText: chosen }).click();
    await point.getByLabel(t('console.decision.rationale'), { exact: true }).fill(s.powerWhy);
    await this.shot('console-decision');
    await point.getByRole('button', { name: t('console.decision.submit') }).click();
    await point.waitFor({ state: 'detached' });
    const logged = page.locator('#console-log li[data-type="decision-recorded"]').first();
    await logged.getByText(s.powerWhy).waitFor();
    assert.match((await logged.textContent()) ?? '', new RegExp(escapeRegExp(t('console.event.decision', { cell: this.cellName('msit'), option: chosen }))));

    await page.locator('#console-alert label.alert-caution').click();
    await page.locator('#console-alert-reason').fill(s.alertWhy);
    await page.getByRole('button', { name: t('console.alert.submit') }).click();
    await page.locator('.topbar [data-testid="alert-level"][data-level="caution"]').waitFor();
    await page.locator('#console-log li[data-type="alert-level-changed"]').getByText(s.alertWhy).waitFor();
    await this.assertLanguage('console in play');
    await this.shot('console-running');

    const journal = await this.journal();
    const decision = ofType(journal, 'decision-recorded').find((e) => e.choice?.point === 'dp-power');
    assert.ok(decision);
    assert.deepEqual(decision.choice, { point: 'dp-power', option: 'power-b' });
    assert.equal(decision.cell, 'msit');
    assert.equal(decision.rationale, s.powerWhy);
    assert.deepEqual(decision.actor, { person: 'facilitator', cell: 'msit' }, 'the facilitator recorded it for MSIT');
    const alert = ofType(journal, 'alert-level-changed').at(-1);
    assert.equal(alert?.level, 'caution');
    assert.equal(alert?.reason, s.alertWhy);
    const ack = await page.getByTestId('last-ack').textContent();
    assert.ok(ack?.includes(t('record.ack', { seq: journal.head.seq, head: journal.head.hash.slice(0, 12) })), `the console acknowledges the journal head: ${ack}`);
  }

  /** The projector: opened from the console in its own tab; public injects and the alert level. */
  async display(): Promise<void> {
    const { page, t } = this;
    const [wall] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: t('nav.display') }).click()]);
    await wall.setViewportSize({ width: 1600, height: 900 });
    await wall.getByText(this.injectTitle('inj-services-fail')).waitFor();
    await wall.locator('.alert-caution').first().waitFor();
    const body = await wall.locator('body').innerText();
    assert.ok(!body.includes(this.injectTitle('inj-power-request')), 'an addressed inject is not on the wall');
    assert.equal(await wall.getByRole('button').count(), 0, 'the wall has no controls');
    await this.assertLanguage('situation display', wall);
    await this.shot('display', wall);
    await wall.close();
  }

  /** Console nav → a cell's own screen. */
  async openCell(cell: string): Promise<void> {
    const { page, t } = this;
    if (!/\/console$/.test(page.url())) await this.openConsole();
    await page.locator('details.cells summary').click();
    await page.locator('details.cells').getByRole('link', { name: this.cellName(cell), exact: true }).click();
    await page.waitForURL(new RegExp(`/cell/${cell}$`));
    await page.getByRole('heading', { name: t('cell.open-decisions') }).waitFor();
  }

  /** Any exercise screen → the console, by the header's link. */
  async openConsole(): Promise<void> {
    const { page, t } = this;
    await page.getByRole('link', { name: t('nav.console'), exact: true }).click();
    await page.waitForURL(/\/console$/);
    await page.getByTestId('scenario-clock').waitFor();
  }

  /** The military, the intelligence service and the ministry each decide on their own screen. */
  async cellDecisions(): Promise<void> {
    const { page, t, s } = this;
    const military = s.people[1]?.cell ?? 'mnd';
    const record = page.getByRole('region', { name: t('cell.our-record') });

    // The military cell: the JCS query is in its inbox; it records a decision no point foresaw.
    await this.openCell(military);
    await page.getByRole('heading', { name: this.injectTitle('inj-mnd-query') }).waitFor();
    await page.locator('#free-decision-text').fill(s.militaryDecision);
    await page.locator('#free-decision-rationale').fill(s.militaryWhy);
    await page.locator('form').filter({ has: page.locator('#free-decision-text') }).getByRole('button', { name: t('cell.record-decision') }).click();
    await record.getByText(s.militaryDecision).waitFor();
    await page.getByRole('status').filter({ hasText: new RegExp(escapeRegExp(t('record.ack', { seq: 0, head: '' })).replace('0', '\\d+')) }).waitFor();
    await this.assertLanguage('military cell');
    await this.shot(`cell-${military}`);

    // The intelligence service answers the sabotage claim.
    await this.answerPoint('nis', 'dp-claim', 'claim-b', s.intelWhy);
    // The lead ministry answers the situation-judgement meeting on its own screen.
    await this.answerPoint('msit', 'dp-alert', 'alert-b', s.ministryWhy);

    const journal = await this.journal();
    const decisions = ofType(journal, 'decision-recorded');
    const free = decisions.find((d) => d.choice === null);
    assert.ok(free, 'the free-text decision is on the record');
    assert.equal(free.cell, military);
    assert.equal(free.text, s.militaryDecision);
    assert.equal(free.rationale, s.militaryWhy);
    assert.deepEqual(free.actor, { person: this.participant(military), cell: military }, 'recorded as the cell’s own participant');
    const intel = decisions.find((d) => d.choice?.point === 'dp-claim');
    assert.deepEqual(intel?.choice, { point: 'dp-claim', option: 'claim-b' });
    assert.equal(intel?.rationale, s.intelWhy);
    assert.deepEqual(intel?.actor, { person: this.participant('nis'), cell: 'nis' });
    const ministry = decisions.find((d) => d.choice?.point === 'dp-alert');
    assert.deepEqual(ministry?.choice, { point: 'dp-alert', option: 'alert-b' });
    assert.equal(ministry?.rationale, s.ministryWhy);
    assert.deepEqual(ministry?.actor, { person: this.participant('msit'), cell: 'msit' });
  }

  async answerPoint(cell: string, pointId: string, optionId: string, why: string): Promise<void> {
    const { page, t } = this;
    await this.openCell(cell);
    const prompt = this.w.text(this.point(pointId).prompt);
    const form = page.locator('form').filter({ has: page.getByRole('group', { name: prompt }) });
    const label = this.optionLabel(pointId, optionId);
    await form.getByLabel(label, { exact: true }).check();
    await form.getByLabel(t('cell.rationale'), { exact: true }).fill(why);
    await form.getByRole('button', { name: t('cell.record-decision') }).click();
    const record = page.getByRole('region', { name: t('cell.our-record') });
    await record.getByText(label).waitFor();
    await record.getByText(why).waitFor();
    assert.equal(await page.getByRole('group', { name: prompt }).count(), 0, 'the answered point is no longer open');
    await this.assertLanguage(`cell ${cell}`);
    await this.shot(`cell-${cell}`);
  }

  /**
   * Pause, and the countdown to the next inject stands still; resume. In the journal, every inject
   * still pending falls due the same scenario time but exactly the pause's length later on the wall.
   */
  async pauseAndResume(): Promise<void> {
    const { page, t, s } = this;
    await this.openConsole();
    // The cells' decisions reached the console's log: the option named once, the rationale below.
    const ministry = page.locator('#console-log li[data-type="decision-recorded"]').filter({ hasText: s.ministryWhy });
    assert.equal(await ministry.locator('.detail').textContent(), s.ministryWhy);
    assert.ok(((await ministry.locator('.text').textContent()) ?? '').includes(this.optionLabel('dp-alert', 'alert-b')));
    const state = page.getByTestId('clock-state');
    await page.getByRole('button', { name: t('console.clock.pause'), exact: true }).click();
    await state.filter({ hasText: t('clock.paused') }).waitFor();
    const countdown = page.getByTestId('next-countdown');
    const clock = page.getByTestId('scenario-clock');
    const frozen = [await countdown.textContent(), await clock.textContent()];
    await page.waitForTimeout(1_200);
    assert.deepEqual([await countdown.textContent(), await clock.textContent()], frozen, 'a paused clock and its countdowns stand still');
    await this.shot('console-paused');
    await page.getByRole('button', { name: t('console.clock.resume'), exact: true }).click();
    await state.filter({ hasText: t('console.clock.running-realtime') }).waitFor();

    const { events } = await this.journal();
    const paused = events.findLastIndex((e) => e.type === 'clock-paused');
    const resumed = events.findLastIndex((e) => e.type === 'clock-resumed');
    assert.ok(paused > 0 && resumed === paused + 1, 'pause and resume are consecutive entries');
    const pause = Date.parse(events[resumed]!.wallTime) - Date.parse(events[paused]!.wallTime);
    assert.ok(pause >= 1_000, `paused for ${pause} ms`);
    const before = replay(this.scenario, events.slice(0, paused));
    const afterResume = replay(this.scenario, events.slice(0, resumed + 1));
    const pending = (items: readonly DueItem[]) => new Map(items.filter((i) => i.kind === 'release-inject').map((i) => [i.inject, i.due]));
    const dueBefore = pending(dueItems(before));
    const dueAfter = pending(dueItems(afterResume));
    assert.ok(dueBefore.size >= 10, `${dueBefore.size} injects pending`);
    assert.deepEqual([...dueAfter.keys()], [...dueBefore.keys()], 'the same injects are pending');
    for (const [inject, due] of dueBefore) {
      assert.equal(dueAfter.get(inject), due, `${inject} is due at the same scenario time`);
      const wallBefore = wallTimeWhen(before.clock, due);
      const wallAfter = wallTimeWhen(afterResume.clock, due);
      assert.ok(wallBefore !== null && wallAfter !== null);
      assert.equal(wallAfter - wallBefore, pause, `${inject} moved later on the wall by exactly the pause`);
    }
  }

  /** The evaluator observes MSIT and rates the situation-room target P. */
  async evaluate(): Promise<void> {
    const { page, t, s } = this;
    await page.getByRole('link', { name: t('nav.evaluate'), exact: true }).click();
    await page.getByLabel(t('eval.evaluator'), { exact: true }).waitFor();
    assert.equal(await page.getByLabel(t('eval.evaluator'), { exact: true }).inputValue(), 'ev-1');
    await page.getByLabel(t('eval.observation'), { exact: true }).fill(s.observation);
    await page.getByLabel(t('eval.observation-cell'), { exact: true }).selectOption('msit');
    await page.getByRole('button', { name: t('eval.record-observation'), exact: true }).click();
    await page.getByRole('region', { name: t('eval.observations', { count: 1 }) }).getByText(s.observation).waitFor();

    const target = this.scenario.targets.find((g) => g.id === 'tg-sitroom');
    assert.ok(target);
    const card = page.locator('article.target').filter({ has: page.getByRole('heading', { name: this.w.text(target.text), exact: true }) }).first();
    await card.getByRole('radio', { name: /^P\b/ }).check();
    await card.getByLabel(t('eval.rating-notes'), { exact: true }).fill(s.ratingNotes);
    await card.getByRole('button', { name: t('eval.rate') }).click();
    await card.locator('.badge.rating-P').waitFor();
    assert.ok((await card.innerText()).includes(s.evaluator), 'the rating names its evaluator');
    await card.getByText(s.ratingNotes).waitFor();
    await this.assertLanguage('evaluator');
    await this.shot('evaluator', page, card);

    const journal = await this.journal();
    const rating = ofType(journal, 'target-rated').at(-1);
    assert.equal(rating?.evaluator, 'ev-1');
    assert.equal(rating?.target, 'tg-sitroom');
    assert.equal(rating?.rating, 'P');
    assert.equal(rating?.notes, s.ratingNotes);
    const observation = ofType(journal, 'observation-recorded').at(-1);
    assert.equal(observation?.text, s.observation);
    assert.equal(observation?.cell, 'msit');
  }

  /** EndEx from the console, confirmed. */
  async end(): Promise<void> {
    const { page, t } = this;
    await this.openConsole();
    await page.getByRole('button', { name: t('console.clock.end') }).click();
    await page.getByRole('group', { name: t('console.clock.end-confirm') }).getByRole('button', { name: t('console.clock.end-now') }).click();
    await page.getByTestId('clock-state').filter({ hasText: t('clock.ended') }).waitFor();
    const frozen = await page.getByTestId('scenario-clock').textContent();
    await page.waitForTimeout(600);
    assert.equal(await page.getByTestId('scenario-clock').textContent(), frozen, 'an ended clock stands still');
    assert.equal(await page.getByRole('button', { name: t('console.clock.start') }).count(), 0);
    await this.assertLanguage('console after EndEx');
    await this.shot('console-ended');
    const journal = await this.journal();
    assert.equal(journal.events.at(-1)?.type, 'exercise-ended');
  }

  /** The hot wash: a strength for MSIT, and one participant's feedback form. */
  async hotwash(): Promise<void> {
    const { page, t, s } = this;
    await page.getByRole('link', { name: t('nav.hotwash'), exact: true }).click();
    await page.getByRole('heading', { name: t('hotwash.add-note') }).waitFor();
    await page.locator('#note-cell').selectOption('msit');
    await page.locator('input[name="note-kind"][value="strength"]').check();
    await page.locator('#note-capability').selectOption('cap-opcomms');
    await page.locator('#note-text').fill(s.hotwashNote);
    await page.getByRole('button', { name: t('hotwash.add'), exact: true }).click();
    const notes = page.getByRole('region', { name: t('hotwash.by-cell') });
    await notes.getByText(s.hotwashNote).waitFor();
    assert.ok((await notes.innerText()).includes(this.cellName('msit')));

    await page.getByLabel(t('hotwash.participant'), { exact: true }).selectOption(this.participant('nis'));
    for (const item of FEEDBACK_ITEMS) {
      await page.getByRole('group', { name: t(`hotwash.item.${item}`) }).getByRole('radio', { name: item === 'role' ? /^5/ : /^4/ }).check();
    }
    await page.getByLabel(t('hotwash.top-strength-n', { n: 1 }), { exact: true }).fill(s.feedbackStrength);
    await page.getByLabel(t('hotwash.top-improvement-n', { n: 1 }), { exact: true }).fill(s.feedbackImprovement);
    await page.getByLabel(t('hotwash.comment'), { exact: true }).fill(s.feedbackComment);
    await page.getByRole('button', { name: t('hotwash.submit-feedback') }).click();
    const received = page.getByRole('region', { name: t('hotwash.feedback-received', { count: 1 }) });
    await received.getByText(s.feedbackStrength).waitFor();
    assert.ok((await received.innerText()).includes(s.people[2]?.name ?? ''), 'the form names its participant');
    await this.assertLanguage('hot wash');
    await this.shot('hotwash');

    const journal = await this.journal();
    const note = ofType(journal, 'hotwash-note-added').at(-1);
    assert.deepEqual(
      note && { cell: note.cell, kind: note.kind, capability: note.capability, text: note.text },
      { cell: 'msit', kind: 'strength', capability: 'cap-opcomms', text: s.hotwashNote },
    );
    const feedback = ofType(journal, 'feedback-recorded').at(-1);
    assert.equal(feedback?.participant, this.participant('nis'));
    assert.deepEqual(feedback?.ratings.map((r) => r.score), FEEDBACK_ITEMS.map((item) => (item === 'role' ? 5 : 4)));
    assert.deepEqual(feedback?.strengths.filter(Boolean), [s.feedbackStrength]);
    assert.deepEqual(feedback?.improvements.filter(Boolean), [s.feedbackImprovement]);
    assert.equal(feedback?.comment, s.feedbackComment);
    const ack = await page.getByRole('status').filter({ hasText: /#\d+/ }).innerText();
    assert.equal(ack, t('record.ack', { seq: journal.head.seq, head: journal.head.hash.slice(0, 12) }), 'the screen names the journal head');
  }

  /** Back in the library: the exercise is listed, intact, with the journal's own count and head. */
  async library(): Promise<void> {
    const { page, t, s } = this;
    await page.getByRole('link', { name: t('nav.library'), exact: true }).click();
    await page.getByRole('heading', { name: t('library.exercises') }).waitFor();
    const row = page.locator('tbody tr').filter({ hasText: this.id });
    await row.waitFor();
    const journal = await this.journal();
    const text = await row.innerText();
    assert.ok(text.includes(s.title));
    assert.ok(text.includes(t('library.verified.ok')), 'the record checks out');
    assert.ok(text.includes(journal.head.hash.slice(0, 12)), 'with the journal’s head hash');
    await this.assertLanguage('library after the exercise');
    await this.shot('library-after');
  }
}

// ---- the tests --------------------------------------------------------------------------------------

describe('a whole exercise through the UI', { skip, timeout: 240_000 }, () => {
  let app: App;
  let scenario: Scenario;
  const disk = new FlakyDisk();
  let traffic: Traffic;
  const errors: string[] = [];

  before(async () => {
    app = await startApp({ journalFs: disk.fs });
    traffic = new Traffic(app.url);
    scenario = (await resolveScenario(SCENARIO)).scenario;
  });

  after(async () => {
    await app?.close();
  });

  /** One page for a whole flow, watched for errors and for every URL it (or its popups) asks for. */
  async function flowPage(): Promise<Page> {
    const opened = await app.newPage({ viewport: { width: 1600, height: 1000 } });
    await traffic.watch(opened.context, opened.page);
    opened.page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    opened.page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await opened.page.goto(new URL('#/', app.url).href);
    return opened.page;
  }

  describe('in English', () => {
    let flow: Flow;
    before(async () => {
      await app.backend.handlers['settings:update']({ language: 'ko' });
      const page = await flowPage();
      flow = new Flow(app, scenario, page, 'en');
      // The language is switched in the library, as a person would.
      await page.getByRole('heading', { name: '시나리오 패키지' }).waitFor();
      await page.locator('#library-language').selectOption('en');
      await page.getByRole('heading', { name: 'Scenario packages' }).waitFor();
    });

    test('plan it from the library: the form’s every field lands in the record', async () => {
      await flow.plan();
    });

    test('StartEx and release injects by hand; the MSEL shows each with its #seq from the journal', async () => {
      await flow.startAndRelease();
    });

    test('the facilitator records the ministry’s decision and raises the alert level; the wall shows it', async () => {
      await flow.ministryDecisionAndAlert();
      await flow.display();
    });

    test('reload mid-exercise: the same log, head, alert level and decisions come back from the journal', async () => {
      const { page, t } = flow;
      const entries = () =>
        page.locator('#console-log li[data-seq]').evaluateAll((items) =>
          items.map((item) => {
            // Runs in the page; this file is compiled without the DOM library.
            const li = item as unknown as { innerText: string; getAttribute(name: string): string | null };
            return `${li.getAttribute('data-seq')}|${li.getAttribute('data-type')}|${li.innerText}`;
          }),
        );
      const before = await flow.journal();
      const shown = await entries();
      assert.equal(shown.length, Math.min(40, before.events.length));
      assert.equal(shown[0]?.split('|')[0], String(before.head.seq), 'the newest entry is the journal head');
      const released = await page.locator('#console-msel [data-group="released"] .count').textContent();

      await page.reload();
      await page.getByTestId('scenario-clock').waitFor();
      await page.locator(`#console-log li[data-seq="${before.head.seq}"]`).waitFor();
      const after = await flow.journal();
      assert.deepEqual(after.head, before.head, 'nothing was recorded across the reload');
      assert.deepEqual(await entries(), shown, 'the same log entries, word for word');
      const head = (await page.getByTestId('last-ack').textContent()) ?? '';
      assert.ok(head.includes(t('console.ack.head')) && head.includes(`#${before.head.seq} · ${before.head.hash.slice(0, 12)}`), `the console opens on the journal head: ${head}`);
      await page.locator('.topbar [data-testid="alert-level"][data-level="caution"]').waitFor();
      assert.match((await page.getByTestId('clock-state').textContent()) ?? '', new RegExp(escapeRegExp(t('console.clock.running-realtime'))));
      assert.equal(await page.locator('#console-msel [data-group="released"] .count').textContent(), released);
      assert.equal(await page.locator('li[data-point="dp-power"]').count(), 0, 'the decided point stays decided');
      await page.locator('li[data-point="dp-claim"]').waitFor();
      await page.locator('#console-log li[data-type="decision-recorded"]').getByText(flow.s.powerWhy).waitFor();
      await flow.shot('console-reloaded');
    });

    test('the military, intelligence and ministry cells decide on their own screens', async () => {
      await flow.cellDecisions();
    });

    test('pause and resume: pending injects fall due later by exactly the pause', async () => {
      await flow.pauseAndResume();
    });

    test('the evaluator records an observation and a P rating', async () => {
      await flow.evaluate();
    });

    test('EndEx, then the hot wash notes and a feedback form; the library shows the intact record', async () => {
      await flow.end();
      await flow.hotwash();
      await flow.library();
    });
  });

  describe('in Korean', () => {
    let flow: Flow;
    before(async () => {
      const page = await flowPage();
      flow = new Flow(app, scenario, page, 'ko');
      await page.getByRole('heading', { name: 'Scenario packages' }).or(page.getByRole('heading', { name: '시나리오 패키지' })).waitFor();
      await page.locator('#library-language').selectOption('ko');
      await page.getByRole('heading', { name: '시나리오 패키지' }).waitFor();
      const settings = await app.backend.handlers['settings:get']({});
      assert.ok(settings.ok && settings.value.language === 'ko', 'the choice is saved');
    });

    test('the English UI catalog is what the leak check looks for', () => {
      // The check must be able to fail: these are real English labels of the screens below.
      for (const phrase of ['Release now', 'Record decision', 'Decisions waiting', 'Exercise details', 'Add note']) {
        assert.ok(ENGLISH_UI.includes(phrase), phrase);
      }
      assert.deepEqual(englishLeaks('결정 기록 Release now'), ['Release now']);
      assert.deepEqual(englishLeaks('훈련 시작(StartEx) · MSEL 상황 목록'), []);
    });

    test('plan, start and release in Korean: Korean labels, Korean text recorded as typed', async () => {
      await flow.plan();
      await flow.startAndRelease();
    });

    test('decisions from the console and the cells, the alert level and a pause, in Korean', async () => {
      await flow.ministryDecisionAndAlert();
      await flow.display();
      await flow.cellDecisions();
      await flow.pauseAndResume();
    });

    test('evaluation, EndEx and the hot wash in Korean; the journal holds the Korean text', async () => {
      await flow.evaluate();
      await flow.end();
      await flow.hotwash();
      await flow.library();
      const journal = await flow.journal();
      const texts = JSON.stringify(journal.events);
      for (const typed of Object.values(flow.s)) {
        if (typeof typed === 'string') assert.ok(texts.includes(JSON.stringify(typed).slice(1, -1)), `recorded as typed: ${typed}`);
      }
    });
  });

  test('a journal write fails: NOT RECORDED blocks the console, shows the lost entry, and leaves it read-only and still', async () => {
    const page = await flowPage();
    const t = wordsIn('en').t;
    await app.backend.handlers['settings:update']({ language: 'en' });
    await page.reload();
    // An exercise whose disk will fail; planned and started through the UI like the others.
    const flow = new Flow(app, scenario, page, 'en');
    await page.getByRole('heading', { name: t('library.scenarios') }).waitFor();
    await page.locator('article.scenario').filter({ hasText: SCENARIO }).getByRole('button', { name: t('library.plan') }).click();
    await page.getByLabel(t('new.title-label'), { exact: true }).fill('Failing disk drill');
    await page.getByLabel(t('new.participant-name', { n: 1 }), { exact: true }).fill('Han Ji-hoon');
    await page.getByLabel(t('new.participant-cell', { n: 1 }), { exact: true }).selectOption('kisa');
    await page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(t('new.clock-realtime'))}`) }).check();
    await page.getByRole('button', { name: t('new.create') }).click();
    await page.waitForURL(/#\/exercise\/[^/]+\/console$/);
    flow.id = decodeURIComponent(/#\/exercise\/([^/]+)\/console$/.exec(page.url())?.[1] ?? '');
    await page.getByRole('button', { name: t('console.clock.start') }).click();
    await page.getByTestId('clock-state').filter({ hasText: t('console.clock.running-realtime') }).waitFor();
    const good = await flow.journal();
    const ackBefore = await page.getByTestId('last-ack').textContent();

    // A second seat (KISA's own screen) is open when the disk goes.
    const cellSeat = await app.newPage();
    await traffic.watch(cellSeat.context, cellSeat.page);
    await cellSeat.page.goto(new URL(`#/exercise/${flow.id}/cell/kisa`, app.url).href);
    await cellSeat.page.getByRole('heading', { name: t('cell.open-decisions') }).waitFor();

    disk.failing.add(join(app.dataDir, EXERCISES_FOLDER, flow.id));
    const lost = 'KISA drafts a smishing advisory (this entry must not be recorded)';
    await page.locator('#console-action-cell').selectOption('kisa');
    await page.locator('#console-action-text').fill(lost);
    await page.getByRole('button', { name: t('console.action.submit') }).click();

    const dialog = page.getByRole('dialog', { name: t('record.not-recorded-title') });
    await dialog.waitFor();
    await page.evaluate('document.fonts.ready.then(() => true)');
    await screenshot(page, 'flow-en-90-not-recorded');
    const entry = dialog.getByTestId('not-recorded-entry');
    assert.equal(await entry.innerText(), t('console.event.action', { cell: flow.cellName('kisa'), text: lost }), 'the dialog shows the lost entry as the log would have');
    assert.match(await dialog.innerText(), /NOT RECORDED.*EIO/s, 'and why: the disk said EIO');
    // It is modal: Escape does not close it, the rest of the page cannot be used.
    await page.keyboard.press('Escape');
    assert.equal(await dialog.isVisible(), true, 'Escape does not dismiss it');
    assert.equal(await page.evaluate('document.querySelector("dialog.not-recorded").matches(":modal")'), true);

    // Not on the record, on screen or on disk.
    assert.equal(await page.locator('#console-log').getByText(lost).count(), 0, 'the lost entry is not in the log');
    assert.equal(await page.getByTestId('last-ack').textContent(), ackBefore, 'no acknowledgement');
    const onDisk = await flow.journal();
    assert.deepEqual(onDisk.head, good.head, 'the journal on disk is as before, its chain intact');
    assert.ok(!JSON.stringify(onDisk.events).includes(lost));

    await dialog.getByRole('button', { name: t('record.acknowledge') }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Safe state: read-only, every command disabled, the clock stopped where the record stopped.
    await page.getByTestId('read-only').waitFor();
    await page.locator('.console').waitFor();
    for (const name of [t('console.clock.pause'), t('console.action.submit'), t('console.alert.submit'), t('console.next.release'), t('console.decision.free'), t('console.clock.end')]) {
      const buttons = page.getByRole('button', { name });
      assert.ok((await buttons.count()) > 0, `the console still shows "${name}"`);
      assert.equal(await buttons.and(page.locator(':enabled')).count(), 0, `every "${name}" button is disabled`);
    }
    assert.equal(await page.getByTestId('clock-state').textContent(), t('console.error.read-only'), 'the clock no longer claims to run');
    const clock = page.getByTestId('scenario-clock');
    const stopped = await clock.textContent();
    await page.waitForTimeout(1_500);
    assert.equal(await clock.textContent(), stopped, 'the scenario clock no longer runs: nothing more will be released');
    await page.evaluate('document.fonts.ready.then(() => true)');
    await screenshot(page, 'flow-en-91-read-only');
    // The other seat learns it too, and its clock stops as well.
    await cellSeat.page.getByRole('alert').filter({ hasText: t('record.read-only', { reason: '' }).trim() }).waitFor();
    await cellSeat.page.close();
    // Nothing reached the disk afterwards either (the backend's ticker stopped with the journal).
    disk.failing.clear();
    const dispatched = await app.backend.handlers['exercise:dispatch']({ id: flow.id, command: { type: 'add-control-log', text: 'after the failure' }, actor: { person: 'facilitator', cell: 'control' } });
    assert.equal(dispatched.ok ? '' : dispatched.error.code, 'read-only');
    assert.deepEqual((await flow.journal()).head, good.head);
  });

  test('no page asked anything of a host but the app itself', async () => {
    assert.deepEqual(traffic.outside, [], 'every request went to the app’s own origin');
    const origin = new URL(app.url).origin;
    assert.ok(traffic.seen.some((u) => u.startsWith(`${origin}/api/exercise:dispatch`)), 'the recorder saw the API calls');
    assert.ok(traffic.seen.some((u) => u === `ws://${new URL(app.url).host}/ws`), 'and the WebSocket');
    assert.ok(traffic.seen.some((u) => /\.woff2$/.test(u)), 'and the bundled font files');
    // The recorder is not blind: a navigation elsewhere is seen (and stopped at the browser).
    const probe = await app.newPage();
    const control = new Traffic(app.url);
    await control.watch(probe.context, probe.page);
    await probe.page.goto('http://192.0.2.1/').catch(() => undefined);
    assert.deepEqual(control.outside, ['http://192.0.2.1/']);
    await probe.context.close();
    const unexpected = errors.filter((e) => !/NOT RECORDED|Failed to load resource.*(409|500)/.test(e));
    assert.deepEqual(unexpected, [], 'no page errors, console errors or CSP violations');
  });
});
