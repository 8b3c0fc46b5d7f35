/**
 * The one way to turn a scenario file into a validated `Scenario`: decode, parse safely, migrate,
 * validate against the strict schema, resolve references, then lint. Every problem comes back as
 * a finding with line:col and path; nothing here throws for bad input.
 */
import { decodeScenarioBytes, lineColOfByte } from './decode.ts';
import type { Finding } from './findings.ts';
import { lintScenario } from './lint.ts';
import { migrateScenario } from './migrations.ts';
import { parseScenarioYaml } from './parse-yaml.ts';
import { checkReferences } from './references.ts';
import type { RawFinding } from './references.ts';
import { Scenario } from './schema.ts';
import { findingsFromIssues } from './schema-errors.ts';

export interface ScenarioCounts {
  readonly injects: number;
  readonly cells: number;
  readonly objectives: number;
  readonly tasks: number;
  readonly decisionPoints: number;
}

export type LoadResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly warnings: readonly Finding[]; readonly counts: ScenarioCounts; readonly migratedFrom: number }
  | { readonly ok: false; readonly errors: readonly Finding[]; readonly warnings: readonly Finding[] };

/** Findings are capped so a garbage file cannot produce megabytes of messages. */
export const MAX_FINDINGS = 200;

export function loadScenario(input: Uint8Array | string): LoadResult {
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    const decoded = decodeScenarioBytes(input);
    if (!decoded.ok) {
      return failed([{ severity: 'error', code: 'encoding', path: [], message: decoded.message, ...lineColOfByte(input, decoded.offset) }]);
    }
    text = decoded.text;
  }
  if (text.trim() === '') {
    return failed([{ severity: 'error', code: 'empty', path: [], line: 1, col: 1, message: 'the file is empty; a scenario starts with schemaVersion: 1' }]);
  }

  const parsed = parseScenarioYaml(text);
  if (!parsed.ok) return failed(parsed.errors);
  const { value, locate } = parsed.parsed;

  const migrated = migrateScenario(value);
  if (!migrated.ok) {
    return failed([{ severity: 'error', code: 'schema-version', path: migrated.path, message: migrated.message, ...locate(migrated.path) }]);
  }

  const result = Scenario.safeParse(migrated.doc, { reportInput: true });
  if (!result.success) return failed(findingsFromIssues(result.error.issues, locate));

  const toFinding = (severity: Finding['severity']) => (raw: RawFinding): Finding => ({ severity, ...raw, ...locate(raw.path) });
  const referenceErrors = checkReferences(result.data).map(toFinding('error'));
  if (referenceErrors.length > 0) return failed(referenceErrors);

  const scenario = result.data;
  return {
    ok: true,
    scenario,
    warnings: lintScenario(scenario).map(toFinding('warning')).slice(0, MAX_FINDINGS),
    counts: countScenario(scenario),
    migratedFrom: migrated.from,
  };
}

export function countScenario(s: Scenario): ScenarioCounts {
  return {
    injects: s.injects.length,
    cells: s.cells.length,
    objectives: s.objectives.length,
    tasks: s.tasks.length,
    decisionPoints: s.injects.filter((i) => i.decision !== undefined).length,
  };
}

function failed(errors: readonly Finding[]): LoadResult {
  const sorted = [...errors].sort((a, b) => a.line - b.line || a.col - b.col);
  return { ok: false, errors: sorted.slice(0, MAX_FINDINGS), warnings: [] };
}
