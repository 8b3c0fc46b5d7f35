// Electronegativity as a CI gate (issue 4, ADR 011): the real sources pass with every finding
// explained, and the gate is shown to fail — a planted insecure window and a planted <webview>
// give unexplained HIGH findings; a stale allowlist entry and an unparsable file fail too.
import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.ts';
import { makeTempDir } from './support/temp-dir.ts';

interface Finding {
  readonly check: string;
  readonly severity: string;
  readonly file: string;
  readonly line: number;
  readonly reason: string | null;
}
interface Report {
  readonly files: number;
  readonly findings: readonly Finding[];
  readonly unexplainedHigh: readonly Finding[];
  readonly unparsed: readonly { file: string; message: string }[];
  readonly stale: readonly { check: string; file: string }[];
  readonly blocked: readonly string[];
  readonly passed: boolean;
}
interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly report: Report;
}
interface AllowlistEntry {
  readonly check: string;
  readonly file: string;
  readonly reason: string;
}

const SCRIPT = join(ROOT, 'scripts', 'electronegativity.mjs');
const ALLOWLIST = join(ROOT, 'electronegativity-allowlist.json');
const PLANTED_WINDOW = 'src-main/electron/planted-window.ts';
const TRANSLATIONS = 'https://electronegativity-i18n.s3.us-west-2.amazonaws.com/';

function scan(args: readonly string[], reportPath: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args, '--report', reportPath], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 180_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      try {
        resolve({ status, stdout, report: JSON.parse(readFileSync(reportPath, 'utf8')) as Report });
      } catch {
        reject(new Error(`no report (exit ${String(status)}):\n${stdout}\n${stderr}`));
      }
    });
  });
}

/**
 * A copy of what the scan reads, with the given files added (path relative to the copy). Of
 * src-main only the Electron folder: it is what the global checks (navigation, permissions) need,
 * and the rest only makes the scan slower.
 */
