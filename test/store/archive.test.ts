import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ArchiveError,
  exportExercise,
  importArchive,
  readArchive,
  writeArchive,
  type ArchiveErrorCode,
} from '../../src-main/store/archive.ts';
import { createExerciseFolder, exercisePaths, type NewExercise } from '../../src-main/store/exercise-files.ts';
import { sha256Hex } from '../../src-main/store/journal/entry.ts';
import { openJournal, verifyJournalFile } from '../../src-main/store/journal/index.ts';
import { FaultyFileSystem } from './helpers/faulty-fs.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

let root = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
beforeEach(async () => {
  ({ dir: root, cleanup } = await makeTempDir('sitroom-archive-'));
});
afterEach(() => cleanup());

const scenarioText = 'schemaVersion: 1\nid: pangyo-datacenter-fire\ntitle: { en: Pangyo fire, ko: 판교 화재 }\n';
const newExercise: NewExercise = {
  exerciseId: 'ex-2026-11-01',
  title: { en: 'Pangyo drill', ko: '판교 훈련' },
  scenarioId: 'pangyo-datacenter-fire',
  createdAt: '2026-11-01T09:00:00.000Z',
  details: { marking: 'EXERCISE', cells: ['MSIT', 'NIS'] },
};

/** A recorded exercise in `<root>/source`, exported to `<root>/ex.sitroom`. */
async function recordedArchive(): Promise<{ archive: string; sourceDataDir: string }> {
  const sourceDataDir = join(root, 'source');
  const paths = await createExerciseFolder(sourceDataDir, newExercise, scenarioText);
  const journal = await openJournal(paths.dir);
  await journal.append([{ type: 'exercise-started' }, { type: 'inject-released', inject: 'I-001' }]);
  await journal.append([{ type: 'decision-recorded', point: 'D-01', option: 2, note: '경계 발령' }]);
  await journal.close();
  const archive = join(root, 'ex.sitroom');
  await exportExercise(sourceDataDir, newExercise.exerciseId, archive, { exportedAt: new Date('2026-11-02T00:00:00Z') });
  return { archive, sourceDataDir };
}

async function rejectsWith(promise: Promise<unknown>, code: ArchiveErrorCode): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ArchiveError, String(error));
    assert.equal(error.code, code, error.message);
    return true;
  });
}

async function nothingImported(dataDir: string): Promise<void> {
  const exercises: string[] = await readdir(join(dataDir, 'exercises')).catch(() => []);
  assert.deepEqual(exercises, [], 'the import wrote something');
}

