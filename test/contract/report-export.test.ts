/**
 * `report:export` end to end through the backend handler: a real ended exercise on disk, AAR edits
 * dispatched as commands, and the report read back from the journal in several formats.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channels } from '../../src-main/contract/channels.ts';
import { createBackend, type Backend } from '../../src-main/services/app-backend.ts';
import { seedExercise } from '../e2e/harness.ts';

const FACILITATOR = { person: 'facilitator', cell: 'control' } as const;
let dataDir = '';
let backend: Backend;
let id = '';

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sitroom-report-export-'));
  id = await seedExercise(dataDir, 'pangyo-datacenter-fire', 'strong');
  backend = await createBackend({ dataDir, ticker: false });
});

after(async () => {
  await backend.close();
  await rm(dataDir, { recursive: true, force: true });
});

type Command = Parameters<Backend['handlers']['exercise:dispatch']>[0]['command'];
async function dispatch(command: Command) {
  const result = await backend.handlers['exercise:dispatch']({ id, command, actor: FACILITATOR });
  assert.ok(result.ok, result.ok ? '' : result.error.message);
}

async function exported(format: 'html' | 'json' | 'md', lang: 'en' | 'ko' = 'en') {
  const result = await backend.handlers['report:export']({ id, format, lang });
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  assert.ok(channels['report:export'].response.safeParse(result.value).success, 'the answer fits the contract');
  return { ...result.value, text: Buffer.from(result.value.base64, 'base64').toString('utf8') };
}

test('the exported report carries the drafted items and drops DRAFT once finalised', async () => {
  await dispatch({ type: 'save-aar-item', id: 'i-notice', item: { kind: 'improvement', capability: 'cap-pubinfo', cell: 'msit', text: 'Users waited for the outage notice', reference: 'Disaster plan 4.2', analysis: 'No pre-approved template' } });
  await dispatch({
    type: 'save-aar-item',
    id: 'p-notice',
    item: {
      kind: 'plan',
      capability: 'cap-pubinfo',
      improvement: 'i-notice',
      issue: 'Users waited for the outage notice',
      correctiveAction: 'Pre-approve a bilingual outage notice template',
      element: 'planning',
      organisation: 'MSIT',
      contact: 'Network policy division',
      start: '2026-12-01',
      completion: '2027-03-31',
      priority: 'high',
      status: 'not-started',
    },
  });

  const draft = await exported('json');
  assert.equal(draft.mime, 'application/json');
  assert.match(draft.filename, /-aar-en\.json$/);
  const model = JSON.parse(draft.text) as { meta: { status: string; journal: { seq: number } } };
  assert.equal(model.meta.status, 'draft');
  assert.match(draft.text, /Pre-approve a bilingual outage notice template/);

  const html = await exported('html');
  assert.match(html.mime, /^text\/html/);
  assert.match(html.text, /Users waited for the outage notice/);
  assert.match(html.text, /No pre-approved template/);

  await dispatch({ type: 'finalise-aar' });
  const final = JSON.parse((await exported('json')).text) as { meta: { status: string; journal: { seq: number } } };
  assert.equal(final.meta.status, 'final');
  assert.ok(final.meta.journal.seq > model.meta.journal.seq, 'the report names the newer journal head');
});

test('an unknown exercise is refused in words, not thrown', async () => {
  const result = await backend.handlers['report:export']({ id: 'no-such-exercise', format: 'md' });
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.error.code, 'refused');
    assert.match(result.error.message, /^The report could not be built: .*no-such-exercise/);
  }
});
