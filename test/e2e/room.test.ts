/**
 * The room network end to end, in two browser contexts: the facilitator opens the room from the
 * console and creates a seat; a second browser joins with the code as the MSIT cell; an inject the
 * facilitator releases to MSIT shows at the seat; the seat decides and the console shows the
 * decision; a revoked seat is cut off; a forged origin is refused. Screenshots: test-artifacts/room-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureRendererBuilt, RENDERER_DIR } from '../../src-main/cli/commands/serve.ts';
import { createBackend } from '../../src-main/services/app-backend.ts';
import type { Backend } from '../../src-main/services/app-backend.ts';
import { startHttpServer } from '../../src-main/transport/http-server.ts';
import type { RunningServer } from '../../src-main/transport/http-server.ts';
import { startRoomServer } from '../../src-main/transport/room-server.ts';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable, screenshot } from './harness.ts';

const FACILITATOR = { person: 'facilitator', cell: 'control' };
const skip = !(await chromiumAvailable()) && 'Chromium is not installed at /usr/bin/chromium';

describe('room network', { skip, timeout: 300_000 }, () => {
  let dataDir: string;
  let backend: Backend;
  let server: RunningServer;
  let browser: Browser;
  let exerciseId: string;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  before(async () => {
    await ensureRendererBuilt({ out: () => undefined, err: (l) => console.error(l) });
    dataDir = await mkdtemp(join(tmpdir(), 'sitroom-room-e2e-'));
    let self: Backend | null = null;
    self = await createBackend({ dataDir, ticker: false, roomListener: (args) => startRoomServer({ backend: self!, staticDir: RENDERER_DIR, ...args }) });
    backend = self;
    server = await startHttpServer({ backend, staticDir: RENDERER_DIR });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    await backend.handlers['settings:update']({ language: 'en' });
    const library = await backend.handlers['library:list-scenarios']({});
    assert.ok(library.ok);
    const entry = library.value.find((e) => e.id === 'pangyo-datacenter-fire');
    assert.ok(entry);
    const created = await backend.handlers['exercise:create']({
      scenarioFile: entry.file,
      setup: {
        title: 'Room network e2e',
        date: '2026-11-30',
        venue: 'Room 1',
        marking: 'UNCLASSIFIED // EXERCISE',
        language: 'en',
        participants: [{ id: 'p-msit', name: 'Kim', cell: 'msit' }],
        evaluators: [],
        clock: { mode: 'stepped' },
      },
    });
    assert.ok(created.ok);
    exerciseId = created.value.id;
    assert.ok((await backend.handlers['exercise:dispatch']({ id: exerciseId, command: { type: 'start-exercise' }, actor: FACILITATOR })).ok);
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    await backend?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function page(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 950 } });
    contexts.push(context);
    const p = await context.newPage();
    p.setDefaultTimeout(20_000);
    p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    p.on('console', (m) => {
      // A revoked seat's socket retries and is refused (401): expected, and logged by Chromium.
      if (m.type() === 'error' && !/WebSocket|401|Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
    });
    await p.addInitScript({ content: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective));" });
    return { context, page: p };
  }

  async function expectEvent(match: (e: { type: string; actor: { cell: string }; [k: string]: unknown }) => boolean): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const events = await backend.handlers['exercise:events-since']({ id: exerciseId, afterSeq: 0 });
      assert.ok(events.ok);
      if ((events.value.events as Parameters<typeof match>[0][]).some(match)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail('the expected event was not recorded');
  }

  test('facilitator opens the room, a seat joins and plays, is revoked, and forged origins are refused', async () => {
    // The facilitator: console → room network page; open on loopback; create the MSIT seat.
    const facilitator = await page();
    const console_ = facilitator.page;
    await console_.goto(`${server.url}#/exercise/${exerciseId}/console`);
    await console_.getByRole('link', { name: 'Room network' }).click();
    await console_.getByRole('heading', { name: 'Room network' }).waitFor();
    await console_.getByRole('button', { name: 'Open the room' }).click();
    const roomUrl = (await console_.getByTestId('room-url').textContent())?.trim() ?? '';
    assert.match(roomUrl, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.notEqual(roomUrl, server.url, 'a second listener, not the facilitator’s');
    await console_.locator('select[name=cell]').selectOption('msit');
    await console_.locator('input[name=label]').fill('MSIT desk');
    await console_.getByRole('button', { name: 'Create seat' }).click();
    const code = (await console_.getByTestId('seat-code').textContent())?.trim() ?? '';
    assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await console_.getByRole('img', { name: /QR code to join as MSIT desk/ }).waitFor();
    await screenshot(console_, 'room-console');

    // The player's laptop: the room address, the join page, the code.
    const player = await page();
    const seat = player.page;
    await seat.goto(`${roomUrl}join`);
    await seat.getByLabel('Join code').fill(code.toLowerCase());
    await seat.getByRole('button', { name: 'Join' }).click();
    await seat.waitForURL(/#\/seat$/);
    await seat.getByRole('heading', { name: /Ministry of Science and ICT|MSIT/ }).first().waitFor();
    const cookies = await player.context.cookies();
    assert.deepEqual(cookies.map((c) => [c.name, c.httpOnly, c.sameSite]), [['sitroom_seat', true, 'Strict']]);
    assert.ok(!seat.url().includes(code.replace('-', '')) && !seat.url().includes(code), 'no code in the URL');
    await seat.getByRole('heading', { name: /Messages/ }).waitFor();
    assert.equal(await seat.getByText('Spark in the B3 battery room').count(), 1, 'the public/all inject from StartEx is there');

    // The facilitator releases the situation-judgement inject (to MSIT, with a decision for MSIT).
    const released = await console_.evaluate(async (id) => {
      const reply = await fetch('./api/exercise:dispatch', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id, command: { type: 'release-inject', inject: 'inj-sitjudge' }, actor: { person: 'facilitator', cell: 'control' } }),
      });
      return (await reply.json()) as { ok: boolean };
    }, exerciseId);
    assert.ok(released.ok);
    await seat.getByRole('heading', { name: /situation-judgement|Situation judgement/i }).first().waitFor();
    const prompt = seat.getByText('Which crisis alert level does MSIT issue for the outage now?');
    await prompt.waitFor();
    await screenshot(seat, 'room-seat-inject');

    // The seat decides; the console's record shows it.
    await seat.getByLabel(/경계 \(Alert\)/).check();
    await seat.getByLabel('Why').fill('Nationwide outage, no ETA');
    await seat.getByRole('button', { name: 'Record the decision' }).click();
    await seat.getByText(/Decided: 경계 \(Alert\)/).waitFor();
    const events = await backend.handlers['exercise:events-since']({ id: exerciseId, afterSeq: 0 });
    assert.ok(events.ok);
    const decision = (events.value.events as { type: string; actor: { cell: string }; choice?: { option: string } }[]).find((e) => e.type === 'decision-recorded');
    assert.equal(decision?.actor.cell, 'msit');
    assert.equal(decision?.choice?.option, 'alert-c');
    await console_.goto(`${server.url}#/exercise/${exerciseId}/console`);
    await console_.getByText('Nationwide outage, no ETA').first().waitFor();
    await screenshot(console_, 'room-console-decision');

    // The seat passes the message on to another cell (recorded as MSIT's share).
    await seat.locator('#seat-share-inj-sitjudge').selectOption('nis');
    await seat.locator('form.share').filter({ has: seat.locator('#seat-share-inj-sitjudge') }).getByRole('button', { name: 'Share' }).click();
    await expectEvent((e) => e.type === 'inject-shared' && e.fromCell === 'msit' && e.actor.cell === 'msit');

    // The room drops (the facilitator closes it, or the network fails): the seat says so and a
    // command sent meanwhile is refused with a notice, not lost. Back on the same port, the seat
    // resumes by itself and the command, sent again, is recorded once.
    const port = Number(new URL(roomUrl).port);
    assert.ok((await backend.handlers['room:close']({})).ok);
    await seat.getByText(/Connection lost — reconnecting/).waitFor();
    await seat.getByLabel('What your cell did').fill('Situation room opened on floor 2');
    await seat.getByRole('button', { name: 'Send' }).click();
    await seat.getByText(/Not sent: the facilitator’s computer cannot be reached/).waitFor();
    await screenshot(seat, 'room-seat-offline');
    assert.ok((await backend.handlers['room:open']({ id: exerciseId, host: '127.0.0.1', port })).ok);
    await seat.getByText(/Connection lost — reconnecting/).waitFor({ state: 'detached' });
    await seat.getByRole('button', { name: 'Send' }).click();
    await seat.getByRole('status').getByText('Recorded.').waitFor();
    await seat.getByText(/— Situation room opened on floor 2/).waitFor();
    const afterResume = await backend.handlers['exercise:events-since']({ id: exerciseId, afterSeq: 0 });
    assert.ok(afterResume.ok);
    assert.equal((afterResume.value.events as { type: string; text?: string }[]).filter((e) => e.type === 'action-logged' && e.text === 'Situation room opened on floor 2').length, 1);

    // A forged origin is refused, on the API and the socket, even with the seat's cookie.
    const forged = await player.context.request.post(`${roomUrl}api/seat:view`, { headers: { Origin: 'http://evil.example', 'Content-Type': 'application/json' }, data: {} });
    assert.equal(forged.status(), 403);
    const genuine = await player.context.request.post(`${roomUrl}api/seat:view`, { headers: { Origin: roomUrl.replace(/\/$/, ''), 'Content-Type': 'application/json' }, data: {} });
    assert.equal(genuine.status(), 200);
    const forgedRoomCalls = await player.context.request.post(`${roomUrl}api/exercise:open`, { headers: { Origin: roomUrl.replace(/\/$/, ''), 'Content-Type': 'application/json' }, data: { id: exerciseId } });
    assert.equal(forgedRoomCalls.status(), 403, 'a seat cannot read the whole record');

    // Revoked: the seat's screen says so at once, and its requests get 401.
    await console_.goto(`${server.url}#/exercise/${exerciseId}/room`);
    await console_.getByRole('button', { name: 'Revoke' }).click();
    await seat.getByText('This laptop is not joined to a seat, or its seat was revoked.').waitFor();
    const after = await player.context.request.post(`${roomUrl}api/seat:view`, { headers: { Origin: roomUrl.replace(/\/$/, ''), 'Content-Type': 'application/json' }, data: {} });
    assert.equal(after.status(), 401);
    await screenshot(seat, 'room-seat-revoked');
    await screenshot(console_, 'room-console-revoked');
    assert.deepEqual(errors, []);
  });
});
