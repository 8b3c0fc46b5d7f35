/**
 * Where the bundled app finds its own files. The build puts main and preload side by side and the
 * renderer next to them (ADR 010):
 *
 *   dist/main/main.js       (this code, bundled; ESM)
 *   dist/main/preload.cjs   (sandboxed preloads must be CommonJS)
 *   dist/renderer/          (Vite output served as app://sitroom/)
 *
 * `join(dirname(fileURLToPath(...)))` rather than `new URL('./preload.cjs', import.meta.url)`
 * because Vite rewrites the latter into an asset import at build time.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const mainDir = dirname(fileURLToPath(import.meta.url));

export const PRELOAD_PATH = join(mainDir, 'preload.cjs');
export const RENDERER_ROOT = join(mainDir, '..', 'renderer');
