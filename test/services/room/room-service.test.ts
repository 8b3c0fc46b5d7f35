// The room's seats: join codes (format, single use, expiry, guessing), tokens, revocation, the
// join-attempt limit per address, and seats surviving a facilitator restart.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CODE_ALPHABET, CODE_BITS, newJoinCode, normalizeJoinCode } from '../../../src-main/services/room/join-code.ts';
import { RoomService, SEATS_FILE_NAME } from '../../../src-main/services/room/room-service.ts';
import { tempDataDir, virtualClock } from '../support.ts';

const ROSTER = { playerCells: ['msit', 'kisa'], evaluators: ['ev-1'] };
const EXERCISE = 'ex-1';

async function makeRoom(dataDir?: string, clock = virtualClock()) {
  const dir = dataDir ?? (await tempDataDir());
  await mkdir(join(dir, 'exercises', EXERCISE), { recursive: true });
  const room = new RoomService({ dataDir: dir, now: clock.now, roster: (id) => Promise.resolve(id === EXERCISE ? ROSTER : null), joinFailures: { limit: 5, windowMs: 60_000 } });
  return { room, dir, clock };
}

const seat = (cell = 'msit') => ({ role: 'player' as const, cell, evaluator: null, label: `Desk ${cell}` });

describe('join codes', () => {
  test('are 8 characters of an unambiguous alphabet carrying at least 40 bits, read forgivingly', () => {
    assert.ok(CODE_BITS >= 40);
    assert.equal(CODE_ALPHABET.length, 32);
    for (const c of 'ILOU') assert.ok(!CODE_ALPHABET.includes(c));
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = newJoinCode();
      assert.match(code, /^[0-9A-HJKMNP-TV-Z]{8}$/);
      seen.add(code);
    }
    assert.equal(seen.size, 2000, 'no repeats in 2000 codes');
    assert.equal(normalizeJoinCode(' abcd-efgh '), 'ABCDEFGH');
    assert.equal(normalizeJoinCode('o1lI-2345'), '01112345', 'O reads as 0, I and L as 1');
    assert.equal(normalizeJoinCode('ABCDEFG'), null);
    assert.equal(normalizeJoinCode('ABCDEFGU'), null, 'U is not in the alphabet');
  });
});

