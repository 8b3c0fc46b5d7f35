/**
 * Child process for the crash tests: opens the journal in DIR (recovering it if a previous child
 * was killed mid-write), prints `READY <seq>`, then appends batches forever and prints
 * `ACK <seq> <hash>` for every entry once its append has resolved (i.e. after fdatasync).
 * The parent kills it with SIGKILL at a random moment and checks that every ACK survived.
 *
 * Usage: node --import tsx test/store/child-appender.ts DIR [hold]
 *   hold: open the journal, print READY, and wait (for the lock test) instead of appending.
 */
import { openJournal } from '../../src-main/store/journal/index.ts';

const dir = process.argv[2];
if (dir === undefined) {
  process.stderr.write('usage: child-appender.ts DIR [hold]\n');
  process.exit(2);
}
const hold = process.argv[3] === 'hold';

const journal = await openJournal(dir, { minFreeBytes: 0 });
process.stdout.write(`READY ${journal.head.seq}\n`);

if (hold) {
  setInterval(() => undefined, 1000);
} else {
  let n = 0;
  for (;;) {
    const size = 1 + Math.floor(Math.random() * 3);
    const bodies = Array.from({ length: size }, () => ({
      type: 'test-event',
      n: n++,
      pid: process.pid,
      pad: 'x'.repeat(Math.floor(Math.random() * 300)),
    }));
    const entries = await journal.append(bodies);
    // stdout to a pipe is synchronous on Linux: the line is out before the next append starts.
    process.stdout.write(entries.map((e) => `ACK ${e.seq} ${e.hash}\n`).join(''));
  }
}
