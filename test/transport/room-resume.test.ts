// Nothing lost, nothing duplicated over the room network: a retried command (same idempotency key)
// is recorded once, and a seat that drops its connection resumes from the last seq it saw.
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

const actions = async () => {
  const opened = await room.backend.handlers['exercise:open']({ id: room.exerciseId });
  assert.ok(opened.ok);
  return (opened.value.events as { type: string }[]).filter((e) => e.type === 'action-logged').length;
};

describe('over the room network', () => {
  test('a command retried with its key is applied once and answered the same each time', async () => {
    const { cookie } = await room.joinedSeat('msit');
    const body = { id: room.exerciseId, command: { type: 'log-action', cell: 'msit', text: 'Situation room open', tasks: [] }, actor: { person: 'x', cell: 'msit' }, key: 'k-0123456789abcdef' };
    const before = await actions();
    const replies = await Promise.all([room.api('exercise:dispatch', body, cookie), room.api('exercise:dispatch', body, cookie)]);
    const retry = await room.api('exercise:dispatch', body, cookie);
    for (const reply of [...replies, retry]) assert.ok(reply.json.ok, reply.body);
    assert.deepEqual(replies[1].json, replies[0].json);
    assert.deepEqual(retry.json, replies[0].json);
    assert.equal(await actions(), before + 1);
    // Another seat using the same key is a different command: keys are scoped per seat.
    const other = await room.joinedSeat('kisa');
    const theirs = await room.api('exercise:dispatch', { ...body, command: { ...body.command, cell: 'kisa' } }, other.cookie);
    assert.ok(theirs.json.ok, theirs.body);
    assert.equal(await actions(), before + 2);
  });

  test('a seat that reconnects resumes from its last seq: every seq once, nothing missing', async () => {
    const { cookie } = await room.joinedSeat('kisa');
    const seen: number[] = [];
    const track = (payload: Record<string, unknown>) => {
      for (let s = Number(payload['fromSeq']); s <= Number(payload['toSeq']); s++) seen.push(s);
    };
    const view = async () => (await room.api('seat:view', {}, cookie)).json.value as { head: { seq: number }; injects: { id: string }[] };
    let last = (await view()).head.seq;
    const start = last;

    const first = await room.socket(cookie);
    const firstInbox = collect(first);
    firstInbox.messages.length = 0;
    const got = firstInbox.next('seat:changed');
    await room.dispatch({ type: 'add-control-log', text: 'one' });
    track(await got);
    last = seen.at(-1)!;
    first.close();
    await new Promise((resolve) => first.on('close', resolve));

    // While the seat is away the record grows, including an inject addressed to it.
    await room.dispatch({ type: 'add-control-log', text: 'two' });
    await room.dispatch({ type: 'release-inject', inject: 'inj-smish' });

    const second = await room.socket(cookie);
    const inbox = collect(second);
    // Resume: the view at the current head covers everything after `last`.
    const resumed = await view();
    for (let s = last + 1; s <= resumed.head.seq; s++) seen.push(s);
    assert.ok(resumed.injects.some((i) => i.id === 'inj-smish'), 'what it missed is in its view');
    const live = inbox.next('seat:changed');
    await room.dispatch({ type: 'add-control-log', text: 'three' });
    const payload = await live;
    assert.equal(payload['fromSeq'], resumed.head.seq + 1, 'the next push continues where the resume ended');
    track(payload);
    second.close();

    const expected = Array.from({ length: Number(payload['toSeq']) - start }, (_, i) => start + 1 + i);
    assert.deepEqual(seen, expected, 'no seq lost, none twice');
  });
});
