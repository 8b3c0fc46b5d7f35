import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstat, readlink, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE_NAME, isJournalError, openJournal } from '../../src-main/store/journal/index.ts';
import { childLauncher, type ChildLauncher } from './helpers/child-process.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
let launcher: ChildLauncher;
before(async () => {
  launcher = await childLauncher();
});
after(() => launcher.dispose());
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterEach(() => cleanup());

/** A pid that certainly belongs to no running process: a child that has exited and been reaped. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(result.stdout);
}

describe('exercise directory lock', () => {
  test('given an open journal, when the same folder is opened again in this process, then a typed "locked" error', async () => {
    const journal = await openJournal(dir);
    await assert.rejects(openJournal(dir), (error: unknown) => {
      assert.ok(isJournalError(error, 'locked'));
      assert.match(error.message, /already open in this Sitroom/);
      return true;
    });
    await journal.close();
    const again = await openJournal(dir);
    await again.close();
  });

  test('given another process holding the folder, when opened, then the error names that process; once it dies the lock is taken over', async () => {
    const child = launcher.spawn([dir, 'hold']);
    const exited = new Promise((done) => child.once('close', done));
    await new Promise<void>((done, fail) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().startsWith('READY')) done();
      });
      child.once('close', () => fail(new Error('child exited before READY')));
    });
    await assert.rejects(openJournal(dir), (error: unknown) => {
      assert.ok(isJournalError(error, 'locked'));
      assert.match(error.message, new RegExp(`process ${child.pid} on `));
      assert.match(error.message, /Close it there first/);
      return true;
    });
    child.kill('SIGKILL');
    await exited;
    const journal = await openJournal(dir);
    assert.match(await readlink(join(dir, LOCK_FILE_NAME)), new RegExp(`^${process.pid}@${hostname().slice(0, 32)}#[0-9a-f]{8}$`));
    await journal.close();
  });

  test('given the same folder reached through a second path (a symlink), when opened twice, then the second is locked out', async () => {
    const real = join(dir, 'real');
    const alias = join(dir, 'alias');
    const journal = await openJournal(real);
    await symlink(real, alias);
    await assert.rejects(openJournal(alias), (e: unknown) => isJournalError(e, 'locked'));
    await journal.close();
  });

  test('given a lock this process left behind (its unlink failed), when reopened, then it is taken over', async () => {
    await symlink(`${process.pid}@${hostname().slice(0, 32)}#0badc0de`, join(dir, LOCK_FILE_NAME));
    const journal = await openJournal(dir);
    await journal.close();
  });

  test('given a stale lock from a dead process, when opened, then it is taken over', async () => {
    await symlink(`${deadPid()}@${hostname().slice(0, 32)}#0badc0de`, join(dir, LOCK_FILE_NAME));
    const journal = await openJournal(dir);
    assert.deepEqual(journal.status, { state: 'ok' });
    await journal.close();
  });

  test('given a stale fallback lock FILE (no symlinks) from a dead process, when opened, then it is taken over', async () => {
    await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: deadPid(), host: hostname(), token: '0badc0de' }));
    const journal = await openJournal(dir);
    assert.deepEqual(journal.status, { state: 'ok' });
    await journal.close();
  });

  test('given a lock written by another host, when opened, then it is respected', async () => {
    await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: 1, host: 'other-laptop' }));
    await assert.rejects(openJournal(dir), (error: unknown) => {
      assert.ok(isJournalError(error, 'locked'));
      assert.match(error.message, /process 1 on other-laptop/);
      return true;
    });
  });

  test('given a closed journal, when closed, then its lock file is gone', async () => {
    const journal = await openJournal(dir);
    await journal.close();
    await assert.rejects(lstat(join(dir, LOCK_FILE_NAME)), { code: 'ENOENT' });
  });
});
