import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Catalog, emptyCatalog, openCatalog, type ExerciseIndexEntry } from '../../src-main/store/catalog.ts';
import { DurableJsonFile, JsonStoreError } from '../../src-main/store/durable-json-file.ts';
import { FaultyFileSystem } from './helpers/faulty-fs.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('sitroom-catalog-'));
});
afterEach(() => cleanup());

const exercise = (id: string): ExerciseIndexEntry => ({
  id,
  title: { en: 'Pangyo fire', ko: '판교 화재' },
  scenarioId: 'pangyo-datacenter-fire',
  scenarioSha256: 'a'.repeat(64),
  createdAt: '2026-11-01T09:00:00.000Z',
  phase: 'planned',
});

const withExercises = (...ids: string[]): Catalog => ({ ...emptyCatalog(), exercises: ids.map(exercise) });

describe('DurableJsonFile (lowdb adapter)', () => {
  const Doc = z.strictObject({ version: z.number(), items: z.array(z.string()) });
  type Doc = z.infer<typeof Doc>;

  test('given a write, then it goes temp → fsync → close → rename → fsync(dir), with a per-process temp name', async () => {
    const fs = new FaultyFileSystem();
    const path = join(dir, 'doc.json');
    await new DurableJsonFile<Doc>(path, { schema: Doc, fs }).write({ version: 1, items: ['a'] });
    const ops = fs.log.map((op) => `${op.name} ${op.path.replace(dir, '<dir>')}`);
    const temp = fs.log[0]?.path ?? '';
    assert.match(temp, new RegExp(`/\\.doc\\.json\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`));
    assert.deepEqual(ops.map((op) => op.replace(temp.replace(dir, '<dir>'), '<temp>')), [
      'open <temp>',
      'write <temp>',
      'fsync <temp>',
      'close <temp>',
      'rename <temp>',
      'open <dir>',
      'fsync <dir>',
      'close <dir>',
    ]);
  });

  test('given a crash at any step of a rewrite, then the file holds the old or the new content, never a mix', async () => {
    const path = join(dir, 'doc.json');
    const oldDoc: Doc = { version: 1, items: ['old'] };
    const newDoc: Doc = { version: 2, items: Array.from({ length: 200 }, (_, i) => `new-${i}`) };
    const steps = 8;
    let oldSeen = 0;
    let newSeen = 0;
    for (let failAt = 1; failAt <= steps; failAt++) {
      for (const sticky of [false, true]) {
        await new DurableJsonFile<Doc>(path, { schema: Doc }).write(oldDoc);
        // sticky: every operation from failAt on fails, as if the process died there.
        const fs = new FaultyFileSystem({ failAt, code: 'EIO', sticky });
        await new DurableJsonFile<Doc>(path, { schema: Doc, fs }).write(newDoc).catch(() => undefined);
        const onDisk = await new DurableJsonFile<Doc>(path, { schema: Doc }).read();
        assert.ok(onDisk !== null);
        if (onDisk.version === 1) {
          assert.deepEqual(onDisk, oldDoc);
          oldSeen++;
        } else {
          assert.deepEqual(onDisk, newDoc);
          newSeen++;
        }
        const leftovers = (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
        if (sticky) {
          // A process that died mid-write leaves its temp file; it never shadows the real one.
          for (const name of leftovers) await rm(join(dir, name));
        } else {
          assert.deepEqual(leftovers, [], `temp file left after a failure at step ${failAt}`);
        }
      }
    }
    console.log(`catalog-crash: ${steps * 2} interrupted rewrites, ${oldSeen} left the old content, ${newSeen} the new, 0 torn`);
  });

  test('given two instances writing the same file at once, then every write succeeds and the file is always whole', async () => {
    const path = join(dir, 'doc.json');
    const a = new DurableJsonFile<Doc>(path, { schema: Doc });
    const b = new DurableJsonFile<Doc>(path, { schema: Doc });
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      writes.push(a.write({ version: i, items: ['a'] }), b.write({ version: i, items: ['b'] }));
    }
    const results = await Promise.allSettled(writes);
    assert.deepEqual(results.filter((r) => r.status === 'rejected'), []);
    const final = await a.read();
    assert.equal(final?.version, 49);
  });

  test('given data that breaks the schema, when written, then it is refused and the file is unchanged', async () => {
    const path = join(dir, 'doc.json');
    const file = new DurableJsonFile<Doc>(path, { schema: Doc });
    await file.write({ version: 1, items: [] });
    const before = await readFile(path, 'utf8');
    await assert.rejects(file.write({ version: 'two', items: [] } as unknown as Doc), (e: unknown) => e instanceof JsonStoreError && e.code === 'invalid-data');
    assert.equal(await readFile(path, 'utf8'), before);
  });
});

