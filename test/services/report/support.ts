/**
 * What the report tests share: a real exercise (a shipped playthrough run into a temp data dir,
 * then a few real AAR draft edits and a hostile control-log line recorded on top), and small
 * readers for what the formats produce — poppler's text and font lists for PDFs, a zip reader
 * (node:zlib) and an XML well-formedness check for DOCX.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import type { Command } from '../../../src-main/core/engine/index.ts';
import { ExerciseService } from '../../../src-main/services/exercise-service.ts';
import { readPlaythrough } from '../../../src-main/services/playthrough/load.ts';
import { runPlaythrough } from '../../../src-main/services/playthrough/run.ts';
import { FACILITATOR } from '../../../src-main/services/playthrough/schema.ts';
import { resolveScenario } from '../../../src-main/services/scenario-library.ts';
import { verifyJournalFile } from '../../../src-main/store/journal/index.ts';
import { ROOT } from '../../helpers/paths.ts';

export const run = promisify(execFile);

/** Runs the real `sitroom` command in a child process, as a person would. */
export async function sitroom(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin', 'sitroom.js'), ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A control-log line a spreadsheet would execute if the CSV did not neutralise it. */
export const HOSTILE_LOG = '=HYPERLINK("http://127.0.0.1/x","click")';
export const PLAN_ISSUE = 'Kakao first report reached MSIT late';
export const PLAN_ACTION = 'Add a 30-minute first-report clause to the MSIT–operator MOU';

export interface Exercise {
  readonly dataDir: string;
  readonly exerciseId: string;
  readonly head: string;
  readonly seq: number;
}

/** The flagship's strong playthrough, plus an AAR draft (strength, improvement, plan row) and a hostile log line. */
export async function flagshipExercise(playthrough = 'strong'): Promise<Exercise> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sitroom-report-'));
  const scenario = await resolveScenario('pangyo-datacenter-fire');
  const { playthrough: script } = await readPlaythrough(scenario.scenario.id, playthrough);
  const { session } = await runPlaythrough(scenario, script, { dataDir });
  const id = session.id;
  await session.close();
  // Reopen through the service (a later session, as in the app) and record the hot-wash outputs.
  let now = Date.parse(`${script.exercise.date}T18:00:00+09:00`);
  const service = new ExerciseService(dataDir, { now: () => (now += 1000) });
  const reopened = await service.open(id);
  const control = scenario.scenario.cells.find((c) => c.role === 'control')?.id ?? 'control';
  const actor = { person: FACILITATOR, cell: control };
  const capability = scenario.scenario.capabilities[0]!.id;
  const commands = [
    { type: 'save-aar-item', id: 's1', item: { kind: 'strength', capability, cell: 'msit', text: 'MSIT opened the situation room within minutes.' } },
    { type: 'save-aar-item', id: 'i1', item: { kind: 'improvement', capability, cell: 'msit', text: PLAN_ISSUE, reference: 'Broadcasting-communications disaster plan §35', analysis: 'No time limit in the MOU.' } },
    {
      type: 'save-aar-item',
      id: 'p1',
      item: { kind: 'plan', capability, improvement: 'i1', issue: PLAN_ISSUE, correctiveAction: PLAN_ACTION, element: 'planning', organisation: 'MSIT', contact: 'Network Policy Office', start: '2027-01-05', completion: '2027-03-31', priority: 'high', status: 'not-started' },
    },
    { type: 'add-control-log', text: HOSTILE_LOG },
  ] satisfies Command[];
  for (const command of commands) {
    const result = await reopened.dispatch(command, actor);
    if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
  }
  await service.closeAll();
  const verdict = await verifyJournalFile(join(dataDir, 'exercises', id, 'journal.jsonl'));
  if (!verdict.ok) throw new Error('journal does not verify');
  return { dataDir, exerciseId: id, head: verdict.head.hash, seq: verdict.head.seq };
}

export async function pdfPages(file: string): Promise<string[]> {
  const { stdout: info } = await run('pdfinfo', [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const { stdout } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  // pdftotext ends every page with a form feed.
  const texts = stdout.split('\f').slice(0, pages);
  if (texts.length !== pages || pages === 0) throw new Error(`pdftotext gave ${texts.length} pages, pdfinfo says ${pages}`);
  return texts;
}

/** Text of one page exactly as `pdftotext -f N -l N` extracts it. */
export async function pdfPage(file: string, n: number): Promise<string> {
  return (await run('pdftotext', ['-f', String(n), '-l', String(n), file, '-'])).stdout;
}

export async function pdfFonts(file: string): Promise<{ name: string; embedded: boolean }[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const parts = line.trim().split(/\s+/);
      // name type… encoding emb sub uni object ID: "emb" is the 5th column from the end.
      return { name: parts[0] ?? '', embedded: parts[parts.length - 5] === 'yes' };
    });
}

/** Whitespace-free text, so a heading wrapped over two lines still matches. */
export const squash = (text: string) => text.replace(/\s+/g, '');

/** The entries of a zip archive (stored or deflated), read from its central directory. */
export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataAt, dataAt + compressed);
    const content = method === 0 ? Buffer.from(data) : inflateRawSync(data);
    if (content.length !== size) throw new Error(`${name}: ${content.length} bytes, the directory says ${size}`);
    files.set(name, content);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/**
 * Throws unless `xml` is well-formed: one root, every tag closed in order, attributes quoted,
 * only the predefined or numeric entities. Enough to prove Word's parts are not broken markup.
 */
export function assertWellFormedXml(xml: string, name: string): void {
  const body = xml.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const token = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  for (const m of body.matchAll(token)) {
    if (m[0] === '<' || m[0] === '&') throw new Error(`${name}: stray "${m[0]}" at ${m.index}: ${body.slice(m.index, (m.index ?? 0) + 60)}`);
    const [, close, tag, , selfClose] = m;
    if (tag === undefined) continue;
    if (close) {
      const open = stack.pop();
      if (open !== tag) throw new Error(`${name}: </${tag}> closes <${open ?? 'nothing'}> at ${m.index}`);
    } else if (!selfClose) {
      if (stack.length === 0) roots += 1;
      stack.push(tag);
    } else if (stack.length === 0) roots += 1;
  }
  if (stack.length > 0) throw new Error(`${name}: unclosed <${stack.join('> <')}>`);
  if (roots !== 1) throw new Error(`${name}: ${roots} root elements`);
}

/** The visible text of WordprocessingML paragraphs, with each paragraph's style. */
export function docxParagraphs(xml: string): { style: string | null; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? null,
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1] ?? '')).join(''),
  }));
}

export function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? '');
}
