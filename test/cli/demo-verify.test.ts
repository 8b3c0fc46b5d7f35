// The "done when", run as a person would: demo writes a journal, verify says OK, one
// flipped byte makes verify fail with the seq, and the two flagship playthroughs end differently.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ExerciseService } from '../../src-main/services/exercise-service.ts';
import { ROOT } from '../helpers/paths.ts';

const run = promisify(execFile);
async function sitroom(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin', 'sitroom.js'), ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function demo(playthrough: string, scenario = 'pangyo-datacenter-fire') {
  const dataDir = await mkdtemp(join(tmpdir(), `sitroom-demo-${playthrough}-`));
  const result = await sitroom('demo', '--scenario', scenario, '--playthrough', playthrough, '--data-dir', dataDir);
  assert.equal(result.code, 0, result.stderr + result.stdout);
  const id = /^exercise\s+(\S+)$/m.exec(result.stdout)?.[1] ?? '';
  const journal = /^journal\s+(\S+)$/m.exec(result.stdout)?.[1] ?? '';
  const head = /^head\s+([0-9a-f]{64})$/m.exec(result.stdout)?.[1] ?? '';
  const events = Number(/^events\s+(\d+)/m.exec(result.stdout)?.[1]);
  return { dataDir, id, journal, head, events, stdout: result.stdout };
}

describe('sitroom demo and verify', () => {
  test('demo runs the strong playthrough, prints progress and ends with id, events, journal and head; verify says OK', async () => {
    const { dataDir, id, journal, head, events, stdout } = await demo('strong');
    assert.match(stdout, /StartEx/);
    assert.match(stdout, /released\s+inj-/);
    assert.ok(id && journal && head && events > 100, stdout.slice(-500));
    const verified = await sitroom('verify', join(dataDir, 'exercises', id));
    assert.equal(verified.code, 0, verified.stderr);
    assert.equal(verified.stdout.trim(), `OK ${events} events, head ${head}`);
    assert.equal((await sitroom('verify', id, '--data-dir', dataDir, '--head', head.slice(0, 16))).code, 0, 'by id, with the head a report prints');

    // One flipped byte inside entry 40 must be caught at that entry.
    const lines = (await readFile(journal, 'utf8')).split('\n');
    const target = lines[39]!;
    const at = target.indexOf('"wallTime"') + 15;
    lines[39] = target.slice(0, at) + (target[at] === '1' ? '2' : '1') + target.slice(at + 1);
    await writeFile(journal, lines.join('\n'));
    const tampered = await sitroom('verify', journal);
    assert.equal(tampered.code, 1);
    assert.match(tampered.stderr, /^FAIL seq 40: /m);
  });

  test('a cut-off last line is reported as a torn tail', async () => {
    const { journal } = await demo('weak', 'nirs-government-datacenter-fire');
    const text = await readFile(journal, 'utf8');
    await writeFile(journal, text.slice(0, text.length - 30));
    const result = await sitroom('verify', journal);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^FAIL seq \d+: torn tail/m);
  });

  test('the strong and weak flagship playthroughs take different branches and end in different states', async () => {
    const [strong, weak] = await Promise.all([demo('strong'), demo('weak')]);
    const open = async (d: { dataDir: string; id: string }) => {
      const session = await new ExerciseService(d.dataDir).open(d.id);
      const state = session.state;
      await session.close();
      return state;
    };
    const [s, w] = await Promise.all([open(strong), open(weak)]);
    const released = (st: typeof s) => new Set(Object.entries(st.injects).filter(([, i]) => i.status.kind === 'released').map(([id]) => id));
    const onlyStrong = [...released(s)].filter((id) => !released(w).has(id));
    const onlyWeak = [...released(w)].filter((id) => !released(s).has(id));
    assert.ok(onlyStrong.length >= 3 && onlyWeak.length >= 3, `branches: strong-only ${onlyStrong.join(',')}; weak-only ${onlyWeak.join(',')}`);
    assert.ok(onlyStrong.includes('inj-forensic-1'), 'strong verifies the sabotage claim quietly');
    assert.ok(onlyWeak.includes('inj-rumour'), 'weak escalates it publicly');
    assert.notDeepEqual(s.metrics, w.metrics);
    assert.notEqual(s.alert.level, w.alert.level);
  });

  test('export then import moves an exercise with its record intact; a second import is refused', async () => {
    const { dataDir, id, head } = await demo('strong', 'nirs-government-datacenter-fire');
    const archive = join(dataDir, 'x.sitroom');
    assert.equal((await sitroom('export', id, '--out', archive, '--data-dir', dataDir)).code, 0);
    assert.match((await sitroom('verify', archive)).stdout, new RegExp(`head ${head}`));
    const elsewhere = await mkdtemp(join(tmpdir(), 'sitroom-import-'));
    const imported = await sitroom('import', archive, '--data-dir', elsewhere);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match((await sitroom('list', '--data-dir', elsewhere)).stdout, new RegExp(`${id}.*ok\\s+${head.slice(0, 12)}`));
    const again = await sitroom('import', archive, '--data-dir', elsewhere);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /nothing was written/);
  });
});