function plantedRoot(dir: string, files: Record<string, string>): string {
  for (const top of ['src-main/electron', 'src-renderer', 'package.json'])
    cpSync(join(ROOT, top), join(dir, top), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const realAllowlist = (): AllowlistEntry[] =>
  (JSON.parse(readFileSync(ALLOWLIST, 'utf8')) as { entries: AllowlistEntry[] }).entries;

let temp: { path: string; cleanup: () => void };
let real: Run;
let planted: Run;
let explained: Run;
let plantedSvelte: string;

before(async () => {
  temp = makeTempDir('sitroom-electronegativity-test');
  const component = readdirSync(join(ROOT, 'src-renderer', 'components')).find((name) => name.endsWith('.svelte'));
  assert.ok(component, 'no Svelte component to plant a <webview> into');
  plantedSvelte = `src-renderer/components/${component}`;
  const svelteWithWebview = `${readFileSync(join(ROOT, plantedSvelte), 'utf8')}\n<webview src="./x.html" nodeintegration></webview>\n`;
  const window = [
    "import { BrowserWindow } from 'electron';",
    'export function open(): BrowserWindow {',
    '  return new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
    '}',
    '',
  ].join('\n');
  const plantedDir = plantedRoot(join(temp.path, 'planted'), {
    [PLANTED_WINDOW]: window,
    [plantedSvelte]: svelteWithWebview,
  });
  const explainedDir = plantedRoot(join(temp.path, 'explained'), {
    [PLANTED_WINDOW]: window,
    [plantedSvelte]: svelteWithWebview,
    'src-main/electron/broken.ts': 'export const = ;\n',
  });
  const allowlist = join(temp.path, 'allowlist.json');
  const reason = 'planted by the test to prove that an allowlist entry explains a finding';
  writeFileSync(
    allowlist,
    JSON.stringify({
      entries: [
        ...realAllowlist(),
        { check: 'CONTEXT_ISOLATION_JS_CHECK', file: PLANTED_WINDOW, reason },
        { check: 'NODE_INTEGRATION_HTML_CHECK', file: plantedSvelte, reason },
        {
          check: 'OPEN_EXTERNAL_JS_CHECK',
          file: 'src-main/electron/nowhere.ts',
          reason: 'stale: matches no finding, so the gate must fail',
        },
      ],
    }),
  );
  [real, planted, explained] = await Promise.all([
    scan([], join(temp.path, 'real.json')),
    scan(['--root', plantedDir, '--allowlist', ALLOWLIST], join(temp.path, 'planted.json')),
    scan(['--root', explainedDir, '--allowlist', allowlist], join(temp.path, 'explained.json')),
  ]);
});

after(() => temp.cleanup());

describe('electronegativity over the real sources', () => {
  test('passes: no unexplained HIGH finding, no unparsed file, no stale allowlist entry', (t: TestContext) => {
    for (const line of real.stdout.trimEnd().split('\n')) t.diagnostic(line);
    assert.equal(real.status, 0, real.stdout);
    assert.equal(real.report.passed, true);
    assert.deepEqual(real.report.unexplainedHigh, []);
    assert.deepEqual(real.report.unparsed, []);
    assert.deepEqual(real.report.stale, []);
    assert.match(real.stdout, /electronegativity: PASS/);
  });

  test('scans main, renderer (Svelte included) and package.json', () => {
    assert.ok(real.report.files > 100, `only ${real.report.files} files scanned`);
  });

  test('every allowlist entry names a check, a file and a real reason, and is used', () => {
    const entries = realAllowlist();
    for (const entry of entries) assert.ok(entry.reason.length >= 20, `${entry.check}: reason explains nothing`);
    const explainedFindings = real.report.findings.filter((f) => f.reason !== null).map((f) => `${f.check} ${f.file}`);
    assert.deepEqual(explainedFindings.sort(), entries.map((e) => `${e.check} ${e.file}`).sort());
  });

  test('makes no network request: only the translations fetch is attempted, and it is refused', () => {
    // AvailableSecurityFixesGlobalCheck (GitHub) is excluded; the translations fetch has no flag.
    for (const attempt of real.report.blocked) assert.ok(attempt.startsWith(`GET ${TRANSLATIONS}`), attempt);
  });
});

describe('the gate fails when it should', () => {
  test('a planted insecure BrowserWindow and <webview nodeintegration> are unexplained HIGH findings', () => {
    assert.equal(planted.status, 1, planted.stdout);
    assert.equal(planted.report.passed, false);
    const unexplained = planted.report.unexplainedHigh.map((f) => `${f.check} ${f.file}`).sort();
    assert.deepEqual(unexplained, [
      `CONTEXT_ISOLATION_JS_CHECK ${PLANTED_WINDOW}`,
      `NODE_INTEGRATION_HTML_CHECK ${plantedSvelte}`,
    ]);
    assert.match(planted.stdout, new RegExp(`CONTEXT_ISOLATION_JS_CHECK {2}${PLANTED_WINDOW}:3`));
    assert.match(planted.stdout, /UNEXPLAINED/);
    assert.match(planted.stdout, /electronegativity: FAIL \(2 unexplained HIGH finding\(s\)\)/);
  });

  test('allowlisted findings pass, but a stale entry and an unparsable file fail', () => {
    assert.equal(explained.status, 1, explained.stdout);
    assert.deepEqual(explained.report.unexplainedHigh, []);
    assert.deepEqual(
      explained.report.stale.map((s) => `${s.check} ${s.file}`),
      ['OPEN_EXTERNAL_JS_CHECK src-main/electron/nowhere.ts'],
    );
    assert.deepEqual(
      explained.report.unparsed.map((u) => u.file),
      ['src-main/electron/broken.ts'],
    );
    assert.match(explained.stdout, /STALE ALLOWLIST ENTRY/);
    assert.match(explained.stdout, /NOT SCANNED {2}src-main\/electron\/broken\.ts/);
  });
});
