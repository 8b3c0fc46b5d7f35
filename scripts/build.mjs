#!/usr/bin/env node
// `npm run build`: the renderer (dist/renderer), the Electron main process as ESM
// (dist/main/main.js) and the sandboxed preload as CommonJS (dist/main/preload.cjs).
// Runtime packages stay external: electron-builder packs the production dependencies.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { build } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const external = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies ?? {})];
const externalFn = (id) => external.some((name) => id === name || id.startsWith(`${name}/`));

await build({ configFile: `${root}vite.config.ts`, logLevel: 'warn' });
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  define: { __SITROOM_DEVTOOLS__: JSON.stringify(process.env['SITROOM_DEVTOOLS'] === '1') },
  build: {
    ssr: `${root}src-main/electron/main.ts`,
    outDir: `${root}dist/main`,
    emptyOutDir: true,
    target: 'node22',
    rolldownOptions: { external: externalFn, output: { format: 'es', entryFileNames: 'main.js' } },
  },
});
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    ssr: `${root}src-main/electron/preload.ts`,
    outDir: `${root}dist/main`,
    emptyOutDir: false,
    target: 'node22',
    rolldownOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'preload.cjs' } },
  },
});
console.log('built dist/renderer, dist/main/main.js, dist/main/preload.cjs');
