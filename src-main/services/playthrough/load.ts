/** Reads playthrough files with the same safe YAML rules and plain-language findings as scenarios. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseScenarioYaml } from '../../core/scenario/parse-yaml.ts';
import { findingsFromIssues } from '../../core/scenario/schema-errors.ts';
import { formatFinding } from '../../core/scenario/findings.ts';
import type { Finding } from '../../core/scenario/findings.ts';
import type { Scenario } from '../../core/scenario/index.ts';
import { parseScenarioTime } from '../../core/time.ts';
import { FACILITATOR, Playthrough } from './schema.ts';
import { SHIPPED_SCENARIOS_DIR } from '../scenario-library.ts';

export const PLAYTHROUGHS_DIR = join(SHIPPED_SCENARIOS_DIR, 'playthroughs');

export class PlaythroughError extends Error {
  override readonly name = 'PlaythroughError';
}

export function parsePlaythrough(text: string, file: string): Playthrough {
  const parsed = parseScenarioYaml(text);
  const fail = (findings: readonly Finding[]) => new PlaythroughError(findings.slice(0, 10).map((f) => formatFinding(file, f)).join('\n'));
  if (!parsed.ok) throw fail(parsed.errors);
  const result = Playthrough.safeParse(parsed.parsed.value, { reportInput: true });
  if (!result.success) throw fail(findingsFromIssues(result.error.issues, parsed.parsed.locate));
  const steps = result.data.steps;
  for (let i = 1; i < steps.length; i++) {
    if ((parseScenarioTime(steps[i]!.at) ?? 0) < (parseScenarioTime(steps[i - 1]!.at) ?? 0)) {
      throw new PlaythroughError(`${file}: steps[${i}].at: steps must be in scenario-time order (${steps[i]!.at} comes after ${steps[i - 1]!.at})`);
    }
  }
  return result.data;
}

/** Checks a playthrough's actors and cells against the scenario it plays. */
export function checkPlaythroughAgainst(playthrough: Playthrough, scenario: Scenario, file: string): void {
  if (playthrough.scenario !== scenario.id) {
    throw new PlaythroughError(`${file}: plays scenario "${playthrough.scenario}", not "${scenario.id}"`);
  }
  const cells = new Set(scenario.cells.map((c) => c.id));
  const actors = new Set([FACILITATOR, ...playthrough.exercise.participants.map((p) => p.id), ...playthrough.exercise.evaluators.map((e) => e.id)]);
  playthrough.exercise.participants.forEach((p, i) => {
    if (!cells.has(p.cell)) throw new PlaythroughError(`${file}: exercise.participants[${i}].cell: unknown cell "${p.cell}"`);
  });
  playthrough.steps.forEach((step, i) => {
    if (!actors.has(step.as)) throw new PlaythroughError(`${file}: steps[${i}].as: "${step.as}" is not a participant, an evaluator or "${FACILITATOR}"`);
  });
}

export async function listPlaythroughs(scenarioId: string, dir: string = PLAYTHROUGHS_DIR): Promise<string[]> {
  try {
    return (await readdir(join(dir, scenarioId))).filter((n) => n.endsWith('.yaml')).map((n) => n.replace(/\.yaml$/, '')).sort();
  } catch {
    return [];
  }
}

export async function readPlaythrough(scenarioId: string, name: string, dir: string = PLAYTHROUGHS_DIR): Promise<{ file: string; playthrough: Playthrough }> {
  const file = join(dir, scenarioId, `${name}.yaml`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    const known = await listPlaythroughs(scenarioId, dir);
    throw new PlaythroughError(`no playthrough "${name}" for scenario "${scenarioId}"${known.length ? ` (available: ${known.join(', ')})` : ''}`);
  }
  return { file, playthrough: parsePlaythrough(text, file) };
}
