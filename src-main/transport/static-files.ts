/**
 * Serves the built renderer from one folder and nothing else: no directory listing, no path
 * outside the folder (`..`, encoded dots, backslashes, NUL, symlinks that escape), GET/HEAD only.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export type StaticResult = { readonly ok: true; readonly body: Buffer; readonly type: string } | { readonly ok: false; readonly status: 400 | 404 };

export async function readStatic(root: string, urlPath: string): Promise<StaticResult> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((part) => part === '..')) return { ok: false, status: 400 };
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const rootReal = await realpath(root).catch(() => resolve(root));
  const candidate = resolve(join(rootReal, relative));
  if (candidate !== rootReal && !candidate.startsWith(rootReal + sep)) return { ok: false, status: 400 };
  try {
    const real = await realpath(candidate);
    if (!real.startsWith(rootReal + sep)) return { ok: false, status: 404 };
    if (!(await stat(real)).isFile()) return { ok: false, status: 404 };
    const type = TYPES[extname(real).toLowerCase()];
    if (type === undefined) return { ok: false, status: 404 };
    return { ok: true, body: await readFile(real), type };
  } catch {
    return { ok: false, status: 404 };
  }
}