describe('the room service', () => {
  test('a code joins its seat once; the token names that seat; the code is then spent', async () => {
    const { room } = await makeRoom();
    const issued = await room.createSeat(EXERCISE, seat());
    assert.ok(issued.ok);
    const joined = await room.join(issued.value.code.toLowerCase(), '10.0.0.2');
    assert.ok(joined.ok);
    assert.ok(Buffer.from(joined.token, 'base64url').length >= 16, 'at least 128 random bits');
    assert.equal(room.authenticate(joined.token)?.cell, 'msit');
    const again = await room.join(issued.value.code, '10.0.0.3');
    assert.equal(again.ok, false, 'single use');
    assert.equal(room.authenticate('x'.repeat(43)), null);
    assert.equal(room.authenticate(undefined), null);
  });

  test('an expired code fails, and so does a guessed one', async () => {
    const { room, clock } = await makeRoom();
    const issued = await room.createSeat(EXERCISE, seat());
    assert.ok(issued.ok);
    clock.advance(30 * 60_000 + 1);
    const late = await room.join(issued.value.code, '10.0.0.2');
    assert.equal(late.ok, false);
    assert.equal(late.ok ? '' : late.code, 'refused');
    const fresh = await room.newCode(issued.value.seat.id);
    assert.ok(fresh.ok);
    assert.notEqual(fresh.value.code, issued.value.code);
    assert.equal((await room.join('ZZZZ-ZZZZ', '10.0.0.9')).ok, fresh.value.code === 'ZZZZ-ZZZZ');
    assert.ok((await room.join(fresh.value.code, '10.0.0.2')).ok);
  });

  test('failed attempts from one address are limited; other addresses are not affected', async () => {
    const { room, clock } = await makeRoom();
    const issued = await room.createSeat(EXERCISE, seat());
    assert.ok(issued.ok);
    for (let i = 0; i < 5; i++) assert.equal((await room.join(`0000-000${i}`, '10.0.0.66')).ok, false);
    const blocked = await room.join(issued.value.code, '10.0.0.66');
    assert.equal(blocked.ok ? '' : blocked.code, 'rate-limited', 'even the right code is refused while limited');
    assert.equal(room.seats(EXERCISE)[0]?.joined, false, 'and the code is not spent');
    clock.advance(60_001);
    assert.ok((await room.join(issued.value.code, '10.0.0.66')).ok, 'the limit ends with the window');
  });

  test('a seat must name a player cell or an evaluator of the exercise', async () => {
    const { room } = await makeRoom();
    assert.equal((await room.createSeat(EXERCISE, seat('ctrl'))).ok, false);
    assert.equal((await room.createSeat(EXERCISE, { role: 'evaluator', cell: null, evaluator: 'nobody', label: 'E' })).ok, false);
    assert.equal((await room.createSeat(EXERCISE, { ...seat(), label: '  ' })).ok, false);
    assert.equal((await room.createSeat('no-such', seat())).ok, false);
    const display = await room.createSeat(EXERCISE, { role: 'display', cell: 'msit', evaluator: null, label: 'Projector' });
    assert.ok(display.ok);
    assert.equal(display.value.seat.cell, null, 'a display seat has no cell whatever was asked');
  });

  test('revoking cuts the token off at once and tells listeners', async () => {
    const { room } = await makeRoom();
    const issued = await room.createSeat(EXERCISE, seat());
    assert.ok(issued.ok);
    const joined = await room.join(issued.value.code, '10.0.0.2');
    assert.ok(joined.ok);
    const cut: string[] = [];
    room.onCutOff((id) => cut.push(id));
    assert.ok((await room.revoke(issued.value.seat.id)).ok);
    assert.deepEqual(cut, [issued.value.seat.id]);
    assert.equal(room.authenticate(joined.token), null);
    assert.equal((await room.newCode(issued.value.seat.id)).ok, false, 'a revoked seat gets no new code');
  });

  test('seats and joined devices survive a restart; only hashes are on disk', async () => {
    const { room, dir, clock } = await makeRoom();
    const a = await room.createSeat(EXERCISE, seat('msit'));
    const b = await room.createSeat(EXERCISE, seat('kisa'));
    assert.ok(a.ok && b.ok);
    const joined = await room.join(a.value.code, '10.0.0.2');
    assert.ok(joined.ok);
    const text = await readFile(join(dir, 'exercises', EXERCISE, SEATS_FILE_NAME), 'utf8');
    assert.ok(!text.includes(joined.token), 'no token on disk');
    assert.ok(!text.includes(b.value.code.replace('-', '')) && !text.includes(b.value.code), 'no code on disk');

    const restarted = (await makeRoom(dir, clock)).room;
    await restarted.load(EXERCISE);
    assert.equal(restarted.authenticate(joined.token)?.id, a.value.seat.id, 'the joined laptop stays joined');
    assert.ok((await restarted.join(b.value.code, '10.0.0.3')).ok, 'a pending code still works after a restart');
    const listed = restarted.seats(EXERCISE);
    assert.deepEqual(listed.map((s) => [s.cell, s.joined]), [['msit', true], ['kisa', true]]);
  });

  test('joining a seat again from another device replaces the first device', async () => {
    const { room } = await makeRoom();
    const issued = await room.createSeat(EXERCISE, seat());
    assert.ok(issued.ok);
    const first = await room.join(issued.value.code, '10.0.0.2');
    const again = await room.newCode(issued.value.seat.id);
    assert.ok(first.ok && again.ok);
    const second = await room.join(again.value.code, '10.0.0.4');
    assert.ok(second.ok);
    assert.equal(room.authenticate(first.token), null);
    assert.equal(room.authenticate(second.token)?.id, issued.value.seat.id);
  });
});
