// The real backend behind the real IPC adapter, with fake Electron objects: a trusted window's
// request reaches the services, an untrusted one does not, and acknowledged events are pushed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../src-main/services/app-backend.ts';
import { wireBackendToIpc } from '../../src-main/electron/backend-ipc.ts';
import { createTrustedSenders, isTrustedSender } from '../../src-main/electron/trusted-senders.ts';
import type { InvokeEventLike } from '../../src-main/electron/trusted-senders.ts';
import { fixture } from '../helpers/paths.ts';

type Handler = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

function fakeWindow(id: number) {
  const sent: { channel: string; payload: unknown }[] = [];
  return { id, sent, isDestroyed: () => false, send: (channel: string, payload: unknown) => void sent.push({ channel, payload }), once: () => undefined };
}

const fromApp = (id: number): InvokeEventLike => ({ sender: { id }, senderFrame: { url: 'app://sitroom/index.html', parent: null } });

describe('the backend over Electron IPC', () => {
  test('a trusted window creates and plays an exercise; events are pushed to it; a hostile sender is refused', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sitroom-ipc-'));
    const backend = await createBackend({ dataDir, scenarioDirs: [fixture('scenarios')], ticker: false });
    const ipcMain = fakeIpcMain();
    const trusted = createTrustedSenders();
    const window = fakeWindow(7);
    trusted.trust(window);
    const unwire = wireBackendToIpc({ ipcMain, trusted, isTrustedSender: (e) => isTrustedSender(trusted, e), log: () => undefined }, backend);

    const call = (channel: string, payload: unknown, event = fromApp(7)) => ipcMain.handlers.get(channel)!(event, payload) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
    const created = await call('exercise:create', {
      scenarioFile: fixture('scenarios', 'minimal.yaml'),
      setup: { title: 'IPC', date: '2026-11-30', venue: 'x', marking: 'EXERCISE', language: 'en', participants: [{ id: 'p1', name: 'Kim', cell: 'msit' }], evaluators: [], clock: { mode: 'realtime' } },
    });
    assert.equal(created.ok, true, JSON.stringify(created));
    const id = (created.value as { id: string }).id;
    const started = await call('exercise:dispatch', { id, command: { type: 'start-exercise' }, actor: { person: 'facilitator', cell: 'ctrl' } });
    assert.equal(started.ok, true, JSON.stringify(started));
    const pushed = window.sent.filter((m) => m.channel === 'exercise:events').map((m) => m.payload as { events: { type: string }[] });
    assert.ok(pushed.some((p) => p.events.some((e) => e.type === 'exercise-started')), 'StartEx was pushed to the window');

    const hostile = await call('exercise:list', {}, { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } });
    assert.equal(hostile.error?.code, 'forbidden');
    const stranger = await call('exercise:list', {}, fromApp(99));
    assert.equal(stranger.error?.code, 'forbidden');
    const malformed = await call('exercise:dispatch', { id, command: { type: 'launch-missiles' }, actor: { person: 'x', cell: 'ctrl' } });
    assert.equal(malformed.error?.code, 'bad-request');
    const outsider = await call('exercise:create', { scenarioFile: '/etc/passwd.yaml', setup: { title: 'x', date: '2026-11-30', venue: 'x', marking: 'x', language: 'en', participants: [], evaluators: [], clock: { mode: 'realtime' } } });
    assert.equal(outsider.error?.code, 'not-found', 'only library scenarios can be used');

    unwire();
    assert.equal(ipcMain.handlers.size, 0);
    await backend.close();
  });
});
