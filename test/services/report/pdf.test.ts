// The PDF path of issue 5: the after-action report printed by Chromium (playwright-core) in English
// and Korean from a real journal — every required heading, the marking on every page, Noto Sans KR
// embedded, Hangul extractable, the journal head printed — and the printer's own guarantees: one
// browser for many PDFs, nothing fetched from outside its temp folder, a clear error without Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { requiredHeadings } from '../../../src-main/core/report/html.ts';
import { htmlDocument } from '../../../src-main/core/report/html-page.ts';
import { generateReport } from '../../../src-main/services/report/generate.ts';
import { ChromiumMissingError, fontFaceCss, fontFilesFor, PdfPrinter } from '../../../src-main/services/report/pdf.ts';
import { ROOT } from '../../helpers/paths.ts';
import { flagshipExercise, pdfFonts, pdfPage, pdfPages, run, squash } from './support.ts';
import type { Exercise } from './support.ts';

const ARTIFACTS = join(ROOT, 'test-artifacts', 'report');
const MARKING = '일반 // 훈련 전용 (UNCLASSIFIED // EXERCISE ONLY)';

let printer: PdfPrinter;
let exercise: Exercise;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  [printer, exercise] = await Promise.all([PdfPrinter.launch(), flagshipExercise()]);
});
after(async () => {
  await printer?.close();
});

describe('fonts', () => {
  test('only the Noto Sans KR files that cover the text are used; Latin always', () => {
    const latin = fontFilesFor([400], 'Pangyo');
    assert.ok(latin.length > 0 && latin.length <= 4, latin.map((f) => f.file).join());
    assert.ok(latin.some((f) => f.file.endsWith('-latin-400-normal.woff2')));
    const korean = fontFilesFor([400], 'Pangyo 판교 데이터센터');
    assert.ok(korean.length > latin.length, 'Hangul adds the files that hold it');
    assert.ok(fontFilesFor([400]).length > 100, 'without a text, every file');
    const inline = fontFaceCss('inline', [400, 700], { text: '판교' });
    assert.match(inline, /src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]{100}/);
    assert.doesNotMatch(inline, /url\(fonts\//);
    assert.match(fontFaceCss('files', [400], { text: '판교' }), /src:url\(fonts\/noto-sans-kr-\d+-400-normal\.woff2\)/);
  });
});

describe('the after-action report as PDF', () => {
  for (const language of ['en', 'ko'] as const) {
    test(`${language}: headings, marking on every page, fonts embedded, journal head printed`, async () => {
      const file = await generateReport({ dataDir: exercise.dataDir, exerciseId: exercise.exerciseId, format: 'pdf', language, now: new Date('2026-12-01T01:00:00Z'), pdf: { fonts: 'files', print: (html) => printer.print(html) } });
      assert.equal(file.mime, 'application/pdf');
      assert.match(file.filename, new RegExp(`-aar-${language}\\.pdf$`));
      const path = join(ARTIFACTS, `unit-aar-${language}.pdf`);
      await writeFile(path, file.bytes);

      const pages = await pdfPages(path);
      assert.ok(pages.length >= 10, `only ${pages.length} pages`);
      const all = squash(pages.join('\n'));
      for (const heading of requiredHeadings(language)) assert.ok(all.includes(squash(heading)), `heading "${heading}" missing from the ${language} PDF`);
      for (let n = 1; n <= pages.length; n++) {
        const text = squash(await pdfPage(path, n));
        assert.ok(text.includes(squash(MARKING)), `page ${n} has no marking`);
        assert.ok(text.includes(squash(language === 'ko' ? '연습 상황' : 'EXERCISE')), `page ${n} has no EXERCISE banner`);
      }
      assert.ok(all.includes(exercise.head), 'the journal head is printed in full');
      assert.equal(file.journal.head, exercise.head);
      assert.equal(file.journal.seq, exercise.seq);

      const fonts = await pdfFonts(path);
      assert.ok(fonts.length > 0 && fonts.every((f) => f.embedded), JSON.stringify(fonts));
      assert.ok(fonts.some((f) => /NotoSansKR/.test(f.name)), JSON.stringify(fonts));
      // Hangul is real text, not shapes: the marking's Korean is there on every language's pages.
      assert.ok(all.includes('훈련전용'));
      if (language === 'ko') assert.ok(all.includes(squash('훈련 개요')) && all.includes(squash('개선계획')));
      // A picture of the first pages, to look at.
      await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', path, join(ARTIFACTS, `unit-aar-${language}`)]);
    });
  }
});

describe('the printer', () => {
  test('aborts every request that is not a file of its own temp folder, and still prints', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${fontFaceCss('files', [400], { text: '판교 fire' })}
      body { font-family: 'Noto Sans KR'; } .x { background: url(file:///etc/hostname); }</style></head>
      <body class="x"><p>판교 fire</p><img src="file:///etc/passwd"><img src="http://127.0.0.1:9/leak.png"><img src="https://example.invalid/a.png"></body></html>`;
    const before = printer.blocked.length;
    const pdf = await printer.print(html);
    assert.ok(pdf.length > 1000);
    const blocked = printer.blocked.slice(before);
    for (const url of ['file:///etc/passwd', 'http://127.0.0.1:9/leak.png', 'https://example.invalid/a.png']) assert.ok(blocked.includes(url), `${url} was not blocked: ${blocked.join(', ')}`);
    assert.ok(!blocked.some((u) => u.includes('/fonts/noto-sans-kr')), 'its own font files load');
  });

  test('gives up on a page that does not print in time, and keeps working', async () => {
    await assert.rejects(printer.print('<p>x</p>', { timeoutMs: 1 }), /printing the PDF took longer than 0 s; gave up/);
  });

  test('Korean text set in the shipped font is extractable from a plain document', async () => {
    const text = '위기경보 심각 단계 발령';
    const html = htmlDocument({ lang: 'ko', title: 't', marking: MARKING, banner: '연습 상황', footer: 'f', fontFaceCss: fontFaceCss('files', [400, 700], { text: text + MARKING + '연습 상황' }), body: `<p>${text}</p>` });
    const path = join(ARTIFACTS, 'unit-korean.pdf');
    await writeFile(path, await printer.print(html));
    assert.ok(squash((await pdfPages(path)).join('')).includes(squash(text)));
  });

  test('says plainly when there is no Chromium', async () => {
    await assert.rejects(PdfPrinter.launch({ executablePath: '/nonexistent/chromium' }), (error: unknown) => {
      assert.ok(error instanceof ChromiumMissingError);
      assert.match(error.message, /PDF needs Chromium, and there is none at \/nonexistent\/chromium/);
      assert.match(error.message, /SITROOM_CHROMIUM/);
      return true;
    });
  });
});
