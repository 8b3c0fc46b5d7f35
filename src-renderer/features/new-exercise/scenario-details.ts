/**
 * The full scenario behind a library entry, for planning (player cells, marking, summary), from
 * the backend's `library:get-scenario`: the same validated scenario main will snapshot.
 */
import type { Scenario } from '@core/scenario/schema.ts';
import { api } from '../../lib/api.ts';

export type Details = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly reason: 'unavailable' | 'different' };

/** Loads the scenario for a library entry; `expectedId` guards against the file changing meanwhile. */
export async function scenarioDetails(file: string, expectedId: string | null): Promise<Details> {
  const result = await api().request('library:get-scenario', { file });
  if (!result.ok) return { ok: false, reason: 'unavailable' };
  const scenario = result.value.scenario as Scenario;
  if (expectedId !== null && scenario.id !== expectedId) return { ok: false, reason: 'different' };
  return { ok: true, scenario };
}
