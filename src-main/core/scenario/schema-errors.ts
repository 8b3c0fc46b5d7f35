/**
 * Turns zod issues into findings a planner can act on: "expected a whole number, got text
 * \"ten\"" rather than "Invalid input: expected int, received string".
 */
import type { z } from 'zod';
import type { Finding, PathSegment } from './findings.ts';

type Issue = z.core.$ZodIssue;
type Locate = (path: readonly PathSegment[]) => { line: number; col: number };

export function findingsFromIssues(issues: readonly Issue[], locate: Locate): Finding[] {
  const findings: Finding[] = [];
  for (const issue of issues) {
    const { path, message } = explainIssue(issue, []);
    findings.push({ severity: 'error', code: 'schema', path, message, ...locate(path) });
  }
  return findings;
}

function explainIssue(issue: Issue, base: readonly PathSegment[]): { path: PathSegment[]; message: string } {
  const path = [...base, ...(issue.path as PathSegment[])];
  switch (issue.code) {
    case 'invalid_union': {
      const best = bestBranch(issue.errors);
      if (best) return explainIssue(best, path);
      return { path, message: describeUnion(issue, path) };
    }
    case 'invalid_type': {
      if (issue.input === undefined) return { path, message: requiredMessage(path) };
      return { path, message: `expected ${describeExpected(issue.expected)}, got ${describeInput(issue.input)}` };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return {
        path: [...path, issue.keys[0] ?? ''],
        message: `unknown field ${keys}; check the spelling (see scenario.schema.json for the fields allowed here)`,
      };
    }
    case 'invalid_value': {
      if (issue.input === undefined) return { path, message: requiredMessage(path) };
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return {
        path,
        message: issue.values.length === 1 ? `must be ${allowed}` : `must be one of ${allowed}; got ${describeInput(issue.input)}`,
      };
    }
    case 'too_big':
      return { path, message: tooBig(issue) };
    case 'too_small':
      return { path, message: tooSmall(issue) };
    case 'invalid_format':
      return { path, message: issue.message.startsWith('Invalid') ? `is not a valid ${issue.format}` : issue.message };
    case 'not_multiple_of':
      return { path, message: `must be a multiple of ${String(issue.divisor)}` };
    default:
      return { path, message: issue.message };
  }
}

/**
 * For a union (text or {en, ko}; the condition kinds) report the branch the writer clearly meant:
 * branches whose keys do not even match (unknown keys at the union's own level) are ruled out,
 * then the one that got furthest into the value wins.
 */
function bestBranch(branches: readonly (readonly Issue[])[]): Issue | undefined {
  let best: { issue: Issue; depth: number; count: number } | undefined;
  for (const branch of branches) {
    const first = branch[0];
    if (!first) continue;
    if (branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0)) continue;
    const depth = Math.max(...branch.map((i) => i.path.length));
    if (!best || depth > best.depth || (depth === best.depth && branch.length < best.count)) {
      best = { issue: first, depth, count: branch.length };
    }
  }
  return best && best.depth > 0 ? best.issue : undefined;
}

function describeUnion(issue: Issue & { code: 'invalid_union' }, path: readonly PathSegment[]): string {
  const input = (issue as { input?: unknown }).input;
  const last = String(path.at(-1) ?? '');
  const conditionish = ['when', 'start', 'not', 'all', 'any'].includes(last) || typeof path.at(-1) === 'number';
  if (input !== null && typeof input === 'object' && !Array.isArray(input) && conditionish && !('en' in input)) {
    return `is not a condition; write one of all, any, not, released, decided, service, metric, alert, taskDone`;
  }
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const unknown = Object.keys(input).filter((k) => k !== 'en' && k !== 'ko');
    if (unknown.length > 0) return `unknown field "${unknown[0] ?? ''}"; text is written plainly or as { en, ko }`;
    return 'expected text, or { en, ko } with both languages';
  }
  if (typeof input === 'string') return 'expected text, or { en, ko } with both languages';
  return `expected text or { en, ko }, got ${describeInput(input)}`;
}

function requiredMessage(path: readonly PathSegment[]): string {
  const key = String(path.at(-1));
  if (key === 'en' || key === 'ko') return `"${key}" is required: text written as { en, ko } needs both languages`;
  return `"${key}" is required`;
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a block of fields';
    default:
      return expected;
  }
}

function describeInput(input: unknown): string {
  if (input === null) return 'nothing (null)';
  if (Array.isArray(input)) return 'a list';
  switch (typeof input) {
    case 'string':
      return `text "${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
    case 'number':
      return `the number ${input}`;
    case 'boolean':
      return String(input);
    case 'object':
      return 'a block of fields';
    default:
      return typeof input;
  }
}

function tooBig(issue: Issue & { code: 'too_big' }): string {
  const max = String(issue.maximum);
  switch (issue.origin) {
    case 'string':
      return `is too long: at most ${max} characters`;
    case 'array':
      return `has too many entries: at most ${max}`;
    default:
      return `must be at most ${max}`;
  }
}

function tooSmall(issue: Issue & { code: 'too_small' }): string {
  const min = String(issue.minimum);
  switch (issue.origin) {
    case 'string':
      return issue.minimum === 1 ? 'must not be empty' : `is too short: at least ${min} characters`;
    case 'array':
      return issue.minimum === 1 ? 'needs at least one entry' : `needs at least ${min} entries`;
    default:
      return `must be at least ${min}`;
  }
}
