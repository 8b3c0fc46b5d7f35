/**
 * Loading a scenario is a pure function of its bytes, and parsing YAML is slow (the 190 KB flagship
 * takes 0.3–0.5 s with the `yaml` package on these machines — most of the time it takes to reopen
 * a short exercise). The library lists the shipped scenarios at start-up and every exercise keeps a
 * byte-identical snapshot, so remembering the last few results by the SHA-256 of their bytes makes
 * the second load of the same text free. Results are treated as immutable everywhere (readonly
 * types), so sharing one between exercises is safe.
 */
import { loadScenario, type LoadResult } from '../core/scenario/index.ts';
import { sha256Hex } from '../store/journal/entry.ts';

const CAPACITY = 8;
const remembered = new Map<string, LoadResult>();

export function loadScenarioRemembered(input: Uint8Array | string): LoadResult {
  const key = sha256Hex(input);
  const hit = remembered.get(key);
  if (hit !== undefined) {
    // Most recently used last, so the oldest is the first key.
    remembered.delete(key);
    remembered.set(key, hit);
    return hit;
  }
  const result = loadScenario(input);
  remembered.set(key, result);
  if (remembered.size > CAPACITY) remembered.delete(remembered.keys().next().value as string);
  return result;
}
