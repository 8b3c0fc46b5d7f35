import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHANNEL_NAMES, PUSH_EVENT_NAMES } from '../../src-main/contract/channels.ts';
import { CHANNEL_NAME_LIST, PUSH_EVENT_NAME_LIST } from '../../src-main/contract/names.ts';

test('the zod-free name lists the preload uses equal the contract', () => {
  assert.deepEqual([...CHANNEL_NAME_LIST].sort(), [...CHANNEL_NAMES].sort());
  assert.deepEqual([...PUSH_EVENT_NAME_LIST].sort(), [...PUSH_EVENT_NAMES].sort());
});

test('channel names read domain:verb-noun', () => {
  for (const name of [...CHANNEL_NAMES, ...PUSH_EVENT_NAMES]) assert.match(name, /^[a-z]+:[a-z]+(-[a-z]+)*$/);
});
