// The DOCX format: an editable Word document that unpacks to well-formed XML, with the report's
// sections as real Heading styles, the improvement-plan matrix as a real table, Noto Sans KR as the
// East Asian font, and the marking, EXERCISE banner, DRAFT and journal head in every page's header
// and footer.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { translate } from '../../../src-main/core/i18n/translate.ts';
import { requiredHeadings } from '../../../src-main/core/report/html.ts';
import { generateReport } from '../../../src-main/services/report/generate.ts';
import { ROOT } from '../../helpers/paths.ts';
import { assertWellFormedXml, docxParagraphs, flagshipExercise, PLAN_ACTION, PLAN_ISSUE, unzip } from './support.ts';
import type { Exercise } from './support.ts';

const HEADING_STYLES = new Set(['Title', 'Heading1', 'Heading2', 'Heading3']);
let exercise: Exercise;

before(async () => {
  exercise = await flagshipExercise();
});

describe('the after-action report as DOCX', () => {
  for (const language of ['en', 'ko'] as const) {
    test(`${language}: valid XML, headings, the improvement-plan table, header and footer on every page`, async () => {
      const file = await generateReport({ dataDir: exercise.dataDir, exerciseId: exercise.exerciseId, format: 'docx', language });
      assert.equal(file.mime, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      await mkdir(join(ROOT, 'test-artifacts', 'report'), { recursive: true });
      await writeFile(join(ROOT, 'test-artifacts', 'report', `unit-aar-${language}.docx`), file.bytes);

      const parts = unzip(file.bytes);
      for (const name of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/header1.xml', 'word/footer1.xml']) assert.ok(parts.has(name), `${name} missing`);
      for (const [name, bytes] of parts) if (/\.(xml|rels)$/.test(name)) assertWellFormedXml(bytes.toString('utf8'), name);

      const document = parts.get('word/document.xml')!.toString('utf8');
      const paragraphs = docxParagraphs(document);
      const headings = paragraphs.filter((p) => p.style !== null && HEADING_STYLES.has(p.style));
      for (const heading of requiredHeadings(language)) assert.ok(headings.some((h) => h.text === heading), `no heading "${heading}" in the ${language} DOCX`);
      assert.ok(headings.filter((h) => h.style === 'Heading1').length >= 10);
      assert.ok(headings.some((h) => h.style === 'Heading2'));

      // The plan matrix: the first table after the Appendix A heading, with the doctrine's columns and our row.
      const planAt = document.indexOf(`>${translate(language, 'report.heading.plan')}<`);
      const participantsAt = document.indexOf(`>${translate(language, 'report.heading.participants')}<`);
      assert.ok(planAt > 0 && participantsAt > planAt);
      const plan = document.slice(planAt, participantsAt);
      assert.match(plan, /<w:tbl>/);
      assert.match(plan, /<w:tblHeader\/>/, 'the header row repeats on every page');
      const planText = docxParagraphs(plan).map((p) => p.text);
      for (const column of ['report.col.corrective', 'report.col.element', 'report.col.organisation', 'report.col.contact', 'report.col.start', 'report.col.completion'] as const)
        assert.ok(planText.includes(translate(language, column)), `plan column ${column}`);
      for (const cell of [PLAN_ISSUE, PLAN_ACTION, '2027-03-31', translate(language, 'report.element.planning')]) assert.ok(planText.includes(cell), `plan cell "${cell}"`);

      const header = docxParagraphs(parts.get('word/header1.xml')!.toString('utf8')).map((p) => p.text).join('\n');
      const footer = docxParagraphs(parts.get('word/footer1.xml')!.toString('utf8')).map((p) => p.text).join('\n');
      assert.match(header, /일반 \/\/ 훈련 전용 \(UNCLASSIFIED \/\/ EXERCISE ONLY\)/);
      assert.ok(header.includes(translate(language, 'exercise.banner')) && header.includes(translate(language, 'report.status.draft')));
      assert.match(footer, /일반 \/\/ 훈련 전용/);
      assert.ok(footer.includes(exercise.head), 'the footer names the journal head');
      // Every section of the document uses that header and footer.
      assert.match(document, /<w:headerReference w:type="default"/);
      assert.match(document, /<w:footerReference w:type="default"/);

      const styles = parts.get('word/styles.xml')!.toString('utf8');
      assert.match(styles, /w:eastAsia="Noto Sans KR"/);
      if (language === 'ko') assert.ok(paragraphs.some((p) => p.text === '훈련 개요'));
    });
  }
});
