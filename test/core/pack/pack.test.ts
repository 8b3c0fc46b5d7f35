// The printable pack as HTML (pure builders): the situation manual's CTEP order and grouping, one
// inject card per inject in MSEL order, one EEG sheet per core capability, the feedback form's
// statements — in English and Korean — and scenario text that can never become markup.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluationGuideHtml, FEEDBACK_ITEMS, feedbackFormHtml, injectCardsHtml, mselOrder, situationManualHtml } from '../../../src-main/core/pack/index.ts';
import type { PackInput } from '../../../src-main/core/pack/index.ts';
import { escapeHtml } from '../../../src-main/core/report/html-escape.ts';
import { translate } from '../../../src-main/core/i18n/translate.ts';
import { loadScenario, localize } from '../../../src-main/core/scenario/index.ts';
import type { Scenario } from '../../../src-main/core/scenario/index.ts';
import { SCENARIOS } from '../../helpers/paths.ts';

function scenario(file: string): Scenario {
  const loaded = loadScenario(readFileSync(join(SCENARIOS, file), 'utf8'));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.scenario;
}

const PANGYO = scenario('pangyo-datacenter-fire.yaml');
const NIRS = scenario('nirs-government-datacenter-fire.yaml');
const input = (s: Scenario, language: 'en' | 'ko'): PackInput => ({ scenario: s, scenarioHash: 'ab'.repeat(32), language, fontFaceCss: '' });
const count = (html: string, needle: string) => html.split(needle).length - 1;
/** The document body without the stylesheet (whose braces would hide a stray {placeholder}). */
const bodyOf = (html: string) => html.slice(html.indexOf('<body'));

