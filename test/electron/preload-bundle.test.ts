// reliability.md §3 row "exposed API", on the built artefact: the preload bundles to CommonJS (a
// sandboxed preload cannot load ESM), requires nothing but `electron`, and — run in a context whose
// require() knows only `electron`, as in Electron's sandbox — exposes exactly the bridge.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'vite';
import { ROOT } from '../helpers/paths.ts';
import { makeTempDir } from './support/temp-dir.ts';

let temp: { path: string; cleanup: () => void };
let bundle: string;

before(async () => {
  temp = makeTempDir('sitroom-preload');
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      ssr: join(ROOT, 'src-main', 'electron', 'preload.ts'),
      outDir: temp.path,
      emptyOutDir: false,
      minify: false,
      rolldownOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'preload.cjs' } },
    },
  });
  bundle = readFileSync(join(temp.path, 'preload.cjs'), 'utf8');
});

after(() => temp.cleanup());

describe('the preload bundle', () => {
  test('is CommonJS and requires electron only', () => {
    assert.doesNotMatch(bundle, /^\s*(import|export)\s/m);
    const required = [...bundle.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(required)], ['electron']);
  });

  test('run as in the sandbox, it exposes one object, "sitroom", without ipcRenderer in it', () => {
    const exposed: [string, unknown][] = [];
    const ipcRenderer = {
      invoke: () => Promise.resolve(undefined),
      on() {
        return ipcRenderer;
      },
      removeListener() {
        return ipcRenderer;
      },
    };
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
      ipcRenderer,
    };
    const sandboxRequire = (id: string): unknown => {
      if (id === 'electron') return electron;
      throw new Error(`module not found: ${id}`);
    };
    const module = { exports: {} };
    runInNewContext(bundle, { require: sandboxRequire, module, exports: module.exports });

    assert.equal(exposed.length, 1);
    const [key, api] = exposed[0]!;
    assert.equal(key, 'sitroom');
    assert.equal(typeof (api as { subscribe?: unknown }).subscribe, 'function');
    for (const value of Object.values(api as object)) {
      assert.equal(typeof value, 'function');
      assert.notEqual(value, ipcRenderer);
    }
    assert.equal(Object.values(api as object).includes(ipcRenderer), false);
  });
});
