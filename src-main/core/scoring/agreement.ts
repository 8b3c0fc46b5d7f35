/**
 * Agreement between evaluators who rated the same capability targets (categories P, S, M, U and
 * N/A, taken as nominal: "not observed" against "performed" is a disagreement too).
 *
 * - Percent agreement: of all pairs of raters on the same target, the share that gave the same rating.
 * - Cohen's kappa, when the same two evaluators rated every shared target:
 *   κ = (pₒ − pₑ) ÷ (1 − pₑ), pₒ = share of targets they agree on, pₑ = Σₖ p₁ₖ·p₂ₖ (each rater's
 *   share of ratings in category k).
 * - Fleiss' kappa otherwise (more raters, or changing pairs), in the form that allows a different
 *   number of raters nᵢ per target: Pᵢ = (Σⱼ nᵢⱼ² − nᵢ) ÷ (nᵢ(nᵢ − 1)), P̄ = mean Pᵢ,
 *   pⱼ = Σᵢ nᵢⱼ ÷ Σᵢ nᵢ, P̄ₑ = Σⱼ pⱼ², κ = (P̄ − P̄ₑ) ÷ (1 − P̄ₑ). With a constant n it is Fleiss (1971).
 * Kappa is undefined (null) for fewer than two targets, or when every rating falls in one category
 * (pₑ = 1: chance alone would agree perfectly).
 */
import { explain, num, round1, round3 } from './explain.ts';
import type { Agreement, RaterRating } from './model.ts';

export interface PairCount {
  readonly agreeing: number;
  readonly pairs: number;
}

/** Agreeing pairs among the ratings each subject received. */
export function pairAgreement(subjects: readonly (readonly string[])[]): PairCount {
  let agreeing = 0;
  let pairs = 0;
  for (const ratings of subjects) {
    for (let i = 0; i < ratings.length; i++) {
      for (let j = i + 1; j < ratings.length; j++) {
        pairs++;
        if (ratings[i] === ratings[j]) agreeing++;
      }
    }
  }
  return { agreeing, pairs };
}

export interface Kappa {
  /** Observed agreement (pₒ or P̄) and agreement expected by chance (pₑ or P̄ₑ), 0–1. */
  readonly observed: number;
  readonly chance: number;
  readonly kappa: number | null;
}

function kappaOf(observed: number, chance: number, subjects: number): Kappa {
  const kappa = subjects < 2 || chance >= 1 ? null : (observed - chance) / (1 - chance);
  return { observed, chance, kappa };
}

/** Cohen's kappa for two raters; each item is [rater 1's category, rater 2's category]. */
export function cohenKappa(items: readonly (readonly [string, string])[]): Kappa {
  const n = items.length;
  if (n === 0) return { observed: 0, chance: 0, kappa: null };
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agree = 0;
  for (const [a, b] of items) {
    if (a === b) agree++;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  let chance = 0;
  for (const [category, count] of first) chance += (count / n) * ((second.get(category) ?? 0) / n);
  return kappaOf(agree / n, chance, n);
}

/** Fleiss' kappa; each subject is the list of categories its raters gave (two or more each). */
export function fleissKappa(subjects: readonly (readonly string[])[]): Kappa {
  const rated = subjects.filter((s) => s.length >= 2);
  if (rated.length === 0) return { observed: 0, chance: 0, kappa: null };
  const totals = new Map<string, number>();
  let all = 0;
  let sumP = 0;
  for (const ratings of rated) {
    const counts = new Map<string, number>();
    for (const r of ratings) counts.set(r, (counts.get(r) ?? 0) + 1);
    let squares = 0;
    for (const [category, c] of counts) {
      squares += c * c;
      totals.set(category, (totals.get(category) ?? 0) + c);
    }
    const n = ratings.length;
    sumP += (squares - n) / (n * (n - 1));
    all += n;
  }
  let chance = 0;
  for (const count of totals.values()) chance += (count / all) ** 2;
  return kappaOf(sumP / rated.length, chance, rated.length);
}

/** Agreement on one target: percent only (kappa needs several targets). */
export function targetAgreement(target: string, ratings: readonly RaterRating[]): Agreement | null {
  if (ratings.length < 2) return null;
  const { agreeing, pairs } = pairAgreement([ratings.map((r) => r.rating)]);
  const percent = round1((100 * agreeing) / pairs);
  return {
    raters: ratings.length,
    percent,
    kappa: null,
    method: ratings.length === 2 ? 'cohen' : 'fleiss',
    explanation: explain('scoring.agreement.target', { target, raters: ratings.length, agreeing, pairs, percent }, ratings.map((r) => r.seq)),
  };
}

/** Agreement across every target that two or more evaluators rated; null if there is none. */
export function overallAgreement(targets: readonly { readonly target: string; readonly ratings: readonly RaterRating[] }[]): Agreement | null {
  const shared = targets.filter((t) => t.ratings.length >= 2);
  if (shared.length === 0) return null;
  const raters = new Set(shared.flatMap((t) => t.ratings.map((r) => r.evaluator)));
  const subjects = shared.map((t) => t.ratings.map((r) => r.rating));
  const { agreeing, pairs } = pairAgreement(subjects);
  const percent = round1((100 * agreeing) / pairs);
  const samePair = raters.size === 2 && shared.every((t) => t.ratings.length === 2);
  const method = samePair ? 'cohen' : 'fleiss';
  const [one, two] = [...raters].sort();
  const result = samePair
    ? cohenKappa(
        shared.map((t) => {
          const byRater = (id: string | undefined) => t.ratings.find((r) => r.evaluator === id)?.rating ?? 'N/A';
          return [byRater(one), byRater(two)] as const;
        }),
      )
    : fleissKappa(subjects);
  const kappa = result.kappa === null ? null : round3(result.kappa);
  const params = {
    targets: shared.length,
    raters: raters.size,
    agreeing,
    pairs,
    percent,
    observed: round3(result.observed),
    chance: round3(result.chance),
    kappa: num(kappa),
  };
  const key = kappa === null ? 'scoring.agreement.kappa-undefined' : method === 'cohen' ? 'scoring.agreement.cohen' : 'scoring.agreement.fleiss';
  return { raters: raters.size, percent, kappa, method, explanation: explain(key, params, shared.flatMap((t) => t.ratings.map((r) => r.seq))) };
}
