// Load figures for the room network (issue 6), not a test: 60 simulated seats on loopback, each
// joined with its code, holding a WebSocket and sending a command every few seconds for a bounded
// time. Prints acknowledgement latency p50/p99, events delivered per seat, and lost / duplicated
// events (seq coverage per seat, and commands acknowledged vs actions in the record): both must be 0.
//   node --import tsx scripts/bench-room.ts [--quick] [--seats N] [--seconds S]
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createBackend } from '../src-main/services/app-backend.ts';
import type { Backend } from '../src-main/services/app-backend.ts';
import { startRoomServer } from '../src-main/transport/room-server.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const quick = args.includes('--quick');
const SEATS = option('--seats', 60);
const SECONDS = option('--seconds', quick ? 15 : 60);
const EVERY_MS = 3_000;
const FACILITATOR = { person: 'facilitator', cell: 'control' };

const dataDir = await mkdtemp(join(tmpdir(), 'sitroom-bench-room-'));
const staticDir = await mkdtemp(join(tmpdir(), 'sitroom-bench-static-'));
let self: Backend | null = null;
self = await createBackend({ dataDir, ticker: false, roomListener: (a) => startRoomServer({ backend: self!, staticDir, ...a }) });
const backend = self;
const library = await backend.handlers['library:list-scenarios']({});
const entry = library.ok ? library.value.find((e) => e.id === 'pangyo-datacenter-fire') : undefined;
if (!entry) throw new Error('the shipped Pangyo scenario is missing');
const created = await backend.handlers['exercise:create']({
  scenarioFile: entry.file,
  setup: { title: 'Room bench', date: '2026-11-30', venue: 'Bench', marking: 'EXERCISE', language: 'en', participants: [], evaluators: [], clock: { mode: 'stepped' } },
});
if (!created.ok) throw new Error(created.error.message);
const id = created.value.id;
await backend.handlers['exercise:dispatch']({ id, command: { type: 'start-exercise' }, actor: FACILITATOR });
const opened = await backend.handlers['room:open']({ id, host: '127.0.0.1', port: 0 });
if (!opened.ok) throw new Error(opened.error.message);
const origin = opened.value.url!.replace(/\/$/, '');
const url = new URL(origin);
const agent = new Agent({ keepAlive: true, maxSockets: SEATS + 4 });
const scenario = await backend.handlers['library:get-scenario']({ file: entry.file });
const cells = scenario.ok ? (scenario.value.scenario as { cells: { id: string; role: string }[] }).cells.filter((c) => c.role === 'player').map((c) => c.id) : [];

function post(path: string, body: unknown, cookie?: string): Promise<{ status: number; json: { ok: boolean; value?: unknown; error?: { message: string } }; setCookie: string | undefined }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path, method: 'POST', headers: { host: url.host, origin, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...(cookie ? { cookie } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as never, setCookie: res.headers['set-cookie']?.[0] }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

interface Seat {
  cell: string;
  cookie: string;
  ws: WebSocket;
  fromSeq: number;
  received: Map<number, number>;
  sent: number;
  acked: number;
  failed: number;
}

const seats: Seat[] = [];
for (let i = 0; i < SEATS; i++) {
  const cell = cells[i % cells.length]!;
  const made = await backend.handlers['room:create-seat']({ id, role: 'player', cell, evaluator: null, label: `Seat ${i + 1}` });
  if (!made.ok) throw new Error(made.error.message);
  const joined = await post('/api/join', { code: made.value.code });
  if (!joined.json.ok || !joined.setCookie) throw new Error(`join failed: ${JSON.stringify(joined.json)}`);
  const cookie = joined.setCookie.split(';')[0]!;
  const received = new Map<number, number>();
  const ws = new WebSocket(`ws://${url.host}/ws`, { headers: { origin, cookie } });
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as { event: string; payload: { fromSeq: number; toSeq: number } };
    if (message.event !== 'seat:changed') return;
    for (let s = message.payload.fromSeq; s <= message.payload.toSeq; s++) received.set(s, (received.get(s) ?? 0) + 1);
  });
  // Everything up to the view's head is in the view; the pushes must cover the rest.
  const view = await post('/api/seat:view', {}, cookie);
  const fromSeq = (view.json.value as { head: { seq: number } }).head.seq;
  seats.push({ cell, cookie, ws, fromSeq, received, sent: 0, acked: 0, failed: 0 });
}

