/** A backend with one exercise of the minimal scenario and its room open on loopback, for room tests. */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createBackend } from '../../src-main/services/app-backend.ts';
import type { Backend } from '../../src-main/services/app-backend.ts';
import { startRoomServer } from '../../src-main/transport/room-server.ts';
import { fixture } from '../helpers/paths.ts';

export const FACILITATOR = { person: 'facilitator', cell: 'ctrl' };

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

export interface Room {
  backend: Backend;
  exerciseId: string;
  origin: string;
  clock: { now: () => number; advance: (ms: number) => void };
  send(path: string, options?: { method?: string; headers?: Record<string, string>; body?: string | Buffer; host?: string }): Promise<Reply>;
  api(channel: string, payload: unknown, cookie?: string, headers?: Record<string, string>): Promise<Reply>;
  join(code: string, headers?: Record<string, string>): Promise<Reply>;
  seat(role: 'player' | 'evaluator' | 'observer' | 'display', cell: string | null, label?: string): Promise<{ seatId: string; code: string }>;
  /** Creates and joins a seat; the cookie header to send as it. */
  joinedSeat(cell: string | null, role?: 'player' | 'display' | 'observer'): Promise<{ seatId: string; cookie: string }>;
  socket(cookie: string | undefined, origin?: string): Promise<WebSocket>;
  dispatch(command: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function openRoom(): Promise<Room> {
  const root = await mkdtemp(join(tmpdir(), 'sitroom-room-static-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Sitroom</title>');
  let now = Date.parse('2026-11-30T09:00:00+09:00');
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  let backend: Backend | null = null;
  backend = await createBackend({
    dataDir: await mkdtemp(join(tmpdir(), 'sitroom-room-')),
    scenarioDirs: [fixture('scenarios')],
    ticker: false,
    now: clock.now,
    roomListener: (args) => startRoomServer({ backend: backend!, staticDir: root, ...args }),
  });
  const created = await backend.handlers['exercise:create']({
    scenarioFile: fixture('scenarios', 'minimal.yaml'),
    setup: {
      title: 'Room test',
      date: '2026-11-30',
      venue: 'Room 1',
      marking: 'EXERCISE',
      language: 'en',
      participants: [
        { id: 'p-msit', name: 'Kim', cell: 'msit' },
        { id: 'p-kisa', name: 'Lee', cell: 'kisa' },
      ],
      evaluators: [{ id: 'ev-1', name: 'Park' }],
      clock: { mode: 'stepped' },
    },
  });
  assert.ok(created.ok);
  const exerciseId = created.value.id;
  const opened = await backend.handlers['room:open']({ id: exerciseId, host: '127.0.0.1', port: 0 });
  assert.ok(opened.ok, JSON.stringify(opened));
  const origin = opened.value.url!.replace(/\/$/, '');
  const b = backend;

  const send: Room['send'] = (path, opts = {}) => {
    const url = new URL(path, origin);
    return new Promise((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: opts.method ?? 'GET', headers: { host: opts.host ?? url.host, ...opts.headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let json: Reply['json'] = { ok: false };
          try {
            json = JSON.parse(body) as Reply['json'];
          } catch {
            // not JSON (a static file or a plain-text error)
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
        });
      });
      req.on('error', reject);
      if (opts.body !== undefined) req.write(opts.body);
      req.end();
    });
  };
  const api: Room['api'] = (channel, payload, cookie, headers = {}) =>
    send(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}), ...headers }, body: JSON.stringify(payload) });
  const joinRoom: Room['join'] = (code, headers = {}) => send('/api/join', { method: 'POST', headers: { 'content-type': 'application/json', origin, ...headers }, body: JSON.stringify({ code }) });
  const seat: Room['seat'] = async (role, cell, label = 'Desk') => {
    const made = await b.handlers['room:create-seat']({ id: exerciseId, role, cell, evaluator: role === 'evaluator' ? 'ev-1' : null, label });
    assert.ok(made.ok, JSON.stringify(made));
    return { seatId: made.value.seatId, code: made.value.code };
  };
  return {
    backend: b,
    exerciseId,
    origin,
    clock,
    send,
    api,
    join: joinRoom,
    seat,
    async joinedSeat(cell, role = 'player') {
      const made = await seat(role, cell);
      const joined = await joinRoom(made.code);
      assert.equal(joined.status, 200);
      assert.ok(joined.json.ok, joined.body);
      const setCookie = String(joined.headers['set-cookie']);
      return { seatId: made.seatId, cookie: setCookie.split(';')[0]! };
    },
    socket(cookie, wsOrigin = origin) {
      return new Promise((resolve, reject) => {
        const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws`, { headers: { origin: wsOrigin, ...(cookie ? { cookie } : {}) } });
        ws.once('open', () => resolve(ws));
        ws.once('error', reject);
      });
    },
    async dispatch(command) {
      const result = await b.handlers['exercise:dispatch']({ id: exerciseId, command: command as never, actor: FACILITATOR });
      assert.ok(result.ok, JSON.stringify(result));
      return result.value;
    },
    async close() {
      await b.close();
    },
  };
}

/** Collects a socket's messages as parsed JSON. */
export function collect(ws: WebSocket): { messages: { event: string; payload: Record<string, unknown> }[]; next: (event: string) => Promise<Record<string, unknown>> } {
  const messages: { event: string; payload: Record<string, unknown> }[] = [];
  const waiters: { event: string; resolve: (p: Record<string, unknown>) => void }[] = [];
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as { event: string; payload: Record<string, unknown> };
    messages.push(message);
    const i = waiters.findIndex((w) => w.event === message.event);
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(message.payload);
  });
  return {
    messages,
    next: (event) => new Promise((resolve) => waiters.push({ event, resolve })),
  };
}
