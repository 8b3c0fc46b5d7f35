/**
 * The facilitator console, driven as a facilitator would: open an exercise, StartEx, pause and
 * resume (by button and by Space), release an inject from the MSEL, record a decision for a cell,
 * raise the alert level, retract a log entry, switch language. Every test also proves the page
 * logged no error, broke no CSP rule and asked nothing of any host but the app's own.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ClockPace } from '../../src-main/core/engine/index.ts';
import { chromiumAvailable, screenshot, seedExercise, startApp } from './harness.ts';
import type { App } from './harness.ts';

const SCENARIO = 'pangyo-datacenter-fire';
const FACILITATOR = { person: 'facilitator', cell: 'control' };
const skip = !(await chromiumAvailable()) && 'Chromium is not installed at /usr/bin/chromium';

describe('facilitator console', { skip, timeout: 300_000 }, () => {
  let app: App;
  let dataDir: string;
  let seeded: string;
  let tampered: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sitroom-console-e2e-'));
    // Forty steps of the strong playthrough; the runner then plays the scenario out to EndEx.
    seeded = await seedExercise(dataDir, SCENARIO, 'strong', 40);
    // Another record, edited on disk after the fact: its hash chain no longer holds.
    tampered = await seedExercise(dataDir, SCENARIO, 'strong', 5);
    const journal = join(dataDir, 'exercises', tampered, 'journal.jsonl');
    const lines = (await readFile(journal, 'utf8')).split('\n');
    // Edit the wall time of an entry a little after the first logged action, well before the end.
    const edited = lines.findIndex((line) => line.includes('"type":"action-logged"')) + 2;
    assert.ok(edited > 2 && edited < lines.length - 3);
    lines[edited] = (lines[edited] ?? '').replace('"wallTime":"20', '"wallTime":"19');
    await writeFile(journal, lines.join('\n'));
    app = await startApp({ dataDir });
  });

  after(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    // Language and theme are persisted settings; one test switches both, the others read Korean.
    await app.backend.handlers['settings:update']({ language: 'ko', theme: 'dark' });
  });

  async function createExercise(clock: ClockPace = { mode: 'realtime' }): Promise<string> {
    const library = await app.backend.handlers['library:list-scenarios']({});
    assert.ok(library.ok);
    const entry = library.value.find((e) => e.id === SCENARIO);
    assert.ok(entry, 'the shipped scenario is in the library');
    const created = await app.backend.handlers['exercise:create']({
      scenarioFile: entry.file,
      setup: {
        title: '콘솔 시험 연습',
        date: '2026-11-30',
        venue: '시험장',
        marking: '일반 // 훈련 전용',
        language: 'ko',
        participants: [],
        evaluators: [],
        clock,
      },
    });
    assert.ok(created.ok, created.ok ? '' : created.error.message);
    return created.value.id;
  }

  type DispatchCommand = Parameters<App['backend']['handlers']['exercise:dispatch']>[0]['command'];

  async function dispatch(id: string, command: DispatchCommand): Promise<void> {
    const result = await app.backend.handlers['exercise:dispatch']({ id, command, actor: FACILITATOR });
    assert.ok(result.ok, result.ok ? '' : result.error.message);
  }

  type Opened = Awaited<ReturnType<App['newPage']>>;

  async function openConsole(id: string, viewport = { width: 1600, height: 1000 }): Promise<Opened> {
    const opened = await app.newPage({ viewport });
    await opened.page.goto(new URL(`#/exercise/${id}/console`, app.url).href);
    await opened.page.getByTestId('scenario-clock').waitFor();
    return opened;
  }

  /** Nothing went wrong on the page (errors, CSP violations) and nothing left the app's origin. */
  function assertClean(opened: Opened) {
    assert.deepEqual(opened.errors, []);
    const host = new URL(app.url).host;
    const outside = opened.requests.filter((url) => !url.startsWith(app.url) && url !== `ws://${host}/ws`);
    assert.deepEqual(outside, []);
  }

  /** Screenshots wait for the Korean font's subsets, or fresh glyphs show as boxes. */
  async function shot(page: Page, name: string): Promise<void> {
    // A string, because this file is compiled for Node, where `document` does not exist.
    await page.evaluate('document.fonts.ready.then(() => true)');
    await screenshot(page, name);
  }

  /** Moves focus off any button, the way a click on empty space does, so Space reaches the console. */
  async function unfocus(page: Page): Promise<void> {
    await page.getByTestId('scenario-clock').click();
  }

  const lastAckSeq = async (page: Page) =>
    Number(/#(\d+)/.exec((await page.getByTestId('last-ack').textContent()) ?? '')?.[1]);

  test('opens a played exercise: clock, MSEL, log, cascade and alert level from the record', async () => {
    const opened = await openConsole(seeded);
    const { page } = opened;
    await page.getByRole('heading', { level: 1, name: '판교 데이터센터 화재 대응 범정부 토의형 훈련' }).waitFor();
    assert.equal(await page.getByTestId('clock-state').textContent(), '종료');
    // The playthrough raised the alert level; the record says which.
    const level = await page.getByTestId('alert-level').first().getAttribute('data-level');
    assert.ok(level === 'alert' || level === 'serious' || level === 'caution', `alert level ${String(level)}`);
    // The MSEL knows what was released; the log shows the newest entries first, one page of them.
    const released = Number(await page.locator('[data-group="released"] .count').textContent());
    assert.ok(released > 20, `${released} released`);
    const seqs = await Promise.all(
      (await page.locator('#console-log li[data-seq]').all()).map(async (li) =>
        Number(await li.getAttribute('data-seq')),
      ),
    );
    assert.equal(seqs.length, 40);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => b - a),
    );
    assert.ok((await page.locator('#console-services li[data-service]').count()) >= 10);
    // Facilitator notes are in the console (and only here).
    await page.locator('[data-group="released"]').click();
    await page.locator('li[data-inject="inj-startex"]').getByRole('button', { name: '자세히' }).click();
    await page.getByText('통제관 참고사항(셀에는 표시되지 않음)').waitFor();
    await shot(page, 'console-seeded-1600');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, 'console-seeded-1280');
    assertClean(opened);
  });

  test('a record that fails its integrity check opens read-only: the console says so and offers no command', async () => {
    const opened = await openConsole(tampered);
    const { page } = opened;
    const notice = page.getByTestId('read-only');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', /읽기 전용 연습입니다/);
    await shot(page, 'console-read-only');
    // What people recorded is listed (filtered), but it cannot be corrected: nothing can be written.
    await page.locator('#log-category').selectOption('actions');
    const corrections = page.locator('#console-log button.correct');
    // Which entries are correctable depends on where the chain broke; whichever are listed must
    // offer nothing, and no command button anywhere may be enabled.
    for (const button of await corrections.all()) assert.equal(await button.isDisabled(), true);
    assertClean(opened);
  });

  test('StartEx, pause and resume by button, Space toggles the clock, ? lists the shortcuts', async () => {
    const id = await createExercise();
    const opened = await openConsole(id);
    const { page } = opened;
    const state = page.getByTestId('clock-state');
    const running = state.filter({ hasText: /^진행 중/ });
    const paused = state.filter({ hasText: /^일시 정지$/ });
    assert.equal(await state.textContent(), '시작 전');
    await shot(page, 'console-new-1600');

    await page.getByRole('button', { name: '훈련 시작(StartEx)' }).click();
    await running.waitFor();
    assert.match((await page.getByTestId('last-ack').textContent()) ?? '', /기록됨 #\d+ · [0-9a-f]{12}/);
    // Injects due at T+00:00 are released by the clock itself.
    await page.locator('[data-group="released"]').click();
    await page.locator('li[data-inject="inj-startex"]').waitFor();

    await page.getByRole('button', { name: '일시 정지' }).click();
    await paused.waitFor();
    const frozen = await page.getByTestId('scenario-clock').textContent();
    await page.waitForTimeout(1200);
    assert.equal(await page.getByTestId('scenario-clock').textContent(), frozen, 'a paused clock stands still');
    await page.getByRole('button', { name: '재개' }).click();
    await running.waitFor();

    // Space pauses and resumes, but not while focus sits on a button or a field.
    await unfocus(page);
    await page.keyboard.press('Space');
    await paused.waitFor();
    await page.keyboard.press('Space');
    await running.waitFor();
    await page.locator('#console-action-text').fill(' ');
    await page.keyboard.press('Space');
    await page.waitForTimeout(300);
    assert.match((await state.textContent()) ?? '', /^진행 중/, 'typing a space in a field leaves the clock alone');

    await unfocus(page);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: '단축키' });
    await help.waitFor();
    await shot(page, 'console-shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    assertClean(opened);
  });

  test('stepped clock: +15m releases what fell due; a held inject waits with its reason until un-held', async () => {
    const id = await createExercise({ mode: 'stepped' });
    await dispatch(id, { type: 'start-exercise' });
    const opened = await openConsole(id, { width: 1280, height: 720 });
    const { page } = opened;
    assert.equal(await page.getByTestId('clock-state').textContent(), '단계 진행');
    await page.getByRole('button', { name: '+15m 진행' }).click();
    await page.getByTestId('scenario-clock').filter({ hasText: 'T+00:15:00' }).waitFor();
    assert.equal(await page.locator('li[data-inject="inj-services-fail"]').count(), 0, 'released by the step');

    const row = page.locator('li[data-inject="inj-skcc-notify"]');
    await row.getByRole('button', { name: '보류' }).click();
    await row.getByLabel('이 메시지를 보류하는 이유').fill('상황판단회의 후 부여');
    await row.getByRole('button', { name: '보류' }).last().click();
    await page.locator('[data-group="held"]').click();
    const held = page.locator('li[data-inject="inj-skcc-notify"][data-group="held"]');
    await held.getByText('보류 중: 상황판단회의 후 부여').waitFor();
    await page.getByRole('button', { name: '+15m 진행' }).click();
    await page.getByTestId('scenario-clock').filter({ hasText: 'T+00:30:00' }).waitFor();
    assert.equal(await held.count(), 1, 'a held inject is not released when its time passes');
    await shot(page, 'console-stepped-1280');

    await held.getByRole('button', { name: '보류 해제' }).click();
    await page.locator('[data-group="released"]').click();
    await page.locator('li[data-inject="inj-skcc-notify"][data-group="released"]').waitFor();
    assertClean(opened);
  });

  test('release an inject now from the timeline: it moves to Released with its #seq', async () => {
    const id = await createExercise();
    await dispatch(id, { type: 'start-exercise' });
    const opened = await openConsole(id);
    const { page } = opened;
    const row = page.locator('li[data-inject="inj-services-fail"]');
    await row.getByRole('button', { name: '지금 부여' }).click();
    await row.waitFor({ state: 'detached' });
    const ack = await lastAckSeq(page);
    assert.ok(ack > 0);

    await page.locator('[data-group="released"]').click();
    const released = page.locator('li[data-inject="inj-services-fail"]');
    const seq = Number(((await released.getByTestId('released-seq').textContent()) ?? '').replace('#', ''));
    assert.ok(seq > 0 && seq <= ack, `released as #${seq}, acknowledged #${ack}`);
    await released.getByText('직접 부여').waitFor();
    const entry = page.locator(`#console-log li[data-seq="${seq}"]`);
    assert.equal(await entry.getAttribute('data-type'), 'inject-released');
    assert.match((await entry.textContent()) ?? '', /상황 메시지 직접 부여/);

    // R releases whatever is next on the schedule.
    const next = (await page.getByTestId('next-inject').textContent()) ?? '';
    await unfocus(page);
    await page.keyboard.press('r');
    await page.getByTestId('next-inject').filter({ hasNotText: next }).waitFor();
    assert.ok((await lastAckSeq(page)) > ack);

    // Control writes an ad-hoc inject; it is released at once and recorded.
    await page.getByRole('button', { name: '즉석 메시지…' }).click();
    await page.getByLabel('제목', { exact: true }).fill('통제단: 추가 상황 보고 요청');
    await page.getByLabel('내용', { exact: true }).fill('각 셀은 **30분 안에** 현재 조치 현황을 보고하십시오.');
    await page.getByLabel('전달 수단').selectOption('phone');
    await page.getByRole('button', { name: '즉석 메시지 부여' }).click();
    await page
      .locator('#console-log li[data-type="adhoc-inject-released"]')
      .filter({ hasText: '통제단: 추가 상황 보고 요청' })
      .waitFor();
    await page
      .locator('li[data-group="released"]')
      .filter({ hasText: '통제단: 추가 상황 보고 요청' })
      .filter({ hasText: '즉석' })
      .waitFor();
    assertClean(opened);
  });

  test('record a decision for a cell (D opens the most urgent one) and see it in the log', async () => {
    const id = await createExercise();
    await dispatch(id, { type: 'start-exercise' });
    await dispatch(id, { type: 'release-inject', inject: 'inj-power-request' });
    const opened = await openConsole(id);
    const { page } = opened;
    const point = page.locator('li[data-point="dp-power"]');
    await point.waitFor();
    await shot(page, 'console-decision-open');

    await unfocus(page);
    await page.keyboard.press('d');
    const cell = point.locator('select.console-decision-first');
    await cell.waitFor();
    await point.locator('select.console-decision-first:focus').waitFor(); // D put focus on the decision form
    await cell.selectOption('msit');
    const choice = point.locator('label.choice').first();
    const label = ((await choice.textContent()) ?? '').replace('기본값', '').trim();
    await choice.click();
    await point.getByLabel('판단 근거').fill('현장 지휘관과 협의 후 결정');
    await shot(page, 'console-decision-form');
    await point.getByRole('button', { name: '결정 기록' }).click();
    await point.waitFor({ state: 'detached' });

    const entry = page.locator('#console-log li[data-type="decision-recorded"]').first();
    const text = (await entry.textContent()) ?? '';
    assert.match(text, /결정 · 과학기술정보통신부\(주관부처\)/);
    assert.ok(text.includes(label), `the log names the option "${label}"`);
    assert.match(text, /facilitator · 과학기술정보통신부/);

    // The facilitator got the option wrong: amend it; the original stays, marked, with the new one.
    await entry.getByRole('button', { name: /정정/ }).click();
    await entry.getByLabel('셀 또는 선택지 수정').check();
    const options = entry.locator('select[id^="amend-option-"]');
    const second = await options.locator('option').nth(1).getAttribute('value');
    await options.selectOption(second ?? '');
    const secondLabel = ((await options.locator('option').nth(1).textContent()) ?? '').trim();
    await entry.getByLabel('정정 사유(필수)').fill('선택지를 잘못 눌렀음');
    await entry.getByRole('button', { name: '수정 기록' }).click();
    const amended = page.locator(`#console-log li.amended[data-seq="${String(await entry.getAttribute('data-seq'))}"]`);
    await amended.waitFor();
    assert.match((await amended.getByTestId('correction-mark').textContent()) ?? '', /수정됨: 선택지를 잘못 눌렀음/);
    assert.ok(((await amended.locator('.now').textContent()) ?? '').includes(secondLabel), `now: ${secondLabel}`);
    await shot(page, 'console-amended');
    assertClean(opened);
  });

  test('a refused command is explained next to the button, in Korean with the engine’s detail', async () => {
    const id = await createExercise();
    await dispatch(id, { type: 'start-exercise' });
    await dispatch(id, { type: 'release-inject', inject: 'inj-power-request' });
    const opened = await app.newPage();
    const { page } = opened;
    // Hold back pushed events, so this console does not yet know what another seat recorded.
    let deaf = false;
    await page.routeWebSocket('**/ws', (ws) => {
      const server = ws.connectToServer();
      server.onMessage((message) => {
        if (!deaf) ws.send(message);
      });
    });
    await page.goto(new URL(`#/exercise/${id}/console`, app.url).href);
    const point = page.locator('li[data-point="dp-power"]');
    await point.getByRole('button', { name: '결정 기록' }).click();
    deaf = true;
    const other = await app.backend.handlers['exercise:dispatch']({
      id,
      command: {
        type: 'record-decision',
        cell: 'nfa',
        choice: { point: 'dp-power', option: 'power-b' },
        text: '',
        rationale: '',
      },
      actor: { person: 'p-nfa', cell: 'nfa' },
    });
    assert.ok(other.ok, other.ok ? '' : other.error.message);
    await point.locator('label.choice').first().click();
    await point.getByRole('button', { name: '결정 기록' }).click();
    const alert = page.locator('#console-decisions [role="alert"]');
    await alert.waitFor();
    assert.match((await alert.locator('strong').textContent()) ?? '', /처리되지 않음/);
    assert.match((await alert.locator('p[lang="en"]').textContent()) ?? '', /dp-power.*was decided/);
    await shot(page, 'console-refused');
    assertClean(opened);
  });

  test('raise the crisis alert level with a reason: the badge shows its name and colour', async () => {
    const id = await createExercise();
    await dispatch(id, { type: 'start-exercise' });
    const opened = await openConsole(id);
    const { page } = opened;
    assert.equal(await page.getByTestId('alert-level').first().getAttribute('data-level'), 'none');
    // A and L take the facilitator straight to the alert levels and the action log.
    await unfocus(page);
    await page.keyboard.press('a');
    await page.locator('#console-alert input[name="alert-level"]:focus').waitFor();
    await unfocus(page);
    await page.keyboard.press('l');
    await page.locator('#console-action-cell:focus').waitFor();
    const submit = page.getByRole('button', { name: '위기경보 발령' });
    await page.locator('#console-alert label.alert-alert').click();
    await page.locator('#console-alert-reason').fill('전국 서비스 장애 확인, 상황판단회의 결과');
    await submit.click();
    const badge = page.locator('.topbar [data-testid="alert-level"]');
    await page.locator('.topbar [data-testid="alert-level"][data-level="alert"]').waitFor();
    assert.match((await badge.textContent()) ?? '', /경계/);
    const colour = await page.evaluate(
      `getComputedStyle(document.querySelector('.topbar [data-testid="alert-level"]')).borderTopColor`,
    );
    assert.equal(colour, 'rgb(255, 140, 26)', 'orange for 경계');
    const entry = page.locator('#console-log li[data-type="alert-level-changed"]').first();
    assert.match((await entry.textContent()) ?? '', /위기경보: 경계/);
    // Stand up the lead ministry's headquarters.
    const hq = page.locator('li[data-hq="hq-bcd"]');
    await hq.getByRole('button', { name: '가동' }).click();
    await hq.getByLabel('사유(선택)').fill('장관 주재 대책본부로 격상');
    await hq.getByRole('button', { name: '가동' }).click();
    await hq.getByText('가동 중').waitFor();
    assert.match(
      (await page.locator('#console-log li[data-type="hq-activated"]').textContent()) ?? '',
      /대책본부 가동: 방송통신재난대책본부/,
    );
    await shot(page, 'console-alert');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, 'console-running-1280');
    assertClean(opened);
  });

  test('retract a log entry with a reason: it stays in the log, struck through and marked', async () => {
    const id = await createExercise();
    await dispatch(id, { type: 'start-exercise' });
    const opened = await openConsole(id);
    const { page } = opened;
    await page.locator('#console-action-cell').selectOption('kisa');
    await page.locator('#console-action-text').fill('스미싱 주의보 초안 작성');
    await page.getByRole('button', { name: '조치 기록' }).click();
    const entry = page.locator('#console-log li[data-type="action-logged"]').first();
    await entry.waitFor();
    const seq = await entry.getAttribute('data-seq');
    await entry.getByRole('button', { name: `기록 #${String(seq)} 정정` }).click();
    await entry.getByLabel('정정 사유(필수)').fill('다른 셀의 조치를 잘못 기록함');
    await entry.getByRole('button', { name: '기록 철회' }).click();
    const retracted = page.locator(`#console-log li[data-seq="${String(seq)}"]`);
    await page.locator(`#console-log li.retracted[data-seq="${String(seq)}"]`).waitFor();
    assert.match(
      (await retracted.getByTestId('correction-mark').textContent()) ?? '',
      /철회됨: 다른 셀의 조치를 잘못 기록함/,
    );
    const decoration = await page.evaluate(
      `getComputedStyle(document.querySelector('#console-log li[data-seq="${String(seq)}"] .text')).textDecorationLine`,
    );
    assert.equal(decoration, 'line-through');
    assert.equal(await page.locator('#console-log li[data-type="event-retracted"]').count(), 1);
    assert.equal(
      await retracted.getByRole('button', { name: /정정/ }).count(),
      0,
      'a retracted entry cannot be retracted again',
    );
    await shot(page, 'console-retracted');
    assertClean(opened);
  });

  test('a log of 10 000 events stays usable: one page rendered, new entries and paging quick', async () => {
    const id = await createExercise({ mode: 'stepped' });
    await dispatch(id, { type: 'start-exercise' });
    for (let i = 1; i <= 10_000; i++) await dispatch(id, { type: 'add-control-log', text: `통제단 기록 ${i}` });
    const started = Date.now();
    const opened = await openConsole(id);
    const { page } = opened;
    const loaded = Date.now() - started;
    assert.ok(loaded < 15_000, `opened in ${loaded} ms`);
    assert.equal(await page.locator('#console-log li[data-seq]').count(), 40, 'only one page is in the DOM');
    // StartEx released the two T+00:00 injects: 10 000 entries + 4.
    assert.equal(await page.locator('#console-log .pager span').textContent(), '10,004건 중 1–40');

    let t = Date.now();
    await dispatch(id, { type: 'add-control-log', text: '방금 들어온 기록' });
    await page.locator('#console-log li').first().filter({ hasText: '방금 들어온 기록' }).waitFor();
    const fresh = Date.now() - t;
    t = Date.now();
    await page.getByRole('button', { name: '이전 ›' }).click();
    await page.locator('#console-log li[data-seq="9963"]').waitFor();
    const older = Date.now() - t;
    assert.ok(fresh < 3_000 && older < 3_000, `new entry ${fresh} ms, older page ${older} ms`);
    assertClean(opened);
  });

  test('switching to English changes the console’s words', async () => {
    const id = await createExercise();
    const opened = await openConsole(id, { width: 1280, height: 720 });
    const { page } = opened;
    await page.getByRole('heading', { name: 'MSEL 상황 목록' }).waitFor();
    await page.locator('#language').selectOption('en');
    await page.getByRole('heading', { name: 'MSEL timeline' }).waitFor();
    await page.getByRole('heading', { name: 'Live log' }).waitFor();
    await page.getByRole('button', { name: 'StartEx' }).waitFor();
    assert.equal(await page.getByTestId('clock-state').textContent(), 'Not started');
    await shot(page, 'console-english-1280');
    // The projector theme (larger type, more contrast) still fits a 1600×1000 projector.
    await page.locator('#theme').selectOption('projector');
    await page.setViewportSize({ width: 1600, height: 1000 });
    await shot(page, 'console-projector-1600');
    assertClean(opened);
  });
});
