// The verifier's fast canonical-form check must agree with the RFC 8785 canonicalizer on every
// input: it is only an accelerator, never a second opinion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalJson } from '../../src-main/store/journal/entry.ts';
import { isCanonicalJsonText } from '../../src-main/store/journal/canonical-text.ts';

function exact(text: string, value: unknown): boolean {
  try {
    return canonicalJson(value) === text;
  } catch {
    return false;
  }
}

// Keys include integer-like ones (JavaScript iterates those first) and non-ASCII ones (UTF-16 order).
const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('0', '1', '10', '9', '가', 'a', 'B', '\u{1F600}', '__proto__x'));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.string({ unit: 'binary', maxLength: 4 }), // may hold lone surrogates
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value;

test('the fast check agrees with the canonicalizer on canonical, JSON.stringify and reordered texts', () => {
  fc.assert(
    fc.property(json, (value) => {
      const texts = [JSON.stringify(value)];
      try {
        texts.push(canonicalJson(value));
      } catch {
        // not representable canonically (lone surrogate): only the stringify form is checked
      }
      for (const text of texts) {
        const parsed: unknown = JSON.parse(text);
        assert.equal(isCanonicalJsonText(text, parsed), exact(text, parsed), text);
      }
    }),
    { numRuns: 3000 },
  );
});

test('known cases: whitespace, key order, integer-like keys, escapes, number forms', () => {
  const cases: [string, boolean][] = [
    ['{"a":1,"b":2}', true],
    ['{"b":2,"a":1}', false],
    ['{"a": 1}', false],
    ['{"10":1,"9":2}', true], // UTF-16 order, though JavaScript iterates 9 before 10
    ['{"9":2,"10":1}', false],
    ['"\\u00e9"', false], // RFC 8785 writes é as itself
    ['"é"', true],
    ['"\\ud800"', false], // a lone surrogate has no canonical form
    ['1.0', false],
    ['1e3', false],
    ['1000', true],
    ['[1,{"가":true,"a":null}]', false], // U+AC00 sorts after a
    ['[1,{"a":null,"가":true}]', true],
  ];
  for (const [text, expected] of cases) {
    assert.equal(isCanonicalJsonText(text, JSON.parse(text)), expected, text);
    assert.equal(exact(text, JSON.parse(text)), expected, `canonicalizer on ${text}`);
  }
});
