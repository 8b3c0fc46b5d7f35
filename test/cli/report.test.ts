// `sitroom report`, `demo --out` and `verify --head` as a person runs them: every format written
// for the exercise a demo ran (English and the playthrough's Korean), the head printed on the
// report accepted by verify and a different one refused, and plain errors — no stack traces — for
// an unknown exercise, a bad format and an --out that cannot be written.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.ts';
import { assertWellFormedXml, pdfPages, run, sitroom, squash, unzip } from '../services/report/support.ts';

const OUT = join(ROOT, 'test-artifacts', 'report', 'demo');
let dataDir: string;
let exerciseId: string;
let head: string;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sitroom-cli-report-'));
  await rm(OUT, { recursive: true, force: true });
  const demo = await sitroom('demo', '--data-dir', dataDir, '--out', OUT, '--quiet');
  assert.equal(demo.code, 0, demo.stderr + demo.stdout);
  exerciseId = /^exercise\s+(\S+)$/m.exec(demo.stdout)?.[1] ?? '';
  head = /^head\s+([0-9a-f]{64})$/m.exec(demo.stdout)?.[1] ?? '';
  assert.ok(exerciseId && head, demo.stdout);
});

const noStack = (text: string) => assert.doesNotMatch(text, /\n\s+at |internal error/, text);

describe('sitroom demo --out', () => {
  test('writes every format in English and Korean for the exercise it ran', async () => {
    const files = (await readdir(OUT)).sort();
    const expected = ['ko', 'en'].flatMap((lang) => ['pdf', 'docx', 'html', 'md', 'json', 'csv'].map((ext) => `-aar-${lang}.${ext}`));
    assert.equal(files.length, 12, files.join(', '));
    for (const suffix of expected) assert.ok(files.some((f) => f.endsWith(suffix)), `no *${suffix}`);
    for (const file of files) assert.ok((await stat(join(OUT, file))).size > 1000, `${file} is nearly empty`);
    for (const pdf of files.filter((f) => f.endsWith('.pdf'))) {
      const pages = await pdfPages(join(OUT, pdf));
      assert.ok(pages.length >= 10);
      assert.ok(squash(pages.join('')).includes(head), `${pdf} does not print the journal head`);
    }
    for (const docx of files.filter((f) => f.endsWith('.docx'))) {
      for (const [name, bytes] of unzip(await readFile(join(OUT, docx)))) if (name.endsWith('.xml')) assertWellFormedXml(bytes.toString('utf8'), `${docx}:${name}`);
    }
    const ko = files.find((f) => f.endsWith('-aar-ko.pdf'))!;
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', join(OUT, ko), join(OUT, 'page')]);
  });
});

describe('sitroom verify --head with the hash printed on a report', () => {
  test('accepts the head the report prints and refuses another', async () => {
    const md = await readFile(join(OUT, (await readdir(OUT)).find((f) => f.endsWith('-aar-en.md'))!), 'utf8');
    const printed = [...md.matchAll(/\b[0-9a-f]{64}\b/g)].map((m) => m[0]);
    assert.ok(printed.length > 0 && printed.every((h) => h === head), 'the report prints the journal head');
    const ok = await sitroom('verify', exerciseId, '--data-dir', dataDir, '--head', printed[0]!);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, new RegExp(`^OK \\d+ events, head ${head}$`, 'm'));
    const wrong = `${head.slice(0, 20)}${head[20] === '0' ? '1' : '0'}${head.slice(21)}`;
    const refused = await sitroom('verify', exerciseId, '--data-dir', dataDir, '--head', wrong);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^FAIL seq \d+: the journal's head [0-9a-f]{64} is not the expected [0-9a-f]{64}/m);
  });
});

describe('sitroom report', () => {
  test('writes one format by exercise id or journal path; a folder as --out takes the report’s own name', async () => {
    const out = await mkdtemp(join(tmpdir(), 'sitroom-report-out-'));
    const byId = await sitroom('report', exerciseId, '--data-dir', dataDir, '--format', 'md', '--lang', 'en', '--out', join(out, 'aar.md'));
    assert.equal(byId.code, 0, byId.stderr);
    assert.match(byId.stdout, new RegExp(`^wrote .*aar\\.md \\(md, [\\d,]+ bytes\\)\\njournal ${exerciseId} #\\d+ head ${head}$`, 'm'));
    assert.match(await readFile(join(out, 'aar.md'), 'utf8'), /After-Action Report/);
    const byPath = await sitroom('report', join(dataDir, 'exercises', exerciseId, 'journal.jsonl'), '--format', 'csv', '--out', out);
    assert.equal(byPath.code, 0, byPath.stderr);
    assert.ok((await readdir(out)).some((f) => f.endsWith('-aar-ko.csv')), 'default language: the exercise’s (ko)');
  });

  test('plain errors: unknown exercise, bad format, unwritable --out, missing --out', async () => {
    const out = await mkdtemp(join(tmpdir(), 'sitroom-report-err-'));
    const unknown = await sitroom('report', '20990101-nothing-000000', '--data-dir', dataDir, '--format', 'md', '--out', join(out, 'x.md'));
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /^report: no exercise "20990101-nothing-000000" in /);
    noStack(unknown.stderr);

    const format = await sitroom('report', exerciseId, '--data-dir', dataDir, '--format', 'rtf', '--out', join(out, 'x.rtf'));
    assert.equal(format.code, 2);
    assert.match(format.stderr, /^sitroom report: unknown format "rtf"; use one of pdf, docx, html, md, json, csv/);
    noStack(format.stderr);

    const blocker = join(out, 'a-file');
    await writeFile(blocker, 'not a folder');
    const unwritable = await sitroom('report', exerciseId, '--data-dir', dataDir, '--format', 'json', '--out', join(blocker, 'x.json'));
    assert.equal(unwritable.code, 1);
    assert.match(unwritable.stderr, /^report: cannot write .*a-file\/x\.json: a part of the path is a file, not a folder$/m);
    noStack(unwritable.stderr);

    const missing = await sitroom('report', exerciseId, '--data-dir', dataDir, '--format', 'md');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /report needs --out FILE/);
    assert.deepEqual((await readdir(out)).sort(), ['a-file'], 'nothing half-written left behind');
  });
});
