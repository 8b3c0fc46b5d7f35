// `npm start` on a machine without the Electron binary: one line says so, then the same app is
// served on 127.0.0.1 and a browser can load it. Runs the real script as a person would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.ts';

test('npm start falls back to serving the app on loopback when Electron has no binary', { timeout: 120_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'sitroom-start-'));
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, SITROOM_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL after 100 s:\n${output}`)), 100_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /serving on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
    });
    const lines = output.split('\n').filter((l) => /Electron/.test(l));
    assert.equal(lines.length, 1, output);
    assert.match(lines[0] ?? '', /Electron is not available on this machine.*serving Sitroom for a browser/);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="app">/);
    const api = await fetch(`${url}api/library:list-scenarios`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url.replace(/\/$/, '') }, body: '{}' });
    const body = (await api.json()) as { ok: boolean; value: { id: string }[] };
    assert.ok(body.ok && body.value.some((s) => s.id === 'pangyo-datacenter-fire'));
  } finally {
    child.kill('SIGTERM');
  }
});
