/**
 * The AAR/IP editor in Chromium against the real backend: an ended exercise (the strong Pangyo
 * playthrough, with its hot-wash notes), drafted from the hot wash, edited in place, a plan row
 * added; the draft survives a reload (it is in the journal); finalising shows FINAL; the HTML
 * export downloads a file with the drafted text.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, chromiumAvailable, screenshot, seedExercise, startApp } from './harness.ts';
import type { App } from './harness.ts';

const skip = !(await chromiumAvailable()) && 'Chromium is not installed at /usr/bin/chromium';
const IMPROVEMENT = '민간 서비스 장애 시 안전안내문자 발송 기준을 사전에 문서로 정해 둘 필요.';
const ACTION = '안전안내문자 발송 기준(민간 서비스 장애) 고시 개정안 마련';

describe('the AAR/IP editor', { skip }, () => {
  let app: App;
  let id = '';

  before(async () => {
    app = await startApp();
    id = await seedExercise(app.dataDir, 'pangyo-datacenter-fire', 'strong');
  });
  after(async () => {
    await app.close();
  });

  const events = async () => {
    const opened = await app.backend.handlers['exercise:open']({ id });
    assert.ok(opened.ok);
    return opened.value.events as { type: string; id?: string }[];
  };
  const section = (page: Page, name: RegExp) => page.getByRole('region', { name });

  test('drafts from the hot wash, edits in place, adds a plan row, keeps it all over a reload, finalises and exports', async () => {
    const { page, errors, requests } = await app.newPage();
    await page.goto(`${app.url}#/exercise/${id}/aar`);
    await page.getByRole('heading', { name: '강평 의견으로 초안 작성' }).waitFor();
    assert.equal(await page.getByRole('link', { name: '사후강평 보고서' }).getAttribute('aria-current'), 'page');
    assert.match(await page.getByTestId('aar-status').innerText(), /초안/);

    // Draft from the hot wash: the strong playthrough has four strengths and four improvements.
    await page.getByRole('button', { name: '의견 8건 초안에 넣기' }).click();
    await page.getByText('강평 의견 8건을 초안에 넣었습니다.').waitFor();
    const strengths = section(page, /^잘한 점 \(\d+\)$/);
    const improvements = section(page, /^개선할 점 \(\d+\)$/);
    await strengths.getByRole('heading', { name: '잘한 점 (4)' }).waitFor();
    await improvements.getByText(IMPROVEMENT).waitFor();
    assert.match(await page.getByText('강평 의견이 모두 초안에 들어 있습니다.').innerText(), /모두/);

    // A strength written by hand.
    await strengths.getByRole('button', { name: '잘한 점 추가' }).click();
    await strengths.getByLabel('잘한 점', { exact: true }).fill('셀 간 공유 절차가 첫 시간 안에 정착됨');
    await strengths.getByRole('button', { name: '저장' }).click();
    await strengths.getByText('셀 간 공유 절차가 첫 시간 안에 정착됨').waitFor();
    await strengths.getByRole('heading', { name: '잘한 점 (5)' }).waitFor();

    // Edit an area for improvement in place: its reference and root-cause analysis.
    const improvement = improvements.getByRole('article', { name: /^민간 서비스 장애 시/ });
    await improvement.getByRole('button', { name: /수정$/ }).click();
    await improvements.getByLabel('근거(계획·SOP·법령)').fill('재난문자방송 기준 및 운영규정 제4조');
    await improvements.getByLabel('분석(근본 원인)').fill('민간 서비스 장애는 발송 기준에 없어 판단이 지연됨');
    await improvements.getByRole('button', { name: '저장' }).click();
    await improvements.getByText('민간 서비스 장애는 발송 기준에 없어 판단이 지연됨').waitFor();

    // A plan row for that area for improvement, from its own button (issue and link prefilled).
    await improvement.getByRole('button', { name: /에 대한 개선계획 추가$/ }).click();
    const plan = section(page, /^개선계획 \(\d+\)$/);
    assert.equal(await plan.getByLabel('문제 / 개선할 점').inputValue(), IMPROVEMENT);
    await plan.getByLabel('개선 조치').fill(ACTION);
    await plan.getByLabel('역량 요소(POETE)').selectOption('planning');
    await plan.getByLabel('주관 기관').fill('행정안전부');
    await plan.getByLabel('담당자').fill('재난안전통신과');
    await plan.getByLabel('시작일').fill('2026-12-01');
    await plan.getByLabel('완료일').fill('2027-02-30');
    await plan.getByRole('button', { name: '저장' }).click();
    await plan.getByText(/YYYY-MM-DD/).first().waitFor();
    await plan.getByRole('alert').filter({ hasText: '실제 있는 날' }).waitFor();
    await plan.getByLabel('완료일').fill('2027-03-31');
    await plan.getByLabel('우선순위').selectOption('high');
    await plan.getByRole('button', { name: '저장' }).click();
    const row = plan.getByRole('row').filter({ hasText: ACTION });
    await row.waitFor();
    assert.match(await row.innerText(), /행정안전부[\s\S]*2026-12-01[\s\S]*2027-03-31[\s\S]*높음/);

    // The engine refuses to orphan the row, and the screen says why — in Korean.
    await improvement.getByRole('button', { name: /삭제$/ }).click();
    await improvement.getByRole('button', { name: '삭제', exact: true }).click();
    await improvement.getByRole('alert').filter({ hasText: '이 개선 필요사항에 대응하는 개선계획 항목이 있습니다' }).waitFor();

    const recorded = await events();
    assert.equal(recorded.filter((e) => e.type === 'aar-item-saved').length, 8 + 1 + 1 + 1);
    await screenshot(page, 'aar-draft');

    // The draft is the journal's: a reload shows the same items.
    await page.reload();
    await section(page, /^잘한 점 \(5\)$/).waitFor();
    await section(page, /^개선할 점 \(4\)$/).getByText('민간 서비스 장애는 발송 기준에 없어 판단이 지연됨').waitFor();
    await section(page, /^개선계획 \(1\)$/).getByRole('row').filter({ hasText: ACTION }).waitFor();

    // Finalise, after a confirm: the badge reads FINAL and editing is closed.
    await page.getByRole('button', { name: '보고서 확정' }).click();
    const dialog = page.getByRole('dialog', { name: '사후강평 보고서를 확정하시겠습니까?' });
    await dialog.getByRole('button', { name: '확정' }).click();
    await page.getByTestId('aar-status').filter({ hasText: '최종' }).waitFor();
    assert.equal(await page.getByRole('button', { name: '잘한 점 추가' }).count(), 0, 'no editing while final');
    assert.equal(await page.getByRole('button', { name: '다시 열어 수정' }).count(), 1);
    assert.equal((await events()).at(-1)?.type, 'aar-finalised');
    await screenshot(page, 'aar-final');

    // Export HTML: a real download, holding the drafted words.
    await page.getByLabel('보고서 언어').selectOption('ko');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'HTML' }).click()]);
    assert.match(download.suggestedFilename(), /-aar-ko\.html$/);
    const saved = join(ARTIFACTS, 'aar-export.html');
    await download.saveAs(saved);
    const html = await readFile(saved, 'utf8');
    assert.ok(html.includes(ACTION), 'the plan row is in the report');
    assert.ok(html.includes('셀 간 공유 절차가 첫 시간 안에 정착됨'), 'the hand-written strength is in the report');
    assert.ok(html.includes('최종본') && !html.includes('초안'), 'a finalised report carries no DRAFT marking');
    await page.getByRole('status').filter({ hasText: '파일을 저장했습니다' }).waitFor();

    // In the projector theme too.
    await page.getByLabel('화면 테마').selectOption('projector');
    await screenshot(page, 'aar-projector');

    const origin = new URL(app.url).origin;
    assert.deepEqual(errors, [], 'no console errors or CSP violations');
    assert.deepEqual(
      requests.filter((r) => !r.startsWith('data:') && !r.startsWith('blob:') && new URL(r).origin !== origin),
      [],
      'every request stays in the app',
    );
  });

  test('reopening needs a confirm and brings DRAFT back', async () => {
    const { page, errors } = await app.newPage();
    await page.goto(`${app.url}#/exercise/${id}/aar`);
    await page.getByTestId('aar-status').filter({ hasText: '최종' }).waitFor();
    await page.getByRole('button', { name: '다시 열어 수정' }).click();
    const dialog = page.getByRole('dialog', { name: '보고서를 다시 열어 수정하시겠습니까?' });
    await dialog.getByRole('button', { name: '취소' }).click();
    assert.match(await page.getByTestId('aar-status').innerText(), /최종/, 'cancel changes nothing');
    await page.getByRole('button', { name: '다시 열어 수정' }).click();
    await dialog.getByRole('button', { name: '다시 열기' }).click();
    await page.getByTestId('aar-status').filter({ hasText: '초안' }).waitFor();
    await page.getByRole('button', { name: '잘한 점 추가' }).waitFor();
    assert.equal((await events()).at(-1)?.type, 'aar-reopened');
    assert.deepEqual(errors, []);
  });
});
