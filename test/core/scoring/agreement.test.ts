import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cohenKappa, fleissKappa, pairAgreement } from '../../../src-main/core/scoring/index.ts';

/** n copies of one rated item. */
const times = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => item);

function table2x2(yesYes: number, yesNo: number, noYes: number, noNo: number): [string, string][] {
  return [...times(yesYes, ['yes', 'yes'] as [string, string]), ...times(yesNo, ['yes', 'no'] as [string, string]), ...times(noYes, ['no', 'yes'] as [string, string]), ...times(noNo, ['no', 'no'] as [string, string])];
}

/** A subject rated by raters whose categories are given as counts per category (Fleiss' table row). */
function row(counts: readonly number[]): string[] {
  return counts.flatMap((n, category) => times(n, String(category + 1)));
}

const close = (actual: number | null, expected: number, digits = 3) => {
  assert.ok(actual !== null, 'kappa is defined');
  assert.equal(Number(actual.toFixed(digits)), expected, `${actual} ≈ ${expected}`);
};

describe("Cohen's kappa", () => {
  it('matches the textbook grant-proposal example (κ = 0.4)', () => {
    // Wikipedia, "Cohen's kappa", worked example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
    const k = cohenKappa(table2x2(20, 5, 10, 15));
    close(k.observed, 0.7);
    close(k.chance, 0.5);
    close(k.kappa, 0.4);
  });

  it('tells apart tables with the same percent agreement (κ = 0.1304 and 0.2593)', () => {
    close(cohenKappa(table2x2(45, 15, 25, 15)).kappa, 0.1304, 4);
    close(cohenKappa(table2x2(25, 35, 5, 35)).kappa, 0.2593, 4);
  });

  it('is 1 for perfect agreement across categories, and undefined when chance agreement is certain', () => {
    close(cohenKappa([['P', 'P'], ['U', 'U']]).kappa, 1);
    assert.equal(cohenKappa([['P', 'P'], ['P', 'P']]).kappa, null);
    assert.equal(cohenKappa([['P', 'S']]).kappa, null, 'one item');
    assert.equal(cohenKappa([]).kappa, null);
  });
});

describe("Fleiss' kappa", () => {
  it('matches the textbook example: 10 subjects, 14 raters, 5 categories (κ = 0.210)', () => {
    // Wikipedia, "Fleiss' kappa", worked example (after Fleiss 1971).
    const subjects = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ].map(row);
    const k = fleissKappa(subjects);
    close(k.observed, 0.378);
    close(k.chance, 0.213);
    close(k.kappa, 0.21);
  });

  it('agrees with Cohen-style perfect agreement and allows a different number of raters per subject', () => {
    close(fleissKappa([['P', 'P', 'P'], ['U', 'U']]).kappa, 1);
    assert.equal(fleissKappa([['P', 'P', 'P'], ['P', 'P']]).kappa, null, 'one category only');
    assert.equal(fleissKappa([['P', 'S', 'M']]).kappa, null, 'one subject');
    // Worst possible disagreement with two raters is negative.
    const k = fleissKappa([['P', 'U'], ['U', 'P']]);
    assert.ok(k.kappa !== null && k.kappa < 0);
  });
});

describe('percent agreement', () => {
  it('counts agreeing pairs of raters on each subject', () => {
    assert.deepEqual(pairAgreement([['P', 'P', 'S']]), { agreeing: 1, pairs: 3 });
    assert.deepEqual(pairAgreement([['P', 'P'], ['S', 'M']]), { agreeing: 1, pairs: 2 });
    assert.deepEqual(pairAgreement([['P']]), { agreeing: 0, pairs: 0 });
  });
});
