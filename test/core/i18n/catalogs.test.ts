import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOGS, duplicateKeys, placeholdersOf, translate } from '../../../src-main/core/i18n/translate.ts';
import type { MessageKey } from '../../../src-main/core/i18n/translate.ts';

const keys = Object.keys(CATALOGS.en) as MessageKey[];

test('the Korean catalog has every English key, none empty, with the same placeholders', () => {
  assert.deepEqual(Object.keys(CATALOGS.ko).sort(), [...keys].sort());
  for (const key of keys) {
    assert.ok(CATALOGS.ko[key].trim().length > 0, `ko ${key} is empty`);
    assert.deepEqual(placeholdersOf(CATALOGS.ko[key]), placeholdersOf(CATALOGS.en[key]), `placeholders of ${key}`);
  }
});

test('Korean messages are written in Korean, not left in English', () => {
  const words = (s: string) => s.replace(/\{\w+\}/g, '');
  const untranslated = keys.filter((k) => CATALOGS.ko[k] === CATALOGS.en[k] && /[A-Za-z]{4,}/.test(words(CATALOGS.en[k])) && !/^[A-Z/]+$/.test(CATALOGS.en[k]));
  assert.deepEqual(untranslated, []);
});

test('translate fills placeholders and leaves a missing one visible', () => {
  assert.equal(translate('ko', 'alert.serious'), '심각');
  assert.equal(translate('en', 'alert.serious'), 'Serious');
});

test('no key is defined by two areas', () => {
  assert.deepEqual(duplicateKeys(), []);
});