describe('exercise archive', () => {
  test('given an exported exercise, when imported elsewhere, then the files are identical and the journal opens with the same head', async () => {
    const { archive, sourceDataDir } = await recordedArchive();
    const targetDataDir = join(root, 'target');
    const imported = await importArchive(archive, targetDataDir);
    const source = exercisePaths(sourceDataDir, newExercise.exerciseId);
    assert.equal(imported.count, 3);
    assert.deepEqual(await readFile(imported.paths.journal), await readFile(source.journal));
    assert.equal(await readFile(imported.paths.scenario, 'utf8'), scenarioText);
    assert.deepEqual(JSON.parse(await readFile(imported.paths.meta, 'utf8')), JSON.parse(await readFile(source.meta, 'utf8')));
    const journal = await openJournal(imported.paths.dir);
    assert.deepEqual(journal.head, imported.head);
    assert.equal((await journal.append([{ type: 'hot-wash-note' }]))[0]?.seq, 4);
    await journal.close();
  });

  test('given an archive, when read, then its header line and the journal lines are as documented', async () => {
    const { archive } = await recordedArchive();
    const lines = (await readFile(archive, 'utf8')).split('\n');
    const header = JSON.parse(lines[0] ?? '') as {
      format: string;
      version: number;
      metadata: { scenarioSha256: string };
      journal: { entries: number };
    };
    assert.equal(header.format, 'sitroom-archive');
    assert.equal(header.version, 1);
    assert.equal(header.metadata.scenarioSha256, sha256Hex(scenarioText));
    assert.equal(header.journal.entries, 3);
    const verified = await readArchive(archive);
    assert.equal(verified.scenarioText, scenarioText);
    assert.deepEqual(verified.journalLines, lines.slice(1, -1));
    assert.equal(verified.exportedAt, '2026-11-02T00:00:00.000Z');
  });

  const tamperings: ReadonlyArray<{ name: string; code: ArchiveErrorCode; edit: (text: string) => string }> = [
    { name: 'a decision changed in the journal', code: 'journal-invalid', edit: (t) => t.replace('"option":2', '"option":1') },
    { name: 'the scenario text changed', code: 'scenario-mismatch', edit: (t) => t.replace('Pangyo fire', 'Pangyo flood') },
    {
      name: 'the last journal line removed',
      code: 'journal-incomplete',
      edit: (t) => t.slice(0, t.slice(0, -1).lastIndexOf('\n') + 1),
    },
    { name: 'the file cut mid-line', code: 'journal-incomplete', edit: (t) => t.slice(0, -20) },
    { name: 'two journal lines swapped', code: 'journal-invalid', edit: (t) => { const l = t.split('\n'); [l[1], l[2]] = [l[2] ?? '', l[1] ?? '']; return l.join('\n'); } },
    { name: 'a newer archive version', code: 'unsupported-version', edit: (t) => t.replace('"version":1', '"version":2') },
    { name: 'not an archive at all', code: 'not-an-archive', edit: () => 'PK\u0003\u0004 zip file\n' },
    { name: 'an id that escapes the exercises folder', code: 'bad-metadata', edit: (t) => t.replace('"exerciseId":"ex-2026-11-01"', '"exerciseId":"../../evil"') },
    { name: 'an unknown header field', code: 'bad-metadata', edit: (t) => t.replace('{"format"', '{"run":"rm -rf /","format"') },
  ];

  for (const { name, code, edit } of tamperings) {
    test(`given an archive with ${name}, when imported, then it is rejected (${code}) and nothing is written`, async () => {
      const { archive } = await recordedArchive();
      await writeFile(archive, edit(await readFile(archive, 'utf8')));
      const targetDataDir = join(root, 'target');
      await rejectsWith(importArchive(archive, targetDataDir), code);
      await nothingImported(targetDataDir);
    });
  }

  test('given an exercise that already exists, when the archive is imported again, then it is refused and the existing files are untouched', async () => {
    const { archive } = await recordedArchive();
    const targetDataDir = join(root, 'target');
    const first = await importArchive(archive, targetDataDir);
    const journal = await openJournal(first.paths.dir);
    await journal.append([{ type: 'evaluator-rating', rating: 'S' }]);
    await journal.close();
    const before = await readFile(first.paths.journal);
    await rejectsWith(importArchive(archive, targetDataDir), 'exercise-exists');
    assert.deepEqual(await readFile(first.paths.journal), before);
    assert.deepEqual(await readdir(join(targetDataDir, 'exercises')), [newExercise.exerciseId]);
  });

  test('given a disk error at any step of an import, then the exercise folder is either absent or complete, and no staging folder is left', async () => {
    const { archive } = await recordedArchive();
    const counting = new FaultyFileSystem();
    await importArchive(archive, join(root, 'count'), { fs: counting });
    let absent = 0;
    let complete = 0;
    for (let failAt = 1; failAt <= counting.count; failAt++) {
      const dataDir = join(root, `fault-${failAt}`);
      const fs = new FaultyFileSystem({ failAt, code: 'EIO' });
      await assert.rejects(importArchive(archive, dataDir, { fs }));
      const names: string[] = await readdir(join(dataDir, 'exercises')).catch(() => []);
      assert.deepEqual(names.filter((n) => n.startsWith('.staging')), [], `staging left at step ${failAt}`);
      if (names.includes(newExercise.exerciseId)) {
        complete++;
        const verdict = await verifyJournalFile(exercisePaths(dataDir, newExercise.exerciseId).journal);
        assert.equal(verdict.ok && verdict.count, 3);
      } else {
        absent++;
      }
    }
    console.log(`archive-import-faults: ${counting.count} steps failed in turn, ${absent} left no exercise, ${complete} a complete one (failure after the rename)`);
  });

  test('given an archive larger than the limit, when read, then it is refused before parsing', async () => {
    const { archive } = await recordedArchive();
    await rejectsWith(readArchive(archive, { maxBytes: 100 }), 'too-large');
  });

  test('given journal lines that do not verify, when writing an archive, then nothing is written', async () => {
    const { archive } = await recordedArchive();
    const verified = await readArchive(archive);
    const target = join(root, 'broken.sitroom');
    const lines = [...verified.journalLines];
    lines[1] = (lines[1] ?? '').replace('I-001', 'I-002');
    await rejectsWith(writeArchive(target, { meta: verified.meta, scenarioText, journalLines: lines }), 'journal-invalid');
    assert.deepEqual((await readdir(root)).filter((n) => n.includes('broken')), []);
  });
});
