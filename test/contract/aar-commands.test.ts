import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CommandSchema } from '../../src-main/contract/commands.ts';
import { channels } from '../../src-main/contract/channels.ts';

const plan = {
  kind: 'plan',
  capability: 'cap-pubinfo',
  improvement: 'i-1',
  issue: 'No notice template',
  correctiveAction: 'Pre-approve a bilingual notice',
  element: 'planning',
  organisation: 'MSIT',
  contact: 'Kim',
  start: '2026-06-01',
  completion: '',
  priority: 'high',
  status: 'in-progress',
};

test('the AAR commands parse with their items, and only well-formed ones', () => {
  const good = [
    { type: 'save-aar-item', id: 's-1', item: { kind: 'strength', capability: 'cap-opcoord', cell: null, text: 'Fast' } },
    { type: 'save-aar-item', id: 'i-1', item: { kind: 'improvement', capability: 'cap-pubinfo', cell: 'msit', text: 'Late', reference: '', analysis: '' } },
    { type: 'save-aar-item', id: 'p-1', item: plan },
    { type: 'remove-aar-item', id: 'p-1' },
    { type: 'finalise-aar' },
    { type: 'reopen-aar' },
  ];
  for (const command of good) assert.ok(CommandSchema.safeParse(command).success, JSON.stringify(command));

  const bad = [
    { type: 'save-aar-item', id: 'p-1', item: { ...plan, start: '2026-02-30' } },
    { type: 'save-aar-item', id: 'p-1', item: { ...plan, completion: '2026/09/30' } },
    { type: 'save-aar-item', id: 'p-1', item: { ...plan, element: 'people' } },
    { type: 'save-aar-item', id: 'p-1', item: { ...plan, status: 'done' } },
    { type: 'save-aar-item', id: 'p-1', item: { ...plan, extra: 1 } },
    { type: 'save-aar-item', id: 'has space', item: plan },
    { type: 'save-aar-item', id: '', item: plan },
    { type: 'save-aar-item', id: 's-1', item: { kind: 'strength', capability: 'cap-opcoord', cell: null, text: 'x'.repeat(5_001) } },
    { type: 'save-aar-item', id: 's-1', item: { kind: 'lesson', capability: 'cap-opcoord', cell: null, text: 'x' } },
    { type: 'remove-aar-item' },
    { type: 'finalise-aar', id: 'x' },
  ];
  for (const command of bad) assert.equal(CommandSchema.safeParse(command).success, false, JSON.stringify(command));
});

test('report:export takes one of the six formats and an optional language, and answers base64', () => {
  const { request, response } = channels['report:export'];
  for (const format of ['pdf', 'docx', 'html', 'md', 'json', 'csv']) assert.ok(request.safeParse({ id: 'x', format }).success, format);
  assert.ok(request.safeParse({ id: 'x', format: 'pdf', lang: 'ko' }).success);
  assert.equal(request.safeParse({ id: 'x', format: 'exe' }).success, false);
  assert.equal(request.safeParse({ id: 'x', format: 'pdf', lang: 'fr' }).success, false);
  assert.equal(request.safeParse({ id: 'x', format: 'pdf', path: '/etc/passwd' }).success, false, 'a request never names a path');
  assert.ok(response.safeParse({ filename: 'a-aar-en.html', mime: 'text/html; charset=utf-8', base64: Buffer.from('<p>hi</p>').toString('base64') }).success);
  assert.equal(response.safeParse({ filename: 'a.html', mime: 'text/html', base64: 'not base64!' }).success, false);
});
