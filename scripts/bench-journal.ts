/**
 * Journal benchmark (not a test): what one durable append costs, compared with the floor (a bare
 * write + fdatasync of a line of the same size) and with lowdb rewriting its whole file per event.
 *
 *   node --import tsx scripts/bench-journal.ts [--quick]
 *
 * Runs in a temp folder on the OS temp disk; takes about 3 minutes (--quick: 1k and 10k only).
 */
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSONFile } from 'lowdb/node';
import { Low } from 'lowdb';
import { openJournal, verifyJournalFile } from '../src-main/store/journal/index.ts';
import { EMPTY_HEAD, sealEntries } from '../src-main/store/journal/entry.ts';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const LOWDB_FULL = 1_000; // every write measured up to this many events
const LOWDB_SAMPLES = 100; // above it, writes measured at this many evenly spaced sizes
const BARE_EVERY_ABOVE_10K = 10; // at 100k, one bare write+fdatasync per 10 appends keeps the run under 4 min

function event(n: number): unknown {
  return {
    type: 'decision-recorded',
    point: `D-${String(n % 40).padStart(2, '0')}`,
    cell: n % 3 === 0 ? 'MSIT' : n % 3 === 1 ? 'NIS' : 'MOIS',
    option: n % 4,
    actor: { person: 'facilitator', cell: 'control' },
    scenarioTimeMs: n * 60_000,
    rationale: 'Raise the crisis level to 경계 and convene the central HQ.',
  };
}

interface Stats {
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly total: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const total = samples.reduce((a, b) => a + b, 0);
  return { p50: at(0.5), p99: at(0.99), mean: total / samples.length, total };
}

const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(3) : 'n/a');

async function journalAndBare(dir: string, count: number): Promise<{ journal: Stats; bare: Stats; path: string; bytes: number }> {
  const journal = await openJournal(join(dir, `journal-${count}`), { minFreeBytes: 0 });
  const bare = await open(join(dir, `bare-${count}.jsonl`), 'a');
  // The bare line has the size of a real entry line.
  const sample = sealEntries(EMPTY_HEAD, new Date().toISOString(), [event(1)])[0]?.line ?? '';
  const bareLine = Buffer.from('x'.repeat(Buffer.byteLength(sample)) + '\n');
  const journalTimes: number[] = [];
  const bareTimes: number[] = [];
  const bareEvery = count > 10_000 ? BARE_EVERY_ABOVE_10K : 1;
  for (let n = 0; n < count; n++) {
    // Interleaved, so both see the same disk, cache and CPU conditions.
    let t = performance.now();
    await journal.append([event(n)]);
    journalTimes.push(performance.now() - t);
    if (n % bareEvery !== 0) continue;
    t = performance.now();
    await bare.write(bareLine, 0, bareLine.length, null);
    await bare.datasync();
    bareTimes.push(performance.now() - t);
  }
  await bare.close();
  await journal.close();
  const path = join(dir, `journal-${count}`, 'journal.jsonl');
  return { journal: stats(journalTimes), bare: stats(bareTimes), path, bytes: (await stat(path)).size };
}