for (const language of ['en', 'ko'] as const) {
  describe(`exercise pack (${language})`, () => {
    test('situation manual: overview, objectives, rules, then every module in time order with its questions grouped by cell', () => {
      const html = situationManualHtml(input(PANGYO, language));
      const at = (text: string) => {
        const i = html.indexOf(escapeHtml(text));
        assert.ok(i >= 0, `"${text}" missing`);
        return i;
      };
      const order = ['pack.manual.overview', 'pack.manual.objectives', 'pack.manual.rules', 'pack.manual.modules'] as const;
      const positions = order.map((key) => html.indexOf(`<h2>${escapeHtml(translate(language, key))}</h2>`));
      assert.ok(positions.every((p) => p > 0), String(positions));
      assert.deepEqual([...positions].sort((a, b) => a - b), positions);
      for (const o of PANGYO.objectives) at(localize(o.title, language));
      const modules = PANGYO.modules.map((m, i) => at(translate(language, 'pack.manual.module', { n: i + 1, title: localize(m.title, language) })));
      assert.deepEqual([...modules].sort((a, b) => a - b), modules);
      for (const [i, m] of PANGYO.modules.entries()) {
        const end = modules[i + 1] ?? html.length;
        const section = html.slice(modules[i], end);
        for (const q of m.questions) assert.ok(section.includes(escapeHtml(localize(q.text, language))), `question of ${m.id} outside its module`);
        const groups = new Set(m.questions.map((q) => [...q.cells].sort().join(',')));
        assert.equal(count(section, '<h4>') - 1, groups.size, `${m.id}: one group heading per set of cells (plus "questions")`);
      }
      assert.equal(count(html, '<li>' + escapeHtml(translate(language, 'pack.manual.rule.1'))), 1);
      assert.doesNotMatch(bodyOf(html), /\{\w+\}/, 'no placeholder left untranslated');
    });

    test('inject cards: one page per inject, in MSEL order, with marking, time, from/to, channel and expected tasks', () => {
      const html = injectCardsHtml(input(PANGYO, language));
      assert.equal(count(html, 'class="pk-page pk-card'), PANGYO.injects.length);
      const ids = [...html.matchAll(/data-inject="([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(ids, mselOrder(PANGYO.injects).map((i) => i.id));
      const timed = mselOrder(PANGYO.injects).filter((i) => i.at !== undefined).map((i) => i.at!);
      assert.deepEqual(timed, [...timed].sort((a, b) => Number(a.slice(2).replace(':', '.')) - Number(b.slice(2).replace(':', '.'))));
      const withTasks = PANGYO.injects.find((i) => i.expects.length > 0)!;
      const card = html.slice(html.indexOf(`data-inject="${withTasks.id}"`));
      const task = PANGYO.tasks.find((t) => t.id === withTasks.expects[0])!;
      assert.ok(card.slice(0, card.indexOf('</section>')).includes(escapeHtml(localize(task.text, language))));
      assert.ok(html.includes(escapeHtml(localize(PANGYO.marking.classification, language))));
      for (const key of ['pack.card.from', 'pack.card.to', 'pack.card.channel', 'pack.card.time'] as const) assert.ok(count(html, escapeHtml(translate(language, key))) >= PANGYO.injects.length / 2, key);
      const noted = PANGYO.injects.filter((i) => i.notes !== undefined);
      assert.ok(noted.length > 0);
      for (const inject of noted) assert.ok(!html.includes(escapeHtml(localize(inject.notes!, language))), 'facilitator notes stay off the cards');
    });

    test('evaluation guides: one sheet per core capability with its targets, tasks, P/S/M/U boxes and the evaluator', () => {
      for (const s of [PANGYO, NIRS]) {
        const html = evaluationGuideHtml(input(s, language));
        assert.equal(count(html, 'class="pk-page pk-eeg"'), s.capabilities.length);
        for (const c of s.capabilities) assert.ok(html.includes(escapeHtml(translate(language, 'pack.eeg.sheet', { capability: localize(c.name, language) }))));
        for (const t of s.tasks) assert.ok(html.includes(escapeHtml(localize(t.text, language))), t.id);
        assert.equal(count(html, 'class="pk-target"'), s.targets.filter((t) => s.capabilities.some((c) => c.id === t.capability)).length);
        assert.equal(count(html, escapeHtml(translate(language, 'pack.eeg.evaluator'))), s.capabilities.length);
        assert.equal(count(html, '<span class="pk-box"></span>P</span>'), s.targets.length + s.capabilities.length);
      }
    });

    test('feedback form: the statements the hot-wash screen records, on a 1–5 scale, top three of each', () => {
      const html = feedbackFormHtml(input(NIRS, language));
      for (const item of ['design', 'realism', 'injects', 'facilitation', 'role'] as const) assert.ok(html.includes(escapeHtml(translate(language, `hotwash.item.${item}`))), item);
      assert.equal(count(html, 'class="pk-scale-row"'), FEEDBACK_ITEMS.length);
      assert.equal(count(html, '<li><div class="pk-write"></div></li>'), 6);
    });
  });
}

describe('scenario text cannot become markup', () => {
  test('tags, quotes and links in scenario text print as text; links never become <a>', () => {
    const hostile = '<img src=x onerror="alert(1)"> **bold** [site](http://127.0.0.1/x) & "quotes"';
    const tampered: Scenario = {
      ...NIRS,
      injects: NIRS.injects.map((inject, i) => (i === 0 ? { ...inject, title: '<script>alert(1)</script>', body: hostile } : inject)),
      modules: NIRS.modules.map((m, i) => (i === 0 ? { ...m, summary: hostile } : m)),
    };
    for (const html of [injectCardsHtml(input(tampered, 'en')), situationManualHtml(input(tampered, 'en'))]) {
      const body = bodyOf(html);
      assert.doesNotMatch(body, /<img|<script|<a[\s>]|<[a-z]+ [^>]*onerror/i);
      assert.match(body, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt; <strong>bold<\/strong> site <span class="pk-link">\(http:\/\/127\.0\.0\.1\/x\)<\/span> &amp; &quot;quotes&quot;/);
    }
  });
});