const latencies: number[] = [];
let retriedSame = 0;
let retried = 0;
const deadline = Date.now() + SECONDS * 1000;
let counter = 0;
await Promise.all(
  seats.map(async (seat, i) => {
    // Spread the seats over the interval so they do not all fire at once.
    await new Promise((resolve) => setTimeout(resolve, (i * EVERY_MS) / SEATS));
    while (Date.now() < deadline) {
      const key = `bench-${i}-${counter++}-${Math.random().toString(36).slice(2, 10)}`;
      const body = { id, command: { type: 'log-action', cell: seat.cell, text: `seat ${i} action ${seat.sent}`, tasks: [] }, actor: { person: 'x', cell: seat.cell }, key };
      seat.sent++;
      const started = performance.now();
      const reply = await post('/api/exercise:dispatch', body, seat.cookie);
      latencies.push(performance.now() - started);
      if (reply.json.ok) seat.acked++;
      else seat.failed++;
      // Every third command is sent again with its key, as a client whose answer was lost would.
      if (seat.sent % 3 === 0) {
        retried++;
        const again = await post('/api/exercise:dispatch', body, seat.cookie);
        if (JSON.stringify(again.json) === JSON.stringify(reply.json)) retriedSame++;
      }
      await new Promise((resolve) => setTimeout(resolve, EVERY_MS * (0.75 + Math.random() * 0.5)));
    }
  }),
);

// Let the last pushes arrive, then compare each seat's coverage with the record.
await new Promise((resolve) => setTimeout(resolve, 1_000));
const record = await backend.handlers['exercise:events-since']({ id, afterSeq: 0 });
if (!record.ok) throw new Error(record.error.message);
const head = record.value.head.seq;
const actions = (record.value.events as { type: string }[]).filter((e) => e.type === 'action-logged').length;
let lost = 0;
let duplicated = 0;
const delivered: number[] = [];
for (const seat of seats) {
  let count = 0;
  for (let s = seat.fromSeq + 1; s <= head; s++) {
    const n = seat.received.get(s) ?? 0;
    if (n === 0) lost++;
    if (n > 1) duplicated += n - 1;
    count += n;
  }
  delivered.push(count);
  seat.ws.close();
}
const acked = seats.reduce((n, s) => n + s.acked, 0);
const failed = seats.reduce((n, s) => n + s.failed, 0);
const sorted = [...latencies].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

console.log(`room: ${SEATS} seats over ${cells.length} cells, one command every ~${EVERY_MS / 1000} s each for ${SECONDS} s, loopback`);
const line = (name: string, value: string | number) => console.log(`bench: ${name}=${value}`);
line('room_seats', SEATS);
line('room_commands_acked', acked);
line('room_commands_failed', failed);
line('room_retries', retried);
line('room_retries_answered_same', retriedSame);
line('room_ack_p50_ms', pct(50).toFixed(1));
line('room_ack_p99_ms', pct(99).toFixed(1));
line('room_ack_max_ms', (sorted.at(-1) ?? 0).toFixed(1));
line('room_events_per_seat_min', Math.min(...delivered));
line('room_events_per_seat_max', Math.max(...delivered));
line('room_lost_events', lost);
line('room_duplicated_events', duplicated);
line('room_record_actions_minus_acked', actions - acked);

await backend.close();
agent.destroy();
await rm(dataDir, { recursive: true, force: true });
await rm(staticDir, { recursive: true, force: true });
if (lost !== 0 || duplicated !== 0 || actions !== acked || failed !== 0 || retriedSame !== retried) {
  console.error('room bench: events were lost or duplicated, or the record does not match the acknowledgements');
  process.exit(1);
}