/** lowdb as shipped (JSONFile: whole file to a temp name, rename, no fsync), one write per event. */
async function lowdb(dir: string, count: number): Promise<{ stats: Stats; sampled: boolean; estimatedTotal: number }> {
  const db = new Low<{ events: unknown[] }>(new JSONFile(join(dir, `lowdb-${count}.json`)), { events: [] });
  const sampled = count > LOWDB_FULL;
  const every = sampled ? Math.floor(count / LOWDB_SAMPLES) : 1;
  const times: number[] = [];
  for (let n = 0; n < count; n++) {
    db.data.events.push(event(n));
    if ((n + 1) % every !== 0) continue;
    const t = performance.now();
    await db.write();
    times.push(performance.now() - t);
  }
  const s = stats(times);
  // Writes are spread evenly over the sizes, so mean × count estimates writing after every event.
  return { stats: s, sampled, estimatedTotal: s.mean * count };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sitroom-bench-'));
  const cpu = cpus()[0]?.model ?? 'unknown cpu';
  const machine = `${cpu}, ${cpus().length} cores, node ${process.version}, ${process.platform} ${process.arch}, temp dir ${tmpdir()}`;
  console.log(`machine: ${machine}`);
  const rows: string[][] = [];
  const lines: string[] = [`bench: machine=${JSON.stringify(machine)}`];
  let biggest: { path: string; count: number; bytes: number } | undefined;
  try {
    for (const count of SIZES) {
      const started = performance.now();
      const { journal, bare, path, bytes } = await journalAndBare(dir, count);
      biggest = { path, count, bytes };
      const low = count <= 10_000 || !quick ? await lowdb(dir, count) : undefined;
      const label = `${count / 1000}k`;
      rows.push([
        label,
        ms(journal.p50),
        ms(journal.p99),
        ms(bare.p50),
        ms(bare.p99),
        (journal.p50 / bare.p50).toFixed(2),
        low ? ms(low.stats.p50) : 'n/a',
        low ? ms(low.stats.p99) : 'n/a',
        low ? (low.stats.p50 / journal.p50).toFixed(1) : 'n/a',
        low ? `${low.sampled ? 'sampled ' : ''}${(low.estimatedTotal / 1000).toFixed(1)} s` : 'n/a',
        `${(journal.total / 1000).toFixed(1)} s`,
      ]);
      lines.push(
        `bench: journal_append_p50_ms_${label}=${ms(journal.p50)}`,
        `bench: journal_append_p99_ms_${label}=${ms(journal.p99)}`,
        `bench: bare_write_fdatasync_p50_ms_${label}=${ms(bare.p50)}`,
        `bench: bare_write_fdatasync_p99_ms_${label}=${ms(bare.p99)}`,
        `bench: journal_over_bare_p50_${label}=${(journal.p50 / bare.p50).toFixed(2)}`,
        `bench: journal_file_bytes_${label}=${bytes}`,
      );
      if (low) {
        lines.push(
          `bench: lowdb_write_p50_ms_${label}=${ms(low.stats.p50)}${low.sampled ? ' (sampled)' : ''}`,
          `bench: lowdb_write_p99_ms_${label}=${ms(low.stats.p99)}${low.sampled ? ' (sampled)' : ''}`,
          `bench: lowdb_over_journal_p50_${label}=${(low.stats.p50 / journal.p50).toFixed(1)}`,
          `bench: lowdb_total_s_${label}=${(low.estimatedTotal / 1000).toFixed(1)}${low.sampled ? ' (extrapolated from samples)' : ''}`,
        );
      }
      console.log(`  ${label} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    if (biggest !== undefined) {
      const label = `${biggest.count / 1000}k`;
      let t = performance.now();
      const verdict = await verifyJournalFile(biggest.path);
      const verifyMs = performance.now() - t;
      t = performance.now();
      const journal = await openJournal(join(biggest.path, '..'), { minFreeBytes: 0 });
      const openMs = performance.now() - t;
      await journal.close();
      if (!verdict.ok) throw new Error(`benchmark journal does not verify: ${JSON.stringify(verdict)}`);
      lines.push(
        `bench: verify_ms_${label}=${verifyMs.toFixed(0)}`,
        `bench: open_and_verify_ms_${label}=${openMs.toFixed(0)}`,
      );
      console.log(`\nopen+verify ${label} (${(biggest.bytes / 1e6).toFixed(1)} MB): verifyJournalFile ${verifyMs.toFixed(0)} ms, openJournal ${openMs.toFixed(0)} ms`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const header = [
    'events',
    'journal p50 ms',
    'journal p99 ms',
    'bare p50 ms',
    'bare p99 ms',
    'journal/bare',
    'lowdb p50 ms',
    'lowdb p99 ms',
    'lowdb/journal',
    'lowdb total',
    'journal total',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (r: readonly string[]): string => r.map((c, i) => c.padStart(widths[i] ?? 0)).join(' | ');
  console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n${rows.map(format).join('\n')}`);
  console.log(
    `\njournal = append of one event (one write + one fdatasync, acknowledged after sync); bare = write + fdatasync of a ` +
      `line of the same size; lowdb = JSONFile (as shipped: whole file rewritten, no fsync) after each event` +
      (SIZES.some((n) => n > LOWDB_FULL) ? `; above ${LOWDB_FULL} events lowdb writes were timed at ${LOWDB_SAMPLES} evenly spaced sizes and the total extrapolated` : '') +
      (SIZES.some((n) => n > 10_000) ? `; at 100k the bare write ran after every ${BARE_EVERY_ABOVE_10K}th append (10k samples)` : '') +
      '\n',
  );
  for (const line of lines) console.log(line);
}

await main();
