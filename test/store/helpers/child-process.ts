/**
 * Runs test/store/child-appender.ts as a separate process for the crash tests.
 *
 * Starting a child through tsx costs ~0.4 s here, which would make 400 crash runs take minutes. So
 * the child and the modules it imports are transpiled once (TypeScript's own transpiler, imports
 * rewritten from .ts to .js) into a temp folder and run with plain node; if that fails for any
 * reason the tests fall back to tsx and say so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const childSource = join(projectRoot, 'test/store/child-appender.ts');

export interface ChildLauncher {
  /** 'compiled' or 'tsx': printed by the tests so the figures say how they ran. */
  readonly mode: string;
  spawn(args: readonly string[]): ChildProcess;
  dispose(): Promise<void>;
}

async function transpileGraph(outDir: string): Promise<string> {
  const ts = (await import('typescript')).default;
  const seen = new Set<string>();
  const queue = [childSource];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = await readFile(file, 'utf8');
    for (const imported of ts.preProcessFile(source, true, true).importedFiles) {
      if (imported.fileName.startsWith('.')) queue.push(resolve(dirname(file), imported.fileName));
    }
    const output = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
        rewriteRelativeImportExtensions: true,
      },
    });
    const target = join(outDir, relative(projectRoot, file)).replace(/\.ts$/, '.js');
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, output.outputText);
  }
  await writeFile(join(outDir, 'package.json'), '{ "type": "module" }\n');
  await symlink(join(projectRoot, 'node_modules'), join(outDir, 'node_modules'), 'dir');
  return join(outDir, relative(projectRoot, childSource)).replace(/\.ts$/, '.js');
}

export async function childLauncher(): Promise<ChildLauncher> {
  const outDir = await mkdtemp(join(tmpdir(), 'sitroom-child-'));
  try {
    const entry = await transpileGraph(outDir);
    return {
      mode: 'compiled',
      spawn: (args) => spawn(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] }),
      dispose: () => rm(outDir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    console.log(`child launcher: transpiling failed (${String(error)}); using tsx`);
    return {
      mode: 'tsx',
      spawn: (args) =>
        spawn(process.execPath, ['--import', 'tsx', childSource, ...args], {
          stdio: ['ignore', 'pipe', 'pipe'],
          cwd: projectRoot,
        }),
      dispose: () => Promise.resolve(),
    };
  }
}

export interface ChildRun {
  readonly acks: ReadonlyMap<number, string>;
  readonly ready: boolean;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/**
 * Starts a child on `dir` and kills it with SIGKILL: `killAfterMs` after it printed READY, or, when
 * `killBeforeReadyMs` is given, that long after spawning (possibly during open and recovery).
 */
export function runAndKill(
  launcher: ChildLauncher,
  dir: string,
  timing: { readonly killAfterMs: number; readonly killBeforeReadyMs?: number },
): Promise<ChildRun> {
  return new Promise((done, fail) => {
    const child = launcher.spawn([dir]);
    const acks = new Map<number, string>();
    let ready = false;
    let pending = '';
    let stderr = '';
    const kill = (): void => {
      child.kill('SIGKILL');
    };
    if (timing.killBeforeReadyMs !== undefined) setTimeout(kill, timing.killBeforeReadyMs);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf('\n')) !== -1) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        const [word, seq, hash] = line.split(' ');
        if (word === 'READY' && !ready) {
          ready = true;
          if (timing.killBeforeReadyMs === undefined) setTimeout(kill, timing.killAfterMs);
        } else if (word === 'ACK' && seq !== undefined && hash !== undefined) {
          acks.set(Number(seq), hash);
        }
      }
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (exitCode, signal) => done({ acks, ready, exitCode, signal, stderr }));
  });
}

/** Runs `count` jobs with at most `parallel` in flight; results in job order. */
export async function runPool<T>(count: number, parallel: number, job: (index: number, worker: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async (_, worker) => {
      while (next < count) {
        const index = next++;
        results[index] = await job(index, worker);
      }
    }),
  );
  return results;
}
