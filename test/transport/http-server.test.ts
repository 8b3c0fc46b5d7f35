// The browser transport's promises, against the real server on loopback: same-origin only,
// bounded and validated payloads, safe static files, security headers, WebSocket origin checks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createBackend } from '../../src-main/services/app-backend.ts';
import type { Backend } from '../../src-main/services/app-backend.ts';
import { startHttpServer } from '../../src-main/transport/http-server.ts';
import type { RunningServer } from '../../src-main/transport/http-server.ts';
import { fixture } from '../helpers/paths.ts';

let server: RunningServer;
let backend: Backend;
let origin: string;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; host?: string } = {}): Promise<Reply> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers: { host: options.host ?? url.host, ...options.headers }, insecureHTTPParser: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (channel: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', origin, ...headers }, body: JSON.stringify(payload) });

before(async () => {
  const root = await mkdtemp(join(tmpdir(), 'sitroom-static-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Sitroom</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(tmpdir(), 'sitroom-secret.txt'), 'secret');
  await symlink(join(tmpdir(), 'sitroom-secret.txt'), join(root, 'assets', 'escape.txt'));
  backend = await createBackend({ dataDir: await mkdtemp(join(tmpdir(), 'sitroom-http-')), scenarioDirs: [fixture('scenarios')], ticker: false });
  server = await startHttpServer({ backend, staticDir: root });
  origin = server.url.replace(/\/$/, '');
});

after(async () => {
  await server.close();
  await backend.close();
});

describe('the loopback HTTP transport', () => {
  test('binds loopback only', async () => {
    await assert.rejects(startHttpServer({ backend, staticDir: '/tmp', host: '0.0.0.0' }), /loopback only/);
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('serves the app with strict security headers', async () => {
    const reply = await send('/');
    assert.equal(reply.status, 200);
    assert.match(String(reply.headers['content-security-policy']), /default-src 'none'; script-src 'self'/);
    assert.doesNotMatch(String(reply.headers['content-security-policy']), /unsafe-(inline|eval)/);
    assert.equal(reply.headers['x-content-type-options'], 'nosniff');
    assert.equal(reply.headers['x-frame-options'], 'DENY');
    assert.equal(reply.headers['referrer-policy'], 'no-referrer');
  });

  test('serves nothing outside its folder and lists no directory', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fetc%2fpasswd', '/assets%5c..%5cindex.html', '/%00', '/assets/escape.txt', '/assets/', '/assets']) {
      const reply = await send(path);
      assert.ok(reply.status === 400 || reply.status === 404, `${path} → ${reply.status}`);
      assert.doesNotMatch(reply.body, /secret|root:/);
    }
    assert.equal((await send('/assets/app.js')).status, 200);
    assert.equal((await send('/index.html', { method: 'DELETE' })).status, 405);
  });

  test('answers API requests through the contract', async () => {
    const reply = await api('library:list-scenarios', {});
    assert.equal(reply.status, 200);
    const body = JSON.parse(reply.body) as { ok: boolean; value: { id: string; ok: boolean }[] };
    assert.equal(body.ok, true);
    assert.ok(body.value.some((s) => s.id === 'minimal-outage' && s.ok));
  });

  test('refuses a request from another origin, or naming another host (DNS rebinding)', async () => {
    assert.equal((await api('exercise:list', {}, { origin: 'https://evil.example' })).status, 403);
    assert.equal((await send('/api/exercise:list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status, 403);
    assert.equal((await send('/', { host: 'evil.example:80' })).status, 421);
  });

  test('malformed, unknown and oversized payloads get a clear error and change nothing', async () => {
    const before = JSON.parse((await api('exercise:list', {})).body) as { value: unknown[] };
    const notJson = await send('/api/exercise:list', { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: '{not json' });
    assert.equal(notJson.status, 400);
    assert.match(notJson.body, /not valid JSON/);
    const wrongShape = await api('exercise:create', { scenarioFile: 5 });
    assert.equal(wrongShape.status, 400);
    assert.match(wrongShape.body, /Invalid request at scenarioFile/);
    assert.equal((await api('exercise:obliterate', {})).status, 404);
    const huge = await send('/api/exercise:list', { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: Buffer.alloc(2 * 1024 * 1024, 32) });
    assert.equal(huge.status, 413);
    assert.equal((await send('/api/exercise:list', { method: 'POST', headers: { 'content-type': 'text/plain', origin }, body: '{}' })).status, 415);
    const afterList = JSON.parse((await api('exercise:list', {})).body) as { value: unknown[] };
    assert.deepEqual(afterList.value, before.value);
  });

  test('the WebSocket accepts the app origin, refuses others, and carries pushed events', async () => {
    const wsUrl = origin.replace('http', 'ws') + '/ws';
    await assert.rejects(
      new Promise((resolve, reject) => {
        const ws = new WebSocket(wsUrl, { headers: { origin: 'https://evil.example' } });
        ws.on('open', resolve);
        ws.on('error', reject);
      }),
      /403/,
    );
    const ws = new WebSocket(wsUrl, { headers: { origin } });
    await new Promise((resolve) => ws.on('open', resolve));
    const message = new Promise<string>((resolve) => ws.on('message', (data: Buffer) => resolve(data.toString('utf8'))));
    const created = JSON.parse(
      (
        await api('exercise:create', {
          scenarioFile: fixture('scenarios', 'minimal.yaml'),
          setup: { title: 'WS', date: '2026-11-30', venue: 'x', marking: 'EXERCISE', language: 'ko', participants: [], evaluators: [], clock: { mode: 'realtime' } },
        })
      ).body,
    ) as { ok: boolean; value: { id: string } };
    assert.equal(created.ok, true);
    const pushed = JSON.parse(await message) as { event: string; payload: { id: string; events: { type: string }[] } };
    assert.equal(pushed.event, 'exercise:events');
    assert.equal(pushed.payload.id, created.value.id);
    assert.equal(pushed.payload.events[0]?.type, 'exercise-created');
    ws.close();
  });
});
