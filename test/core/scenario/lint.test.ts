import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../../src-main/core/scenario/index.ts';
import { fixture } from '../../helpers/paths.ts';

const minimal = readFileSync(fixture('scenarios', 'minimal.yaml'), 'utf8');

function warningsFor(text: string): string[] {
  const result = loadScenario(text);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  return result.warnings.map((w) => `${w.code} ${w.message}`);
}

function edit(from: string, to: string): string {
  assert.ok(minimal.includes(from), `fixture has ${from}`);
  return minimal.replace(from, to);
}

describe('design-time lint', () => {
  test('a critical task that no inject expects is flagged', () => {
    const w = warningsFor(edit('    expects: [task-room]\n', ''));
    assert.ok(w.some((m) => m.startsWith('lint/task-not-expected') && m.includes('"task-room"')), w.join('\n'));
  });

  test('an objective with no capability target is flagged', () => {
    const w = warningsFor(edit('  - { id: obj-2, title: Warn the public }', '  - { id: obj-2, title: Warn the public }\n  - { id: obj-3, title: Never rated }'));
    assert.ok(w.some((m) => m.startsWith('lint/objective-without-target') && m.includes('"obj-3"')), w.join('\n'));
  });

  test('a locked inject that no option unlocks is unreachable', () => {
    const w = warningsFor(edit('unlocks: [inj-praise]', 'unlocks: []'));
    assert.ok(w.some((m) => m.startsWith('lint/unreachable-inject') && m.includes('"inj-praise"')), w.join('\n'));
  });

  test('an inject scheduled after the span is unreachable', () => {
    const w = warningsFor(edit('at: T+08:00', 'at: T+30:00'));
    assert.ok(w.some((m) => m.startsWith('lint/unreachable-inject') && m.includes('"inj-restore"')), w.join('\n'));
  });

  test('an option that unlocks an inject that is not locked is flagged', () => {
    const w = warningsFor(edit('unlocks: [inj-praise]', 'unlocks: [inj-praise, inj-restore]'));
    assert.ok(w.some((m) => m.startsWith('lint/unlocks-unlocked-inject') && m.includes('"inj-restore"')), w.join('\n'));
  });

  test('trigger conditions that wait on each other are flagged', () => {
    const text = edit('    at: T+08:00', '    trigger: { when: { released: inj-reserve } }').replace(
      '    contingency: true\n',
      '    contingency: true\n    trigger: { when: { released: inj-restore } }\n',
    );
    const w = warningsFor(text);
    assert.ok(w.some((m) => m.startsWith('lint/trigger-cycle')), w.join('\n'));
  });

  test('a player cell that receives nothing is flagged', () => {
    const text = minimal.replaceAll('to: [all]', 'to: [msit]').replace('  - { id: kisa,', '  - { id: nis, name: NIS, agency: NIS, kind: intelligence, role: player }\n  - { id: kisa,');
    const w = warningsFor(text);
    assert.ok(w.some((m) => m.startsWith('lint/cell-receives-nothing') && m.includes('"nis"')), w.join('\n'));
    assert.ok(!w.some((m) => m.includes('"kisa"')), 'kisa receives inj-smish');
  });

  test('a timer whose start can never happen, or that outlasts the span, is flagged', () => {
    const never = warningsFor(edit('start: { service: { id: chat, state: down } }', 'start: { service: { id: chat, state: degraded } }').replace('dependsOn: [{ service: login, kind: soft }, { service: power, kind: hard }]', 'dependsOn: []'));
    assert.ok(never.some((m) => m.startsWith('lint/timer-never-satisfiable') && m.includes('can never start')), never.join('\n'));
    const tooLong = warningsFor(edit('    limit: 2h', '    limit: 2d'));
    assert.ok(tooLong.some((m) => m.startsWith('lint/timer-never-satisfiable') && m.includes('longer than the scenario span')), tooLong.join('\n'));
  });
});
