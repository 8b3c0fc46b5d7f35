/**
 * Findings: what validation says about a scenario file, in words a planner understands, each
 * pointing at a line and column and a path such as `injects[3].decision.options[1].unlocks[0]`.
 */

export type Severity = 'error' | 'warning';
export type PathSegment = string | number;

export interface Finding {
  readonly severity: Severity;
  /** A stable machine code, e.g. `unknown-reference`, `lint/unreachable-inject`. */
  readonly code: string;
  readonly path: readonly PathSegment[];
  readonly message: string;
  readonly line: number;
  readonly col: number;
}

/** `['injects', 3, 'decision']` → `injects[3].decision`; the empty path is the document itself. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text ? `.${segment}` : segment;
  }
  return text || '(file)';
}

/** `FILE:LINE:COL: error: PATH: message` — the shape compilers use, so editors link to it. */
export function formatFinding(file: string, finding: Finding): string {
  return `${file}:${finding.line}:${finding.col}: ${finding.severity}: ${formatPath(finding.path)}: ${finding.message}`;
}
