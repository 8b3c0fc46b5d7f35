#!/usr/bin/env node
// Doyensec's Electronegativity over the app's sources, offline, as a CI gate (issue 4, ADR 011):
// exit 1 on any HIGH finding that electronegativity-allowlist.json does not explain, on an
// allowlist entry that no longer matches a finding, or on a source file the scanner could not parse.
//   node scripts/electronegativity.mjs [--root DIR] [--allowlist FILE] [--report FILE.json]
//
// Why the package's runner (its `main`) and not the CLI: with `-o`, the CLI hides parse errors (a
// file it cannot parse is silently skipped) and its SARIF carries no severity; the runner is the same
// code with the same options as the flags `-x AvailableSecurityFixesGlobalCheck -e <electron> -r`,
// and returns severity, confidence and parse errors.
//
// Offline: AvailableSecurityFixesGlobalCheck (Electron's release list from GitHub) is excluded, but
// every run also fetches translations from S3 and no flag turns that off; the package's only HTTP
// client (`got`) is therefore replaced by one that refuses, and sockets are refused as a backstop.
// The bundled en-US messages are used. Blocked attempts are reported, never sent.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import net from 'node:net';
import dns from 'node:dns';

const SCANNED = ['src-main', 'src-renderer'];
const TAKEN = /\.(ts|js|mjs|cjs|html)$/;
const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];
const GLOBAL = '(global)';
const MIN_REASON = 20;

function parseArgs(argv) {
  const options = { root: resolve(new URL('..', import.meta.url).pathname), allowlist: null, report: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined || !['--root', '--allowlist', '--report'].includes(flag)) {
      throw new Error(
        `usage: electronegativity.mjs [--root DIR] [--allowlist FILE] [--report FILE.json] (bad: ${flag})`,
      );
    }
    options[flag.slice(2)] = resolve(value);
    i++;
  }
  options.allowlist ??= join(options.root, 'electronegativity-allowlist.json');
  return options;
}

/** Installs the offline guard before the package loads; returns the list of refused attempts. */
function goOffline(requireFromPackage) {
  const blocked = [];
  const refuse = (what) => {
    blocked.push(what);
    return new Error(`offline: refused ${what}`);
  };
  const offlineGot = (url) => Promise.reject(refuse(`GET ${String(url)}`));
  offlineGot.head = (url) => Promise.reject(refuse(`HEAD ${String(url)}`));
  offlineGot.default = offlineGot;
  offlineGot.__esModule = true;
  const gotPath = requireFromPackage.resolve('got');
  requireFromPackage.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offlineGot };
  net.Socket.prototype.connect = function connect(...args) {
    throw refuse(`socket ${JSON.stringify(args[0])}`);
  };
  dns.lookup = (host) => {
    throw refuse(`dns ${String(host)}`);
  };
  return blocked;
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Copies what is scanned into one tree, so the global checks (navigation limits, permission
 * handler, CSP) see main and renderer together. Svelte components are not read by
 * electronegativity; each becomes its markup as .html (webview attributes, remote resources) and
 * its <script> blocks as .ts, padded so line numbers stay those of the .svelte file.
 */
function buildScanTree(root, tree) {
  const origin = new Map();
  const add = (from, to) => {
    origin.set(relative(tree, to).split(sep).join('/'), relative(root, from).split(sep).join('/'));
  };
  for (const top of SCANNED) {
    for (const file of listFiles(join(root, top))) {
      const target = join(tree, relative(root, file));
      mkdirSync(dirname(target), { recursive: true });
      if (file.endsWith('.svelte')) {
        const text = readFileSync(file, 'utf8');
        writeFileSync(`${target}.markup.html`, text);
        writeFileSync(`${target}.script.ts`, svelteScripts(text));
        add(file, `${target}.markup.html`);
        add(file, `${target}.script.ts`);
      } else if (TAKEN.test(file)) {
        cpSync(file, target);
        add(file, target);
      }
    }
  }
  cpSync(join(root, 'package.json'), join(tree, 'package.json'));
  add(join(root, 'package.json'), join(tree, 'package.json'));
  return origin;
}

function svelteScripts(text) {
  let out = '';
  for (const match of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = match.index + match[0].indexOf('>') + 1;
    const linesBefore = text.slice(0, start).split('\n').length - 1;
    out += '\n'.repeat(Math.max(0, linesBefore - (out.split('\n').length - 1))) + match[1];
  }
  return out;
}

function readAllowlist(path) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`allowlist ${path}: ${error.message}`, { cause: error });
  }
  const entries = parsed?.entries;
  if (!Array.isArray(entries)) throw new Error(`allowlist ${path}: "entries" must be an array`);
  entries.forEach((entry, i) => {
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry?.[key] !== 'string' || entry[key].trim() === '') {
        throw new Error(`allowlist ${path}: entry ${i} needs a non-empty "${key}"`);
      }
    }
    if (entry.reason.trim().length < MIN_REASON)
      throw new Error(`allowlist ${path}: entry ${i} reason explains nothing`);
  });
  return entries;
}

