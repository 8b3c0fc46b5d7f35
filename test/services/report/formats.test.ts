// HTML (self-contained), Markdown, JSON and CSV from a real journal, and what generateReport
// refuses: an unknown exercise, a damaged journal, a format it does not know.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../../src-main/core/report/csv.ts';
import { requiredHeadings } from '../../../src-main/core/report/html.ts';
import { generateReport, reportFilename, ReportInputError } from '../../../src-main/services/report/generate.ts';
import { flagshipExercise, HOSTILE_LOG } from './support.ts';
import type { Exercise } from './support.ts';

let exercise: Exercise;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const generate = (format: 'html' | 'md' | 'json' | 'csv', language?: 'en' | 'ko') =>
  generateReport({ dataDir: exercise.dataDir, exerciseId: exercise.exerciseId, format, ...(language ? { language } : {}) });

before(async () => {
  exercise = await flagshipExercise();
});

describe('HTML, Markdown and JSON', () => {
  test('the HTML is one self-contained file: fonts inlined (only the files it needs), nothing to fetch', async () => {
    const file = await generate('html', 'ko');
    const html = text(file.bytes);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /@font-face\{font-family:'Noto Sans KR'[^}]*src:url\(data:font\/woff2;base64,/);
    assert.doesNotMatch(html, /url\(fonts\//);
    const remote = [...html.matchAll(/(?:https?|wss?):\/\/[^\s"'<>)]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://www.w3.org/'));
    assert.deepEqual(remote, []);
    assert.ok(html.includes(exercise.head));
    for (const heading of requiredHeadings('ko')) assert.ok(html.includes(heading), heading);
    // Both weights of every Korean chunk would be 5 MB; the report keeps to the text it prints.
    assert.ok(file.bytes.length < 1_500_000, `${file.bytes.length} bytes`);
  });

  test('Markdown has every heading and the journal head; defaults to the exercise language (ko)', async () => {
    const file = await generate('md');
    assert.match(file.filename, /-aar-ko\.md$/);
    const md = text(file.bytes);
    for (const heading of requiredHeadings('ko')) assert.ok(md.includes(heading), heading);
    assert.ok(md.includes(exercise.head));
  });

  test('JSON is the report model, naming the journal it came from', async () => {
    const model = JSON.parse(text((await generate('json', 'en')).bytes)) as { meta: { journal: { head: string; seq: number; exerciseId: string }; language: string }; improvementPlan: unknown[] };
    assert.deepEqual(model.meta.journal, { exerciseId: exercise.exerciseId, seq: exercise.seq, head: exercise.head });
    assert.equal(model.meta.language, 'en');
    assert.equal(model.improvementPlan.length, 1);
  });
});

describe('CSV', () => {
  test('round-trips the whole log, one row per event, and neutralises formula cells', async () => {
    const csv = text((await generate('csv', 'en')).bytes);
    const rows = parseCsv(csv);
    const [header, ...events] = rows;
    assert.equal(header?.[0], 'seq');
    assert.equal(events.length, exercise.seq);
    assert.deepEqual(events.map((r) => Number(r[0])), Array.from({ length: exercise.seq }, (_, i) => i + 1));
    const hostile = events.find((r) => r.some((cell) => cell.includes('HYPERLINK')));
    assert.ok(hostile, 'the control-log line is in the CSV');
    for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell ${JSON.stringify(cell)} would run as a formula`);
    assert.ok(hostile.some((cell) => cell.endsWith(HOSTILE_LOG)), hostile.join(' | '));
  });
});

describe('what generateReport refuses', () => {
  test('an unknown exercise, a format it does not know', async () => {
    await assert.rejects(generateReport({ dataDir: exercise.dataDir, exerciseId: '20990101-nope-000000', format: 'md' }), (e: unknown) => e instanceof ReportInputError && /no exercise "20990101-nope-000000"/.test(e.message));
    await assert.rejects(generateReport({ dataDir: exercise.dataDir, exerciseId: '../../etc', format: 'md' }), ReportInputError);
    await assert.rejects(generateReport({ dataDir: exercise.dataDir, exerciseId: exercise.exerciseId, format: 'rtf' as never }), (e: unknown) => e instanceof ReportInputError && /unknown format "rtf"/.test(e.message));
  });

  test('a journal that fails verification: no report, and the seq where it breaks', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'sitroom-report-tamper-'));
    await cp(join(exercise.dataDir, 'exercises'), join(copy, 'exercises'), { recursive: true });
    const journal = join(copy, 'exercises', exercise.exerciseId, 'journal.jsonl');
    const lines = (await readFile(journal, 'utf8')).split('\n');
    lines[9] = lines[9]!.replace('"scenarioTime":', '"scenarioTime":1'); // an edit inside entry 10
    await writeFile(journal, lines.join('\n'));
    await assert.rejects(generateReport({ dataDir: copy, exerciseId: exercise.exerciseId, format: 'json' }), (e: unknown) => e instanceof ReportInputError && /fails verification at seq 10/.test(e.message));
  });

  test('file names: the title slug (Hangul kept), the language, the format', () => {
    assert.equal(reportFilename('판교 데이터센터 화재 대응 / 훈련', 'x', 'ko', 'pdf'), '판교-데이터센터-화재-대응-훈련-aar-ko.pdf');
    assert.equal(reportFilename('Pangyo TTX: Day 1!', 'x', 'en', 'docx'), 'pangyo-ttx-day-1-aar-en.docx');
    assert.equal(reportFilename('***', '20261130-pangyo-abc', 'en', 'md'), '20261130-pangyo-abc-aar-en.md');
  });
});
