/**
 * Safe YAML parsing for untrusted scenario files (reliability.md §4): the core schema only (no
 * custom tags such as `!!js/function`), no aliases (no alias bombs), unique keys, and any parser
 * warning is treated as an error. Keeps the document so later findings can point at line:col.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Finding, PathSegment } from './findings.ts';

/** Deeper than this is not a scenario a person wrote; refuse before anything recurses on it. */
export const MAX_NESTING = 40;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedYaml {
  readonly value: unknown;
  /** Line and column of the node at `path`, or of its nearest existing ancestor. */
  readonly locate: (path: readonly PathSegment[]) => { line: number; col: number };
}

export type ParseYamlResult =
  | { readonly ok: true; readonly parsed: ParsedYaml }
  | { readonly ok: false; readonly errors: readonly Finding[] };

export function parseScenarioYaml(text: string): ParseYamlResult {
  const nesting = maxBracketOrIndentNesting(text);
  if (nesting > MAX_NESTING) {
    return fail([{ path: [], line: 1, col: 1, code: 'too-deep', message: `the file nests ${nesting} levels deep; at most ${MAX_NESTING} are allowed` }]);
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      schema: 'core',
      uniqueKeys: true,
      strict: true,
      prettyErrors: false,
      lineCounter,
    });
  } catch (error: unknown) {
    // The parser is not expected to throw, but a hostile file must never crash the app.
    return fail([{ path: [], line: 1, col: 1, code: 'yaml', message: `the YAML parser gave up: ${String(error)}` }]);
  }
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, col: pos.col };
  };
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return fail(
      problems.map((problem) => ({
        path: [],
        ...at(problem.pos[0]),
        code: 'yaml',
        message: explainYamlProblem(problem.code, problem.message),
      })),
    );
  }
  const structural: Omit<Finding, 'severity'>[] = [];
  visit(doc, {
    Alias(_key, node) {
      structural.push({
        path: [],
        ...at(node.range?.[0] ?? 0),
        code: 'yaml-alias',
        message: `aliases (*${node.source}) are not allowed in a scenario; write the value out`,
      });
    },
    Node(_key, node) {
      if (node.tag && !isStandardTag(node.tag)) {
        structural.push({
          path: [],
          ...at(node.range?.[0] ?? 0),
          code: 'yaml-tag',
          message: `the tag ${node.tag} is not allowed; a scenario holds plain data only`,
        });
      }
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        structural.push({
          path: [],
          ...at(pair.key.range?.[0] ?? 0),
          code: 'forbidden-key',
          message: `the key "${String(pair.key.value)}" is not allowed`,
        });
      }
    },
  });
  if (structural.length > 0) return fail(structural);
  if (doc.contents === null) {
    return fail([{ path: [], line: 1, col: 1, code: 'empty', message: 'the file is empty; a scenario starts with schemaVersion: 1' }]);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (error: unknown) {
    return fail([{ path: [], line: 1, col: 1, code: 'yaml', message: `the YAML could not be read: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  return {
    ok: true,
    parsed: {
      value,
      locate: (path) => at(offsetOf(doc.contents, path)),
    },
  };
}

function fail(findings: readonly Omit<Finding, 'severity'>[]): ParseYamlResult {
  return { ok: false, errors: findings.map((f) => ({ severity: 'error', ...f })) };
}

const STANDARD_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

function isStandardTag(tag: string): boolean {
  return STANDARD_TAGS.has(tag);
}

function explainYamlProblem(code: string, message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return `a key appears twice in the same block (${firstLine.replace(/^Map keys must be unique.*?$/, 'keys must be unique')})`;
    case 'TAG_RESOLVE_FAILED':
      return `${firstLine}; a scenario holds plain data only (no custom tags)`;
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `YAML syntax: ${firstLine}`;
    default:
      return `YAML: ${firstLine}`;
  }
}

/** Offset of the node at `path`, walking maps and sequences; stops at the deepest existing node. */
function offsetOf(root: YamlNode | null, path: readonly PathSegment[]): number {
  let node: unknown = root;
  let offset = (root as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
  for (const segment of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
      if (pair && isScalar(pair.key)) {
        offset = pair.key.range?.[0] ?? offset;
        next = pair.value;
        // For a missing or null value, the key is the best place to point at.
        if (next && !isAlias(next) && (isMap(next) || isSeq(next) || isScalar(next))) {
          if (isScalar(next)) offset = next.range?.[0] ?? offset;
        }
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
      const range = (next as { range?: [number, number, number] } | undefined)?.range;
      if (range) offset = range[0];
    }
    if (next === undefined || next === null) break;
    node = next;
  }
  return offset;
}

/**
 * A cheap upper bound of nesting before the parser runs: flow brackets and indentation steps.
 * The parser and the schema both recurse, so a 100 000-deep `[[[[…` must be refused first.
 */
function maxBracketOrIndentNesting(text: string): number {
  let depth = 0;
  let max = 0;
  let inQuote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuote) {
      if (c === inQuote) inQuote = null;
      else if (c === '\n') inQuote = null;
      continue;
    }
    if (c === '"' || c === "'") {
      // Only a quote that opens a scalar counts; apostrophes inside words do not.
      const prev = text[i - 1];
      if (prev === undefined || prev === ' ' || prev === '[' || prev === '{' || prev === ',' || prev === ':' || prev === '\n') inQuote = c;
    } else if (c === '#') {
      const prev = text[i - 1];
      if (prev === undefined || prev === ' ' || prev === '\n') {
        const end = text.indexOf('\n', i);
        i = end < 0 ? text.length : end - 1;
      }
    } else if (c === '[' || c === '{') {
      depth += 1;
      if (depth > max) max = depth;
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  let maxIndentLevels = 0;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    // Sequences of "- - - x" nest too; count each dash as a level.
    const dashes = /^(?:\s*-\s)+/.exec(line)?.[0].split('-').length ?? 1;
    maxIndentLevels = Math.max(maxIndentLevels, Math.floor(indent / 2) + dashes - 1);
  }
  return Math.max(max, maxIndentLevels);
}
