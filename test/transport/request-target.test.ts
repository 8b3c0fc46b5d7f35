// Request targets that do not name a path of this server (`//`, `//host/…`, `*`, absolute URLs):
// each is a plain 404 (or a refused upgrade), never a 500, and never a crash of the server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../src-main/services/app-backend.ts';
import type { Backend } from '../../src-main/services/app-backend.ts';
import { requestPath, startHttpServer } from '../../src-main/transport/http-server.ts';
import type { RunningServer } from '../../src-main/transport/http-server.ts';
import { fixture } from '../helpers/paths.ts';

let server: RunningServer;
let backend: Backend;
let origin: string;

/** Sends `target` exactly as given on the request line (no URL normalisation on our side). */
function raw(target: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: string; upgraded: boolean }> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: target, method: options.method ?? 'GET', headers: { host: url.host, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), upgraded: false }));
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, body: '', upgraded: true });
    });
    req.on('error', reject);
    req.end();
  });
}

const upgradeHeaders = () => ({
  connection: 'Upgrade',
  upgrade: 'websocket',
  origin,
  'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
  'sec-websocket-version': '13',
});

before(async () => {
  const root = await mkdtemp(join(tmpdir(), 'sitroom-target-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Sitroom</title>');
  backend = await createBackend({ dataDir: await mkdtemp(join(tmpdir(), 'sitroom-target-data-')), scenarioDirs: [fixture('scenarios')], ticker: false });
  server = await startHttpServer({ backend, staticDir: root });
  origin = server.url.replace(/\/$/, '');
});

after(async () => {
  await server.close();
  await backend.close();
});

describe('request targets that name no path of the app', () => {
  test('requestPath keeps origin-form paths and refuses the rest', () => {
    const at = 'http://127.0.0.1:4000';
    assert.equal(requestPath('/', at), '/');
    assert.equal(requestPath('/assets/app.js?v=1', at), '/assets/app.js');
    assert.equal(requestPath('/a//b', at), '/a//b', 'an empty segment inside the path is the static server’s business');
    for (const target of [undefined, '', '//', '///', '//evil.example/api/exercise:list', '//index.html', '*', 'http://evil.example/x', 'index.html']) {
      assert.equal(requestPath(target, at), null, String(target));
    }
  });

  test('`//`, `///` and other authority-looking targets are 404, not 500', async () => {
    for (const target of ['//', '///', '//index.html', '//%2e%2e/', '//[', '*', 'http://evil.example/index.html']) {
      const reply = await raw(target);
      assert.equal(reply.status, 404, `${target} → ${reply.status}`);
      assert.doesNotMatch(reply.body, /Sitroom|internal/);
    }
  });

  test('`//host/api/…` does not reach the API, even from the app’s own origin', async () => {
    const reply = await raw('//evil.example/api/exercise:list', { method: 'POST', headers: { origin, 'content-type': 'application/json' } });
    assert.equal(reply.status, 404);
    assert.doesNotMatch(reply.body, /"ok":true/);
  });

  test('a WebSocket upgrade to `//` is refused and the server keeps serving', async () => {
    const refused = await raw('//', { headers: upgradeHeaders() });
    assert.equal(refused.upgraded, false);
    assert.equal(refused.status, 403);
    const again = await raw('//x/ws', { headers: upgradeHeaders() });
    assert.equal(again.status, 403);
    // The server survived: the page and a proper upgrade still work.
    assert.equal((await raw('/')).status, 200);
    const upgraded = await raw('/ws', { headers: upgradeHeaders() });
    assert.equal(upgraded.upgraded, true);
    assert.equal(upgraded.status, 101);
  });
});
