/**
 * The six non-console screens, driven in Chromium against the real backend: the library, planning
 * an exercise, the projector display, a player cell, the evaluator's EEG and the hot wash.
 *
 * One app serves the file. Most tests share one exercise planned on the flagship scenario with a
 * STEPPED clock, so the test moves scenario time exactly (and the ticker cannot race it). Every
 * page is checked for console errors, CSP violations and requests that leave the app's origin.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Actor } from '../../src-main/core/engine/index.ts';
import type { Inject, Scenario } from '../../src-main/core/scenario/schema.ts';
import { resolveScenario } from '../../src-main/services/scenario-library.ts';
import { ARTIFACTS, chromiumAvailable, screenshot, seedExercise, startApp } from './harness.ts';
import type { App } from './harness.ts';

const SCENARIO = 'pangyo-datacenter-fire';
const MINUTE = 60_000;
const FACILITATOR: Actor = { person: 'facilitator', cell: 'control' };
const skip = !(await chromiumAvailable()) && 'Chromium is not installed at /usr/bin/chromium';

/** What a person sees without scrolling, beside the harness's full-page shot. */
async function viewportShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}-view.png`) });
}

/** A command as the dispatch channel takes it (the contract's parsed, mutable shape). */
type Command = Parameters<App['backend']['handlers']['exercise:dispatch']>[0]['command'];

const ko = (text: Inject['title']): string => (typeof text === 'string' ? text : text.ko);

describe('the exercise screens', { skip }, () => {
  let app: App;
  let scenario: Scenario;
  let scenarioFile: string;
  /** The shared stepped exercise, at scenario time `at`. */
  let exerciseId: string;
  let at = 0;
  /** The exercise planned through the form (created, never started). */
  let plannedId = '';

  const dispatch = async (command: Command, actor: Actor = FACILITATOR) => {
    const result = await app.backend.handlers['exercise:dispatch']({ id: exerciseId, command, actor });
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    return result.value;
  };
  /** Steps the shared exercise's clock to a scenario time (releasing what falls due). */
  const stepTo = async (minutes: number) => {
    const by = minutes * MINUTE - at;
    if (by > 0) await dispatch({ type: 'step-clock', by });
    at = minutes * MINUTE;
  };
  const inject = (id: string): Inject => {
    const found = scenario.injects.find((i) => i.id === id);
    assert.ok(found, `inject ${id} is in the scenario`);
    return found;
  };
  /** Waits until the journal holds an event of this type that matches. */
  const expectEvent = async (type: string, match: (event: Record<string, unknown>) => boolean) => {
    for (let i = 0; i < 50; i++) {
      const opened = await app.backend.handlers['exercise:open']({ id: exerciseId });
      assert.ok(opened.ok);
      if ((opened.value.events as Record<string, unknown>[]).some((e) => e['type'] === type && match(e))) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`no ${type} event was recorded`);
  };
  const text = (page: Page) => page.locator('body').innerText();
  /** The page stayed inside the app: no errors, no CSP violations, no outside requests. */
  const assertClean = (errors: string[], requests: string[], expected: readonly RegExp[] = []) => {
    const real = errors.filter((e) => !expected.some((known) => known.test(e)));
    assert.deepEqual(real, [], 'no console errors or CSP violations');
    const origin = new URL(app.url).origin;
    const outside = requests.filter((r) => !r.startsWith('data:') && new URL(r).origin !== origin);
    assert.deepEqual(outside, [], 'every request goes to the app itself');
  };

  before(async () => {
    app = await startApp();
    await app.backend.handlers['settings:update']({ language: 'ko' });
    const loaded = await resolveScenario(SCENARIO);
    scenario = loaded.scenario;
    scenarioFile = loaded.file;
    const created = await app.backend.handlers['exercise:create']({
      scenarioFile,
      setup: {
        title: '화면 점검 연습',
        date: '2026-11-30',
        venue: '세종청사',
        marking: '일반 // 훈련 전용',
        language: 'ko',
        participants: [
          { id: 'p-1', name: '김서연', cell: 'msit' },
          { id: 'p-2', name: '윤태경', cell: 'nfa' },
        ],
        evaluators: [{ id: 'ev-1', name: '서윤아 평가관' }],
        clock: { mode: 'stepped' },
      },
    });
    assert.ok(created.ok);
    exerciseId = created.value.id;
    await dispatch({ type: 'start-exercise' });
    await stepTo(20);
  });

  after(async () => {
    await app?.close();
  });

  test('the library lists both shipped scenarios as valid with their counts, and the exercises', async () => {
    const seeded = await seedExercise(app.dataDir, 'nirs-government-datacenter-fire', 'weak', 6);
    const { page, errors, requests } = await app.newPage();
    await page.goto(`${app.url}#/`);
    await page.getByRole('heading', { name: '시나리오 패키지' }).waitFor();
    const cards = page.locator('article.scenario');
    await cards.nth(1).waitFor();
    assert.equal(await cards.count(), 2);
    for (const id of ['pangyo-datacenter-fire', 'nirs-government-datacenter-fire']) {
      const card = cards.filter({ hasText: id });
      assert.match(await card.innerText(), /검증 통과/);
      assert.match(await card.innerText(), /상황 메시지\s*\d+/);
      assert.match(await card.innerText(), /결정 지점\s*\d+/);
      assert.equal(await card.getByRole('button', { name: '연습 계획하기' }).count(), 1);
    }
    const pangyo = await cards.filter({ hasText: 'pangyo-datacenter-fire' }).innerText();
    assert.match(pangyo, new RegExp(`상황 메시지\\s*${scenario.injects.length}`));
    const rows = page.locator('tbody tr');
    await rows.nth(1).waitFor();
    const table = await page.locator('table').innerText();
    assert.match(table, /화면 점검 연습/);
    assert.match(table, new RegExp(seeded));
    assert.match(table, /무결/, 'the journal check is shown');
    const dataDir = await page.locator('code.path').innerText();
    assert.equal(dataDir, app.dataDir);
    assert.match(await text(page), /sitroom export 연습-ID --out 파일\.sitroom --data-dir/);
    await screenshot(page, 'screens-library');
    await viewportShot(page, 'screens-library');
    assertClean(errors, requests);
  });

  test('planning an exercise through the form lands on its console', async () => {
    const { page, errors, requests } = await app.newPage();
    await page.goto(`${app.url}#/`);
    await page.locator('article.scenario').filter({ hasText: 'pangyo-datacenter-fire' }).getByRole('button', { name: '연습 계획하기' }).click();
    await page.getByRole('heading', { name: '연습 정보' }).waitFor();
    assert.match(await text(page), /설계 경고/, 'lint is shown before anything starts');
    assert.equal(await page.getByLabel('보안 등급 표시').inputValue(), ko(scenario.marking.classification));
    const players = scenario.cells.filter((c) => c.role === 'player');
    assert.equal(await page.locator('[id^="participant-name-"]').count(), players.length, 'one row per player cell');

    // Validation: an empty title is refused with a message, and nothing is created.
    await page.getByLabel('연습 명칭').fill('');
    await page.getByRole('button', { name: '연습 만들기' }).click();
    await page.getByRole('alert').filter({ hasText: '연습 명칭을 입력하십시오.' }).waitFor();

    await page.getByLabel('연습 명칭').fill('판교 화재 계획 점검');
    await page.getByLabel('장소').fill('정부세종청사 훈련장');
    await page.getByLabel('참가자 1 이름').fill('한지훈');
    await page.getByLabel('참가자 2 이름').fill('김서연');
    await page.getByLabel('평가관 1 이름').fill('문현우');
    await page.getByLabel('압축').check();
    await page.getByLabel(/배속/).fill('30');
    await screenshot(page, 'screens-new-exercise');
    await viewportShot(page, 'screens-new-exercise');
    await page.getByRole('button', { name: '연습 만들기' }).click();
    await page.waitForURL(/#\/exercise\/[^/]+\/console$/);
    const id = decodeURIComponent(/#\/exercise\/([^/]+)\/console$/.exec(page.url())?.[1] ?? '');
    const listed = await app.backend.handlers['exercise:list']({});
    assert.ok(listed.ok);
    const created = listed.value.find((e) => e.id === id);
    assert.ok(created, 'the new exercise is in the list');
    plannedId = id;
    assert.equal(created.title, '판교 화재 계획 점검');
    const opened = await app.backend.handlers['exercise:open']({ id });
    assert.ok(opened.ok);
    const setup = (opened.value.events[0] as { participants: unknown; evaluators: unknown; clock: unknown });
    assert.deepEqual(setup.participants, [
      { id: 'p-1', name: '한지훈', cell: players[0]!.id },
      { id: 'p-2', name: '김서연', cell: players[1]!.id },
    ]);
    assert.deepEqual(setup.evaluators, [{ id: 'ev-1', name: '문현우' }]);
    assert.deepEqual(setup.clock, { mode: 'compressed', speed: 30 });
    assertClean(errors, requests);
  });

  test('the situation display shows public injects live, never addressed ones or facilitator notes', async () => {
    const { page, errors, requests } = await app.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${app.url}#/exercise/${exerciseId}/display`);
    const publicInject = inject('inj-services-fail');
    assert.equal(publicInject.visibility, 'public');
    await page.getByText(ko(publicInject.title)).waitFor();
    const addressed = inject('inj-skcc-notify');
    assert.equal(addressed.visibility, 'addressed');
    let body = await text(page);
    assert.ok(!body.includes(ko(addressed.title)), 'an addressed inject is not on the wall');
    const notes = publicInject.notes;
    assert.ok(notes && typeof notes !== 'string');
    assert.ok(!body.includes(notes.ko.slice(0, 30)), 'facilitator notes are not on the wall');
    assert.equal(await page.getByRole('button').count(), 0, 'the display has no controls');
    assert.match(body, /T\+00:20/);

    // Live: releasing the next public inject reaches the wall without a reload.
    const next = inject('inj-naver-errors');
    assert.equal(next.visibility, 'public');
    await stepTo(45);
    await page.getByText(ko(next.title)).waitFor();
    await dispatch({ type: 'set-alert-level', level: 'caution', reason: '전국 장애 확인' }, { person: 'p-1', cell: 'msit' });
    await page.locator('.alert-caution').getByText('주의').waitFor();
    body = await text(page);
    assert.ok(!body.includes(ko(inject('inj-kakao-learns').title)), 'a later addressed inject stays off the wall');
    assert.match(body, /서비스 현황/);
    assert.match(body, /중단/);
    await screenshot(page, 'screens-display');
    assertClean(errors, requests);
  });

  test('a cell sees its own and public injects but not another cell’s, and answers its decision point', async () => {
    await stepTo(94); // inj-power-request (T+01:33) opens dp-power for NFA and MSIT
    const { page, errors, requests } = await app.newPage();
    await page.goto(`${app.url}#/exercise/${exerciseId}/cell/nfa`);
    const own = inject('inj-119-call');
    assert.deepEqual(own.to, ['nfa']);
    await page.getByRole('heading', { name: ko(own.title) }).waitFor();
    const body = await text(page);
    assert.ok(!body.includes(ko(inject('inj-skcc-notify').title)), 'MSIT’s addressed inject is not shown to NFA');
    assert.ok(!body.includes(ko(inject('inj-kakao-learns').title)), 'nor is another of MSIT’s');
    assert.ok(body.includes(ko(inject('inj-services-fail').title)), 'public injects are shown');
    const point = inject('inj-power-request').decision;
    assert.ok(point);
    for (const option of point.options) {
      const rationale = typeof option.rationale === 'string' ? option.rationale : option.rationale.ko;
      assert.ok(!body.includes(rationale.slice(0, 25)), 'doctrine rationale of options is not shown');
    }
    assert.ok(!/score|점수/i.test(body), 'no option scores');

    // Acknowledge the message addressed to the cell.
    const card = page.locator('article.inject').filter({ has: page.getByRole('heading', { name: ko(own.title) }) });
    await card.getByRole('button', { name: '수신 확인' }).click();
    await card.getByText('수신 확인함').waitFor();
    await page.getByRole('status').filter({ hasText: /기록됨 #\d+ · [0-9a-f]{12}/ }).waitFor();

    // Share it with another cell; the record says so.
    await card.getByLabel('공유 대상').selectOption('kisa');
    await card.getByRole('button', { name: '공유', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /기록됨 #\d+/ }).waitFor();
    await expectEvent('inject-shared', (e) => e['inject'] === own.id && JSON.stringify(e['toCells']) === '["kisa"]');

    // Answer the open decision point with an option and a rationale.
    const chosen = point.options.find((o) => o.id === 'power-b');
    assert.ok(chosen);
    const prompt = typeof point.prompt === 'string' ? point.prompt : point.prompt.ko;
    const form = page.locator('form').filter({ has: page.getByRole('group', { name: prompt }) });
    await form.getByLabel(ko(chosen.label)).check();
    await form.getByLabel('판단 근거').fill('지휘관과 합의한 10분 사전 통보 뒤 차단');
    await viewportShot(page, 'screens-cell-decision');
    await form.getByRole('button', { name: '결정 기록' }).click();
    const record = page.getByRole('region', { name: '우리 셀의 기록' });
    await record.getByText(ko(chosen.label)).waitFor();
    await record.getByText('지휘관과 합의한 10분 사전 통보 뒤 차단').waitFor();
    const ack = await page.getByRole('status').filter({ hasText: /기록됨 #/ }).innerText();
    const opened = await app.backend.handlers['exercise:open']({ id: exerciseId });
    assert.ok(opened.ok);
    assert.equal(ack, `기록됨 #${opened.value.head.seq} · ${opened.value.head.hash.slice(0, 12)}`, 'the ack names the journal head');
    const decision = (opened.value.events as { type: string; cell?: string; actor: Actor; choice?: unknown }[]).find((e) => e.type === 'decision-recorded');
    assert.deepEqual(decision?.choice, { point: point.id, option: 'power-b' });
    assert.deepEqual(decision?.actor, { person: 'p-2', cell: 'nfa' }, 'recorded as the cell’s participant');
    assert.equal(await page.getByRole('group', { name: prompt }).count(), 0, 'the decided point is no longer open');

    // Log an action against one of the cell's critical tasks.
    await page.getByLabel('우리 셀이 한 조치').fill('현장지휘소 설치, 과기정통부에 유선 통보');
    const task = scenario.tasks.find((t) => t.cells.includes('nfa'));
    assert.ok(task);
    await page.getByLabel(ko(task.text)).check();
    await page.getByRole('button', { name: '조치 기록' }).click();
    await record.getByText('현장지휘소 설치, 과기정통부에 유선 통보').waitFor();
    await screenshot(page, 'screens-cell');
    await viewportShot(page, 'screens-cell');
    assertClean(errors, requests);
  });

  test('an evaluator records an observation and rates a target P, and the rating shows', async () => {
    const { page, errors, requests } = await app.newPage();
    await page.goto(`${app.url}#/exercise/${exerciseId}/evaluate`);
    await page.getByLabel('평가관', { exact: true }).waitFor();
    assert.equal(await page.getByLabel('평가관', { exact: true }).inputValue(), 'ev-1');
    const target = scenario.targets[0];
    assert.ok(target);
    const card = page.locator('article.target').filter({ has: page.getByRole('heading', { name: ko(target.text) }) });
    assert.match(await card.innerText(), /아직 평가하지 않았습니다/);
    assert.match(await text(page), /문제없이 수행/, 'the P/S/M/U definitions are on screen');

    await page.getByLabel('관찰한 내용').fill('과기정통부가 2분 만에 상황실을 개소함');
    await page.getByLabel('관찰 대상 셀(선택)').selectOption('msit');
    await page.getByRole('button', { name: '관찰 기록' }).click();
    await page.getByRole('region', { name: /관찰 기록 \(1\)/ }).getByText('과기정통부가 2분 만에 상황실을 개소함').waitFor();

    await card.getByRole('radio', { name: /^P/ }).check();
    await card.getByLabel('평가 근거').fill('1시간 이내 개소, 대책본부 격상 적시');
    await card.getByRole('button', { name: '등급 기록' }).click();
    await card.locator('.badge.rating-P').waitFor();
    assert.match(await card.innerText(), /서윤아 평가관/);
    assert.match(await card.innerText(), /1시간 이내 개소, 대책본부 격상 적시/);
    await page.getByRole('status').filter({ hasText: /기록됨 #\d+/ }).waitFor();
    await screenshot(page, 'screens-evaluator');
    await viewportShot(page, 'screens-evaluator');
    assertClean(errors, requests);
  });

  test('the hot wash records a note per cell and a participant feedback form', async () => {
    const { page, errors, requests } = await app.newPage();
    await page.goto(`${app.url}#/exercise/${exerciseId}/hotwash`);
    await page.getByRole('heading', { name: '강평 의견 추가' }).waitFor();
    await page.getByLabel('셀', { exact: true }).selectOption('msit');
    await page.getByLabel('잘한 점', { exact: true }).check();
    await page.getByLabel('핵심 역량(선택)').selectOption('cap-opcoord');
    await page.getByLabel('의견', { exact: true }).fill('정부 메신저로 즉시 전환해 소통 공백이 없었다');
    await page.getByRole('button', { name: '의견 추가' }).click();
    const notes = page.getByRole('region', { name: '셀별 강평 의견' });
    await notes.getByText('정부 메신저로 즉시 전환해 소통 공백이 없었다').waitFor();
    assert.match(await notes.innerText(), /과학기술정보통신부/);

    await page.getByLabel('참가자', { exact: true }).selectOption('p-2');
    for (const group of ['연습은 잘 설계되고', '시나리오는 현실적', '상황 메시지는', '진행자가', '나의 역할']) {
      await page.getByRole('group', { name: new RegExp(group) }).getByRole('radio', { name: /^4/ }).check();
    }
    await page.getByLabel('잘한 점 1', { exact: true }).fill('현실적인 상황 전개');
    await page.getByLabel('개선할 점 1', { exact: true }).fill('셀 간 공유 절차 안내');
    await page.getByLabel('기타 의견').fill('유익했습니다');
    await page.getByRole('button', { name: '설문 기록' }).click();
    const received = page.getByRole('region', { name: /받은 설문 \(1\)/ });
    await received.getByText('현실적인 상황 전개').waitFor();
    assert.match(await received.innerText(), /윤태경/);
    assert.match(await received.innerText(), /4\.0/);
    await screenshot(page, 'screens-hotwash');
    await viewportShot(page, 'screens-hotwash');
    const opened = await app.backend.handlers['exercise:open']({ id: exerciseId });
    assert.ok(opened.ok);
    const feedback = (opened.value.events as { type: string; actor: Actor; ratings?: unknown[] }[]).find((e) => e.type === 'feedback-recorded');
    assert.deepEqual(feedback?.actor, { person: 'p-2', cell: 'nfa' });
    assert.equal(feedback?.ratings?.length, 5);
    assertClean(errors, requests);
  });

  test('a refused command is shown inline with the reason, and nothing is recorded', async () => {
    assert.ok(plannedId, 'the planning test ran first');
    const { page, errors, requests } = await app.newPage();
    await page.goto(`${app.url}#/exercise/${plannedId}/evaluate`);
    const card = page.locator('article.target').first();
    await card.waitFor().catch(async (error: unknown) => {
      await screenshot(page, 'screens-refused-failure');
      throw error;
    });
    await card.getByRole('radio', { name: /^U/ }).check();
    await card.getByRole('button', { name: '등급 기록' }).click();
    // The engine's refusal, in the reader's language (Korean here).
    await card.getByRole('alert').filter({ hasText: '훈련이 아직 시작되지 않았습니다' }).waitFor();
    assert.equal(await page.getByRole('status').filter({ hasText: /기록됨/ }).count(), 0, 'no acknowledgement');
    const opened = await app.backend.handlers['exercise:open']({ id: plannedId });
    assert.ok(opened.ok);
    assert.equal(opened.value.head.seq, 1, 'only the creation is on the record');
    // The browser logs the refusal's HTTP status (409) itself; that is the refusal under test.
    assertClean(errors, requests, [/^console: .* 409 \(Conflict\) @ http:\/\/[^/]+\/api\/exercise:dispatch$/]);
  });

  test('switching the language to English changes the labels and is saved', async () => {
    const { page, errors, requests } = await app.newPage();
    await page.goto(`${app.url}#/`);
    await page.getByRole('heading', { name: '시나리오 패키지' }).waitFor();
    await page.locator('#library-language').selectOption('en');
    await page.getByRole('heading', { name: 'Scenario packages' }).waitFor();
    await page.getByRole('button', { name: 'Plan an exercise' }).first().waitFor();
    assert.match(await text(page), /Exercises on this computer/);
    const settings = await app.backend.handlers['settings:get']({});
    assert.ok(settings.ok);
    assert.equal(settings.value.language, 'en');
    await screenshot(page, 'screens-library-en');
    await viewportShot(page, 'screens-library-en');
    await page.goto(`${app.url}#/exercise/${exerciseId}/cell/nfa`);
    await page.getByRole('heading', { name: 'Decisions your cell owes' }).waitFor();
    await app.backend.handlers['settings:update']({ language: 'ko' });
    assertClean(errors, requests);
  });
});
