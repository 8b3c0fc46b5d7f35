// `sitroom pack` as a person runs it: four PDFs for the flagship scenario in Korean, the inject
// cards one per page (page count = injects + the cover) with the marking and banner on every page
// and each card's inject where it belongs, Noto Sans KR embedded; and the errors it explains.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mselOrder } from '../../src-main/core/pack/index.ts';
import { resolveScenario } from '../../src-main/services/scenario-library.ts';
import { pdfFonts, pdfPages, sitroom, squash } from '../services/report/support.ts';

describe('sitroom pack', () => {
  test('writes the situation manual, inject cards, evaluation guides and feedback form as marked PDFs', async () => {
    const out = await mkdtemp(join(tmpdir(), 'sitroom-pack-'));
    const result = await sitroom('pack', 'pangyo-datacenter-fire', '--out', out, '--lang', 'ko');
    assert.equal(result.code, 0, result.stderr);
    const files = (await readdir(out)).sort();
    assert.deepEqual(files, ['evaluation-guide', 'feedback-form', 'inject-cards', 'situation-manual'].map((d) => `pangyo-datacenter-fire-${d}-ko.pdf`));
    assert.equal(result.stdout.trim().split('\n').length, 4);

    const { scenario } = await resolveScenario('pangyo-datacenter-fire');
    const marking = squash('일반 // 훈련 전용');
    const cards = await pdfPages(join(out, 'pangyo-datacenter-fire-inject-cards-ko.pdf'));
    assert.equal(cards.length, scenario.injects.length + 1, 'one page per inject, plus the cover');
    mselOrder(scenario.injects).forEach((inject, i) => {
      const page = squash(cards[i + 1]!);
      assert.ok(page.includes(squash(`상황 메시지 ${inject.id}`)), `page ${i + 2} is not the card of ${inject.id}`);
    });
    for (const file of files) {
      const pages = await pdfPages(join(out, file));
      pages.forEach((page, i) => {
        assert.ok(squash(page).includes(marking), `${file} page ${i + 1} has no marking`);
        assert.ok(squash(page).includes(squash('연습 상황')), `${file} page ${i + 1} has no EXERCISE banner`);
      });
      const fonts = await pdfFonts(join(out, file));
      assert.ok(fonts.some((f) => /NotoSansKR/.test(f.name)) && fonts.every((f) => f.embedded), `${file}: ${JSON.stringify(fonts)}`);
    }
    const guides = await pdfPages(join(out, 'pangyo-datacenter-fire-evaluation-guide-ko.pdf'));
    assert.ok(guides.length >= scenario.capabilities.length + 1, 'a sheet per capability, each on its own page');
    assert.ok(squash((await pdfPages(join(out, 'pangyo-datacenter-fire-situation-manual-ko.pdf'))).join('')).includes(squash('토의 질문')));
  });

  test('explains an unknown scenario, a bad language and a missing --out', async () => {
    const out = await mkdtemp(join(tmpdir(), 'sitroom-pack-'));
    const unknown = await sitroom('pack', 'no-such-scenario', '--out', out);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /^pack: no scenario with id "no-such-scenario"/);
    assert.doesNotMatch(unknown.stderr, /\n\s+at /, 'no stack trace');
    const lang = await sitroom('pack', 'pangyo-datacenter-fire', '--out', out, '--lang', 'fr');
    assert.equal(lang.code, 2);
    assert.match(lang.stderr, /--lang takes en or ko, not "fr"/);
    const noOut = await sitroom('pack', 'pangyo-datacenter-fire');
    assert.equal(noOut.code, 2);
    assert.match(noOut.stderr, /pack needs --out DIR/);
    assert.deepEqual(await readdir(out), []);
  });
});