function electronVersion(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const range = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  const version = /\d+\.\d+\.\d+/.exec(range ?? '')?.[0];
  if (version === undefined) throw new Error('package.json names no electron version');
  return version;
}

async function scan(options) {
  const requireHere = createRequire(import.meta.url);
  const packageJson = requireHere.resolve('@doyensec/electronegativity/package.json');
  const requireFromPackage = createRequire(packageJson);
  const blocked = goOffline(requireFromPackage);
  const tree = mkdtempSync(join(tmpdir(), 'sitroom-electronegativity-'));
  try {
    const origin = buildScanTree(options.root, tree);
    const version = electronVersion(options.root);
    const run = requireFromPackage('./dist/runner.js');
    const started = process.hrtime.bigint();
    // The refused translations fetch is reported below as a refused request, not as this notice.
    const log = console.log;
    console.log = (...args) => {
      if (args[0] !== 'Could not retrieve updated translations for the current locale') log(...args);
    };
    let result;
    try {
      result = await run({
        input: tree,
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        electronVersionOverride: version,
        isRelative: true,
        parserPlugins: [],
      });
    } finally {
      console.log = log;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const where = (file) => (file === 'N/A' ? GLOBAL : (origin.get(file) ?? file));
    return {
      tool: requireFromPackage('./package.json').version,
      electron: version,
      files: new Set(origin.values()).size,
      seconds,
      findings: result.issues.map((issue) => ({
        check: issue.id,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        file: where(issue.file),
        line: issue.location?.line ?? 0,
        manualReview: Boolean(issue.manualReview),
        description: issue.description,
      })),
      unparsed: result.errors
        .filter((error) => !error.tolerable)
        .map((error) => ({ file: where(relative(tree, error.file).split(sep).join('/')), message: error.message })),
      blocked,
    };
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}

function judge(scanned, allowlist) {
  const used = new Set();
  const findings = scanned.findings.map((finding) => {
    const index = allowlist.findIndex((e) => e.check === finding.check && e.file === finding.file);
    if (index !== -1) used.add(index);
    return { ...finding, reason: index === -1 ? null : allowlist[index].reason };
  });
  findings.sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line,
  );
  return {
    ...scanned,
    findings,
    unexplainedHigh: findings.filter((f) => f.severity === 'HIGH' && f.reason === null),
    stale: allowlist.filter((_, i) => !used.has(i)),
  };
}

function print(report) {
  const counts = SEVERITIES.map((s) => `${s} ${report.findings.filter((f) => f.severity === s).length}`).join(', ');
  console.log(
    `electronegativity ${report.tool}, offline, Electron ${report.electron}: ${report.files} files in ${report.seconds.toFixed(1)} s`,
  );
  console.log(`findings: ${report.findings.length} (${counts})`);
  for (const f of report.findings) {
    const at = f.file === GLOBAL ? GLOBAL : `${f.file}:${f.line}`;
    const status = f.reason !== null ? `explained: ${f.reason}` : f.severity === 'HIGH' ? 'UNEXPLAINED' : 'not gating';
    console.log(
      `  ${f.severity.padEnd(13)} ${f.check}  ${at}${f.manualReview ? ' (review)' : ''}\n      ${f.description}\n      -> ${status}`,
    );
  }
  for (const u of report.unparsed) console.log(`  NOT SCANNED  ${u.file}: ${u.message}`);
  for (const s of report.stale)
    console.log(`  STALE ALLOWLIST ENTRY  ${s.check} ${s.file}: matches no finding; remove it`);
  if (report.blocked.length > 0)
    console.log(`offline: refused ${report.blocked.length} request(s): ${[...new Set(report.blocked)].join(', ')}`);
  const failures = [
    report.unexplainedHigh.length > 0 ? `${report.unexplainedHigh.length} unexplained HIGH finding(s)` : '',
    report.unparsed.length > 0 ? `${report.unparsed.length} file(s) not scanned` : '',
    report.stale.length > 0 ? `${report.stale.length} stale allowlist entr(ies)` : '',
  ].filter(Boolean);
  console.log(
    failures.length === 0
      ? 'electronegativity: PASS (no unexplained HIGH finding)'
      : `electronegativity: FAIL (${failures.join('; ')})`,
  );
  return failures.length === 0;
}

try {
  const options = parseArgs(process.argv.slice(2));
  const allowlist = readAllowlist(options.allowlist);
  const report = judge(await scan(options), allowlist);
  const passed = print(report);
  if (options.report !== null) writeFileSync(options.report, `${JSON.stringify({ ...report, passed }, null, 2)}\n`);
  process.exitCode = passed ? 0 : 1;
} catch (error) {
  console.error(`electronegativity: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
