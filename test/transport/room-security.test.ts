// The room network's listener, against a real server on loopback: joining with a code (single use,
// expiring, rate-limited, never guessable), the seat cookie, per-seat authorization of requests and
// pushes, revocation cutting a seat off at once, origin/host checks, and bad payloads changing nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { collect, openRoom } from './room-support.ts';
import type { Room } from './room-support.ts';

let room: Room;

before(async () => {
  room = await openRoom();
  await room.dispatch({ type: 'start-exercise' });
});
after(() => room.close());

const head = async () => {
  const events = await room.backend.handlers['exercise:events-since']({ id: room.exerciseId, afterSeq: 0 });
  assert.ok(events.ok);
  return events.value.head;
};

describe('joining the room', () => {
  test('a code is exchanged for an HttpOnly, SameSite=Strict cookie holding a long random token', async () => {
    const { code, seatId } = await room.seat('player', 'msit');
    const joined = await room.join(code);
    assert.equal(joined.status, 200);
    assert.ok(joined.json.ok);
    assert.deepEqual((joined.json.value as { seat: { id: string; cell: string } }).seat.id, seatId);
    const cookie = String(joined.headers['set-cookie']);
    assert.match(cookie, /^sitroom_seat=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+$/);
    assert.ok(!joined.body.includes(cookie.split(';')[0]!.split('=')[1]!), 'the token is not in the body');
    assert.equal(joined.headers['cache-control'], 'no-store');
  });

  test('a reused code, a guessed code and an expired code all fail with a clear message', async () => {
    const { code } = await room.seat('player', 'kisa');
    assert.ok((await room.join(code)).json.ok);
    const reused = await room.join(code, { 'x-forwarded-for': '1.2.3.4' });
    assert.equal(reused.json.error?.code, 'refused');
    assert.match(reused.json.error?.message ?? '', /not valid.*Ask the facilitator/);
    const guessed = await room.join('2222-2222');
    assert.equal(guessed.json.error?.code, 'refused');
    const late = await room.seat('player', 'kisa');
    room.clock.advance(31 * 60_000);
    assert.equal((await room.join(late.code)).json.error?.code, 'refused');
  });

  test('/join leads to the app’s join page; the code never travels in a URL to the server', async () => {
    const reply = await room.send('/join');
    assert.equal(reply.status, 303);
    assert.equal(reply.headers.location, '/#/join');
    const listed = await room.backend.handlers['room:create-seat']({ id: room.exerciseId, role: 'display', cell: null, evaluator: null, label: 'Projector' });
    assert.ok(listed.ok);
    assert.match(listed.value.joinUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+\/#\/join\?code=[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'the QR link carries the code in the fragment only');
    assert.match(listed.value.qrSvg ?? '', /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});

describe('a joined seat', () => {
  test('gets only its seat view; the facilitator’s requests are refused', async () => {
    const { cookie } = await room.joinedSeat('msit');
    const view = await room.api('seat:view', {}, cookie);
    assert.equal(view.status, 200);
    assert.equal((view.json.value as { cell: { id: string } }).cell.id, 'msit');
    for (const channel of ['exercise:open', 'exercise:events-since', 'exercise:list', 'room:status', 'room:create-seat', 'room:revoke-seat', 'library:list-scenarios', 'report:export']) {
      const reply = await room.api(channel, { id: room.exerciseId, afterSeq: 0 }, cookie);
      assert.equal(reply.status, 403, channel);
      assert.equal(reply.json.error?.code, 'forbidden');
    }
    const settings = await room.api('settings:get', {}, cookie);
    assert.equal((settings.json.value as { dataDir: string }).dataDir, '', 'no facilitator path');
  });

  test('without a cookie, or with a made-up one, nothing but the app’s files is served', async () => {
    for (const cookie of [undefined, 'sitroom_seat=' + 'A'.repeat(43), 'sitroom_seat=../../etc']) {
      const reply = await room.api('seat:view', {}, cookie);
      assert.equal(reply.status, 401);
      assert.equal(reply.json.error?.code, 'forbidden');
      await assert.rejects(room.socket(cookie), /401/);
    }
    const settings = await room.api('settings:get', {});
    assert.equal(settings.status, 200, 'the join page may read the language before joining');
    assert.deepEqual(Object.keys(settings.json.value as object).sort(), ['dataDir', 'language', 'theme']);
    assert.equal((settings.json.value as { dataDir: string }).dataDir, '');
    assert.equal((await room.send('/')).status, 200);
    assert.equal((await room.send('/assets/')).status, 404, 'no directory listing');
    for (const path of ['/%2e%2e/package.json', '/..%2f..%2fetc%2fpasswd', '/api/../index.html']) assert.ok([400, 404].includes((await room.send(path)).status) || path.endsWith('index.html'), path);
  });

  test('acts only as its own cell; the actor is the seat, whatever the request says', async () => {
    const { cookie } = await room.joinedSeat('msit');
    const before = await head();
    const other = await room.api('exercise:dispatch', { id: room.exerciseId, command: { type: 'log-action', cell: 'kisa', text: 'as kisa', tasks: [] }, actor: { person: 'p-kisa', cell: 'kisa' } }, cookie);
    assert.equal(other.json.error?.code, 'forbidden');
    const control = await room.api('exercise:dispatch', { id: room.exerciseId, command: { type: 'end-exercise' }, actor: { person: 'facilitator', cell: 'ctrl' } }, cookie);
    assert.equal(control.json.error?.code, 'forbidden');
    assert.deepEqual(await head(), before, 'nothing recorded');
    const own = await room.api('exercise:dispatch', { id: room.exerciseId, command: { type: 'log-action', cell: 'msit', text: 'Room open', tasks: [] }, actor: { person: 'facilitator', cell: 'ctrl' } }, cookie);
    assert.ok(own.json.ok, own.body);
    const events = await room.backend.handlers['exercise:events-since']({ id: room.exerciseId, afterSeq: before.seq });
    assert.ok(events.ok);
    assert.deepEqual((events.value.events[0] as { actor: unknown }).actor, { person: 'p-msit', cell: 'msit' });
  });

  test('receives seq numbers only, and its view shows what is addressed to it and not what is not', async () => {
    const msit = await room.joinedSeat('msit');
    const kisa = await room.joinedSeat('kisa');
    const display = await room.joinedSeat(null, 'display');
    const ws = await room.socket(msit.cookie);
    const inbox = collect(ws);
    const changed = inbox.next('seat:changed');
    await room.dispatch({ type: 'release-inject', inject: 'inj-smish' });
    const payload = await changed;
    const now = await head();
    assert.equal(payload['toSeq'], now.seq);
    assert.deepEqual(Object.keys(payload).sort(), ['fromSeq', 'head', 'id', 'toSeq']);
    assert.ok(inbox.messages.every((m) => m.event !== 'exercise:events'));
    assert.ok(!JSON.stringify(inbox.messages).includes('Smishing'), 'no content is pushed');
    const ids = async (cookie: string) => ((await room.api('seat:view', {}, cookie)).json.value as { injects: { id: string }[] }).injects.map((i) => i.id);
    assert.ok((await ids(kisa.cookie)).includes('inj-smish'));
    assert.ok(!(await ids(msit.cookie)).includes('inj-smish'), 'addressed to kisa only');
    assert.ok(!(await ids(display.cookie)).includes('inj-fire'), 'the display sees public injects only');
    ws.close();
  });

  test('a revoked seat is cut off at once: its socket closes and its requests get 401', async () => {
    const { cookie, seatId } = await room.joinedSeat('kisa');
    const ws = await room.socket(cookie);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    const listed = await room.backend.handlers['room:status']({});
    assert.equal(listed.ok && listed.value.seats.find((s) => s.id === seatId)?.connections, 1, 'the console sees it connected');
    assert.ok((await room.backend.handlers['room:revoke-seat']({ seatId })).ok);
    assert.equal(await closed, 4401);
    assert.equal((await room.api('seat:view', {}, cookie)).status, 401);
    await assert.rejects(room.socket(cookie), /401/);
    const after = await room.backend.handlers['room:status']({});
    assert.equal(after.ok && after.value.seats.find((s) => s.id === seatId)?.connections, 0);
  });
});

describe('what the listener refuses', () => {
  test('a forged origin or host, on the API, the join and the WebSocket', async () => {
    const { cookie } = await room.joinedSeat('msit');
    const forged = await room.api('seat:view', {}, cookie, { origin: 'http://evil.example' });
    assert.equal(forged.status, 403);
    const { code } = await room.seat('player', 'msit');
    assert.equal((await room.join(code, { origin: 'http://evil.example' })).status, 403);
    assert.ok((await room.join(code)).json.ok, 'the refused attempt did not spend the code');
    await assert.rejects(room.socket(cookie, 'http://evil.example'), /403/);
    const wrongHost = await room.send('/', { host: 'evil.example' });
    assert.equal(wrongHost.status, 421);
  });

  test('oversized and malformed payloads get a clear error and change nothing', async () => {
    const { cookie } = await room.joinedSeat('msit');
    const before = await head();
    const huge = await room.send('/api/exercise:dispatch', { method: 'POST', headers: { 'content-type': 'application/json', origin: room.origin, cookie }, body: Buffer.alloc(2 * 1024 * 1024, 0x20) });
    assert.equal(huge.status, 413);
    assert.equal(huge.json.error?.code, 'too-large');
    const hugeJoin = await room.send('/api/join', { method: 'POST', headers: { 'content-type': 'application/json', origin: room.origin }, body: JSON.stringify({ code: 'A'.repeat(5000) }) });
    assert.equal(hugeJoin.status, 413);
    const broken = await room.send('/api/exercise:dispatch', { method: 'POST', headers: { 'content-type': 'application/json', origin: room.origin, cookie }, body: '{"id": ' });
    assert.equal(broken.status, 400);
    assert.match(broken.json.error?.message ?? '', /not valid JSON/);
    const wrongShape = await room.api('exercise:dispatch', { id: room.exerciseId, command: { type: 'log-action', cell: 'msit', text: 1 }, actor: { person: 'x', cell: 'msit' } }, cookie);
    assert.equal(wrongShape.status, 400);
    assert.match(wrongShape.json.error?.message ?? '', /Invalid request at command/);
    const proto = await room.send('/api/join', { method: 'POST', headers: { 'content-type': 'application/json', origin: room.origin }, body: '{"code":"AAAA-AAAA","__proto__":{"x":1}}' });
    assert.equal(proto.json.error?.code, 'bad-request');
    const notJson = await room.send('/api/join', { method: 'POST', headers: { 'content-type': 'text/plain', origin: room.origin }, body: 'code=x' });
    assert.equal(notJson.status, 415);
    assert.deepEqual(await head(), before);
  });

  test('join attempts are rate-limited per address', async () => {
    // Every earlier wrong code in this file counted too; keep failing until the limit answers.
    let reply = await room.join('3333-3333');
    for (let i = 0; i < 20 && reply.status !== 429; i++) reply = await room.join('3333-3333');
    assert.equal(reply.status, 429);
    assert.equal(reply.json.error?.code, 'rate-limited');
    assert.match(String(reply.headers['retry-after']), /^\d+$/);
    const { code } = await room.seat('player', 'msit');
    assert.equal((await room.join(code)).status, 429, 'even a right code waits');
    room.clock.advance(61_000);
    assert.ok((await room.join(code)).json.ok);
  });

  test('the room opens only on an address of this computer', async () => {
    const elsewhere = await room.backend.handlers['room:open']({ id: room.exerciseId, host: '8.8.8.8', port: 0 });
    assert.equal(elsewhere.ok ? '' : elsewhere.error.code, 'bad-request');
    const all = await room.backend.handlers['room:open']({ id: room.exerciseId, host: '0.0.0.0', port: 0 });
    assert.equal(all.ok, false, 'never every interface at once');
  });
});