describe('catalog', () => {
  test('given no catalog file, when opened, then it is rebuilt by the caller and saved', async () => {
    const path = join(dir, 'catalog.json');
    let calls = 0;
    const { db, origin } = await openCatalog(path, { rebuild: () => (calls++, withExercises('ex-1')) });
    assert.deepEqual(origin, { kind: 'rebuilt', why: 'missing' });
    assert.equal(calls, 1);
    assert.deepEqual(db.data, withExercises('ex-1'));
    assert.deepEqual(Catalog.parse(JSON.parse(await readFile(path, 'utf8'))), withExercises('ex-1'));
  });

  test('given a catalog, when updated through lowdb and reopened (even with NODE_ENV=test), then the change persisted', async () => {
    const saved = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'test';
    try {
      const path = join(dir, 'catalog.json');
      const { db } = await openCatalog(path, { rebuild: () => emptyCatalog() });
      await db.update((catalog) => {
        catalog.exercises.push(exercise('ex-2'));
        catalog.settings.language = 'en';
      });
      const again = await openCatalog(path, { rebuild: () => assert.fail('must not rebuild a good catalog') });
      assert.deepEqual(again.origin, { kind: 'read' });
      assert.equal(again.db.data.settings.language, 'en');
      assert.deepEqual(again.db.data.exercises.map((e) => e.id), ['ex-2']);
    } finally {
      if (saved === undefined) delete process.env['NODE_ENV'];
      else process.env['NODE_ENV'] = saved;
    }
  });

  test('given a damaged (non-JSON) catalog, when opened, then it is renamed aside, not deleted, and rebuilt', async () => {
    const path = join(dir, 'catalog.json');
    await writeFile(path, '{"schemaVersion":1,"settings":{"lang');
    const { db, origin } = await openCatalog(path, { rebuild: () => withExercises('ex-3'), now: () => new Date('2026-11-02T03:04:05.678Z') });
    assert.equal(origin.kind, 'rebuilt');
    assert.ok(origin.kind === 'rebuilt' && origin.why === 'damaged');
    assert.equal(origin.setAsideAs, `${path}.damaged-2026-11-02T03-04-05-678Z`);
    assert.match(origin.problem, /not valid JSON/);
    assert.equal(await readFile(origin.setAsideAs, 'utf8'), '{"schemaVersion":1,"settings":{"lang');
    assert.deepEqual(db.data, withExercises('ex-3'));
  });

  test('given a catalog that is JSON but breaks the schema, when opened, then zod rejects it and it is set aside', async () => {
    const path = join(dir, 'catalog.json');
    const bad = { ...emptyCatalog(), settings: { language: 'fr' }, extra: true };
    await writeFile(path, JSON.stringify(bad));
    const { origin } = await openCatalog(path, { rebuild: () => emptyCatalog() });
    assert.ok(origin.kind === 'rebuilt' && origin.why === 'damaged');
    assert.match(origin.problem, /language/);
    assert.match(origin.problem, /Unrecognized key: "extra"/);
  });

  test('given a catalog from a newer Sitroom, when opened, then it is refused and left untouched', async () => {
    const path = join(dir, 'catalog.json');
    const newer = JSON.stringify({ schemaVersion: 2, settings: { language: 'ko', theme: 'dark' } });
    await writeFile(path, newer);
    await assert.rejects(
      openCatalog(path, { rebuild: () => assert.fail('must not rebuild over a newer catalog') }),
      (e: unknown) => e instanceof JsonStoreError && e.code === 'newer-version' && /newer Sitroom/.test(e.message),
    );
    assert.equal(await readFile(path, 'utf8'), newer);
  });

  test('given an exercise id that could escape its folder, when saved, then the catalog refuses it', async () => {
    const path = join(dir, 'catalog.json');
    const { db } = await openCatalog(path, { rebuild: () => emptyCatalog() });
    const before = await readFile(path, 'utf8');
    await assert.rejects(
      db.update((catalog) => catalog.exercises.push(exercise('../../etc'))),
      (e: unknown) => e instanceof JsonStoreError && e.code === 'invalid-data',
    );
    assert.equal(await readFile(path, 'utf8'), before);
  });
});
