import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINE_ERROR_CODES } from '../../../src-main/core/engine/index.ts';
import { CATALOGS } from '../../../src-main/core/i18n/translate.ts';
import { refusalText } from '../../../src-main/core/i18n/refusal-text.ts';

test('every engine refusal code has a sentence in Korean and English', () => {
  for (const code of ENGINE_ERROR_CODES) {
    const key = `refusal.${code}` as keyof (typeof CATALOGS)['ko'];
    assert.ok(CATALOGS.ko[key], `no Korean sentence for ${code}`);
    assert.match(CATALOGS.ko[key], /[가-힣]/, `the Korean sentence for ${code} is not Korean`);
    assert.ok(CATALOGS.en[key], `no English sentence for ${code}`);
  }
});

test('an English reader gets the engine’s precise message; a Korean reader the sentence for its code', () => {
  const error = { code: 'decision-already-recorded', message: 'A decision for "dp-power" was already recorded at #12.' } as const;
  assert.equal(refusalText('en', error), error.message);
  assert.equal(refusalText('ko', error), '이 결정 사항에는 이미 결정이 기록되어 있습니다.');
});
